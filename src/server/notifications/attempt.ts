/** One POST of a notification, as the notifier hands it over. */
export interface AttemptRequest {
  id: string;
  url: string;
  body: string;
  /** 1 for the first attempt. */
  attempt: number;
  timeoutMs: number;
  /** Aborting it (a drop, the end of a shutdown) ends the attempt at once with `signal.reason`. */
  controller: AbortController;
  fetch: typeof fetch;
}

/**
 * One attempt: null on a 2xx answer, else what went wrong (`timeout`, `HTTP 503`, a network error, or
 * the reason the attempt was aborted). Never throws. The timeout is a plain `setTimeout` that aborts
 * the request: `AbortSignal.timeout()` combined with `AbortSignal.any()` can be garbage-collected on
 * Node 20 before it fires, leaving an attempt against a hanging receiver pending for ever. The answer's
 * body is not read (a receiver cannot make the server buffer what it sends back).
 * @example await attemptDelivery({ id, url, body, attempt: 1, timeoutMs: 5000, controller: new AbortController(), fetch }) // null
 */
export async function attemptDelivery(request: AttemptRequest): Promise<string | null> {
  const { controller } = request;
  const timer = setTimeout(() => controller.abort('timeout'), request.timeoutMs);
  // The attempt ends when aborted even if the transport were to ignore its signal.
  let onAbort!: () => void;
  const aborted = new Promise<string>((resolve) => (onAbort = () => resolve(String(controller.signal.reason))));
  controller.signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await Promise.race([post(request), aborted]);
  } finally {
    clearTimeout(timer);
    controller.signal.removeEventListener('abort', onAbort);
  }
}

async function post(request: AttemptRequest): Promise<string | null> {
  const { controller } = request;
  try {
    const headers = {
      'content-type': 'application/json; charset=UTF-8',
      'x-notification-id': request.id,
      'idempotency-key': request.id,
      'x-notification-attempt': String(request.attempt),
    };
    const response = await request.fetch(request.url, { method: 'POST', headers, body: request.body, signal: controller.signal });
    await response.body?.cancel().catch(() => undefined);
    return response.ok ? null : `HTTP ${response.status}`;
  } catch (error) {
    if (controller.signal.aborted) return String(controller.signal.reason);
    const cause = (error as Error & { cause?: Error }).cause;
    return cause?.message ? `${(error as Error).message}: ${cause.message}` : (error as Error).message;
  }
}
