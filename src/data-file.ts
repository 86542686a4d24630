import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { describeIssues, describeValue, type FileProblem } from './describe-issues.js';

export { describeIssues, formatPath, type FileProblem } from './describe-issues.js';

/** Where in the file: `, line 4`, `, at employees[0].id`, or nothing for the whole file. */
function place(problem: FileProblem): string {
  if (problem.line !== undefined) return `, line ${problem.line}`;
  return problem.path ? `, at ${problem.path}` : '';
}

/**
 * A data file (scenario, account, world) that could not be read or does not match its schema. Its
 * message is one sentence per problem: the file, the place, what was expected.
 * @example new DataFileError('x.yaml', [{ path: 'world.contact.anser_after', expected: 'no key "anser_after" here (…)' }]).message
 * // 'x.yaml, at world.contact.anser_after: no key "anser_after" here (…)'
 */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: FileProblem[],
  ) {
    super(problems.map((p) => `${file}${place(p)}: ${p.expected}`).join('\n'));
    this.name = 'DataFileError';
  }
}

/**
 * Parses text as YAML (a superset of JSON), naming the file and line on a syntax error.
 * @example parseDataText('x.yaml', 'a: [') // throws DataFileError 'x.yaml, line 1: not valid YAML (…)'
 */
export function parseDataText(file: string, text: string): unknown {
  try {
    return parseYaml(text, { prettyErrors: true });
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    const reason = (error as Error).message.split('\n')[0]!.replace(/:$/, '');
    throw new DataFileError(file, [{ path: line ? `line ${line}` : '', ...(line ? { line } : {}), expected: `not valid YAML (${reason})` }]);
  }
}

/** "a mapping of employee, contact": what a schema wants at the top, when the caller does not name it. */
function topLevelOf(schema: z.ZodType): string {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? `a mapping of ${Object.keys(shape).join(', ')}` : 'a value';
}

/**
 * Validates already-parsed data against a schema, or throws a DataFileError naming each problem.
 * `what` names the file's kind for the problems of the whole file (`a scenario (name, request, …)`):
 * an empty file, or a top level of the wrong type.
 * @example validateData('w.yaml', null, World) // throws 'w.yaml: the file is empty; expected a mapping of employee, contact'
 */
export function validateData<S extends z.ZodType>(file: string, data: unknown, schema: S, what: string = topLevelOf(schema)): z.output<S> {
  if (data === null || data === undefined) throw new DataFileError(file, [{ path: '', expected: `the file is empty; expected ${what}` }]);
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const whole = parsed.error.issues.find((issue) => issue.code === 'invalid_type' && issue.path.length === 0);
  if (whole) throw new DataFileError(file, [{ path: '', expected: `expected ${what}, got ${describeValue(data)}` }]);
  throw new DataFileError(file, describeIssues(parsed.error.issues, data));
}
