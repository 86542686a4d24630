import { controlRoute, type ControlState } from '../control/routes.js';
import { parseEnvelope } from '../deps.js';
import type { RpcContext } from '../rpc/context.js';
import { handleRpc } from '../rpc/handle-rpc.js';
import { openRpc } from '../rpc/openrpc.js';
import { contentTypeWarning } from './content-type.js';
import { ENDPOINT_PATH, isCallApiPath, pathOf, refuse } from './refusal.js';
import { json, jsonText, text, type AppRequest, type Reply } from './reply.js';
import { serveInspector } from './static.js';

export { ENDPOINT_PATH } from './refusal.js';

/** Seconds a client is told to wait (`Retry-After`) when the server is shutting down. */
export const SHUTDOWN_RETRY_AFTER_S = 5;
/** The OpenRPC document of the Call API methods (also the JSON-RPC method `rpc.discover`). */
export const OPENRPC_PATH = '/openrpc.json';

export interface AppState extends ControlState {
  rpc: RpcContext;
  inspectorDir: string;
  /** Set when shutdown begins: the Call API answers HTTP 503 from then on. */
  lifecycle: { closing: boolean };
  log: (line: string) => void;
}

/** The request's id when the body is a request at all (for an answer that is not the method's). */
function idOf(body: string | Uint8Array) {
  const envelope = parseEnvelope(body);
  return envelope.ok ? envelope.id : envelope.response.id;
}

function callApi(state: AppState, request: AppRequest, path: string): Reply {
  if (path !== ENDPOINT_PATH) {
    return refuse(path, { status: 404, message: `No Call API at ${path}: POST ${ENDPOINT_PATH}, the method goes in the JSON-RPC body`, mnemonic: 'method_not_found' });
  }
  if (request.method !== 'POST') {
    const message = `Method ${request.method} not allowed: the Call API takes POST ${ENDPOINT_PATH}`;
    return refuse(path, { status: 405, message, mnemonic: 'invalid_request', headers: { allow: 'POST' } });
  }
  const body = request.body ?? '';
  const contentType = request.headers?.['content-type'];
  const receivedAt = state.rpc.now();
  if (state.lifecycle.closing) {
    const message = `The server is shutting down: retry in ${SHUTDOWN_RETRY_AFTER_S} s (against the restarted server)`;
    const reply = refuse(path, { status: 503, message, mnemonic: 'internal_error', id: idOf(body), headers: { 'retry-after': String(SHUTDOWN_RETRY_AFTER_S) } });
    state.journal.add({ body, responseText: String(reply.body), receivedAt, contentTypeWarning: contentTypeWarning(contentType) });
    return reply;
  }
  const { text: answer, method } = handleRpc(state.rpc, body, contentType, state.log);
  state.journal.add({ body, responseText: answer, receivedAt, method, contentTypeWarning: contentTypeWarning(contentType) });
  return jsonText(200, answer);
}

function route(state: AppState, request: AppRequest): Reply {
  const path = pathOf(request.url);
  if (path === null) return text(400, `Bad request target: ${request.url}`);
  if (isCallApiPath(path)) return callApi(state, request, path);
  if (path === '/control' || path.startsWith('/control/')) return controlRoute(state, request, path, new URL(request.url, 'http://mock.invalid').searchParams);
  const isRead = request.method === 'GET' || request.method === 'HEAD';
  if (path === OPENRPC_PATH) return isRead ? json(200, openRpc()) : text(405, 'The OpenRPC document is read-only', { allow: 'GET, HEAD' });
  if (path === '/' && isRead) return { status: 302, headers: { location: '/inspector/' }, body: '' };
  if (path === '/inspector' && isRead) return { status: 301, headers: { location: '/inspector/' }, body: '' };
  if (path.startsWith('/inspector/')) {
    return isRead ? serveInspector(state.inspectorDir, path) : text(405, 'The analysts\u2019 page is read-only', { allow: 'GET, HEAD' });
  }
  return text(404, `Not found: ${path}. The Call API is POST ${ENDPOINT_PATH} (described at ${OPENRPC_PATH}); the control API is under /control/; the analysts' page is /inspector/`);
}

/**
 * The server's routes as a function of an already-read request: what the HTTP adapter calls, and what
 * tests call in-process (no port). The one central error path: an exception is answered in the
 * route's language (on the Call API a JSON-RPC -32603 internal_error, HTTP 500; elsewhere a 500).
 * @example handle({ method: 'GET', url: '/' }) // { status: 302, headers: { location: '/inspector/' }, body: '' }
 */
export function createApp(state: AppState): (request: AppRequest) => Reply {
  return (request) => {
    try {
      return route(state, request);
    } catch (error) {
      state.log(`internal error on ${request.method} ${request.url}: ${(error as Error).stack ?? String(error)}`);
      const path = pathOf(request.url);
      // A JSON-RPC answer, error or not, is HTTP 200 (only transport faults get another status).
      return refuse(path, { status: path !== null && isCallApiPath(path) ? 200 : 500, message: 'internal error', mnemonic: 'internal_error' });
    }
  };
}
