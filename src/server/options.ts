import type { Account, Platform, World } from './deps.js';
import type { EventStreamLimits } from './http/sse.js';
import type { JournalLimits } from './journal.js';
import type { NotifierOptions } from './notifications/notifier.js';
import type { SessionDriver } from './engine/clock.js';

/** What `createMockServer` accepts; every field has a default. */
export interface MockServerOptions {
  /** The account the server answers for (default: the built-in `demo`). */
  account?: Account;
  /** The world of every call that is not a magic number (default: D14/D12). */
  world?: World;
  platform?: Platform;
  /** Simulated seconds per real second (default 1). */
  speed?: number;
  /** The clock of the server's one scheduler (default: real time at `speed`); tests pass `manualDriver().start`. */
  driver?: SessionDriver;
  /** Reuse the timeline of an earlier call with the same parameters (default true): the simulation is deterministic. */
  timelineCache?: boolean;
  /** Wall clock in ms (default `Date.now`): token expiry, limits, start times. */
  now?: () => number;
  /** The first `call_session_id` (default: seconds since 2017-07-14, a 9-digit number that grows across restarts). */
  firstCallSessionId?: number;
  /** Largest request body accepted (default 1 MiB); more → HTTP 413. */
  maxBodyBytes?: number;
  /** Time allowed to receive a request body (default 10 s); slower → HTTP 408. */
  bodyTimeoutMs?: number;
  /** The analysts' page build (default `<package>/dist/inspector`). */
  inspectorDir?: string;
  notifications?: NotifierOptions;
  /** How long shutdown waits for pending notifications (default 5 s). */
  shutdownDeadlineMs?: number;
  /** SSE keep-alive comment interval (default 15 s). */
  keepAliveMs?: number;
  /** The event stream's budgets (default 64 subscribers, 1 MiB unread each, 32 MiB all together). */
  eventStream?: Partial<Omit<EventStreamLimits, 'keepAliveMs'>>;
  /** Open connections at most (default 512); past it idle keep-alive ones are closed first, then new ones get HTTP 503. */
  maxConnections?: number;
  /** Origins of pages served elsewhere allowed to call the server (CORS), e.g. `http://localhost:5173` (CLI `--allow-origin`). */
  allowOrigins?: string[];
  /** Host names the server answers to besides its own loopback names: `name`, `name:port` or `*` (CLI `--allow-host`). */
  allowHosts?: string[];
  /** The journal of requests (`GET /control/journal`): entries and UTF-8 bytes kept (default 10 000 and 32 MiB). */
  journal?: JournalLimits;
  /** Diagnostics (default: none). */
  log?: (line: string) => void;
}

/** 2017-07-14T02:40:00Z: `call_session_id` = seconds since then, so ids look like the platform's and never repeat across restarts at less than one call per second. */
export const CALL_SESSION_EPOCH_S = 1_500_000_000;
export const ONE_MIB = 1024 * 1024;
/** Default cap on open connections: well under the usual `ulimit -n` of 1024, with room for webhooks and files. */
export const DEFAULT_MAX_CONNECTIONS = 512;
