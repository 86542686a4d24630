import { controlRoute, type ControlState } from '../control/routes.js';
import { errorResponse } from '../deps.js';
import type { Journal } from '../journal.js';
import type { RpcContext } from '../rpc/context.js';
import { handleRpc } from '../rpc/handle-rpc.js';
import { openRpc } from '../rpc/openrpc.js';
import { json, jsonText, text, type AppRequest, type Reply } from './reply.js';
import { serveInspector } from './static.js';

export const ENDPOINT_PATH = '/v4.0';
/** The OpenRPC document of the Call API methods (also the JSON-RPC method `rpc.discover`). */
export const OPENRPC_PATH = '/openrpc.json';

export interface AppState extends ControlState {
  rpc: RpcContext;
  journal: Journal;
  inspectorDir: string;
  log: (line: string) => void;
}

/**
 * `application/json` with any parameters, or no Content-Type at all; anything else is refused (415).
 * @example acceptsContentType('application/json; charset=UTF-8') // true; 'text/plain' → false
 */
export function acceptsContentType(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType.trim() === '') return true;
  return contentType.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

function callApi(state: AppState, request: AppRequest): Reply {
  if (request.method !== 'POST') return text(405, `Method ${request.method} not allowed: the Call API takes POST ${ENDPOINT_PATH}`, { allow: 'POST' });
  const contentType = request.headers?.['content-type'];
  if (!acceptsContentType(contentType)) {
    return text(415, `Unsupported Content-Type "${contentType}": send Content-Type: application/json; charset=UTF-8`, { 'accept-post': 'application/json' });
  }
  const body = request.body ?? '';
  const { text: answer, method } = handleRpc(state.rpc, body, contentType, state.log);
  state.journal.add(body, answer, state.rpc.now(), method);
  return jsonText(200, answer);
}

const BASE_URL = 'http://mock.invalid';

function route(state: AppState, request: AppRequest): Reply {
  if (!URL.canParse(request.url, BASE_URL)) return text(400, `Bad request target: ${request.url}`);
  const url = new URL(request.url, BASE_URL);
  const path = url.pathname;
  if (path === ENDPOINT_PATH) return callApi(state, request);
  if (path === '/control' || path.startsWith('/control/')) return controlRoute(state, request, path, url.searchParams);
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
 * tests call in-process (no port). The one central error path: an exception on the Call API endpoint
 * is a JSON-RPC -32603 internal_error (HTTP 200), elsewhere a 500.
 * @example handle({ method: 'GET', url: '/' }) // { status: 302, headers: { location: '/inspector/' }, body: '' }
 */
export function createApp(state: AppState): (request: AppRequest) => Reply {
  return (request) => {
    try {
      return route(state, request);
    } catch (error) {
      state.log(`internal error on ${request.method} ${request.url}: ${(error as Error).stack ?? String(error)}`);
      if (request.url.startsWith(ENDPOINT_PATH)) return json(200, errorResponse(null, { mnemonic: 'internal_error' }));
      return json(500, { error: 'internal error' });
    }
  };
}
