import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { readBody } from './body.js';
import { pathOf, refuse } from './refusal.js';
import type { AppRequest, Reply } from './reply.js';
import { guardRequest, type GuardPolicy } from './request-guard.js';
import type { EventStream } from './sse.js';

export interface AdapterOptions {
  app: (request: AppRequest) => Reply;
  maxBodyBytes: number;
  bodyTimeoutMs: number;
  /** Host and Origin rules, checked in front of every route. */
  guard: GuardPolicy;
  /** `GET /control/events`: the response is handed over to it. */
  eventStream: EventStream;
  /** Whether requests on this socket are served (false for a connection refused at the cap). */
  serves?: (req: IncomingMessage) => boolean;
  log: (line: string) => void;
}

function headersOf(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

/**
 * Writes a reply (plus `extraHeaders`); HEAD gets the headers only. Never throws (the socket may be gone).
 * @example writeReply(res, json(200, { ok: true }))
 */
export function writeReply(res: ServerResponse, reply: Reply, headOnly = false, extraHeaders: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  res.writeHead(reply.status, { ...extraHeaders, ...reply.headers, 'content-length': String(body.byteLength) });
  res.end(headOnly ? undefined : body);
}

/**
 * Node's `http` request listener around the in-process app: Host and Origin first (421/403, CORS for
 * `--allow-origin`), then the event stream or the body within its limits (413, 408; a client gone
 * mid-body is simply dropped), then the reply. Refusals speak the route's language (JSON-RPC on
 * `/v4.0`). Nothing a client does can throw out of it.
 * @example http.createServer(createListener({ app, maxBodyBytes: 1 << 20, bodyTimeoutMs: 10_000, guard, eventStream, log }))
 */
export function createListener(options: AdapterOptions): RequestListener {
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const path = pathOf(url);
    const headers = headersOf(req);
    const headOnly = method === 'HEAD';
    const verdict = guardRequest(options.guard, { method, headers, localPort: req.socket.localPort, localAddress: req.socket.localAddress });
    if (verdict.kind === 'refuse') {
      const { status, message } = verdict;
      return writeReply(res, refuse(path, { status, message, mnemonic: 'forbidden', headers: { connection: 'close' } }), headOnly);
    }
    if (verdict.kind === 'preflight') return writeReply(res, { status: 204, headers: verdict.headers, body: '' });
    if (method === 'GET' && path === '/control/events') {
      const refused = options.eventStream.open(req, res, verdict.headers);
      return refused ? writeReply(res, refused) : undefined;
    }
    let body: Uint8Array | undefined;
    if (method !== 'GET' && method !== 'HEAD') {
      const read = await readBody(req, { maxBytes: options.maxBodyBytes, timeoutMs: options.bodyTimeoutMs });
      if (!read.ok) {
        if (read.reason === 'aborted') return void req.destroy();
        const refusal =
          read.reason === 'too_large'
            ? { status: 413, message: `Request body too large: at most ${options.maxBodyBytes} bytes`, mnemonic: 'parse_error' as const }
            : { status: 408, message: 'Request body not received in time', mnemonic: 'parse_error' as const };
        return writeReply(res, refuse(path, { ...refusal, headers: { connection: 'close' } }), false, verdict.headers);
      }
      body = read.body;
    }
    writeReply(res, options.app({ method, url, headers, body }), headOnly, verdict.headers);
  }

  return (req, res) => {
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    if (options.serves && !options.serves(req)) return;
    serve(req, res).catch((error: unknown) => {
      options.log(`HTTP adapter error on ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) writeReply(res, refuse(pathOf(req.url ?? '/'), { status: 500, message: 'Internal server error', mnemonic: 'internal_error' }));
      else res.destroy();
    });
  };
}
