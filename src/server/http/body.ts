import type { IncomingMessage } from 'node:http';

export type BodyResult =
  | { ok: true; body: Uint8Array }
  | { ok: false; reason: 'too_large' | 'timeout' | 'aborted' };

/**
 * Reads a request body, at most `maxBytes` and within `timeoutMs`. A declared Content-Length over the
 * limit is refused before any byte is read; a body that grows past it stops being read at once. A
 * client that disconnects mid-body gives `aborted` (nothing to answer).
 * @example const read = await readBody(req, { maxBytes: 1 << 20, timeoutMs: 10_000 }); if (read.ok) use(read.body);
 */
export function readBody(req: IncomingMessage, limits: { maxBytes: number; timeoutMs: number }): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBytes) return Promise.resolve({ ok: false, reason: 'too_large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData);
      if (!result.ok) req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) return finish({ ok: false, reason: 'too_large' });
      chunks.push(chunk);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), limits.timeoutMs);
    req.on('data', onData);
    req.once('end', () => finish({ ok: true, body: Buffer.concat(chunks) }));
    req.once('error', () => finish({ ok: false, reason: 'aborted' }));
    req.once('close', () => finish(req.complete ? { ok: true, body: Buffer.concat(chunks) } : { ok: false, reason: 'aborted' }));
  });
}
