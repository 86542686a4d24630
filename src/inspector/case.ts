import { stringify } from 'yaml';
import { BUILTIN_ACCOUNTS } from '../account/builtin.js';
import { DataFileError, describeIssues, parseDataText } from '../data-file.js';
import { Scenario } from '../scenario/schema.js';
import { SEED_REQUEST } from '../seed-example.js';

/** A scenario as its YAML file holds it (before defaults): what the inspector edits, shares and exports. */
export type ScenarioDoc = Record<string, unknown>;
/** The `params` of a `start.employee_call` request, as sent (possibly wrong: that is what validation shows). */
export type ParamsDoc = Record<string, unknown>;

/** Everything a link reproduces: the scenario, the second parameter set of a comparison, the cursor. */
export interface InspectorCase {
  scenario: ScenarioDoc;
  /** Parameters B, run on the same world as the scenario's (A); null when not comparing. */
  compare: ParamsDoc | null;
  /** The cursor's time (ms); null = the start. */
  t: number | null;
  /** Changed since it was opened (a file, the seed): an export is then named "<name> (edited)". */
  edited?: boolean;
}

/** The seed example as a scenario: the default case of the page and of the benchmark. */
export function seedScenario(): ScenarioDoc {
  return {
    name: 'seed example',
    request: structuredClone(SEED_REQUEST),
    account: 'demo',
    world: {},
  };
}

export function seedCase(): InspectorCase {
  return { scenario: seedScenario(), compare: null, t: null };
}

/** A plain object (not null, not an array): the shape of a YAML mapping. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request's params, or null when the scenario sends a raw body (then only the YAML edits it). */
export function paramsOf(doc: ScenarioDoc): ParamsDoc | null {
  const request = doc.request;
  if (!isObject(request)) return null;
  return isObject(request.params) ? request.params : {};
}

/**
 * A copy of the scenario sending `params` instead (same world, account, platform). A raw body is replaced
 * by a request: a scenario sends exactly one of them.
 */
export function withParams(doc: ScenarioDoc, params: ParamsDoc): ScenarioDoc {
  const { raw: _raw, raw_base64: _rawBase64, ...rest } = doc;
  const request = isObject(doc.request) ? doc.request : { jsonrpc: '2.0', id: 'req1', method: 'start.employee_call' };
  return { ...rest, request: { ...request, params } };
}

export type Checked = { ok: true; scenario: Scenario } | { ok: false; problems: { path: string; expected: string }[] };

/**
 * Validates a scenario document as the simulator's loader does (strict schema; an account is a built-in
 * name or inline). Browser-safe: no account files are read.
 * @example checkScenario(seedScenario()).ok // true
 */
export function checkScenario(doc: unknown): Checked {
  const parsed = Scenario.safeParse(doc);
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error.issues) };
  const account = parsed.data.account;
  if (typeof account === 'string' && !Object.hasOwn(BUILTIN_ACCOUNTS, account))
    return {
      ok: false,
      problems: [{ path: 'account', expected: `a built-in account (${Object.keys(BUILTIN_ACCOUNTS).join(', ')}) or an inline account` }],
    };
  return { ok: true, scenario: parsed.data };
}

/** Scenario YAML text → document; a syntax error or a non-object is a problem list. */
export function docFromYaml(text: string): { ok: true; doc: ScenarioDoc } | { ok: false; problems: { path: string; expected: string }[] } {
  try {
    const data = parseDataText('scenario', text);
    if (!isObject(data)) return { ok: false, problems: [{ path: '', expected: 'a mapping (name:, request:, world: …)' }] };
    return { ok: true, doc: data };
  } catch (error) {
    if (error instanceof DataFileError) return { ok: false, problems: error.problems };
    throw error;
  }
}

export function docToYaml(doc: ScenarioDoc): string {
  return stringify(doc, { lineWidth: 0 });
}
