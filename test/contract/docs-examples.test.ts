import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENVELOPE_ERRORS } from '../../src/index.js';
import { bodyOf, expandRepeats, README_ERROR_ROWS } from '../protocol/readme-errors.js';
import { testServer } from '../server/helpers.js';

type Param = { name: string; schema: Record<string, any> };
type Method = { name: string; params: Param[]; errors: { data: { mnemonic: string } }[] };

const { server } = testServer();
const document = JSON.parse(String(server.handle({ method: 'GET', url: '/openrpc.json' }).body)) as {
  methods: Method[];
  components: { errors: Record<string, unknown> };
};
const methods = new Map(document.methods.map((m) => [m.name, m]));

/** Request bodies written in the docs: curl's `--data-binary '…'` and inline `{"jsonrpc"…}` code, in README.md and docs/*.md. */
const docFiles = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const BODY = /--data-binary '(\{"jsonrpc".*?\})'|`(\{"jsonrpc"[^`]*\})`/g;
const written = docFiles.flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(BODY)].map((m) => ({ where: file, body: expandRepeats(m[1] ?? m[2]!) as string | Uint8Array })),
);
/** The README table's examples also say which error they get (for some, only on an account that lacks a component). */
const tabled = README_ERROR_ROWS.filter((r) => r.example !== '—').map((r) => ({ where: `README ${r.mnemonic}`, body: bodyOf(r.example), documented: r.mnemonic }));
const examples: { where: string; body: string | Uint8Array; documented?: string }[] = [
  ...tabled,
  ...written.filter((w) => !tabled.some((t) => t.body === w.body)),
];

function requestOf(body: string | Uint8Array): { method?: unknown; params?: unknown } | null {
  if (typeof body !== 'string') return null;
  try {
    const value = JSON.parse(body) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** Whether `employee.id`-style names exist in the method's parameters (nested ones inside the object's schema). */
function hasParam(method: Method, dotted: string): boolean {
  const [top, ...rest] = dotted.split('.');
  let schema: Record<string, any> | undefined = method.params.find((p) => p.name === top)?.schema;
  for (const key of rest) {
    const object: Record<string, any> | undefined = schema?.properties ? schema : schema?.anyOf?.find((s: Record<string, any>) => s.properties);
    schema = object?.properties?.[key];
  }
  return schema !== undefined;
}

function answerOf(body: string | Uint8Array): { mnemonic: string | null; field: string | null } {
  const response = server.handleRpc(body) as { error?: { data: { mnemonic: string; field: string | null } } };
  return response.error ? { mnemonic: response.error.data.mnemonic, field: response.error.data.field } : { mnemonic: null, field: null };
}

describe('every request example in the docs agrees with the OpenRPC document', () => {
  it('finds the examples (the README table, curl lines of the README and docs/server.md)', () => {
    expect(tabled.length).toBeGreaterThanOrEqual(25);
    expect(written.filter((e) => e.where === 'docs/server.md').length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((e, i) => [i, e.where, e] as const))('#%i (%s): method, errors and parameters are in the document', (_, __, example) => {
    const request = requestOf(example.body);
    const answer = answerOf(example.body);
    const mnemonics = [answer.mnemonic, example.documented].filter((m): m is string => typeof m === 'string');
    const name = typeof request?.method === 'string' ? request.method : null;
    const method = name === null ? undefined : methods.get(name);
    if (name === 'rpc.discover') {
      expect((server.handleRpc(example.body) as unknown as { result: unknown }).result).toStrictEqual(document);
      return;
    }
    if (!method) {
      // No method the server has: the answer is one that comes before any method is known.
      expect(mnemonics.length).toBeGreaterThan(0);
      for (const m of mnemonics) expect(Object.keys(document.components.errors)).toContain(m);
      if (name !== null && answer.mnemonic !== 'notifications_not_supported') expect(answer.mnemonic).toBe('method_not_found');
      return;
    }
    const listed = method.errors.map((e) => e.data.mnemonic);
    for (const m of mnemonics) expect(listed, `${method.name} lists ${m}`).toContain(m);
    const params = typeof request?.params === 'object' && request.params !== null ? Object.keys(request.params) : [];
    const unexpected = answer.mnemonic === 'unexpected_parameters' ? answer.field : null;
    for (const p of params) expect(hasParam(method, p), `${method.name} has ${p}`).toBe(p !== unexpected);
    const aboutParams = answer.mnemonic !== null && !ENVELOPE_ERRORS.includes(answer.mnemonic as never);
    if (aboutParams && answer.field !== null && answer.field !== unexpected) {
      expect(hasParam(method, answer.field), `${method.name} has ${answer.field}`).toBe(true);
    }
  });
});
