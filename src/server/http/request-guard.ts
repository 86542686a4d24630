import { isIP } from 'node:net';

/** Who may reach the server: its own names plus what the user opened (`--allow-host`, `--allow-origin`). */
export interface GuardPolicy {
  /** Extra Host names: `name` (any port), `name:port` (that port only), `*` (any Host at all). */
  allowHosts: readonly string[];
  /** Origins (`http://host:port`) of pages served elsewhere that may call the server, with CORS. */
  allowOrigins: readonly string[];
  /** The host the server listens on (`--host`), once it listens. */
  boundHost?: string;
}

/** What the guard reads of a request. `localPort`/`localAddress`: the socket's, absent in-process. */
export interface GuardInput {
  method: string;
  headers: Record<string, string | undefined>;
  localPort?: number;
  localAddress?: string;
}

export type GuardVerdict =
  | { kind: 'pass'; headers: Record<string, string> }
  | { kind: 'preflight'; headers: Record<string, string> }
  | { kind: 'refuse'; status: 403 | 421; message: string };

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_HOSTS = ['', '0.0.0.0', '::', '[::]'];

/** `[::1]` for an IPv6 literal, lower case for the rest. */
function hostName(host: string): string {
  const lower = host.toLowerCase();
  return isIP(lower) === 6 ? `[${lower}]` : lower;
}

function parseHost(header: string): { name: string; port: number } | null {
  if (!/^[a-z0-9.\-:[\]]+$/i.test(header) || !URL.canParse(`http://${header}`)) return null;
  const url = new URL(`http://${header}`);
  return { name: url.hostname, port: url.port === '' ? 80 : Number(url.port) };
}

function allowedByList(list: readonly string[], name: string, port: number): boolean {
  return list.some((entry) => {
    if (entry === '*') return true;
    const parsed = parseHost(entry);
    if (!parsed) return false;
    const portGiven = /:\d+$/.test(entry);
    return parsed.name === name && (!portGiven || parsed.port === port);
  });
}

function ownHost(policy: GuardPolicy, input: GuardInput, host: { name: string; port: number }): boolean {
  const portFits = input.localPort === undefined || host.port === input.localPort;
  const own = [...LOOPBACK_NAMES];
  if (policy.boundHost !== undefined && !WILDCARD_HOSTS.includes(policy.boundHost)) own.push(hostName(policy.boundHost));
  // An address literal of the interface the request came in on: never a name an attacker controls.
  if (input.localAddress) own.push(hostName(input.localAddress.replace(/^::ffff:/, '')));
  return (own.includes(host.name) && portFits) || allowedByList(policy.allowHosts, host.name, host.port);
}

function corsHeaders(origin: string): Record<string, string> {
  return { 'access-control-allow-origin': origin, vary: 'Origin' };
}

/** A top-level navigation (a link to the page followed from elsewhere): harmless, nothing is readable. */
function isNavigation(input: GuardInput): boolean {
  const { headers, method } = input;
  return (method === 'GET' || method === 'HEAD') && headers['sec-fetch-mode'] === 'navigate' && headers['sec-fetch-dest'] === 'document';
}

/**
 * Host and Origin, checked before any route (DNS rebinding and cross-site requests). A Host that is not
 * the server's own (loopback names, the bound host, the local address, each with the listening port)
 * nor `--allow-host` → 421. An `Origin` that is neither the server's own nor `--allow-origin`, or a
 * request a browser marks `Sec-Fetch-Site: cross-site` (top-level navigations aside) → 403. Requests
 * without Origin (curl, CRMs, server-side clients) pass. A CORS preflight from an allowed origin →
 * answered; allowed cross-origin requests get `Access-Control-Allow-Origin`.
 * @example
 * guardRequest({ allowHosts: [], allowOrigins: [] }, { method: 'GET', headers: { host: 'evil.example:8080' }, localPort: 8080 })
 * // { kind: 'refuse', status: 421, message: 'Host "evil.example:8080" is not this server…' }
 */
export function guardRequest(policy: GuardPolicy, input: GuardInput): GuardVerdict {
  const hostHeader = input.headers.host;
  if (hostHeader !== undefined) {
    const host = parseHost(hostHeader);
    if (!host || !ownHost(policy, input, host)) {
      return {
        kind: 'refuse',
        status: 421,
        message: `Host "${hostHeader}" is not this server's name: use http://127.0.0.1:${input.localPort ?? '<port>'}, or start the server with --allow-host ${host?.name ?? '<name>'} (MockServerOptions.allowHosts) to answer to that name`,
      };
    }
  }
  const origin = input.headers.origin;
  if (origin === undefined) {
    if (input.headers['sec-fetch-site'] === 'cross-site' && !isNavigation(input)) {
      return { kind: 'refuse', status: 403, message: 'A cross-site request from a web page: refused (start the server with --allow-origin ORIGIN-OF-THE-PAGE to allow one)' };
    }
    return { kind: 'pass', headers: {} };
  }
  // Same host and port, http or https (behind a TLS proxy the page is https, the Host the same).
  const sameOrigin = hostHeader !== undefined && URL.canParse(origin) && new URL(origin).host === hostHeader.toLowerCase();
  const listed = policy.allowOrigins.includes(origin);
  if (!sameOrigin && !listed) {
    return { kind: 'refuse', status: 403, message: `Origin "${origin}" may not call this server: start it with --allow-origin ${origin} (MockServerOptions.allowOrigins) to allow a page served there` };
  }
  const headers = sameOrigin ? {} : corsHeaders(origin);
  if (input.method === 'OPTIONS' && input.headers['access-control-request-method'] !== undefined) {
    return {
      kind: 'preflight',
      headers: { ...headers, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' },
    };
  }
  return { kind: 'pass', headers };
}

/**
 * An `--allow-origin` value as an origin: `http://host:port` (a trailing path is dropped); `null` stays
 * `null` (pages from `file://`). Throws on anything that is not an http(s) URL.
 * @example normalizeOrigin('http://localhost:5173/app/') // 'http://localhost:5173'
 */
export function normalizeOrigin(value: string): string {
  if (value === 'null') return value;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new Error(`expected an origin such as http://localhost:5173, got "${value}"`);
  return url.origin;
}
