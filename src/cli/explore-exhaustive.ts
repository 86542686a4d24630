import { caseYaml } from '../verify/exhaustive/case-yaml.js';
import { evaluate } from '../verify/exhaustive/evaluate.js';
import { exploreExhaustive, type ExhaustiveReport } from '../verify/exhaustive/exhaustive.js';
import { relationsNamed, type Violation } from '../verify/exhaustive/explore-groups.js';
import { shrink } from '../verify/exhaustive/shrink.js';
import { AXES } from '../verify/exhaustive/axes.js';
import { combinationAt, describeCombination, parseShard, spaceOf, type Space } from '../verify/exhaustive/space.js';
import { EXIT, UsageError, type CliIo } from './io.js';

export interface ExhaustiveArgs {
  workers?: number;
  shard?: string;
  json: boolean;
  only?: number;
}

/** Violations shown (shrunk and printed as scenarios), at most this many. */
const SHOWN = 3;
const PROGRESS_STEPS = 10;

/**
 * `explore --exhaustive [--workers N] [--shard i/n] [--json] [--only INDEX]`: progress on stderr, the
 * report on stdout, ending with `N combinations, N violations`; exit 1 on a violation.
 * @example await runExhaustive({ shard: '1/4', json: false }, io) // 0
 */
export async function runExhaustive(args: ExhaustiveArgs, io: CliIo): Promise<number> {
  const shard = args.shard === undefined ? undefined : parseShard(args.shard);
  if (shard === null) throw new UsageError(`--shard: expected i/n with 1 ≤ i ≤ n, got "${args.shard}"`);
  if (args.only !== undefined) return runOne(args.only, io);
  let shown = 0;
  const started = performance.now();
  const report = await exploreExhaustive({
    ...(shard ? { shard } : {}),
    ...(args.workers ? { workers: args.workers } : {}),
    onProgress: (done, total, tally) => {
      if (Math.floor((done / total) * PROGRESS_STEPS) <= shown) return;
      shown = Math.floor((done / total) * PROGRESS_STEPS);
      io.err(`explore: ${done}/${total} combinations, ${tally.violations} violations, ${seconds(started)}\n`);
    },
  });
  const shrunk = shownViolations(report);
  if (args.json) {
    io.out(`${JSON.stringify({ ...summary(report), violations_shown: shrunk.map(({ violation, index, evaluation }) => ({ ...violation, smallest: { index, case: evaluation.case } })) }, null, 2)}\n`);
  } else {
    io.out(formatReport(report));
    for (const { violation, index, evaluation } of shrunk) io.out(formatViolation(report.space, violation, index, evaluation.case, evaluation.findings));
  }
  io.out(`${report.checked} combinations, ${report.violations} violations\n`);
  return report.violations === 0 ? EXIT.ok : EXIT.failed;
}

/** The first violation of each check (up to SHOWN checks), shrunk; one per smallest combination. */
function shownViolations(report: ExhaustiveReport) {
  const firsts = report.kept.filter((v, i) => report.kept.findIndex((w) => w.check === v.check) === i).slice(0, SHOWN);
  const shrunk = firsts.map((violation) => ({ violation, ...shrink(report.space, violation.index, violation.check, relationsNamed()) }));
  return shrunk.filter((s, i) => shrunk.findIndex((t) => t.index === s.index && t.violation.check === s.violation.check) === i);
}

function runOne(index: number, io: CliIo): number {
  const space = spaceOf(AXES);
  if (index >= space.size) throw new UsageError(`--only: the space has combinations 0 … ${space.size - 1}`);
  const evaluation = evaluate(space, index, relationsNamed());
  // Without a violation the output is a scenario file as it stands (the report lines are YAML comments).
  io.out(`# combination ${index}: ${describeCombination(space, combinationAt(space, index))}\n`);
  if (!evaluation) {
    io.out(`# not applicable: its ending's phase does not occur\n# 0 combinations, 0 violations\n`);
    return EXIT.ok;
  }
  for (const finding of evaluation.findings) io.out(formatViolation(space, { index, ...finding }, index, evaluation.case, [finding]));
  if (evaluation.findings.length === 0) io.out(caseYaml(evaluation.case, index));
  io.out(`# 1 combinations, ${evaluation.findings.length > 0 ? 1 : 0} violations\n`);
  return evaluation.findings.length === 0 ? EXIT.ok : EXIT.failed;
}

function summary(report: ExhaustiveReport) {
  return {
    space: { size: report.space.size, axes: report.space.axes.map((a) => ({ name: a.name, values: a.values.map((v) => v.label) })) },
    shard: `${report.shard.index}/${report.shard.count}`,
    in_shard: report.inShard,
    not_applicable: report.notApplicable,
    combinations: report.checked,
    violations: report.violations,
    relations: report.relations,
    finish_reasons: report.finishReasons,
  };
}

function formatReport(report: ExhaustiveReport): string {
  const { space, shard } = report;
  const axes = space.axes.map((a) => `${a.values.length} ${a.name}`).join(' × ');
  const lines = [
    `exhaustive exploration: ${space.size} combinations in the space (${axes})`,
    `shard ${shard.index}/${shard.count}: ${report.inShard} combinations, ${report.notApplicable} not applicable (their ending's phase does not occur), ${report.checked} run and checked`,
    'relations (combinations each applied to):',
    ...relationsNamed().map((r) => `  ${r.name.padEnd(40)} ${String(report.relations[r.name] ?? 0).padStart(7)}  ${r.rules.join(', ')}`),
    'how the calls ended:',
    ...Object.entries(report.finishReasons)
      .sort(([, a], [, b]) => b - a)
      .map(([reason, n]) => `  ${reason.padEnd(40)} ${String(n).padStart(7)}`),
  ];
  return `${lines.join('\n')}\n`;
}

function formatViolation(space: Space, violation: Violation, index: number, c: Parameters<typeof caseYaml>[0], findings: { check: string; rules: string[]; problems: string[] }[]): string {
  const finding = findings.find((f) => f.check === violation.check) ?? violation;
  return [
    `\nVIOLATION ${violation.check}${violation.rules.length ? ` (${violation.rules.join(', ')})` : ''} — combination ${violation.index}`,
    `  ${describeCombination(space, combinationAt(space, violation.index))}`,
    `  smallest: combination ${index}: ${describeCombination(space, combinationAt(space, index))}`,
    ...finding.problems.slice(0, 6).map((p) => `  ${p}`),
    '---',
    caseYaml(c, index, finding).trimEnd(),
    '',
  ].join('\n');
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
