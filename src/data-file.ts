import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

/** One thing wrong in a data file: where (`employees[0].id`, '' for the whole file) and what was expected. */
export type FileProblem = { path: string; expected: string };

/** A data file (scenario, account, world) that could not be read or does not match its schema. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: FileProblem[],
  ) {
    super(problems.map((p) => `${file}: at ${p.path || '(top level)'}: ${p.expected}`).join('\n'));
    this.name = 'DataFileError';
  }
}

/** `employees[0].numbers[1].status` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

/** Zod issues → `{path, expected}` pairs, one per issue, in a wording meant for the file's author. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): FileProblem[] {
  return issues.flatMap((issue): FileProblem[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: formatPath([...path, key]),
        expected: `no key "${key}" here (unknown key; check its spelling)`,
      }));
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) return describeUnion(issue.errors, path);
    if (issue.code === 'invalid_type' && issue.expected === 'int') return [{ path: formatPath(path), expected: 'expected a whole number' }];
    return [{ path: formatPath(path), expected: issue.message }];
  });
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
function describeUnion(branches: readonly (readonly z.core.$ZodIssue[])[], path: readonly PropertyKey[]): FileProblem[] {
  const meant = branches.filter((branch) => !wrongTypeOnly(branch));
  if (meant.length === 0) {
    const types = branches.map((branch) => (branch[0] as z.core.$ZodIssueInvalidType).expected);
    return [{ path: formatPath(path), expected: `expected ${types.join(' or ')}` }];
  }
  const closest = meant.reduce((best, next) => (next.length < best.length ? next : best));
  return describeIssues(closest, path);
}

/** Parses text as YAML (a superset of JSON), naming the file and line on a syntax error. */
export function parseDataText(file: string, text: string): unknown {
  try {
    return parseYaml(text, { prettyErrors: true });
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new DataFileError(file, [
      { path: line ? `line ${line}` : '', expected: `valid YAML or JSON (${(error as Error).message.split('\n')[0]})` },
    ]);
  }
}

/** Validates already-parsed data against a schema, or throws a DataFileError naming each problem. */
export function validateData<S extends z.ZodType>(file: string, data: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new DataFileError(file, describeIssues(parsed.error.issues));
  return parsed.data;
}
