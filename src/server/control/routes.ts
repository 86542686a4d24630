import { isJsonContentType } from '../http/content-type.js';
import { controlError, json, jsonText, type AppRequest, type Reply } from '../http/reply.js';
import type { Journal } from '../journal.js';
import type { PointLimits } from '../limits.js';
import type { LoginThrottle } from '../login-throttle.js';
import { MAX_COMMANDS_PER_CALL, type SessionRegistry } from '../sessions/registry.js';
import { MAGIC_NUMBERS } from '../world/magic-numbers.js';
import { ControlCommand, describeCommandIssues } from './commands.js';
import { PAGE_LIMITS, parsePageQuery, startAfter } from './paging.js';
import { SESSION_LIST, sessionDetail, sessionSummary, snapshotNow } from './views.js';

export interface ControlState {
  sessions: SessionRegistry;
  journal: Journal;
  limits: PointLimits;
  loginThrottle: LoginThrottle;
}

const ENDPOINTS = [
  'GET  /control/sessions[?live=true][&limit=N]  (the newest N, default 20, at most 100)',
  'GET  /control/sessions/:id',
  'POST /control/sessions/:id/commands  {"type":"answer"|"hangup","leg":"employee"|"contact"} | {"type":"fail","leg":…,"reason":"busy"|"no_answer"|"unavailable"|"rejected"} | {"type":"early_media","kind":"ringback"|"voicemail"|"announcement"} | {"type":"release"}',
  'GET  /control/journal[?limit=N&after=SEQ | ?newest=N]  → {"items":[…],"next":SEQ|null} (default 100, at most 1000 entries, about 1 MiB)',
  'GET  /control/reports[?limit=N&after=SEQ | ?newest=N]  → {"items":[…],"next":SEQ|null} (default 100, at most 1000 lines, about 1 MiB)',
  'POST /control/reset',
  'GET  /control/events  (Server-Sent Events)',
  'GET  /control/magic-numbers',
];

function parseJsonBody(body: AppRequest['body']): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body ?? new Uint8Array())) };
  } catch {
    return { ok: false };
  }
}

function command(state: ControlState, id: number, body: AppRequest['body']): Reply {
  state.sessions.catchUp();
  const session = state.sessions.get(id);
  if (!session) return controlError(404, `no session ${id}`);
  const parsed = parseJsonBody(body);
  if (!parsed.ok) return controlError(400, 'expected a JSON body');
  const checked = ControlCommand.safeParse(parsed.value);
  if (!checked.success) return controlError(400, `bad command: ${describeCommandIssues(checked.error)}`);
  if (!session.live) return controlError(409, `session ${id} has ended`);
  if (checked.data.type !== 'release' && session.commands.length >= MAX_COMMANDS_PER_CALL) return controlError(409, `session ${id} has taken its ${MAX_COMMANDS_PER_CALL} commands`);
  const events = state.sessions.command(session, checked.data);
  return json(200, { call_session_id: id, command: checked.data, events, snapshot: snapshotNow(state.sessions, session) });
}

function sessionList(state: ControlState, query: URLSearchParams): Reply {
  const page = parsePageQuery(query, SESSION_LIST);
  if (!page.ok) return controlError(400, page.message);
  state.sessions.catchUp();
  const live = [...state.sessions.live.values()];
  const sessions = query.get('live') === 'true' ? live : [...state.sessions.finishedSessions(), ...live];
  const newest = sessions.sort((a, b) => a.id - b.id).slice(-page.limit);
  return json(200, newest.map((session) => sessionSummary(state.sessions, session)));
}

function reportPage(state: ControlState, query: URLSearchParams): Reply {
  const page = parsePageQuery(query);
  if (!page.ok) return controlError(400, page.message);
  const reports = state.sessions.reportLines;
  const { items, next } = reports.page(startAfter(page, reports.lastSeq), page.limit, PAGE_LIMITS.maxBytes);
  return jsonText(200, `{"items":[${items.join(',')}],"next":${next}}`);
}

function journalPage(journal: Journal, query: URLSearchParams): Reply {
  const page = parsePageQuery(query);
  if (!page.ok) return controlError(400, page.message);
  return jsonText(200, journal.page({ after: startAfter(page, journal.lastSeq), limit: page.limit, maxBytes: PAGE_LIMITS.maxBytes }));
}

/** A POST that changes state must say it is JSON: a plain HTML form (a cross-site page) cannot. */
const NOT_JSON = () =>
  controlError(415, 'send Content-Type: application/json (a POST to the control API changes state; an HTML form cannot send that type)', { 'accept-post': 'application/json' });

/**
 * The control API (JSON over HTTP, under `/control/`), for integrators' tests and the analysts' page.
 * `GET /control/events` (SSE) is served by the HTTP adapter.
 * @example await controlRoute(state, { method: 'POST', url: '/control/reset' }) // { status: 200, … }
 */
export function controlRoute(state: ControlState, request: AppRequest, path: string, query: URLSearchParams): Reply {
  const { method } = request;
  const allow = (allowed: 'GET' | 'POST', run: () => Reply) => {
    if (method !== allowed) return controlError(405, `use ${allowed} for ${path}`, { allow: allowed });
    return allowed === 'POST' && !isJsonContentType(request.headers?.['content-type']) ? NOT_JSON() : run();
  };
  if (path === '/control' || path === '/control/') return allow('GET', () => json(200, { endpoints: ENDPOINTS }));
  if (path === '/control/sessions') return allow('GET', () => sessionList(state, query));
  const match = /^\/control\/sessions\/(\d+)(\/commands)?$/.exec(path);
  if (match) {
    const id = Number(match[1]);
    if (match[2]) return allow('POST', () => command(state, id, request.body));
    return allow('GET', () => {
      state.sessions.catchUp();
      const session = state.sessions.get(id);
      return session ? json(200, sessionDetail(state.sessions, session)) : controlError(404, `no session ${id}`);
    });
  }
  if (path === '/control/journal') return allow('GET', () => journalPage(state.journal, query));
  // A GET here is taken over by the HTTP adapter as the SSE stream; any other method is refused.
  if (path === '/control/events') return allow('GET', () => controlError(400, 'the event stream needs an HTTP connection'));
  if (path === '/control/reports') return allow('GET', () => reportPage(state, query));
  if (path === '/control/magic-numbers') return allow('GET', () => json(200, MAGIC_NUMBERS));
  if (path === '/control/reset') {
    return allow('POST', () => {
      state.sessions.reset();
      state.journal.clear();
      state.limits.reset();
      state.loginThrottle.clear();
      return json(200, { reset: true });
    });
  }
  return controlError(404, `no control endpoint ${path}; see GET /control`);
}
