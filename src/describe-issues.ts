import type { z } from 'zod';

/** One thing wrong in a data file: where (`employees[0].id`, `line 4`, '' for the whole file), and what was expected. */
export type FileProblem = { path: string; expected: string; line?: number };

/** `employees[0].numbers[1].status` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
  array: 'a list',
  tuple: 'a list',
  null: 'null',
};

/**
 * A value as the file's author would recognise it: `"on"`, `7`, `a list`.
 * @example describeValue('26') // '"26"'
 */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** What the data holds at a path: unknown when the data is not given, absent when nothing is there. */
type Found = { kind: 'unknown' } | { kind: 'absent' } | { kind: 'value'; value: unknown };

function foundAt(data: unknown, path: readonly PropertyKey[], known: boolean): Found {
  if (!known) return { kind: 'unknown' };
  let node = data;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return { kind: 'absent' };
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node === undefined ? { kind: 'absent' } : { kind: 'value', value: node };
}

const got = (found: Found) => (found.kind === 'value' ? `, got ${describeValue(found.value)}` : '');
const missing = (found: Found, wanted: string) => (found.kind === 'absent' ? `missing; expected ${wanted}` : `expected ${wanted}${got(found)}`);
/** zod's own wording starts so; a message the schema wrote for people is kept as it is. */
const isZodWording = (message: string) => /^(Invalid|Too (small|big))\b/.test(message);

function sizeWord(origin: string, n: number | bigint): string {
  if (origin === 'string') return `${n} character${n === 1 ? '' : 's'}`;
  if (origin === 'array' || origin === 'set') return `${n} item${n === 1 ? '' : 's'}`;
  return String(n);
}

function bound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, found: Found): string {
  const small = issue.code === 'too_small';
  const limit = small ? issue.minimum : issue.maximum;
  if (issue.origin === 'string' && small && limit === 1) return 'expected a non-empty string';
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
    const op = small ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
    return `expected a number ${op} ${String(limit)}${got(found)}`;
  }
  return `expected ${small ? 'at least' : 'at most'} ${sizeWord(issue.origin, limit)}`;
}

function formatWording(issue: z.core.$ZodIssueInvalidStringFormat, found: Found): string {
  if (issue.format === 'regex') return `expected a string matching ${issue.pattern}${got(found)}`;
  if (issue.format === 'datetime') return `expected an ISO 8601 date and time${got(found)}`;
  return `expected ${issue.format === 'url' ? 'an absolute URL' : `a ${issue.format}`}${got(found)}`;
}

/** One issue (not a union, not unknown keys) as "what was expected, and what came". */
function expectation(issue: z.core.$ZodIssue, found: Found): string {
  switch (issue.code) {
    case 'invalid_type':
      return missing(found, TYPE_NAMES[issue.expected] ?? issue.expected);
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return missing(found, issue.values.length === 1 ? values : `one of ${values}`);
    }
    case 'too_small':
    case 'too_big':
      return isZodWording(issue.message) ? bound(issue, found) : issue.message;
    case 'invalid_format':
      return isZodWording(issue.message) ? formatWording(issue as z.core.$ZodIssueInvalidStringFormat, found) : `${issue.message}${got(found)}`;
    case 'not_multiple_of':
      return `expected a multiple of ${String(issue.divisor)}${got(found)}`;
    default:
      return issue.message;
  }
}

/** A branch that failed on the input's type alone: the input was meant for another branch. */
function wrongTypeOnly(branch: readonly z.core.$ZodIssue[]): boolean {
  return branch.length === 1 && branch[0]!.code === 'invalid_type' && branch[0]!.path.length === 0;
}

/**
 * The problems of the union branch the author meant: the one that got past the type check with the
 * fewest problems (an inline account object is reported as an account, not as "expected string").
 * When no branch takes the input's type, the types they take are listed.
 */
function describeUnion(issue: z.core.$ZodIssueInvalidUnion, path: readonly PropertyKey[], data: Data): FileProblem[] {
  const meant = issue.errors.filter((branch) => !wrongTypeOnly(branch));
  if (meant.length === 0) {
    const types = issue.errors.map((branch) => (branch[0] as z.core.$ZodIssueInvalidType).expected);
    const wanted = types.map((t) => (TYPE_NAMES[t] ?? t).replace(/ \(.*\)$/, ''));
    return [{ path: formatPath(path), expected: missing(foundAt(data.value, path, data.known), wanted.join(' or ')) }];
  }
  const closest = meant.reduce((best, next) => (next.length < best.length ? next : best));
  return problemsOf(closest, path, data);
}

/** The data the issues are about, when the caller has it (to say what was found, or that it is missing). */
type Data = { known: boolean; value?: unknown };

function problemsOf(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[], data: Data): FileProblem[] {
  return issues.flatMap((issue): FileProblem[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: formatPath([...path, key]),
        expected: `no key "${key}" here (unknown key; check its spelling)`,
      }));
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) return describeUnion(issue, path, data);
    return [{ path: formatPath(path), expected: expectation(issue, foundAt(data.value, path, data.known)) }];
  });
}

/**
 * Zod issues → `{path, expected}` pairs, one per problem, in a wording meant for the file's author.
 * Given the data that was checked, each also says what it found there, or that nothing was there.
 * @example describeIssues(issues, data) // [{ path: 'employees[1].id', expected: 'expected a number, got "26"' }]
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], ...data: [] | [unknown]): FileProblem[] {
  return problemsOf(issues, [], data.length === 0 ? { known: false } : { known: true, value: data[0] });
}
