import type { ScenarioDoc } from '../case.js';
import { fileNameOf, scenarioFile } from '../export.js';
import type { SimulationResult } from '../../sim/types.js';
import { download, s } from './dom.js';

/** The case as a scenario file whose `expect` is the current result: a finding becomes a test. */
export function exportScenario(doc: ScenarioDoc, result: SimulationResult): void {
  download(fileNameOf(doc, 'yaml'), new Blob([scenarioFile(doc, result)], { type: 'application/yaml' }));
}

/** One standalone SVG holding the given timelines one under the other (A over B when comparing). */
export function stackSvgs(parts: SVGSVGElement[]): SVGSVGElement {
  const width = Math.max(...parts.map((p) => Number(p.getAttribute('width'))));
  let y = 0;
  const out = s('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height: 0 });
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
