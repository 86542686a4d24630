import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

/** A data file (scenario, account, world) that could not be read or does not match its schema. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { path: string; expected: string }[],
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
export function describeIssues(issues: readonly z.core.$ZodIssue[]): { path: string; expected: string }[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: formatPath([...issue.path, key]),
        expected: `no key "${key}" here (unknown key; check its spelling)`,
      }));
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branches = issue.errors.map((branch) => describeIssues(branch));
      const closest = branches.reduce((best, next) => (next.length < best.length ? next : best));
      return closest.map((p) => ({ ...p, path: p.path || formatPath(issue.path) }));
    }
    return [{ path: formatPath(issue.path), expected: issue.message }];
  });
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
