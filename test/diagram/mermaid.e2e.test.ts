/**
 * The Mermaid text is checked by rendering it: the `mermaid` package in headless Chromium must parse and
 * draw every scenario's ladder (and labels full of Mermaid's own syntax characters) without an error.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mermaidSequence } from '../../src/diagram/mermaid.js';
import { ladderRows, type LadderRow } from '../../src/diagram/sequence.js';
import { loadScenario } from '../../src/scenario/load.js';
import { simulate } from '../../src/sim/simulate.js';
import { launchChromium, ROOT } from '../inspector/browser.js';

let browser: Browser;
let page: Page;

declare global {
  interface Window {
    mermaid: {
      initialize(config: object): void;
      parse(text: string): Promise<unknown>;
      render(id: string, text: string): Promise<{ svg: string }>;
    };
  }
}

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ path: join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js') });
  await page.evaluate(() => window.mermaid.initialize({ startOnLoad: false }));
});
afterAll(async () => browser?.close());

/** Renders Mermaid text in the page: the SVG's text, or the parse error. */
const render = (text: string) =>
  page.evaluate(async (source) => {
    try {
      await window.mermaid.parse(source);
      const { svg } = await window.mermaid.render(`d${Math.random().toString(36).slice(2)}`, source);
      const box = document.createElement('div');
      box.innerHTML = svg;
      return { ok: true, text: box.textContent ?? '' };
    } catch (error) {
      return { ok: false, text: String((error as Error).message ?? error) };
    }
  }, text);

describe('Mermaid renders the ladders', () => {
  it('draws the seed example with its lifelines and messages', async () => {
    const rendered = await render(mermaidSequence(ladderRows(simulate(loadScenario('scenarios/seed-example.yaml')).events), 'seed example'));
    expect(rendered.ok).toBe(true);
    for (const word of ['Employee', 'Platform', 'Contact', '0 s · dial 79260000001 (caller ID 79260000000)', '11.45 s · bridge: talk starts', 'DTMF 3'])
      expect(rendered.text).toContain(word);
  });

  it('parses the ladder of every scenario file', async () => {
    const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => /\.ya?ml$/.test(f));
    const failures: string[] = [];
    for (const file of files) {
      const scenario = loadScenario(join(ROOT, 'scenarios', file));
      const text = mermaidSequence(ladderRows(simulate(scenario).events), scenario.name);
      const ok = await page.evaluate(async (source) => window.mermaid.parse(source).then(() => 'ok', (e: Error) => e.message), text);
      if (ok !== 'ok') failures.push(`${file}: ${ok}`);
    }
    expect(failures).toEqual([]);
  });

  it('shows labels with ; # < > % { } and line breaks as written', async () => {
    const label = 'TTS «a;b #1 <b>x</b> 50%% {y}\nz»';
    const rows: LadderRow[] = [{ t: 0, event: 0, kind: 'sound', from: 'platform', to: 'contact', label }];
    const rendered = await render(mermaidSequence(rows, 'odd: title; #1'));
    expect(rendered).toEqual({ ok: true, text: expect.stringContaining('TTS «a;b #1 <b>x</b> 50%% {y} z»') });
  });
});
