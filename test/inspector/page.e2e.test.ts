/**
 * The analysts' page in real headless Chromium, opened from file:// (and once through the mock server):
 * seeing the call, stepping through it, comparing, sharing a link, opening scenario files, live sessions.
 * Setting a case up (form errors, YAML, world), exporting and the Stately option: inputs.e2e.test.ts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createMockServer, manualDriver } from '../../src/server/index.js';
import { SEED_BODY } from '../../src/seed-example.js';
import { activeStates, brief, openScenario, ROOT, segments, setUpAnalystsCase, usePage, type Segment } from './browser.js';

const harness = usePage();

/** Segments that last (the simulator may report a zero-length hold music when two messages end together). */
const lasting = (list: Segment[]) => list.filter((s) => s.to > s.from);

describe('the inspector page from file://', () => {
  it('shows the seed example: lanes per leg, legend, outcome, labels above the lanes apart', async () => {
    const page = await harness.open();
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
    // The talk starts near the window's right edge, where the "goes on" note is: neither may cover the other.
    const labels = await page.$$eval('#lanes svg.timeline text.head-label', (texts) =>
      texts.map((t) => {
        const { x, y, width, height } = (t as SVGTextElement).getBBox();
        return { text: t.textContent, x, y, width, height };
      }),
    );
    expect(labels.map((l) => l.text)).toEqual(['talk starts 11.45 s', 'the call goes on to 1 m 11.45 s →']);
    const [a, b] = labels as [(typeof labels)[0], (typeof labels)[0]];
    const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
    expect(apart).toBe(true);
    await page.close();
  });

  it('answers the analysts’ question set up through the form (R6–R8, R10)', async () => {
    const page = await harness.open();
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
    const page = await harness.open();
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
    expect(await activeStates(page)).toEqual(['', 'talk', 'talk.connected']);
    await expect(page.locator('table.events tr.current').getAttribute('data-type')).resolves.toBe('talk.started');

    // A chosen window widens when the cursor goes past it: the cursor stays in sight.
    await page.selectOption('#zoom', '10000');
    await page.click('#last-event');
    await expect(page.locator('#lanes svg.timeline line.cursor').getAttribute('data-t')).resolves.toBe('71450');
    await page.close();
  });

  it('moves through time with the scrubber and by clicking a stretch of a lane', async () => {
    const page = await harness.open();
    const hearing = (leg: string) => page.locator(`.now tr[data-leg="${leg}"] td.hearing`).textContent();
    await page.locator('#scrubber').evaluate((input: HTMLInputElement) => {
      input.value = '9500';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect(page.locator('#cursor-time').getAttribute('data-t')).resolves.toBe('9500');
    await expect(page.locator('table.events tr.current').getAttribute('data-t')).resolves.toBe('8000');
    await expect(hearing('employee')).resolves.toBe('hold music 2701');
    await expect(hearing('contact')).resolves.toBe('nothing (ringing)');

    await page.click('#lanes rect.segment[data-leg="contact"][data-kind="message"]');
    const t = Number(await page.locator('#cursor-time').getAttribute('data-t'));
    expect(t >= 11000 && t < 11450).toBe(true);
    await expect(hearing('contact')).resolves.toBe('tts «Привет»');
    expect(await activeStates(page, 'contactPlayback')).toEqual(['', 'message']);
    await page.close();
  });

  it('compares switch_at_once true and false on the same world and marks where they part (R7)', async () => {
    const page = await harness.open();
    await openScenario(page, 'r7-contact-first-switch-both-messages.yaml');
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
    const page = await harness.open();
    await setUpAnalystsCase(page);
    await page.click('#tab-params');
    for (let i = 0; i < 4; i++) await page.click('#next-event');
    await page.waitForFunction(() => !document.body.dataset.linkPending && location.hash.startsWith('#z='));
    const link = page.url();
    const before = { employee: await segments(page, 'employee'), contact: await segments(page, 'contact') };
    await page.close();

    const again = await harness.open(link);
    await expect(again.inputValue('#a-first_call')).resolves.toBe('contact');
    await expect(again.inputValue('#a-contact_message-value')).resolves.toBe('Здравствуйте, соединяем вас с менеджером');
    expect({ employee: await segments(again, 'employee'), contact: await segments(again, 'contact') }).toEqual(before);
    await expect(again.locator('#cursor-time').getAttribute('data-t')).resolves.toBe('3000');
    await expect(again.locator('.now tr[data-leg="contact"] td.hearing').textContent()).resolves.toBe('tts «Здравствуйте, соединяем вас с менеджером»');
    await again.close();
  });

  it('opens any scenario file from the list and shows what the file expects', async () => {
    const page = await harness.open();
    const file = 'r8-contact-first-employee-message-ends-first.yaml';
    const expected = parse(await readFile(join(ROOT, 'scenarios', file), 'utf8')) as { expect: { hears: Record<string, { from: number; to: number; kind: string }[]> } };
    await openScenario(page, file);
    for (const leg of ['employee', 'contact']) {
      await expect
        .poll(async () => brief((await segments(page, leg)).filter((s) => s.kind !== 'ringing')))
        .toEqual(expected.expect.hears[leg]!.map((s) => [s.kind, s.from, s.to]));
    }
    await page.close();
  });
});

describe('the inspector page through the mock server', () => {
  it('serves the page at /inspector/ and shows live sessions from /control/events', async () => {
    const manual = manualDriver();
    const server = createMockServer({ driver: manual.start, inspectorDir: harness.outdir, firstCallSessionId: 777, keepAliveMs: 1000 });
    const { url } = await server.listen(0, '127.0.0.1');
    try {
      const page = await harness.open(`${url}/inspector/`);
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
