import scenarioFiles from 'virtual:scenarios';
import { withParams, type ScenarioDoc } from '../case.js';
import { captionLines, exportNames, scenarioFile } from '../export.js';
import type { Store } from './store.js';
import type { SimulationResult } from '../../sim/types.js';
import { download, s } from './dom.js';

/**
 * The case as a scenario file whose `expect` is the current result: a finding becomes a test. An edited
 * case is renamed "<name> (edited)"; the file name is never a shipped scenario's. Returns the file name.
 */
export function exportScenario(doc: ScenarioDoc, result: SimulationResult, edited: boolean, suffix = ''): string {
  const { name, file } = exportNames(doc, edited, scenarioFiles.map((f) => f.file), suffix);
  download(file, new Blob([scenarioFile({ ...doc, name }, result)], { type: 'application/yaml' }));
  return file;
}

/** The caption of an exported image: per side, its name, key parameters and outcome. */
export function captionOf(store: Store): string[][] {
  const a = captionLines(store.case.scenario, store.a.run?.result ?? null, store.b ? 'A: ' : '');
  if (!store.b || !store.case.compare) return [a];
  return [a, captionLines(withParams(store.case.scenario, store.case.compare), store.b.run?.result ?? null, 'B: ')];
}

const CAPTION_LINE = 16;

/** The caption's lines cut to the width (an SVG text does not wrap); the first of each block in bold. */
function captionBlock(blocks: string[][], width: number): { height: number; el: SVGGElement } {
  const max = Math.max(20, Math.floor((width - 16) / 6.4));
  const group = s('g', { class: 'caption' });
  let y = 8;
  for (const block of blocks) {
    block.forEach((line, i) => {
      for (let start = 0; start < line.length || start === 0; start += max) {
        y += CAPTION_LINE;
        group.append(s('text', { x: 8, y, 'font-size': i === 0 ? 13 : 12, 'font-weight': i === 0 ? 600 : 400, fill: i === 0 ? '#0f172a' : '#334155' }, line.slice(start, start + max)));
        if (line.length === 0) break;
      }
    });
    y += 6;
  }
  return { height: y + 4, el: group };
}

/**
 * One standalone SVG holding the given drawings one under the other (A over B when comparing), under a
 * caption (per side: its name, key parameters and outcome) so the image says what it shows.
 */
export function stackSvgs(parts: SVGSVGElement[], caption: string[][] = []): SVGSVGElement {
  const width = Math.max(...parts.map((p) => Number(p.getAttribute('width'))));
  const out = s('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height: 0, 'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' });
  let y = 0;
  if (caption.length) {
    const block = captionBlock(caption, width);
    out.append(s('rect', { x: 0, y: 0, width, height: block.height, fill: '#f8fafc' }), block.el);
    y = block.height;
  }
  for (const part of parts) {
    const copy = part.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('y', String(y));
    out.append(copy);
    y += Number(part.getAttribute('height'));
  }
  out.setAttribute('height', String(y));
  out.setAttribute('viewBox', `0 0 ${width} ${y}`);
  return out;
}

function svgText(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

export function exportSvg(svg: SVGSVGElement, fileName: string): void {
  download(fileName, new Blob([svgText(svg)], { type: 'image/svg+xml' }));
}

/** Draws the SVG on a canvas at twice its size and saves it as PNG. */
export async function exportPng(svg: SVGSVGElement, fileName: string): Promise<void> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const context = canvas.getContext('2d')!;
  context.scale(2, 2);
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the browser could not make a PNG');
  download(fileName, blob);
}
