/**
 * The analysts' page in real headless Chromium: built with esbuild in beforeAll, opened from file:// (and
 * once through the mock server). Every test checks what the page shows: the lanes' segments (data
 * attributes of the SVG rects), the outcome, the highlighted states, the difference marker, the link.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createMockServer, manualDriver } from '../../src/server/index.js';
import { SEED_BODY } from '../../src/seed-example.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '../..');

let browser: Browser;
let outdir: string;
let pageUrl: string;

type Segment = { kind: string; from: number; to: number; label: string; diff: boolean };

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (the e2e tests need a real browser).`);
  outdir = await mkdtemp(join(tmpdir(), 'inspector-'));
  const script = pathToFileURL(join(ROOT, 'scripts/build-inspector.mjs')).href;
  const { buildInspector } = (await import(script)) as { buildInspector: (o: { outdir: string; minify: boolean }) => Promise<unknown> };
  await buildInspector({ outdir, minify: true });
  pageUrl = pathToFileURL(join(outdir, 'index.html')).href;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

async function open(url = pageUrl): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1500, height: 1000 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForSelector('body[data-ready]');
  expect(errors).toEqual([]);
  return page;
}

/** The segments of one leg's lane in the n-th timeline (0 = A, 1 = B). */
function segments(page: Page, leg: string, timeline = 0): Promise<Segment[]> {
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

const brief = (list: Segment[]) => list.map((s) => [s.kind, s.from, s.to]);
/** Segments that last (the simulator may report a zero-length hold music when two messages end together). */
const lasting = (list: Segment[]) => list.filter((s) => s.to > s.from);

async function activeStates(page: Page, machine = 'session'): Promise<string[]> {
  return page.$$eval(`svg.chart[data-machine="${machine}"] g.state[data-active="true"]`, (gs) => gs.map((g) => g.getAttribute('data-path')!));
}

/** The analysts' question set up through the form: first_call contact, TTS greeting, employee answers after 2 s. */
async function setUpAnalystsCase(page: Page): Promise<void> {
  await page.selectOption('#a-first_call', 'contact');
  await page.selectOption('#a-contact_message-type', 'tts');
  await page.fill('#a-contact_message-value', 'Здравствуйте, соединяем вас с менеджером');
  await page.click('#tab-world');
  await page.fill('[data-path="world.employee.answer_after"]', '2s');
}

describe('the inspector page from file://', () => {
  it('shows the seed example: lanes per leg, legend, outcome', async () => {
    const page = await open();
    expect(brief(await segments(page, 'employee'))).toEqual([
      ['ringing', 0, 3000],
      ['message', 3000, 8000],
      ['hold_music', 8000, 11450],
      ['talk', 11450, 71450],
    ]);
    expect((await segments(page, 'contact')).map((s) => s.label)).toEqual(['ringing 79260000000', 'tts «Привет»', 'talk']);
    const outcome = page.locator('#outcome .outcome');
    await expect(outcome.getAttribute('data-finish-reason')).resolves.toBe('subscriber_disconnects');
    await expect(outcome.getAttribute('data-is-lost')).resolves.toBe('false');
    await expect(page.locator('#outcome [data-total]').textContent()).resolves.toBe('1 m 11.45 s');
    await expect(page.locator('#lanes svg.timeline').first().textContent()).resolves.toContain('hold music (media_file_id)');
    await page.close();
  });

  it('answers the analysts’ question set up through the form (R6–R8, R10)', async () => {
    const page = await open();
    await setUpAnalystsCase(page);
    await expect.poll(async () => brief(await segments(page, 'contact'))).toEqual([
      ['ringing', 0, 3000],
      ['message', 3000, 6000],
      ['hold_music', 6000, 10000],
      ['talk', 10000, 70000],
    ]);
    expect(brief(await segments(page, 'employee'))).toEqual([
      ['ringing', 3000, 5000],
      ['message', 5000, 10000],
      ['talk', 10000, 70000],
    ]);
    expect((await segments(page, 'contact'))[1]!.label).toBe('tts «Здравствуйте, соединяем вас с менеджером»');
    await expect(page.locator('#outcome .outcome').getAttribute('data-finish-reason')).resolves.toBe('subscriber_disconnects');
    await expect(page.locator('#outcome [data-talk]').getAttribute('data-talk')).resolves.toBe('60000');
    await page.close();
  });

  it('steps through events with buttons, keys and the list; the chart follows', async () => {
    const page = await open();
    const cursor = page.locator('#cursor-time');
    for (let i = 0; i < 6; i++) await page.click('#next-event');
    await expect(cursor.getAttribute('data-index')).resolves.toBe('5');
    await expect(cursor.getAttribute('data-t')).resolves.toBe('8000');
    expect(await activeStates(page)).toEqual(['', 'employeeFirst', 'employeeFirst.dialingContact']);
    expect(await activeStates(page, 'contactLeg')).toEqual(['', 'dialing']);
    await expect(page.locator('.now tr[data-leg="employee"] td.hearing').textContent()).resolves.toBe('hold music 2701');
    await expect(page.locator('#lanes svg.timeline line.cursor').getAttribute('data-t')).resolves.toBe('8000');

    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(cursor.getAttribute('data-t')).resolves.toBe('3000');
    expect(await activeStates(page)).toEqual(['', 'employeeFirst', 'employeeFirst.employeeMessage']);
    await expect(page.locator('.now tr[data-leg="employee"] td.hearing').textContent()).resolves.toBe('file 2561');

    await page.click('table.events tr[data-type="talk.started"]');
    await expect(cursor.getAttribute('data-t')).resolves.toBe('11450');
    expect(await activeStates(page)).toEqual(['', 'talk']);
    await expect(page.locator('table.events tr.current').getAttribute('data-type')).resolves.toBe('talk.started');
    await page.close();
  });

  it('compares switch_at_once true and false on the same world and marks where they part (R7)', async () => {
    const page = await open();
    await page.selectOption('#scenario-picker', 'r7-contact-first-switch-both-messages.yaml');
    await expect.poll(() => page.inputValue('#a-first_call')).toBe('contact');
    await page.click('#compare-toggle');
    await expect(page.locator('#b-switch_at_once').inputValue()).resolves.toBe('false');
    await expect.poll(() => page.locator('#lanes svg.timeline').count()).toBe(2);
    const markers = await page.$$eval('#lanes line.diff-marker', (lines) => lines.map((l) => l.getAttribute('data-t')));
    expect(markers).toEqual(['5000', '5000']);
    expect(brief((await segments(page, 'contact', 0)).filter((s) => s.diff))).toEqual([
      ['message', 2000, 5000],
      ['talk', 5000, 65000],
    ]);
    expect(brief(lasting(await segments(page, 'contact', 1)).filter((s) => s.diff))).toEqual([
      ['message', 2000, 10000],
      ['talk', 10000, 70000],
    ]);
    const summary = page.locator('.compare-summary');
    await expect(summary.getAttribute('data-first-diff')).resolves.toBe('5000');
    await expect(summary.textContent()).resolves.toContain('switch_at_once: true → false');
    await page.close();
  });

  it('reproduces the same case from a shared link', async () => {
    const page = await open();
    await setUpAnalystsCase(page);
    await page.click('#tab-params');
    await page.click('#next-event');
    await page.click('#next-event');
    await page.waitForFunction(() => !document.body.dataset.linkPending && location.hash.startsWith('#z='));
    const link = page.url();
    const before = { employee: await segments(page, 'employee'), contact: await segments(page, 'contact') };
    await page.close();

    const again = await open(link);
    await expect(again.inputValue('#a-first_call')).resolves.toBe('contact');
    await expect(again.inputValue('#a-contact_message-value')).resolves.toBe('Здравствуйте, соединяем вас с менеджером');
    expect({ employee: await segments(again, 'employee'), contact: await segments(again, 'contact') }).toEqual(before);
    await expect(again.locator('#cursor-time').getAttribute('data-t')).resolves.toBe('0');
    await again.close();
  });

  it('opens any scenario file from the list and shows what the file expects', async () => {
    const page = await open();
    const file = 'r8-contact-first-employee-message-ends-first.yaml';
    const expected = parse(await readFile(join(ROOT, 'scenarios', file), 'utf8')) as { expect: { hears: Record<string, { from: number; to: number; kind: string }[]> } };
    await page.selectOption('#scenario-picker', file);
    for (const leg of ['employee', 'contact']) {
      await expect
        .poll(async () => brief((await segments(page, leg)).filter((s) => s.kind !== 'ringing')))
        .toEqual(expected.expect.hears[leg]!.map((s) => [s.kind, s.from, s.to]));
    }
    const options = await page.$$eval('#scenario-picker option', (os) => os.length);
    expect(options).toBeGreaterThan(10);
    await page.close();
  });

  it('shows the platform’s error inline next to the field it names', async () => {
    const page = await open();
    await page.fill('#a-contact', '123');
    const error = page.locator('#a-form [data-error-for="contact"]');
    await expect.poll(() => error.isVisible()).toBe(true);
    await expect(error.textContent()).resolves.toContain('-32602 invalid_parameter_value');
    const outcome = page.locator('#outcome .outcome');
    await expect(outcome.getAttribute('data-mnemonic')).resolves.toBe('invalid_parameter_value');
    await expect(outcome.getAttribute('data-field')).resolves.toBe('contact');
    expect(await page.locator('#lanes rect.segment').count()).toBe(0);

    await page.fill('#a-contact', '79260000000');
    await page.selectOption('#a-first_call', 'contact');
    await page.selectOption('#a-early_switching', 'true');
    const combination = page.locator('#a-form [data-error-for="early_switching"]');
    await expect.poll(() => combination.textContent()).toContain('invalid_parameters_combination');
    await expect(error.isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('exports the case as a scenario with expect filled in, and the timeline as PNG and SVG', async () => {
    const page = await open();
    const [yamlFile] = await Promise.all([page.waitForEvent('download'), page.click('#export-yaml')]);
    const scenario = parse(await readFile((await yamlFile.path())!, 'utf8')) as Record<string, { outcome?: unknown; hears?: unknown }>;
    expect(scenario.expect?.outcome).toMatchObject({ finish_reason: 'subscriber_disconnects', total_duration_ms: 71450 });
    expect(scenario.request).toBeDefined();

    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const bytes = await readFile((await png.path())!);
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);

    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
    expect(await readFile((await svg.path())!, 'utf8')).toContain('data-kind="hold_music"');
    await page.close();
  });

  it('works without the Stately Inspector when offline, and explains the live view on file://', async () => {
    const page = await open();
    await page.context().route(/^https?:/, (route) => route.abort());
    await page.check('#stately');
    await expect.poll(() => page.locator('#flash').textContent()).toMatch(/Stately Inspector/);
    await page.fill('#a-media_file_id', '2561');
    await expect.poll(async () => (await segments(page, 'employee')).map((s) => s.label)).toContain('hold music 2561');
    await expect(page.locator('#live .live-status').textContent()).resolves.toBe('unavailable from file://');
    await page.close();
  });
});

describe('the inspector page through the mock server', () => {
  it('serves the page at /inspector/ and shows live sessions from /control/events', async () => {
    const manual = manualDriver();
    const server = createMockServer({ driver: manual.start, inspectorDir: outdir, firstCallSessionId: 777, keepAliveMs: 1000 });
    const { url } = await server.listen(0, '127.0.0.1');
    try {
      const page = await open(`${url}/inspector/`);
      await page.waitForSelector('#live .live-status[data-status="on"]');
      expect(server.handleRpc(SEED_BODY)).toMatchObject({ result: { data: { call_session_id: 777 } } });
      manual.advance(3000);
      const session = page.locator('#live .live-session[data-session="777"]');
      await expect.poll(() => session.locator('path.mark[data-type="leg.answered"]').count()).toBe(1);
      await expect(session.getAttribute('data-live')).resolves.toBe('true');
      manual.runAll();
      await expect.poll(() => session.getAttribute('data-live')).toBe('false');
      await expect(session.locator('.badge').textContent()).resolves.toBe('subscriber_disconnects');
      const kinds = await session.locator('rect.segment[data-leg="contact"]').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-kind')));
      expect(kinds).toEqual(['ringing', 'message', 'talk']);
      await page.close();
    } finally {
      await server.close();
    }
  });
});
