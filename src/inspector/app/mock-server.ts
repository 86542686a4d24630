import { curlCommand, journalPage, newestFirst, requestBodyOf, type JournalRow } from '../handoff.js';
import { h } from './dom.js';
import { say } from './flash.js';
import { servedOverHttp } from './live.js';
import type { Store } from './store.js';

/** Every POST the page makes says it is JSON (the mock server refuses other content types). */
const JSON_POST = { method: 'POST', headers: { 'Content-Type': 'application/json' } } as const;
const SHOWN = 30;
/** Journal pages read at most per refresh (bounded however long the server has run). */
const MAX_PAGES = 10;
const DEFAULT_URL = 'http://127.0.0.1:8080';

/** The Call API endpoint this page would send to: its own server's, or `npm start`'s default. */
function endpoint(): string {
  return servedOverHttp() ? new URL('../v4.0', location.href).href : `${DEFAULT_URL}/v4.0`;
}

function journalTable(rows: JournalRow[]): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'note' }, 'No requests yet.');
  return h(
    'table',
    { class: 'journal' },
    h('thead', {}, h('tr', {}, h('th', {}, 'time'), h('th', {}, 'method'), h('th', {}, 'answer'), h('th', {}, ''))),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h(
          'tr',
          { 'data-seq': row.seq, class: row.failed ? 'failed' : 'ok' },
          h('td', { class: 'num' }, row.receivedAt ? new Date(row.receivedAt).toLocaleTimeString() : '—'),
          h('td', {}, h('code', {}, row.method)),
          h('td', { class: 'answer' }, row.answer),
          h('td', {}, h('details', {}, h('summary', {}, 'JSON'), h('pre', {}, JSON.stringify(row.entry, null, 2)))),
        ),
      ),
    ),
  );
}

/**
 * Handing the case to an integrator: copy it as `curl`; send it to the mock server and follow the call
 * in the live view; the server's request journal as a table (newest first, each entry's JSON on demand);
 * reset the server. Sending, the journal and reset need the page served by the mock server (`npm start`):
 * cross-origin requests are refused, so from file:// a note says where to open it.
 */
export function mockServerCard(store: Store, follow: (id: number) => void, cleared: () => void): HTMLElement {
  const http = servedOverHttp();
  const answer = h('pre', { class: 'send-answer', id: 'send-answer', hidden: true });
  const journal = h('div', { class: 'journal-scroll', id: 'journal' });

  const copyCurl = async () => {
    const text = curlCommand(store.case.scenario, endpoint());
    try {
      await navigator.clipboard.writeText(text);
      say('curl command copied.');
    } catch {
      const field = h('input', { type: 'text', readonly: true, value: text, class: 'link-field', id: 'curl-field' });
      say('Copy the curl command: ', field);
      field.select();
    }
  };

  const refresh = async () => {
    if (!http) return;
    const rows: JournalRow[] = [];
    // The newest entries, then on while a page was cut short by the server's byte budget.
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query: string = after === null ? `?newest=${SHOWN}` : `?limit=${SHOWN}&after=${encodeURIComponent(after)}`;
      const next = journalPage(await (await fetch(`../control/journal${query}`)).json());
      rows.push(...next.rows);
      if (next.next === null || next.next === after) break;
      after = next.next;
    }
    journal.replaceChildren(journalTable(newestFirst(rows, SHOWN)));
  };

  const send = async () => {
    const body = requestBodyOf(store.case.scenario);
    if (!('text' in body)) return say('This scenario sends a raw base64 body: use “Copy as curl”.');
    const reply = await fetch('../v4.0', { ...JSON_POST, body: body.text });
    const json = (await reply.json()) as { result?: { data?: { call_session_id?: number } }; error?: { code: number; data?: { mnemonic?: string } } };
    answer.textContent = JSON.stringify(json, null, 2);
    answer.hidden = false;
    const id = json.result?.data?.call_session_id;
    if (typeof id === 'number') {
      follow(id);
      say(`The mock server started call #${id}: follow it under “Live sessions”.`);
    } else say(`The mock server answered ${json.error?.code ?? reply.status} ${json.error?.data?.mnemonic ?? ''}`.trim());
    await refresh();
  };

  const reset = async () => {
    await fetch('../control/reset', { ...JSON_POST, body: '{}' });
    answer.hidden = true;
    cleared();
    say('Mock server reset: sessions, journal, reports and limits cleared.');
    await refresh();
  };

  const button = (id: string, text: string, title: string, action: () => Promise<void>, enabled = true) =>
    h('button', { type: 'button', id, title, disabled: !enabled, onclick: () => void action().catch((e: Error) => say(`The mock server did not answer: ${e.message}`)) }, text);
  const el = h(
    'section',
    { class: 'card mock-server', id: 'mock-server' },
    h(
      'div',
      { class: 'card-head' },
      h('h2', {}, 'Mock server — hand the case to an integrator'),
      h(
        'span',
        { class: 'group' },
        button('copy-curl', 'Copy as curl', `The request as a curl command for ${endpoint()}`, copyCurl),
        button('send-to-server', 'Send to the mock server', 'POST the request to the mock server and follow the call live', send, http),
        button('reset-server', 'Reset', 'POST /control/reset: clears sessions, journal, reports, limits', reset, http),
        button('refresh-journal', 'Refresh journal', 'GET /control/journal', refresh, http),
      ),
    ),
    http
      ? h('p', { class: 'note' }, 'The mock server plays its own world (its --world file, or the magic contact numbers such as 79000000005 for voicemail), not this page’s World tab.')
      : h(
          'p',
          { class: 'note', id: 'mock-server-note' },
          'Opened from a file: sending, the journal and reset need the page served by the mock server (cross-origin requests are refused). Run ',
          h('code', {}, 'npm start'),
          ' and open ',
          h('code', {}, `${DEFAULT_URL}/inspector/`),
          '. “Copy as curl” works here: it targets ',
          h('code', {}, `${DEFAULT_URL}/v4.0`),
          '.',
        ),
    answer,
    http ? h('h3', {}, 'Request journal (newest first)') : null,
    http ? journal : null,
  );
  if (http) void refresh().catch(() => journal.replaceChildren(h('p', { class: 'note' }, 'No control API here.')));
  return el;
}
