import { stringify } from 'yaml';
import type { Finding } from './check.js';
import type { Case } from './types.js';

/**
 * A case as a scenario file `employee-call-sim simulate` / `verify` accept, citing the finding's rules.
 * A release.call cannot be written in a scenario file: it is named in a comment, with the command that
 * replays the combination.
 * @example caseYaml(c, finding, 1234) // '# found by …\nname: exhaustive #1234: …'
 */
export function caseYaml(c: Case, finding: Finding, index: number): string {
  const { name, ...rest } = c.scenario;
  const scenario = {
    name,
    description: `found by employee-call-sim explore --exhaustive (${finding.check}): ${finding.problems[0] ?? ''}`,
    rules: finding.rules,
    ...rest,
  };
  const release =
    c.releaseAt === null
      ? ''
      : `# release.call at t=${c.releaseAt} ms (a scenario file cannot say this: employee-call-sim explore --exhaustive --only ${index} replays it)\n`;
  return `${release}${stringify(scenario, { lineWidth: 0 })}`;
}
