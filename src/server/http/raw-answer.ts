import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorResponse, type Mnemonic } from '../deps.js';

/**
 * A whole HTTP/1.1 answer with a JSON-RPC error body, as bytes to write on a socket no request object
 * exists for (a refused connection, a request Node's parser rejected).
 * @example rawJsonRpcError('400 Bad Request', 'invalid_request', 'not HTTP') // 'HTTP/1.1 400 Bad Request\r\n…{"jsonrpc":"2.0",…}'
 */
export function rawJsonRpcError(statusLine: string, mnemonic: Mnemonic, detail: string, headers: Record<string, string> = {}): string {
  const body = JSON.stringify(errorResponse(null, { mnemonic }));
  const lines = Object.entries({
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
    'x-error-detail': detail,
    connection: 'close',
  }).map(([name, value]) => `${name}: ${value}`);
  return [`HTTP/1.1 ${statusLine}`, ...lines, '', body].join('\r\n');
}

const CLIENT_ERRORS: Record<string, [string, Mnemonic, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: ['408 Request Timeout', 'parse_error', 'the request was not received in time'],
  HPE_HEADER_OVERFLOW: ['431 Request Header Fields Too Large', 'invalid_request', 'the request headers are too large'],
};

/**
 * Requests Node's HTTP parser refuses (not HTTP, a bad Content-Length, headers too slow or too large)
 * are answered like every other fault: a JSON-RPC error body (400 invalid_request, 408 parse_error,
 * 431 invalid_request), then the connection is closed.
 * @example answerClientErrors(http.createServer(listener))
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex & { bytesWritten?: number }) => {
    if (error.code === 'ECONNRESET' || !socket.writable || (socket.bytesWritten ?? 0) > 0) return void socket.destroy();
    const [statusLine, mnemonic, detail] = CLIENT_ERRORS[error.code ?? ''] ?? ['400 Bad Request', 'invalid_request', 'not a well-formed HTTP request'];
    socket.end(rawJsonRpcError(statusLine, mnemonic, detail));
  });
}
