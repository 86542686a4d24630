import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { rawJsonRpcError } from './raw-answer.js';

export interface ConnectionCap {
  /** Connections open now (refused ones not counted). */
  readonly open: number;
  /** Whether requests on this socket are to be served (false: it was refused and is closing). */
  serves(socket: Socket): boolean;
  readonly stats: { refused: number; idleClosed: number };
}

interface Tracked {
  inFlight: number;
  served: number;
}

/** How long a refused connection may stay open for its client to read the 503 and close. */
const REFUSED_LINGER_MS = 2000;

function refusal(max: number): string {
  const detail = `too many connections: ${max} are open, the limit (--max-connections); retry shortly`;
  return rawJsonRpcError('503 Service Unavailable', 'internal_error', detail, { 'retry-after': '1' });
}

/**
 * At most `max` open connections. A connection that arrives at the cap first makes room by closing the
 * oldest idle keep-alive connection (one that has been answered and has no request in flight); when
 * none is idle it gets an immediate `HTTP/1.1 503` with a JSON-RPC body (internal_error, `Retry-After: 1`)
 * and is closed, so the process never runs out of file descriptors and the client is told why.
 * @example const cap = capConnections(http, 512, console.error); cap.open // 0
 */
export function capConnections(server: Server, max: number, log: (line: string) => void = () => {}): ConnectionCap {
  const tracked = new Map<Socket, Tracked>();
  const refused = new WeakSet<Socket>();
  const stats = { refused: 0, idleClosed: 0 };

  const makeRoom = (): boolean => {
    for (const [socket, state] of tracked) {
      if (state.inFlight > 0 || state.served === 0) continue;
      tracked.delete(socket);
      socket.destroySoon();
      stats.idleClosed++;
      return true;
    }
    return false;
  };

  server.prependListener('connection', (socket: Socket) => {
    if (tracked.size >= max && !makeRoom()) {
      refused.add(socket);
      stats.refused++;
      if (stats.refused === 1 || stats.refused % 1000 === 0) log(`connections: ${max} open (the limit); refused ${stats.refused} so far with HTTP 503`);
      socket.on('error', () => undefined);
      socket.end(refusal(max));
      setTimeout(() => socket.destroy(), REFUSED_LINGER_MS).unref();
      return;
    }
    tracked.set(socket, { inFlight: 0, served: 0 });
    socket.once('close', () => tracked.delete(socket));
  });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const state = tracked.get(req.socket);
    if (!state) return;
    state.inFlight++;
    res.once('close', () => {
      state.inFlight--;
      state.served++;
    });
  });

  return {
    get open() {
      return tracked.size;
    },
    serves: (socket) => !refused.has(socket),
    stats,
  };
}
