/**
 * Issue #12, items 4 and 9 in headless Chromium: handing the case to an integrator (copy as curl, send to
 * the mock server and follow the call, the journal as a table, reset) — through the mock server and from
 * file:// — and the page on a 390 px phone screen.
 */
import { describe, expect, it } from 'vitest';
import { createMockServer, manualDriver } from '../../src/server/index.js';
import { SEED_REQUEST } from '../../src/seed-example.js';
import { usePage } from './browser.js';

const harness = usePage();

declare global {
  interface Window {
    copied: string[];
  }
}

/** Stands in for the clipboard (file:// and headless have none): records what the page copies. */
function recordClipboard(): void {
  window.copied = [];
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void window.copied.push(text) } });
}

describe('item 4: hand-off to integrators', () => {
  it('through the mock server: sends the case, follows the call live, lists the journal newest first, resets', async () => {
    const manual = manualDriver();
    const server = createMockServer({ driver: manual.start, inspectorDir: harness.outdir, firstCallSessionId: 501, keepAliveMs: 1000 });
    const { url } = await server.listen(0, '127.0.0.1');
    try {
      const page = await harness.open(`${url}/inspector/`, recordClipboard);
      const notFound: string[] = [];
      page.on('response', (response) => response.status() === 404 && notFound.push(response.url()));
      await page.waitForSelector('#live .live-status[data-status="on"]');
      // A long-running server: more entries than the table's reads would reach from the oldest.
      const unknownMethod = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'get.nothing', params: {} });
      for (let i = 0; i < 2500; i++) server.handleRpc(unknownMethod);
      // A wrong request first, so the journal has two different answers.
      await page.fill('#a-media_file_id', '9999');
      await page.click('#send-to-server');
      await expect.poll(() => page.locator('#send-answer').textContent()).toContain('media_file_not_found');
      await page.fill('#a-media_file_id', '2701');
      await page.click('#send-to-server');
      await expect.poll(() => page.locator('#send-answer').textContent()).toContain('"call_session_id": 501');
      const followed = page.locator('#live .live-session[data-followed="true"]');
      await expect.poll(() => followed.getAttribute('data-session')).toBe('501');
      manual.advance(3000);
      await expect.poll(() => followed.locator('path.mark[data-type="leg.answered"]').count()).toBe(1);

      const rows = () => page.$$eval('#journal table.journal tbody tr', (trs) => trs.map((tr) => [...tr.children].slice(1, 3).map((td) => td.textContent)));
      await expect.poll(async () => (await rows()).slice(0, 3)).toEqual([
        ['start.employee_call', 'call_session_id 501'],
        ['start.employee_call', '-32602 media_file_not_found'],
        ['get.nothing', '-32601 method_not_found'],
      ]);
      expect(await rows()).toHaveLength(30);
      await page.click('#journal tbody tr:first-child summary');
      await expect(page.locator('#journal tbody tr:first-child pre').textContent()).resolves.toContain('"received_at"');

      await page.click('#copy-curl');
      const [curl] = await page.evaluate(() => window.copied);
      expect(curl).toBe(
        `curl -sS '${url}/v4.0' -H 'Content-Type: application/json' --data-binary '${JSON.stringify({ ...SEED_REQUEST, params: { ...SEED_REQUEST.params, media_file_id: 2701 } })}'`,
      );

      await page.click('#reset-server');
      await expect.poll(() => page.locator('#journal').textContent()).toBe('No requests yet.');
      expect(server.handleRpc(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'list.calls', params: { access_token: SEED_REQUEST.params.access_token } }))).toMatchObject({ result: { data: [] } });
      expect(notFound).toEqual([]);
      await page.close();
    } finally {
      await server.close();
    }
  });

  it('from file://: curl targets npm start’s address; sending and the journal say where to open the page', async () => {
    const page = await harness.open(undefined, recordClipboard);
    await expect(page.locator('#send-to-server').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#mock-server-note').textContent()).resolves.toContain('http://127.0.0.1:8080/inspector/');
    await page.click('#copy-curl');
    const [curl] = await page.evaluate(() => window.copied);
    expect(curl).toMatch(/^curl -sS 'http:\/\/127\.0\.0\.1:8080\/v4\.0' -H 'Content-Type: application\/json' --data-binary '\{"jsonrpc":"2\.0"/);
    await page.close();
  });
});

describe('item 9: a 390 px phone screen', () => {
  it('scrolls only downwards, keeps timeline text at full size, lets the header scroll away', async () => {
    const page = await harness.open();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.click('#compare-toggle');
    await expect.poll(() => page.locator('#lanes svg.timeline').count()).toBe(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Drawn at the card's width: a 12 px text stays 12 px (no shrinking of a wider picture).
    const scale = await page.$eval('#lanes svg.timeline', (svg) => svg.getBoundingClientRect().width / Number(svg.getAttribute('width')));
    expect(scale).toBeGreaterThan(0.95);
    const smallest = await page.$$eval('#lanes svg.timeline text', (ts) => Math.min(...ts.map((t) => Number(t.getAttribute('font-size') ?? 12))));
    expect(smallest * scale).toBeGreaterThanOrEqual(10);
    await page.evaluate(() => window.scrollTo(0, 900));
    const header = await page.$eval('header.top', (el) => el.getBoundingClientRect().bottom);
    expect(header).toBeLessThanOrEqual(0);
    await page.close();
  });
});
