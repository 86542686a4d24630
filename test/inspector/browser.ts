/**
 * The analysts' page in real headless Chromium for the e2e tests: `usePage()` builds it with esbuild and
 * starts the browser once per test file; `open()` loads it (from file:// unless given a URL) and waits
 * until it is ready. The helpers read what the page shows: the lanes' segments (data attributes of the
 * SVG rects) and the highlighted states.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
export const ROOT = resolve(import.meta.dirname, '../..');

export interface PageHarness {
  /** The built page's folder (the mock server serves it). */
  readonly outdir: string;
  open(url?: string, init?: () => void): Promise<Page>;
}

/** Debian's headless Chromium, with the flags every browser test uses. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (the e2e tests need a real browser).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export function usePage(): PageHarness {
  let browser: Browser;
  let outdir = '';
  beforeAll(async () => {
    outdir = await mkdtemp(join(tmpdir(), 'inspector-'));
    const script = pathToFileURL(join(ROOT, 'scripts/build-inspector.mjs')).href;
    const { buildInspector } = (await import(script)) as { buildInspector: (o: { outdir: string; minify: boolean }) => Promise<unknown> };
    await buildInspector({ outdir, minify: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (outdir) await rm(outdir, { recursive: true, force: true });
  });
  return {
    get outdir() {
      return outdir;
    },
    /** `init` runs in the page before its own script (e.g. to stand in for stately.js). */
    async open(url = pathToFileURL(join(outdir, 'index.html')).href, init) {
      const page = await browser.newPage({ viewport: { width: 1500, height: 1000 }, acceptDownloads: true });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      if (init) await page.addInitScript(init);
      await page.goto(url);
      await page.waitForSelector('body[data-ready]');
      expect(errors).toEqual([]);
      return page;
    },
  };
}

export type Segment = { kind: string; from: number; to: number; label: string; diff: boolean };

/** The segments of one leg's lane in the n-th timeline (0 = A, 1 = B). */
export function segments(page: Page, leg: string, timeline = 0): Promise<Segment[]> {
  return page.evaluate(
    ([legName, index]) =>
      [...document.querySelectorAll('#lanes svg.timeline')[index]!.querySelectorAll(`rect.segment[data-leg="${legName}"]`)].map((r) => ({
        kind: r.getAttribute('data-kind')!,
        from: Number(r.getAttribute('data-from')),
        to: Number(r.getAttribute('data-to')),
        label: r.getAttribute('data-label')!,
        diff: r.getAttribute('data-diff') === 'true',
      })),
    [leg, timeline] as const,
  );
}

export const brief = (list: Segment[]) => list.map((s) => [s.kind, s.from, s.to]);

export function activeStates(page: Page, machine = 'flow'): Promise<string[]> {
  return page.$$eval(`svg.chart[data-machine="${machine}"] g.state[data-active="true"]`, (gs) => gs.map((g) => g.getAttribute('data-path')!));
}

/** The analysts' question set up through the form: first_call contact, TTS greeting, employee answers after 2 s. */
export async function setUpAnalystsCase(page: Page): Promise<void> {
  await page.selectOption('#a-first_call', 'contact');
  await page.selectOption('#a-contact_message-type', 'tts');
  await page.fill('#a-contact_message-value', 'Здравствуйте, соединяем вас с менеджером');
  await page.click('#tab-world');
  await page.fill('[data-path="world.employee.answer_after"]', '2s');
}

/** Opens a file of scenarios/ through the picker (search by its file name, click it). */
export async function openScenario(page: Page, file: string): Promise<void> {
  await page.click('#open-scenario');
  await page.fill('#scenario-search', file.replace(/\.ya?ml$/, ''));
  await page.click(`#scenario-list .picker-item[data-file="${file}"]`);
}
