import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { readBody } from './body.js';
import { text, type AppRequest, type Reply } from './reply.js';

export interface AdapterOptions {
  app: (request: AppRequest) => Reply;
  maxBodyBytes: number;
  bodyTimeoutMs: number;
  /** `GET /control/events`: takes the response over for a Server-Sent Events stream. */
  openEventStream: (req: IncomingMessage, res: ServerResponse) => void;
  log: (line: string) => void;
}

const REFUSALS = {
  too_large: (max: number) => text(413, `Request body too large: at most ${max} bytes`, { connection: 'close' }),
  timeout: () => text(408, 'Request body not received in time', { connection: 'close' }),
};

function headersOf(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

/**
 * Writes a reply; HEAD gets the headers only. Never throws (the socket may be gone).
 * @example writeReply(res, json(200, { ok: true }))
 */
export function writeReply(res: ServerResponse, reply: Reply, headOnly = false): void {
  if (res.headersSent || res.destroyed) return;
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.byteLength) });
  res.end(headOnly ? undefined : body);
}

/**
 * Node's `http` request listener around the in-process app: reads the body within its limits (413, 408;
 * a client gone mid-body is simply dropped), hands the SSE stream over, writes the reply. Nothing a
 * client does can throw out of it.
 * @example http.createServer(createListener({ app, maxBodyBytes: 1 << 20, bodyTimeoutMs: 10_000, openEventStream, log }))
 */
export function createListener(options: AdapterOptions): RequestListener {
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    if (method === 'GET' && url.split('?')[0] === '/control/events') return options.openEventStream(req, res);
    let body: Uint8Array | undefined;
    if (method !== 'GET' && method !== 'HEAD') {
      const read = await readBody(req, { maxBytes: options.maxBodyBytes, timeoutMs: options.bodyTimeoutMs });
      if (!read.ok) {
        if (read.reason === 'aborted') return void req.destroy();
        return writeReply(res, read.reason === 'too_large' ? REFUSALS.too_large(options.maxBodyBytes) : REFUSALS.timeout());
      }
      body = read.body;
    }
    writeReply(res, options.app({ method, url, headers: headersOf(req), body }), method === 'HEAD');
  }

  return (req, res) => {
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    serve(req, res).catch((error: unknown) => {
      options.log(`HTTP adapter error on ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) writeReply(res, text(500, 'Internal server error'));
      else res.destroy();
    });
  };
}
