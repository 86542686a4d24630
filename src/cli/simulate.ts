import { DataFileError } from '../data-file.js';
import { mermaidSequence } from '../diagram/mermaid.js';
import { ladderRows } from '../diagram/sequence.js';
import { loadScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import { formatTimeline } from '../sim/format-timeline.js';
import { simulate } from '../sim/simulate.js';
import type { SimulationResult } from '../sim/types.js';
import { EXIT, UsageError, type Command } from './io.js';

const FORMATS = {
  text: (scenario: Scenario, result: SimulationResult) => `${scenario.name}\n\n${formatTimeline(result)}`,
  json: (_scenario: Scenario, result: SimulationResult) => `${JSON.stringify(result, null, 2)}\n`,
  mermaid: (scenario: Scenario, result: SimulationResult) => mermaidSequence(ladderRows(result.events), scenario.name),
} as const;
type Format = keyof typeof FORMATS;

/** `--format F` / `--format=F` / `--json` (= `--format json`), and what is left. */
function formatOf(args: string[]): { format: Format; rest: string[] } {
  let format: string = 'text';
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') format = 'json';
    else if (arg === '--format') {
      const value = args[++i];
      if (value === undefined) throw new UsageError('--format needs a value: text, json or mermaid');
      format = value;
    } else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else rest.push(arg);
  }
  if (!Object.hasOwn(FORMATS, format)) throw new UsageError(`unknown format "${format}": use text, json or mermaid`);
  return { format: format as Format, rest };
}

/**
 * `employee-call-sim simulate FILE [--format text|json|mermaid] [--json]`: runs a scenario file and prints
 * its timeline, the SPEC §5 object (`--json` = `--format json`), or the call as a Mermaid
 * `sequenceDiagram` (a ladder: Employee | Platform | Contact). Exit 0; 1 when the file is bad (its
 * problems on stderr); 2 on usage.
 * @example await run(['scenarios/seed-example.yaml', '--format', 'mermaid'], io) // 0, 'sequenceDiagram\n…' on io.out
 */
export const run: Command = async (args, io) => {
  const { format, rest } = formatOf(args);
  const unknown = rest.find((arg) => arg.startsWith('-'));
  if (unknown) throw new UsageError(`unknown option ${unknown}`);
  const [file, ...extra] = rest;
  if (file === undefined || extra.length > 0) throw new UsageError('expected exactly one scenario FILE');
  let scenario;
  try {
    scenario = loadScenario(file);
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    io.err(`${error.message}\n`);
    return EXIT.failed;
  }
  io.out(FORMATS[format](scenario, simulate(scenario)));
  return EXIT.ok;
};
