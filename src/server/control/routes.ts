import { controlError, json, jsonText, type AppRequest, type Reply } from '../http/reply.js';
import type { Journal } from '../journal.js';
import type { PointLimits } from '../limits.js';
import { MAX_COMMANDS_PER_CALL, type SessionRegistry } from '../sessions/registry.js';
import { REPORT_PAGE } from '../sessions/report-store.js';
import { MAGIC_NUMBERS } from '../world/magic-numbers.js';
import { ControlCommand, describeCommandIssues } from './commands.js';
import { pageLimit } from './page-limit.js';
import { SESSION_LIST, sessionDetail, sessionSummary } from './views.js';

export interface ControlState {
  sessions: SessionRegistry;
  journal: Journal;
  limits: PointLimits;
}

const ENDPOINTS = [
  'GET  /control/sessions[?live=true][&limit=N]  (the newest N, default 20, at most 100)',
  'GET  /control/sessions/:id',
  'POST /control/sessions/:id/commands  {"type":"answer"|"hangup","leg":"employee"|"contact"} | {"type":"fail","leg":…,"reason":"busy"|"no_answer"|"unavailable"|"rejected"} | {"type":"early_media","kind":"ringback"|"voicemail"|"announcement"} | {"type":"release"}',
  'GET  /control/journal',
  'GET  /control/reports[?limit=N][&after=CURSOR]  → {"items":[…],"next":CURSOR|null} (default 100, at most 1000 lines, about 1 MiB)',
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
  return json(200, { call_session_id: id, command: checked.data, events, snapshot: state.sessions.replayTo(session).snapshot() });
}

function sessionList(state: ControlState, query: URLSearchParams): Reply {
  const limit = pageLimit(query.get('limit'), SESSION_LIST);
  if (limit === null) return controlError(400, `limit: expected an integer 1–${SESSION_LIST.maxLimit}`);
  state.sessions.catchUp();
  const live = [...state.sessions.live.values()];
  const sessions = query.get('live') === 'true' ? live : [...state.sessions.finishedSessions(), ...live];
  const newest = sessions.sort((a, b) => a.id - b.id).slice(-limit);
  return json(200, newest.map((session) => sessionSummary(state.sessions, session)));
}

function reportPage(state: ControlState, query: URLSearchParams): Reply {
  const limit = pageLimit(query.get('limit'), REPORT_PAGE);
  const after = query.get('after');
  if (limit === null) return controlError(400, `limit: expected an integer 1–${REPORT_PAGE.maxLimit}`);
  if (after !== null && !/^\d{1,15}$/.test(after)) return controlError(400, 'after: expected the cursor of a previous page (`next`)');
  const page = state.sessions.reportLines.page(after === null ? null : Number(after), limit);
  return jsonText(200, `{"items":[${page.items.join(',')}],"next":${page.next}}`);
}

/**
 * The control API (JSON over HTTP, under `/control/`), for integrators' tests and the analysts' page.
 * `GET /control/events` (SSE) is served by the HTTP adapter.
 * @example await controlRoute(state, { method: 'POST', url: '/control/reset' }) // { status: 200, … }
 */
export function controlRoute(state: ControlState, request: AppRequest, path: string, query: URLSearchParams): Reply {
  const { method } = request;
  const allow = (allowed: string, run: () => Reply) =>
    method === allowed ? run() : controlError(405, `use ${allowed} for ${path}`, { allow: allowed });
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
  if (path === '/control/journal') return allow('GET', () => jsonText(200, state.journal.toJsonText()));
  // A GET here is taken over by the HTTP adapter as the SSE stream; any other method is refused.
  if (path === '/control/events') return allow('GET', () => controlError(400, 'the event stream needs an HTTP connection'));
  if (path === '/control/reports') return allow('GET', () => reportPage(state, query));
  if (path === '/control/magic-numbers') return allow('GET', () => json(200, MAGIC_NUMBERS));
  if (path === '/control/reset') {
    return allow('POST', () => {
      state.sessions.reset();
      state.journal.clear();
      state.limits.reset();
      return json(200, { reset: true });
    });
  }
  return controlError(404, `no control endpoint ${path}; see GET /control`);
}
