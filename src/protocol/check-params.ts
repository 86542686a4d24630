import type { z } from 'zod';
import { findSipNumber } from '../account/lookup.js';
import type { Account } from '../account/schema.js';
import type { Mnemonic, Problem } from './errors.js';
import { CallParamsSchema, EmployeeParam, Message, paramsSchemaFor, type ParsedParams } from './params.js';

/** Parameters whose value is an object, with their own parameters in order. */
const NESTED: Record<string, readonly string[]> = {
  employee: Object.keys(EmployeeParam.shape),
  contact_message: Object.keys(Message.shape),
  employee_message: Object.keys(Message.shape),
};

/**
 * The order in which faults win (V3): the rows of docs/spec.md §1's table, each object parameter followed by
 * its own parameters and then by the unknown names inside it (`employee.*`); unknown top-level names
 * (`*`) come last of all.
 */
export const CHECK_ORDER: readonly string[] = [
  ...Object.keys(CallParamsSchema.shape).flatMap((name) => {
    const inner = NESTED[name];
    return inner ? [name, ...inner.map((key) => `${name}.${key}`), `${name}.*`] : [name];
  }),
  '*',
];

type Path = readonly PropertyKey[];

/** `employee.id` from `['employee', 'id']`. */
export function dottedName(path: Path): string {
  return path.map(String).join('.');
}

/** What the request holds at a path: `present` false when the name was not sent at all (or is undefined). */
function sentAt(params: Record<string, unknown>, path: Path): { present: boolean; value?: unknown } {
  let node: unknown = params;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || Array.isArray(node) || !Object.hasOwn(node, key)) {
      return { present: false };
    }
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node === undefined ? { present: false } : { present: true, value: node };
}

/** A type fault unless a number was sent where a number was wanted (e.g. 1e400, which JSON reads as Infinity). */
function isTypeFault(issue: z.core.$ZodIssue, sent: unknown): boolean {
  return issue.code === 'invalid_type' && !(issue.expected === 'number' && typeof sent === 'number');
}

interface Ranked {
  rank: number;
  problem: Problem;
}

function rankOf(name: string): number {
  const rank = CHECK_ORDER.indexOf(name);
  return rank === -1 ? CHECK_ORDER.length : rank;
}

/** One zod issue → the platform's problem(s), ranked by {@link CHECK_ORDER}. */
function toRanked(issue: z.core.$ZodIssue, params: Record<string, unknown>): Ranked[] {
  if (issue.code === 'unrecognized_keys') {
    const rank = rankOf(dottedName([...issue.path, '*']));
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      return { rank, problem: { mnemonic: 'unexpected_parameters', field: dottedName(path), value: sentAt(params, path).value } };
    });
  }
  const sent = sentAt(params, issue.path);
  const missing = !sent.present || sent.value === null; // optional names accept null, so this one is required
  const mnemonic: Mnemonic = missing
    ? 'required_parameter_missed'
    : isTypeFault(issue, sent.value)
      ? 'data_type_error'
      : 'invalid_parameter_value';
  return [{ rank: rankOf(dottedName(issue.path)), problem: { mnemonic, field: dottedName(issue.path), value: sent.value } }];
}

/**
 * The fault that wins among zod's issues (V3): the lowest rank; on a tie, the first one zod reported.
 * @example firstProblem(issues, params) // { mnemonic: 'invalid_parameter_value', field: 'first_call', value: 'boss' }
 */
export function firstProblem(issues: readonly z.core.$ZodIssue[], params: Record<string, unknown>): Problem {
  const ranked = issues.flatMap((issue) => toRanked(issue, params));
  const best = ranked.reduce((a, b) => (b.rank < a.rank ? b : a));
  return best.problem;
}

/**
 * Building a zod schema costs far more than running it (about 1 ms against 0.03 ms), so one is kept per
 * list of employees — the only part of the account it reads, and the part copies of an account share
 * (the mock server adds `login.user` tokens to a copy per request).
 */
const schemas = new WeakMap<Account['employees'], ReturnType<typeof paramsSchemaFor>>();

function schemaFor(account: Account): ReturnType<typeof paramsSchemaFor> {
  let schema = schemas.get(account.employees);
  if (!schema) {
    schema = paramsSchemaFor((number) => findSipNumber(account, number) !== undefined);
    schemas.set(account.employees, schema);
  }
  return schema;
}

export type ParamsCheck = { ok: true; params: ParsedParams } | { ok: false; problem: Problem };

/**
 * V3: the parameters' presence, JSON types, names and formats. The account is needed for one format:
 * a `contact` may be the SIP number of one of its employees.
 * @example checkParams({ ...seed.params, first_call: 'boss' }, demo)
 * // { ok: false, problem: { mnemonic: 'invalid_parameter_value', field: 'first_call', value: 'boss' } }
 */
export function checkParams(params: Record<string, unknown>, account: Account): ParamsCheck {
  const schema = schemaFor(account);
  const parsed = schema.safeParse(params);
  return parsed.success ? { ok: true, params: parsed.data } : { ok: false, problem: firstProblem(parsed.error.issues, params) };
}

/**
 * V4: `early_switching: true` only with `first_call: "employee"` and `switch_at_once: true`.
 * @example combinationProblem({ ...params, early_switching: true, switch_at_once: false }) // invalid_parameters_combination
 */
export function combinationProblem(params: ParsedParams): Problem | null {
  if (!params.early_switching || (params.first_call === 'employee' && params.switch_at_once)) return null;
  return { mnemonic: 'invalid_parameters_combination', field: 'early_switching', value: true };
}
