/**
 * Setting a case up on the analysts' page (real headless Chromium, file://): the platform's errors under
 * the fields, the scenario as YAML, the world per number and early media; exporting; the Stately option.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { LegOutcome } from '../../src/scenario/schema.js';
import { brief, segments, usePage } from './browser.js';

const harness = usePage();

const outcome = (page: Page) => page.locator('#outcome .outcome');

describe('setting up a case', () => {
  it('shows the platform’s error inline next to the field it names, and no call', async () => {
    const page = await harness.open();
    await page.fill('#a-contact', '123');
    const error = page.locator('#a-form [data-error-for="contact"]');
    await expect.poll(() => error.isVisible()).toBe(true);
    await expect(error.textContent()).resolves.toContain('-32602 invalid_parameter_value');
    await expect(outcome(page).getAttribute('data-mnemonic')).resolves.toBe('invalid_parameter_value');
    await expect(outcome(page).getAttribute('data-field')).resolves.toBe('contact');
    expect(await page.locator('#lanes rect.segment').count()).toBe(0);
    await expect(page.locator('#lanes .no-call').textContent()).resolves.toContain('the platform rejected the request');

    await page.fill('#a-contact', '79260000000');
    await page.selectOption('#a-first_call', 'contact');
    await page.selectOption('#a-early_switching', 'true');
    const combination = page.locator('#a-form [data-error-for="early_switching"]');
    await expect.poll(() => combination.textContent()).toContain('invalid_parameters_combination');
    await expect(error.isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('follows a scenario pasted as YAML, lists its problems, offers a wrong value only while it is sent', async () => {
    const page = await harness.open();
    await page.click('#tab-yaml');
    const doc = parse(await page.inputValue('#yaml')) as { world?: unknown; request: { params: Record<string, unknown> } };
    await page.fill('#yaml', stringify({ ...doc, world: { contact: { outcome: 'busy', after: '2s' } } }));
    await expect.poll(() => outcome(page).getAttribute('data-finish-reason')).toBe('subscriber_busy');
    expect(brief(await segments(page, 'contact'))).toEqual([['ringing', 8000, 10000]]);
    await page.click('#tab-world');
    await expect(page.inputValue('[data-path="world.contact.outcome"]')).resolves.toBe('busy');

    await page.click('#tab-yaml');
    await page.fill('#yaml', 'name: [');
    await expect.poll(() => page.locator('#yaml-problems').isVisible()).toBe(true);
    await page.fill('#yaml', stringify({ ...doc, wrld: {} }));
    await expect.poll(() => outcome(page).getAttribute('data-state')).toBe('invalid-scenario');
    await expect(outcome(page).textContent()).resolves.toContain('wrld');

    // A value the form's list does not have is shown as sent, and offered only while it is sent.
    const sending = (firstCall: string) => stringify({ ...doc, request: { ...doc.request, params: { ...doc.request.params, first_call: firstCall } } });
    await page.fill('#yaml', sending('caller'));
    await expect.poll(() => outcome(page).getAttribute('data-field')).toBe('first_call');
    await expect(page.inputValue('#a-first_call')).resolves.toBe('caller');
    await page.fill('#yaml', sending('contact'));
    await expect.poll(() => page.inputValue('#a-first_call')).toBe('contact');
    await expect(page.locator('#a-first_call option[value="caller"]').count()).resolves.toBe(0);
    await page.close();
  });

  it('sets the world through the form: one number busy, the next answers (R14, D7); early media on the contact’s line (R3)', async () => {
    const page = await harness.open();
    await page.fill('#a-employee-phone_number', '');
    await page.click('#tab-world');
    await page.check('input[data-number="79260000001"]');
    await expect.poll(() => page.inputValue('[data-path="world.employee.79260000001.outcome"]')).toBe('busy');
    await expect
      .poll(async () => (await segments(page, 'employee')).filter((s) => s.kind === 'ringing').map((s) => [s.label, s.from, s.to]))
      .toEqual([
        ['ringing 79260000001', 0, 1000],
        ['ringing 79260000002', 1000, 4000],
      ]);

    // The employee answers on the second number at 4 s and hears file 2561 to 9 s; then the contact is dialled.
    await page.click('text=+ early media');
    await page.fill('[data-path="world.contact.early_media[0].at"]', '1s');
    await page.click('#tab-params');
    await page.selectOption('#a-early_switching', 'true');
    // The employee hears the contact's line: silent, then the ringback from 10 s, then the TTS played to the contact (D9).
    await expect
      .poll(async () => brief((await segments(page, 'employee')).filter((s) => s.kind === 'contact_line')))
      .toEqual([
        ['contact_line', 9000, 10000],
        ['contact_line', 10000, 12000],
        ['contact_line', 12000, 12450],
      ]);
    const marks = await page.$$eval('#lanes path.mark[data-type="leg.early_media"]', (ps) => ps.map((p) => p.getAttribute('data-t')));
    expect(marks).toEqual(['10000']);
    await page.close();
  });
});

describe('every outcome of the scenario file in the world form', () => {
  it('offers each outcome the schema has, manual too: without a command the contact rings out at the dial timeout (D3)', async () => {
    const page = await harness.open();
    await page.click('#tab-world');
    const select = '[data-path="world.contact.outcome"]';
    const offered = await page.$$eval(`${select} option`, (options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(LegOutcome.options);
    await page.selectOption(select, 'manual');
    await expect.poll(() => outcome(page).getAttribute('data-finish-reason')).toBe('subscriber_not_responsible');
    await page.click('#tab-yaml');
    expect((parse(await page.inputValue('#yaml')) as { world: unknown }).world).toEqual({ contact: { outcome: 'manual' } });
    await page.close();
  });
});

describe('keeping a case', () => {
  it('exports the case as a scenario with expect filled in, and the timeline as PNG and SVG', async () => {
    const page = await harness.open();
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
});

declare global {
  interface Window {
    statelyLog: { events: string[]; starts: number; stops: number };
  }
}

describe('the Stately Inspector option', () => {
  it('hands the inspector the session’s machines on every re-run while on, and nothing once off', async () => {
    // Stands in for stately.js (which would open stately.ai): records what the page gives the inspector.
    const page = await harness.open(undefined, () => {
      const log = { events: [] as string[], starts: 0, stops: 0 };
      window.statelyLog = log;
      (window as unknown as { StatelyInspect: unknown }).StatelyInspect = {
        createBrowserInspector: () => ({
          inspect: { next: (e: { type: string; actorRef: { id: string } }) => log.events.push(`${e.type} ${e.actorRef.id}`) },
          start: () => log.starts++,
          stop: () => log.stops++,
        }),
      };
    });
    const log = () => page.evaluate(() => window.statelyLog);
    // Online: stately.ai answers.
    await page.context().route('https://stately.ai/**', (route) => route.fulfill({ status: 200, body: 'viewer' }));
    await page.check('#stately');
    await expect.poll(() => page.locator('#flash').textContent()).toBe('Sent to the Stately Inspector window.');
    const first = await log();
    expect(first.starts).toBe(1);
    expect(first.events).toEqual(expect.arrayContaining(['@xstate.actor employeeCall']));

    await page.fill('#a-media_file_id', '2561');
    await expect.poll(async () => (await log()).events.length).toBeGreaterThan(first.events.length);
    await page.uncheck('#stately');
    const off = await log();
    expect(off.stops).toBe(1);
    await page.fill('#a-media_file_id', '2701');
    await expect.poll(async () => (await segments(page, 'employee')).map((s) => s.label)).toContain('hold music 2701');
    expect((await log()).events.length).toBe(off.events.length);
    await page.close();
  });

  it('offline: the real stately.js loads from the page’s folder, the page says the viewer is unreachable and keeps working', async () => {
    const page = await harness.open();
    await page.context().route(/^https?:/, (route) => route.abort());
    await page.check('#stately');
    await expect.poll(() => page.locator('#flash').textContent()).toContain('Stately Inspector unreachable: its window needs the internet');
    await page.fill('#a-media_file_id', '2561');
    await expect.poll(async () => (await segments(page, 'employee')).map((s) => s.label)).toContain('hold music 2561');
    await expect(page.locator('#live .live-status').textContent()).resolves.toBe('unavailable from file://');
    await page.close();
  });
});
