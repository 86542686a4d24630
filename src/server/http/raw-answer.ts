import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorResponse, type Mnemonic } from '../deps.js';

/**
 * A whole HTTP/1.1 answer with a JSON-RPC error body, as bytes to write on a socket no request object
 * exists for (a refused connection, a request Node's parser rejected).
 * @example rawJsonRpcError('400 Bad Request', 'invalid_request', 'not HTTP') // 'HTTP/1.1 400 Bad Request\r\n…{"jsonrpc":"2.0",…}'
 */
export function rawJsonRpcError(statusLine: string, mnemonic: Mnemonic, detail: string, headers: Record<string, string> = {}): string {
  const answer = jsonRpcErrorAnswer(mnemonic, detail, headers);
  const lines = Object.entries(answer.headers).map(([name, value]) => `${name}: ${value}`);
  return [`HTTP/1.1 ${statusLine}`, ...lines, '', answer.body].join('\r\n');
}

/** The headers and JSON-RPC error body of such an answer; the connection is to be closed after it. */
function jsonRpcErrorAnswer(mnemonic: Mnemonic, detail: string, headers: Record<string, string>): { headers: Record<string, string>; body: string } {
  const body = JSON.stringify(errorResponse(null, { mnemonic }));
  return {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      ...headers,
      'x-error-detail': detail,
      connection: 'close',
    },
    body,
  };
}

const CLIENT_ERRORS: Record<string, [string, Mnemonic, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: ['408 Request Timeout', 'parse_error', 'the request was not received in time'],
  HPE_HEADER_OVERFLOW: ['431 Request Header Fields Too Large', 'invalid_request', 'the request headers are too large'],
};

/**
 * Requests Node's HTTP parser refuses (not HTTP, a bad Content-Length, headers too slow or too large)
 * are answered like every other fault: a JSON-RPC error body (400 invalid_request, 408 parse_error,
 * 431 invalid_request), then the connection is closed. So are the two Node would otherwise answer
 * without a body or not at all: `CONNECT` (405) and an `Expect` other than `100-continue` (417).
 * @example answerClientErrors(http.createServer(listener))
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex & { bytesWritten?: number }) => {
    if (error.code === 'ECONNRESET' || !socket.writable || (socket.bytesWritten ?? 0) > 0) return void socket.destroy();
    const [statusLine, mnemonic, detail] = CLIENT_ERRORS[error.code ?? ''] ?? ['400 Bad Request', 'invalid_request', 'not a well-formed HTTP request'];
    socket.end(rawJsonRpcError(statusLine, mnemonic, detail));
  });
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => undefined);
    socket.end(rawJsonRpcError('405 Method Not Allowed', 'invalid_request', 'CONNECT is not served: this server is not a proxy', { allow: 'GET, POST' }));
  });
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    const answer = jsonRpcErrorAnswer('invalid_request', `Expect "${String(req.headers.expect)}" is not understood (only 100-continue is)`, {});
    res.on('error', () => undefined);
    res.writeHead(417, answer.headers).end(answer.body);
  });
}
