import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_REQUEST } from '../../src/server/index.js';
import { listening, testServer } from './helpers.js';

let browser: Browser;
/** "Any web page the developer opens": served from another port of this machine. */
let elsewhere: Server;
let pageUrl = '';

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  elsewhere = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>some page</title><body>'));
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => elsewhere?.close(resolve));
});

async function mockAndPage(allowOrigins: string[] = []) {
  const t = testServer({ allowOrigins });
  const url = await listening(t.server);
  const page = await browser.newPage();
  await page.goto(pageUrl);
  return { ...t, url, page, close: async () => (await page.close(), await t.server.close()) };
}

describe('in a real browser, a page served elsewhere', () => {
  it('cannot start a call (a no-cors POST), nor reset the server with a form', async () => {
    const { server, url, page, close } = await mockAndPage();
    server.handleRpc(JSON.stringify(SEED_REQUEST)); // one call and one journal entry that a reset would clear
    await page.evaluate(
      ([endpoint, body]) => fetch(endpoint!, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body }),
      [`${url}/v4.0`, JSON.stringify(SEED_REQUEST)],
    );
    await page.evaluate((action) => {
      const form = Object.assign(document.createElement('form'), { method: 'POST', action });
      document.body.append(form);
      form.submit();
    }, `${url}/control/reset`);
    await page.waitForURL(`${url}/control/reset`);
    expect(await page.textContent('body')).toContain('may not call this server');
    expect(server.sessions.live.size).toBe(1);
    expect(server.journal.entries()).toHaveLength(1);
    await close();
  });

  it('with --allow-origin for it, calls the API with CORS and reads the answer', async () => {
    const { url, page, close } = await mockAndPage([pageUrl]);
    const answer = await page.evaluate(
      async ([endpoint, body]) => (await fetch(endpoint!, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json(),
      [`${url}/v4.0`, JSON.stringify(SEED_REQUEST)],
    );
    expect(answer).toMatchObject({ id: 'req1', result: { data: { call_session_id: 1000 } } });
    await close();
  });
});
