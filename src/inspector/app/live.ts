import type { SimEvent } from '../../sim/types.js';
import { lanesFromEvents } from '../lanes.js';
import { overlap } from '../live-events.js';
import { h } from './dom.js';
import { readableTime } from '../../duration.js';
import { timelineSvg } from './timeline.js';

/** A session as `GET /control/sessions` lists it (the fields the page reads). */
interface SessionSummary {
  call_session_id: number;
  live: boolean;
  contact?: string;
  external_id?: string | null;
  t: number;
  states?: Record<string, string>;
  outcome?: { finish_reason: string } | null;
}

interface LiveSession {
  id: number;
  summary: SessionSummary | null;
  events: SimEvent[];
  /** Simulated time known for the session and the wall-clock moment it was known (to draw open sounds growing). */
  t: number;
  at: number;
}

const MAX_SHOWN = 12;

/** Whether the page was served by the mock server (the live view needs its control API). */
export function servedOverHttp(): boolean {
  return location.protocol === 'http:' || location.protocol === 'https:';
}

/**
 * The mock server's sessions as they happen: the list from `GET /control/sessions`, then every event from
 * `GET /control/events` (Server-Sent Events), drawn with the same lanes as the simulations. Only over
 * http; from file:// it explains how to get it.
 */
export interface LiveView {
  el: HTMLElement;
  /** Marks a session (just sent from the page) and scrolls to it when it shows. */
  follow(id: number): void;
  /** Forgets every session (after the mock server was reset). */
  clear(): void;
}

export function liveView(): LiveView {
  const status = h('span', { class: 'live-status', 'data-status': 'off' }, 'not connected');
  const list = h('div', { class: 'live-list' });
  const el = h('section', { class: 'card live', id: 'live' }, h('h2', {}, 'Live sessions of the mock server ', status), list);
  if (!servedOverHttp()) {
    status.textContent = 'unavailable from file://';
    list.append(
      h(
        'p',
        { class: 'note' },
        'This page was opened from a file. Run ',
        h('code', {}, 'npm start'),
        ' and open ',
        h('code', {}, 'http://localhost:<port>/inspector/'),
        ' to watch the mock server’s calls here as they happen.',
      ),
    );
    return { el, follow: () => undefined, clear: () => undefined };
  }
  const sessions = new Map<number, LiveSession>();
  let followed: number | null = null;
  let scrolled = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  const sessionOf = (id: number) => {
    let session = sessions.get(id);
    if (!session) {
      session = { id, summary: null, events: [], t: 0, at: Date.now() };
      sessions.set(id, session);
    }
    return session;
  };

  const command = async (id: number, body: Record<string, unknown>) => {
    await fetch(`../control/sessions/${id}/commands`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  };

  const render = () => {
    const shown = [...sessions.values()].sort((a, b) => b.id - a.id).slice(0, MAX_SHOWN);
    if (shown.length === 0) {
      list.replaceChildren(h('p', { class: 'note' }, 'No calls yet: send start.employee_call to the mock server and it appears here.'));
      return;
    }
    const width = Math.max(300, list.clientWidth - 4);
    list.replaceChildren(
      ...shown.map((session) => {
        const ended = session.events.at(-1)?.type === 'session.ended';
        const now = ended ? undefined : session.t + (Date.now() - session.at);
        const lanes = lanesFromEvents(session.events, now);
        const end = Math.max(lanes.end, 1000);
        const outcome = session.events.find((e): e is Extract<SimEvent, { type: 'session.ended' }> => e.type === 'session.ended');
        return h(
          'div',
          { class: `live-session${session.id === followed ? ' followed' : ''}`, 'data-session': session.id, 'data-live': ended ? 'false' : 'true', 'data-followed': session.id === followed ? 'true' : null },
          h(
            'div',
            { class: 'live-head' },
            h('b', {}, `#${session.id}`),
            session.summary?.contact ? ` → ${session.summary.contact}` : '',
            h('span', { class: ended ? 'badge' : 'badge live' }, ended ? outcome?.finish_reason ?? 'ended' : `live · ${readableTime(lanes.end)}`),
            session.summary?.states ? h('code', { class: 'muted' }, ` ${session.summary.states.session ?? ''}`) : null,
            ended
              ? null
              : h(
                  'span',
                  { class: 'live-commands' },
                  ...(['employee', 'contact'] as const).map((leg) =>
                    h('button', { type: 'button', class: 'small', onclick: () => void command(session.id, { type: 'answer', leg }) }, `${leg} answers`),
                  ),
                  h('button', { type: 'button', class: 'small', onclick: () => void command(session.id, { type: 'hangup', leg: 'contact' }) }, 'contact hangs up'),
                  h('button', { type: 'button', class: 'small', onclick: () => void command(session.id, { type: 'release' }) }, 'release.call'),
                ),
          ),
          timelineSvg(lanes, { width, viewEnd: end, cursor: null, legend: false }),
        );
      }),
    );
    afterRender();
  };

  const afterRender = () => {
    if (followed === null || scrolled) return;
    const shown = list.querySelector(`[data-session="${followed}"]`);
    if (shown) {
      scrolled = true;
      shown.scrollIntoView({ block: 'nearest' });
    }
  };

  const load = async () => {
    const summaries = (await (await fetch('../control/sessions')).json()) as SessionSummary[];
    for (const summary of summaries.slice(-MAX_SHOWN)) {
      const session = sessionOf(summary.call_session_id);
      session.summary = summary;
      session.t = summary.t;
      session.at = Date.now();
      if (session.events.length === 0) {
        const detail = (await (await fetch(`../control/sessions/${summary.call_session_id}`)).json()) as { events?: SimEvent[] };
        session.events = detail.events ?? [];
      }
    }
  };

  const apply = (id: number, events: SimEvent[]) => {
    const session = sessionOf(id);
    session.events.push(...events);
    const last = events.at(-1);
    if (last) {
      session.t = last.t;
      session.at = Date.now();
    }
    if (!session.summary) session.summary = { call_session_id: id, live: true, t: session.t };
  };

  const connect = async () => {
    // Events that arrive while the list loads are held, then joined to each session's loaded events.
    const held: { call_session_id: number; event: SimEvent }[] = [];
    let loaded = false;
    const source = new EventSource('../control/events');
    source.onopen = () => {
      status.textContent = 'connected';
      status.dataset.status = 'on';
    };
    source.onerror = () => {
      status.textContent = 'reconnecting…';
      status.dataset.status = 'error';
    };
    source.onmessage = (message) => {
      const parsed = JSON.parse(message.data as string) as { call_session_id: number; event: SimEvent };
      if (!loaded) return void held.push(parsed);
      apply(parsed.call_session_id, [parsed.event]);
      render();
    };
    try {
      await load();
    } catch {
      status.textContent = 'no control API here';
      status.dataset.status = 'error';
      source.close();
      return;
    }
    const ids = new Set(held.map((m) => m.call_session_id));
    for (const id of ids) {
      const incoming = held.filter((m) => m.call_session_id === id).map((m) => m.event);
      apply(id, incoming.slice(overlap(sessionOf(id).events, incoming)));
    }
    loaded = true;
    render();
    // Open sounds grow with time: redraw while something is live.
    timer = setInterval(() => {
      if ([...sessions.values()].some((x) => x.events.at(-1)?.type !== 'session.ended')) render();
    }, 500);
  };
  void connect();
  window.addEventListener('pagehide', () => clearInterval(timer));
  return {
    el,
    follow(id) {
      followed = id;
      scrolled = false;
      render();
      afterRender();
    },
    clear() {
      sessions.clear();
      render();
    },
  };
}
