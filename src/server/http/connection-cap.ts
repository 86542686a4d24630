import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { rawJsonRpcError } from './raw-answer.js';

export interface ConnectionCap {
  /** Connections open now (refused ones not counted). */
  readonly open: number;
  /**
   * Whether a request arriving on this socket is to be served: false when the connection was refused,
   * or when it already has {@link MAX_PIPELINED} requests awaiting their answers (it is then closed).
   */
  serves(socket: Socket): boolean;
  readonly stats: { refused: number; idleClosed: number; slowClosed: number; pipelineClosed: number };
}

interface Tracked {
  inFlight: number;
  served: number;
  openedAt: number;
}

/** How long a refused connection may stay open for its client to read the 503 and close. */
const REFUSED_LINGER_MS = 2000;
/**
 * Requests one connection may have awaiting their answers. Clients send one request and wait (browsers,
 * curl, HTTP libraries); one that keeps sending without reading would have every answer kept in memory.
 */
export const MAX_PIPELINED = 4;
/** A connection that has not completed a request this long after opening may make room for a new one. */
const SLOW_START_MS = 1000;

function refusal(max: number): string {
  const detail = `too many connections: ${max} are open, the limit (--max-connections); retry shortly`;
  return rawJsonRpcError('503 Service Unavailable', 'internal_error', detail, { 'retry-after': '1' });
}

/**
 * At most `max` open connections. A connection that arrives at the cap first makes room by closing the
 * oldest idle keep-alive connection (one that has been answered and has no request in flight), else the
 * oldest that has not completed a request within {@link SLOW_START_MS} of opening (a client trickling
 * its headers cannot hold the slots); when there is neither it gets an immediate `HTTP/1.1 503` with a
 * JSON-RPC body (internal_error, `Retry-After: 1`) and is closed, so the process never runs out of file
 * descriptors and the client is told why. A connection sending a request while {@link MAX_PIPELINED}
 * of its own await their answers is closed.
 * @example const cap = capConnections(http, 512, console.error); cap.open // 0
 */
export function capConnections(server: Server, max: number, log: (line: string) => void = () => {}, now: () => number = performance.now.bind(performance)): ConnectionCap {
  const tracked = new Map<Socket, Tracked>();
  const refused = new WeakSet<Socket>();
  const stats = { refused: 0, idleClosed: 0, slowClosed: 0, pipelineClosed: 0 };

  const close = (socket: Socket, counter: 'idleClosed' | 'slowClosed') => {
    tracked.delete(socket);
    if (counter === 'idleClosed') socket.destroySoon();
    else socket.destroy();
    stats[counter]++;
    return true;
  };
  const makeRoom = (): boolean => {
    for (const [socket, state] of tracked) if (state.inFlight === 0 && state.served > 0) return close(socket, 'idleClosed');
    const started = now() - SLOW_START_MS;
    for (const [socket, state] of tracked) if (state.inFlight === 0 && state.served === 0 && state.openedAt <= started) return close(socket, 'slowClosed');
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
    tracked.set(socket, { inFlight: 0, served: 0, openedAt: now() });
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
    serves(socket) {
      if (refused.has(socket) || socket.destroyed) return false;
      const state = tracked.get(socket);
      if (!state || state.inFlight < MAX_PIPELINED) return true;
      stats.pipelineClosed++;
      if (stats.pipelineClosed === 1 || stats.pipelineClosed % 1000 === 0) log(`connections: closed ${stats.pipelineClosed} that sent more than ${MAX_PIPELINED} requests without reading the answers`);
      tracked.delete(socket);
      socket.destroy();
      return false;
    },
    stats,
  };
}
