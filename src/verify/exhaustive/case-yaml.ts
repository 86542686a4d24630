import { stringify } from 'yaml';
import type { Finding } from './check.js';
import type { Case } from './types.js';

/**
 * A case as a scenario file `employee-call-sim simulate` / `verify` accept, citing the finding's rules
 * (if it comes with one); a release.call is its `release_at`.
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
    ...(c.releaseAt === null ? {} : { release_at: c.releaseAt }),
  };
  return stringify(scenario, { lineWidth: 0 });
}
