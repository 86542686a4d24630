import { parseArgs } from 'node:util';
import { DataFileError, loadAccount } from '../server/deps.js';
import { createMockServer, loadWorld, MAGIC_NUMBERS, type MockServer, type MockServerOptions } from '../server/index.js';
import { normalizeOrigin } from '../server/http/request-guard.js';
import { DEFAULT_MAX_CONNECTIONS } from '../server/options.js';
import { curlLine } from '../server/seed-request.js';
import { EXIT, UsageError, type CliIo, type Command } from './io.js';

export const DEFAULT_PORT = 8080;

interface ServeArgs {
  port: number;
  host: string;
  speed: number;
  account: string;
  world: string | null;
  allowOrigins: string[];
  allowHosts: string[];
  maxConnections: number;
}

function parsePort(text: string, origin: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`${origin}: expected a port number 0–65535, got "${text}"`);
  return port;
}

function parseOrigins(values: string[]): string[] {
  return values.map((value) => {
    try {
      return normalizeOrigin(value);
    } catch (error) {
      throw new UsageError(`--allow-origin: ${(error as Error).message}`);
    }
  });
}

function parseMaxConnections(text: string | undefined): number {
  if (text === undefined) return DEFAULT_MAX_CONNECTIONS;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--max-connections: expected a whole number from 1, got "${text}"`);
  return Number(text);
}

/**
 * `serve [--port N] [--host H] [--speed X] [--account FILE] [--world FILE] [--allow-origin URL]… [--allow-host NAME]… [--max-connections N]`;
 * port: --port, else $PORT, else 8080.
 * @example parseServeArgs(['--speed', '20'], {}) // { port: 8080, host: '127.0.0.1', speed: 20, account: 'demo', world: null, allowOrigins: [], allowHosts: [], maxConnections: 512 }
 */
export function parseServeArgs(args: string[], env: NodeJS.ProcessEnv = process.env): ServeArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        speed: { type: 'string' },
        account: { type: 'string' },
        world: { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        'allow-host': { type: 'string', multiple: true },
        'max-connections': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const speed = Number(values.speed ?? '1');
  if (!Number.isFinite(speed) || speed <= 0) throw new UsageError(`--speed: expected a positive number (simulated seconds per second), got "${values.speed}"`);
  const port = values.port !== undefined ? parsePort(values.port, '--port') : env.PORT ? parsePort(env.PORT, 'PORT') : DEFAULT_PORT;
  return {
    port,
    host: values.host ?? '127.0.0.1',
    speed,
    account: values.account ?? 'demo',
    world: values.world ?? null,
    allowOrigins: parseOrigins(values['allow-origin'] ?? []),
    allowHosts: values['allow-host'] ?? [],
    maxConnections: parseMaxConnections(values['max-connections']),
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

function banner(url: string, args: ServeArgs): string {
  const magic = MAGIC_NUMBERS.slice(0, 4).map((m) => `${m.contact} ${m.title.split(' (')[0]}`).join(', ');
  return [
    `employee-call-sim: mock Call API for account "${args.account}" at speed ×${args.speed}${args.world ? `, world ${args.world}` : ''}`,
    `  endpoint:        ${url}/v4.0`,
    `  analysts' page:  ${url}/inspector/`,
    `  control API:     ${url}/control/`,
    `  contract:        ${url}/openrpc.json (OpenRPC; also the method rpc.discover)`,
    `  magic contacts:  ${magic}, … (GET ${url}/control/magic-numbers)`,
    `try the seed request:`,
    `  ${curlLine(`${url}/v4.0`)}`,
    `Ctrl+C stops (live calls are released, pending notifications delivered).`,
    ...(LOOPBACK.has(args.host) ? [] : [`Listening on ${args.host}: requests naming this machine (Host header) are answered only for ${args.allowHosts.length ? args.allowHosts.join(', ') : 'loopback names and its IP addresses'}; add --allow-host NAME for each other name.`]),
    '',
  ].join('\n');
}

/**
 * Runs the server until `signal` aborts, then shuts it down gracefully. Bad account/world files → exit 2
 * with the file, path and what was expected; a port in use → exit 1.
 * @example const stop = new AbortController(); const exit = serve(['--port', '0'], io, stop.signal); stop.abort(); await exit // 0
 */
export async function serve(args: string[], io: CliIo, signal: AbortSignal, extra: MockServerOptions = {}): Promise<number> {
  const parsed = parseServeArgs(args);
  let options: MockServerOptions;
  try {
    options = { account: loadAccount(parsed.account), ...(parsed.world ? { world: loadWorld(parsed.world) } : {}) };
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    io.err(`employee-call-sim serve: ${error.message}\n`);
    return EXIT.usage;
  }
  const { speed, allowOrigins, allowHosts, maxConnections } = parsed;
  const server: MockServer = createMockServer({ ...options, speed, allowOrigins, allowHosts, maxConnections, log: (line) => io.err(`${line}\n`), ...extra });
  let url: string;
  try {
    ({ url } = await server.listen(parsed.port, parsed.host));
  } catch (error) {
    io.err(`employee-call-sim serve: cannot listen on ${parsed.host}:${parsed.port}: ${(error as Error).message}\n`);
    return EXIT.failed;
  }
  const shown = url.replace(/\/\/(0\.0\.0\.0|\[::\])/, '//127.0.0.1');
  io.out(banner(shown, parsed));
  if (!signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
  io.out('employee-call-sim: shutting down…\n');
  await server.close();
  return EXIT.ok;
}

/** `employee-call-sim serve …`: SIGINT / SIGTERM stop it gracefully, exit 0. */
export const run: Command = async (args, io) => {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await serve(args, io, controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
};
