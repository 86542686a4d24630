import { stringify } from 'yaml';
import type { Finding } from './check.js';
import type { Case } from './types.js';

/**
 * A case as a scenario file `employee-call-sim simulate` / `verify` accept, citing the finding's rules
 * (if it comes with one). A release.call cannot be written in a scenario file: it is named in a
 * comment, with the command that replays the combination.
 * @example caseYaml(c, 1234, finding) // 'name: "exhaustive #1234: …"\ndescription: found by …'
 */
export function caseYaml(c: Case, index: number, finding?: Finding): string {
  const { name, ...rest } = c.scenario;
  const scenario = {
    name,
    description: finding
      ? `found by employee-call-sim explore --exhaustive (${finding.check}): ${finding.problems[0] ?? ''}`
      : `combination ${index} of employee-call-sim explore --exhaustive`,
    rules: finding?.rules ?? [],
    ...rest,
  };
  const release =
    c.releaseAt === null
      ? ''
      : `# release.call at t=${c.releaseAt} ms (a scenario file cannot say this: employee-call-sim explore --exhaustive --only ${index} replays it)\n`;
  return `${release}${stringify(scenario, { lineWidth: 0 })}`;
}
