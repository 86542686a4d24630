import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BUILTIN_ACCOUNTS, Platform, type JsonRpcResponse } from './deps.js';
import { EventHub } from './event-hub.js';
import { createListener } from './http/adapter.js';
import { createApp, ENDPOINT_PATH } from './http/app.js';
import { capConnections, type ConnectionCap } from './http/connection-cap.js';
import { answerClientErrors } from './http/raw-answer.js';
import type { AppRequest, Reply } from './http/reply.js';
import { normalizeOrigin, type GuardPolicy } from './http/request-guard.js';
import { EVENT_STREAM_DEFAULTS, EventStream, type SessionEventMessage } from './http/sse.js';
import { packageRoot } from './http/static.js';
import { Journal } from './journal.js';
import { PointLimits } from './limits.js';
import { LoginThrottle } from './login-throttle.js';
import { notifyEvent } from './notifications/dispatch.js';
import { Notifier } from './notifications/notifier.js';
import { CALL_SESSION_EPOCH_S, DEFAULT_MAX_CONNECTIONS, ONE_MIB, type MockServerOptions } from './options.js';
import { SessionRegistry } from './sessions/registry.js';
import { LoginTokens } from './tokens.js';
import { DEFAULT_WORLD } from './world/default-world.js';
import { worldFor } from './world/magic-numbers.js';

export interface MockServer {
  /** The routes in-process, without a port: `/v4.0`, `/control/…`, `/inspector/…`. */
  handle(request: AppRequest): Reply;
  /** One Call API request body → its JSON-RPC answer (journaled like any request). */
  handleRpc(body: string | Uint8Array, contentType?: string): JsonRpcResponse;
  /** Node's request listener, for an `http.Server` of your own. */
  readonly listener: RequestListener;
  /** Listens (default 127.0.0.1:8080); resolves with the endpoint's base URL. */
  listen(port?: number, host?: string): Promise<{ url: string; port: number; host: string }>;
  /** Graceful shutdown: stop accepting, release live calls, deliver pending notifications (deadline), close. */
  close(): Promise<void>;
  readonly events: EventHub<SessionEventMessage>;
  /** `GET /control/events`: its subscribers and what they leave unread. */
  readonly eventStream: EventStream;
  /** Open connections (once listening), refusals at the cap. */
  readonly connections: ConnectionCap | null;
  readonly sessions: SessionRegistry;
  readonly notifier: Notifier;
  readonly journal: Journal;
}

/**
 * The mock Call API server: JSON-RPC on `POST /v4.0`, calls that unfold in time, the control API, the
 * SSE event stream, notifications and the analysts' page.
 * @example
 * const server = createMockServer({ speed: 20 });
 * const { url } = await server.listen(0);
 * await fetch(`${url}/v4.0`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
 * await server.close();
 */
export function createMockServer(options: MockServerOptions = {}): MockServer {
  const log = options.log ?? (() => {});
  const now = options.now ?? Date.now;
  const speed = options.speed ?? 1;
  const account = options.account ?? BUILTIN_ACCOUNTS.demo!;
  const world = options.world ?? DEFAULT_WORLD;
  const events = new EventHub<SessionEventMessage>();
  const notifier = new Notifier({ log, ...options.notifications });
  const sessions = new SessionRegistry({
    account,
    platform: options.platform ?? Platform.parse({}),
    worldFor: (contact) => worldFor(contact, world),
    ...(options.driver ? { driver: options.driver } : {}),
    speed,
    ...(options.timelineCache === false ? { timelineCache: false } : {}),
    now,
    firstCallSessionId: options.firstCallSessionId ?? Math.floor(now() / 1000) - CALL_SESSION_EPOCH_S,
    onEvent: (session, event) => {
      if (events.size > 0) events.publish({ call_session_id: session.id, event });
      notifyEvent(account, notifier, session, event, now());
    },
  });
  const journal = new Journal(options.journal);
  const limits = new PointLimits(account.limits, now);
  const loginThrottle = new LoginThrottle(now, account.users.map((user) => user.login));
  const rpc = { account, tokens: new LoginTokens(now), limits, loginThrottle, sessions, now };
  const lifecycle = { closing: false };
  const inspectorDir = options.inspectorDir ?? `${packageRoot()}/dist/inspector`;
  const handle = createApp({ rpc, journal, sessions, limits, loginThrottle, lifecycle, inspectorDir, log });
  const eventStream = new EventStream(events, { ...EVENT_STREAM_DEFAULTS, keepAliveMs: options.keepAliveMs ?? 15_000, ...options.eventStream }, log);
  const guard: GuardPolicy = { allowHosts: options.allowHosts ?? [], allowOrigins: (options.allowOrigins ?? []).map(normalizeOrigin) };
  let connections: ConnectionCap | null = null;
  const listener = createListener({
    app: handle,
    maxBodyBytes: options.maxBodyBytes ?? ONE_MIB,
    bodyTimeoutMs: options.bodyTimeoutMs ?? 10_000,
    guard,
    eventStream,
    serves: (req) => connections?.serves(req.socket) ?? true,
    log,
  });
  let http: Server | null = null;
  let closing: Promise<void> | null = null;

  async function shutdown(): Promise<void> {
    lifecycle.closing = true;
    const stopped = http ? new Promise<void>((resolve) => http!.close(() => resolve())) : Promise.resolve();
    sessions.releaseAll();
    eventStream.endAll();
    await notifier.drain(options.shutdownDeadlineMs ?? 5000);
    http?.closeIdleConnections();
    const grace = setTimeout(() => http?.closeAllConnections(), 1000);
    await stopped;
    clearTimeout(grace);
  }

  return {
    handle,
    handleRpc(body, contentType = 'application/json; charset=UTF-8') {
      const reply = handle({ method: 'POST', url: ENDPOINT_PATH, headers: { 'content-type': contentType }, body });
      return JSON.parse(String(reply.body)) as JsonRpcResponse;
    },
    listener,
    listen(port = 8080, host = '127.0.0.1') {
      const bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000;
      // Without a Host header (HTTP/1.0 style) a request is still answered, by the routes, in JSON-RPC.
      const timeouts = { requestTimeout: bodyTimeoutMs + 5000, headersTimeout: bodyTimeoutMs, connectionsCheckingInterval: 1000 };
      http = createServer({ ...timeouts, requireHostHeader: false }, listener);
      connections = capConnections(http, options.maxConnections ?? DEFAULT_MAX_CONNECTIONS, log);
      answerClientErrors(http);
      guard.boundHost = host;
      const server = http;
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shown = host.includes(':') ? `[${host}]` : host;
          resolve({ url: `http://${shown}:${address.port}`, port: address.port, host });
        });
      });
    },
    close() {
      closing ??= shutdown();
      return closing;
    },
    events,
    eventStream,
    get connections() {
      return connections;
    },
    sessions,
    notifier,
    journal,
  };
}
