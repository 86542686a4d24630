/**
 * The page's diagrams in headless Chromium: the state charts with every transition as an arrow (ELK
 * routes), the transition just taken highlighted, a state's details on click; the ladder view in step
 * with the cursor, A | B side by side, exported as Mermaid text and SVG.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mermaidSequence } from '../../src/diagram/mermaid.js';
import { ladderRows } from '../../src/diagram/sequence.js';
import { loadScenario } from '../../src/scenario/load.js';
import { simulate } from '../../src/sim/simulate.js';
import { openScenario, usePage } from './browser.js';

const harness = usePage();
/** The session machine's flow region (each region of the parallel session is a chart of its own). */
const SESSION = 'svg.chart[data-machine="flow"]';

const firedArrows = (page: Page) =>
  page.$$eval(`${SESSION} g.transition[data-fired="true"]`, (gs) => gs.map((g) => g.getAttribute('data-transition')));

describe('state charts with transitions', () => {
  it('draws every transition of the session machine as an arrow with its event, at least 20 for the seed example', async () => {
    const page = await harness.open();
    const arrows = await page.$$eval(`${SESSION} g.transition`, (gs) =>
      gs.map((g) => ({
        event: g.getAttribute('data-event'),
        points: (g.querySelector('path')!.getAttribute('d') ?? '').split(/[ML]/).filter((p) => p.trim()).length,
        label: g.querySelector('text')?.textContent ?? '',
      })),
    );
    expect(arrows.length).toBeGreaterThanOrEqual(20);
    for (const arrow of arrows) {
      expect(arrow.points).toBeGreaterThanOrEqual(2);
      expect(arrow.label).toBe(arrow.event);
    }
    expect(arrows.map((a) => a.event)).toEqual(expect.arrayContaining(['ANSWER', 'PLAYBACK.MESSAGE_DONE', 'always', 'after sessionLimit', 'BRIDGE', 'RELEASE']));
    // A guard is written under its event.
    const guarded = await page.$$eval(`${SESSION} g.transition[data-transition="employeeCall.flow.employeeFirst.dialingContact#ANSWER#0"] text`, (ts) => ts.map((t) => t.textContent));
    expect(guarded).toEqual(['ANSWER', '[isCurrentAttempt(contact) ∧ hasMessage(contact) ∧ ¬switchInForce]']);
    // Every region of the session and the world's machine are drawn.
    expect(await page.$$eval('svg.chart', (svgs) => svgs.map((s) => s.getAttribute('data-machine')))).toEqual(
      expect.arrayContaining(['flow', 'employeeLeg', 'contactLeg', 'employeePlayback', 'contactPlayback']),
    );
    await page.close();
  });

  it('highlights the transition just taken at each step, in every machine', async () => {
    const page = await harness.open();
    await page.click('table.events tr[data-type="leg.answered"]');
    expect(await firedArrows(page)).toEqual(['employeeCall.flow.employeeFirst.dialingEmployee#ANSWER#0']);
    expect(await page.$$eval('svg.chart[data-machine="employeeLeg"] g.transition[data-fired="true"]', (gs) => gs.map((g) => g.getAttribute('data-event')))).toEqual(['ANSWER']);
    // The contact answers a TTS greeting: no switch (R10), the arrow to contactMessage is the one taken.
    await page.click('table.events tr[data-type="leg.answered"][class*="who-contact"]');
    expect(await firedArrows(page)).toEqual(['employeeCall.flow.employeeFirst.dialingContact#ANSWER#0']);
    await page.click('table.events tr[data-type="talk.started"]');
    expect(await firedArrows(page)).toEqual([
      'employeeCall.flow.employeeFirst.contactMessage#PLAYBACK.MESSAGE_DONE#0',
      'employeeCall.flow.talk.connecting#BRIDGE#0',
    ]);
    await page.close();
  });

  it('shows a state’s entry actions and its transitions with their guards on click', async () => {
    const page = await harness.open();
    await page.click(`${SESSION} g.state[data-path="employeeFirst.dialingContact"]`);
    const details = page.locator('[data-state-details="employeeFirst.dialingContact"]');
    await expect(details.textContent()).resolves.toContain('entry: dial(contact), employeeWaitsForContact');
    const rows = await details.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    expect(rows).toEqual([
      ['EARLY_MEDIA', 'isCurrentAttempt(contact)', '↻ stays (actions only)', 'followContactLine'],
      ['ANSWER', 'isCurrentAttempt(contact) ∧ hasMessage(contact) ∧ ¬switchInForce', '→ employeeFirst.contactMessage', 'scheduleDtmf'],
      ['ANSWER', 'isCurrentAttempt(contact)', '→ talk', 'scheduleDtmf'],
    ]);
    await page.close();
  });
});

describe('the ladder view', () => {
  it('draws the seed call between Employee, Platform and Contact, in step with the cursor; a row moves the cursor', async () => {
    const page = await harness.open();
    const rows = () => page.$$eval('#ladders svg.ladder g.ladder-row', (gs) => gs.map((g) => [g.getAttribute('data-kind'), g.getAttribute('data-from'), g.getAttribute('data-to'), g.getAttribute('data-state')]));
    const expected = ladderRows(simulate(loadScenario('scenarios/seed-example.yaml')).events);
    expect((await rows()).map((r) => r.slice(0, 3))).toEqual(expected.map((r) => [r.kind, r.from, r.to]));
    await page.click('table.events tr[data-type="talk.started"]');
    const states = await rows();
    const talk = expected.findIndex((r) => r.kind === 'talk');
    expect(states[talk]![3]).toBe('current');
    expect(states.slice(0, talk).every((r) => r[3] === 'past')).toBe(true);
    expect(states.slice(talk + 1).every((r) => r[3] === 'future')).toBe(true);
    await page.click('#ladders g.ladder-row[data-kind="dtmf"] >> nth=2');
    await expect(page.locator('#cursor-time').getAttribute('data-t')).resolves.toBe('14000');
    await page.close();
  });

  it('puts A and B side by side when comparing, the first difference marked', async () => {
    const page = await harness.open();
    await openScenario(page, 'r7-contact-first-switch-both-messages.yaml');
    await page.click('#compare-toggle');
    await expect.poll(() => page.locator('#ladders svg.ladder').count()).toBe(2);
    const [a, b] = await page.$$eval('#ladders svg.ladder', (svgs) => svgs.map((s) => s.getBoundingClientRect().toJSON() as DOMRect));
    expect(b!.left).toBeGreaterThanOrEqual(a!.right);
    expect(Math.abs(a!.top - b!.top)).toBeLessThan(1);
    expect(await page.locator('#ladders g.ladder-row[data-diff="true"]').count()).toBe(2);
    await page.close();
  });

  it('exports the ladder as Mermaid text (one diagram, or A and B in Markdown) and as a captioned SVG', async () => {
    const page = await harness.open();
    const [mmd] = await Promise.all([page.waitForEvent('download'), page.click('#export-mermaid')]);
    expect(mmd.suggestedFilename()).toBe('seed-example-ladder.mmd');
    const scenario = loadScenario('scenarios/seed-example.yaml');
    expect(await readFile((await mmd.path())!, 'utf8')).toBe(mermaidSequence(ladderRows(simulate(scenario).events), 'seed example'));
    await expect(page.locator('#mermaid-text').textContent()).resolves.toContain('sequenceDiagram');

    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#export-ladder-svg')]);
    const text = await readFile((await svg.path())!, 'utf8');
    expect(text).toContain('class="ladder"');
    expect(text).toContain('outcome: subscriber_disconnects');

    await page.click('#compare-toggle');
    const [md] = await Promise.all([page.waitForEvent('download'), page.click('#export-mermaid')]);
    const markdown = await readFile((await md.path())!, 'utf8');
    expect(md.suggestedFilename()).toMatch(/\.md$/);
    expect(markdown.match(/```mermaid\nsequenceDiagram/g)).toHaveLength(2);
    await page.close();
  });
});
