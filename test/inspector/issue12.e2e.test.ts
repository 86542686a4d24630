/**
 * Issue #12, items 2 and 5–8, 10 — as an analyst meets them in headless Chromium: early switching in the
 * employee's lane, exports after edits, YAML syntax errors, explanations under the platform's errors,
 * timeline legibility, the scenario picker and the small things.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/cli.js';
import { openScenario, ROOT, segments, usePage } from './browser.js';

const harness = usePage();
const outcome = (page: Page) => page.locator('#outcome .outcome');

describe('item 2: early switching shows what the contact’s line plays', () => {
  it('shows the ringback and the voicemail greeting in the employee’s lane (R3)', async () => {
    const page = await harness.open();
    await openScenario(page, 'r3-early-switching-voicemail-then-unavailable.yaml');
    await expect
      .poll(async () => (await segments(page, 'employee')).filter((s) => s.kind === 'contact_line').map((s) => [s.label, s.from, s.to]))
      .toEqual([
        ["contact's line: silence", 8000, 9000],
        ["contact's line: ringback", 9000, 13000],
        ["contact's line: voicemail", 13000, 23000],
      ]);
    await page.close();
  });
});

describe('item 5: exports', () => {
  it('renames an edited case "(edited)", never with a shipped file’s name, and exports A and B when comparing; verify accepts them', async () => {
    const page = await harness.open();
    const shipped = await readdir(join(ROOT, 'scenarios'));
    await openScenario(page, 'r7-contact-first-switch-both-messages.yaml');
    const title = String((parse(await readFile(join(ROOT, 'scenarios/r7-contact-first-switch-both-messages.yaml'), 'utf8')) as { name: string }).name);
    await page.fill('#a-media_file_id', '2561');
    const [edited] = await Promise.all([page.waitForEvent('download'), page.click('#export-yaml')]);
    const doc = parse(await readFile((await edited.path())!, 'utf8')) as { name: string };
    expect(doc.name).toBe(`${title} (edited)`);
    expect(edited.suggestedFilename()).toMatch(/-edited\.yaml$/);
    expect(shipped).not.toContain(edited.suggestedFilename());

    await page.click('#compare-toggle');
    const files: string[] = [];
    const names: string[] = [];
    page.on('download', async (download) => {
      names.push(download.suggestedFilename());
      files.push((await download.path())!);
    });
    await page.click('#export-yaml');
    await expect.poll(() => files.length).toBe(2);
    expect(names.every((n) => !shipped.includes(n))).toBe(true);
    const exported = await Promise.all(files.map(async (f) => (parse(await readFile(f, 'utf8')) as { name: string; request: { params: { switch_at_once: boolean } } })));
    expect(exported.map((d) => d.request.params.switch_at_once)).toEqual([true, false]);
    expect(exported.map((d) => d.name)).toEqual([`${title} (edited) — A`, `${title} (edited) — B`]);
    let out = '';
    const code = await main(['verify', ...files], { readStdin: async () => Buffer.alloc(0), out: (t) => void (out += t), err: (t) => void (out += t) });
    expect(out).toContain('2 passed, 0 failed');
    expect(code).toBe(0);
    await page.close();
  });

  it('offers no comparison for a raw body, which has no parameters to vary, and says why', async () => {
    const page = await harness.open();
    expect(await page.locator('#compare-toggle').isEnabled()).toBe(true);
    await openScenario(page, 'v1-raw-body-not-json.yaml');
    await expect.poll(() => page.locator('#compare-toggle').isDisabled()).toBe(true);
    expect(await page.getAttribute('#compare-toggle', 'title')).toContain('raw body');
    await page.close();
  });

  it('captions the PNG and SVG with the key parameters and the outcome', async () => {
    const page = await harness.open();
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
    const text = await readFile((await svg.path())!, 'utf8');
    const caption = text.slice(text.indexOf('class="caption"'), text.indexOf('class="timeline"'));
    for (const part of ['seed example', 'first_call: employee', 'switch_at_once: true', 'contact_message: tts "Привет"', 'outcome: subscriber_disconnects · talk 60 s · total 71.45 s'])
      expect(caption).toContain(part);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const bytes = await readFile((await png.path())!);
    // The PNG is taller than the timeline alone by the caption (2× scale).
    const height = bytes.readUInt32BE(20);
    const timelineHeight = Number(await page.locator('#lanes svg.timeline').getAttribute('height'));
    expect(height).toBeGreaterThan(timelineHeight * 2 + 40);
    await page.close();
  });
});

describe('item 6: the YAML tab', () => {
  it('clears the results on a syntax error as on a schema error, and brings them back once fixed', async () => {
    const page = await harness.open();
    await page.click('#tab-yaml');
    const good = await page.inputValue('#yaml');
    await page.fill('#yaml', `${good}\nworld: [`);
    await expect.poll(() => outcome(page).getAttribute('data-state')).toBe('unreadable-yaml');
    await expect(outcome(page).textContent()).resolves.toContain('The YAML cannot be read');
    expect(await page.locator('#lanes svg.timeline').count()).toBe(0);
    expect(await page.locator('#ladders svg.ladder').count()).toBe(0);
    await page.fill('#yaml', good);
    await expect.poll(() => outcome(page).getAttribute('data-state')).toBe('ended');
    expect(await page.locator('#lanes svg.timeline').count()).toBe(1);
    await page.close();
  });
});

describe('item 7: errors with a way out', () => {
  it('explains invalid_parameters_combination under the exact answer, links V4, and applies the fix', async () => {
    const page = await harness.open();
    await page.selectOption('#a-first_call', 'contact');
    await page.selectOption('#a-early_switching', 'true');
    const slot = page.locator('#a-form [data-error-for="early_switching"]');
    await expect.poll(() => slot.textContent()).toContain('-32602 invalid_parameters_combination The combination of parameters is not permitted');
    const explain = slot.locator('.explain');
    await expect(explain.textContent()).resolves.toContain('early_switching: true works only when the employee is called first (first_call: "employee")');
    await expect(explain.locator('a.rule-link').first().getAttribute('href')).resolves.toBe('spec.html#v4');
    // The outcome box says it too, under the platform's answer.
    await expect(page.locator('#outcome .explain').count()).resolves.toBe(1);
    await explain.locator('button.apply-fix').click();
    await expect.poll(() => outcome(page).getAttribute('data-state')).toBe('ended');
    await expect(page.inputValue('#a-first_call')).resolves.toBe('employee');
    await page.close();
  });

  it('tells the expected format of a contact like +7 926 000-00-00 and offers the digits', async () => {
    const page = await harness.open();
    await page.fill('#a-contact', '+7 926 000-00-00');
    const slot = page.locator('#a-form [data-error-for="contact"]');
    await expect.poll(() => slot.textContent()).toContain('invalid_parameter_value');
    await expect(slot.locator('.explain').textContent()).resolves.toContain('E.164 digits only: the country code first, no “+”, spaces, brackets or dashes');
    await slot.locator('button.apply-fix').click();
    await expect.poll(() => page.inputValue('#a-contact')).toBe('79260000000');
    await expect(outcome(page).getAttribute('data-state')).resolves.toBe('ended');
    await page.close();
  });
});

/** Bounding boxes of SVG texts matching a selector. */
const boxes = (page: Page, selector: string) =>
  page.$$eval(selector, (ts) =>
    ts.map((t) => {
      const { x, y, width, height } = (t as SVGTextElement).getBBox();
      return { text: t.textContent, x, y, width, height };
    }),
  );

describe('item 8: the timeline stays legible', () => {
  it('keeps every DTMF label, apart; draws texts over the cursor; ends the axis inside the picture', async () => {
    const page = await harness.open();
    await page.setViewportSize({ width: 560, height: 900 });
    await page.click('table.events tr[data-type="dtmf.sent"]');
    await expect.poll(() => page.locator('#lanes text.mark-label').count()).toBeGreaterThan(3);
    const dtmf = (await boxes(page, '#lanes text.mark-label')).filter((b) => b.text?.startsWith('DTMF'));
    expect(dtmf.map((b) => b.text)).toEqual(['DTMF 1', 'DTMF 2', 'DTMF 3']);
    for (let i = 0; i < dtmf.length; i++)
      for (let j = i + 1; j < dtmf.length; j++) {
        const [a, b] = [dtmf[i]!, dtmf[j]!];
        expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
      }
    // Paint order: the cursor's layer comes before the layer of every text.
    const order = await page.$eval('#lanes svg.timeline', (svg) => [...svg.children].map((c) => c.getAttribute('class')));
    expect(order.indexOf('cursor-layer')).toBeLessThan(order.indexOf('texts'));
    await page.selectOption('#zoom', 'all');
    const width = Number(await page.locator('#lanes svg.timeline').getAttribute('width'));
    for (const tick of await boxes(page, '#lanes text.tick')) expect(tick.x + tick.width).toBeLessThanOrEqual(width);
    await page.close();
  });
});

describe('item 10: the small things', () => {
  it('lists the scenarios by title, grouped by rule in natural order, and finds them by a word', async () => {
    const page = await harness.open();
    await page.click('#open-scenario');
    const groups = await page.$$eval('#scenario-list .picker-group', (gs) => gs.map((g) => g.getAttribute('data-rule')));
    // Each file is filed under the rule it is named after: r1-…, r2-…, … r10-… (numbers as numbers).
    const named = [...new Set((await readdir(join(ROOT, 'scenarios'))).map((f) => /^r(\d+)-/.exec(f)?.[1]).filter(Boolean).map(Number))].sort((a, b) => a - b);
    expect(groups.filter((g) => g!.startsWith('R'))).toEqual(named.map((n) => `R${n}`));
    expect(groups.indexOf('R10')).toBeGreaterThan(groups.indexOf('R9'));
    const titles = await page.$$eval('#scenario-list .picker-group[data-rule="R3"] .picker-title', (ts) => ts.map((t) => t.textContent));
    expect(titles).toContain("early_switching: the employee hears the contact's voicemail announcement, then the contact is unavailable");
    await page.fill('#scenario-search', 'voicemail');
    const found = await page.$$eval('#scenario-list .picker-item', (items) => items.map((i) => i.getAttribute('data-file')));
    expect(found).toContain('r3-early-switching-voicemail-then-unavailable.yaml');
    expect(found.length).toBeLessThan(10);
    await page.close();
  });

  it('colours the TTS chip like its lane, breaks field labels only between words, and needs no favicon request', async () => {
    const page = await harness.open();
    const chip = await page.$eval('#outcome li[data-leg="contact"] .chip.kind-message', (c) => getComputedStyle(c).backgroundColor);
    const lane = await page.$eval('#lanes rect.segment[data-leg="contact"][data-kind="message"]', (r) => r.getAttribute('fill'));
    expect(lane).toBe('#c4b5fd');
    expect(chip).toBe('rgb(196, 181, 253)');
    // No part between two break points of a label is itself split over two lines.
    await page.setViewportSize({ width: 390, height: 844 });
    const split = await page.$$eval('form.params label code.name', (codes) =>
      codes.flatMap((code) =>
        [...code.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).filter((n) => {
          const range = document.createRange();
          range.selectNodeContents(n);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
        }).map((n) => n.textContent),
      ),
    );
    expect(split).toEqual([]);
    expect(await page.$eval('link[rel="icon"]', (l) => l.getAttribute('href'))).toMatch(/^data:image\/svg\+xml,/);
    await page.close();
  });
});
