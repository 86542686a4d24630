import { connect, type Socket } from 'node:net';

/** What came back on a raw connection: the status line's code, the headers, the rest. */
export interface RawResponse {
  status: number;
  head: string;
  body: string;
  /** Everything received (several answers, when requests were pipelined). */
  raw: string;
}

function parse(text: string): RawResponse {
  const [head = '', ...rest] = text.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, body: rest.join('\r\n\r\n'), raw: text };
}

/**
 * Opens a raw TCP connection to the server and writes `chunks` (exactly as given, but for `{host}`, which
 * stands for the server's `host:port`). Resolves with the response once the server closes the
 * connection or `untilText` has been received. `hangUp`: disconnect right after writing (a client gone
 * mid-body).
 */
export function rawExchange(
  url: string,
  chunks: (string | Buffer)[],
  options: { untilText?: string; hangUp?: boolean } = {},
): { socket: Socket; response: Promise<RawResponse> } {
  const { untilText, hangUp = false } = options;
  const { hostname, port, host } = new URL(url);
  const socket = connect(Number(port), hostname);
  let received = '';
  const response = new Promise<RawResponse>((resolve, reject) => {
    socket.on('data', (data) => {
      received += data.toString('utf8');
      if (untilText && received.includes(untilText)) resolve(parse(received));
    });
    socket.on('close', () => resolve(parse(received)));
    socket.on('error', (error) => (received ? resolve(parse(received)) : reject(error)));
  });
  socket.on('connect', () => {
    for (const chunk of chunks) socket.write(typeof chunk === 'string' ? chunk.replaceAll('{host}', host) : chunk);
    if (hangUp) socket.destroy();
  });
  return { socket, response };
}

export function postHead(path: string, headers: Record<string, string | number>): string {
  const lines = Object.entries({ host: '{host}', 'content-type': 'application/json', ...headers }).map(([k, v]) => `${k}: ${v}`);
  return `POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}
