import { DataFileError } from '../data-file.js';
import { loadScenario } from '../scenario/load.js';
import { formatTimeline } from '../sim/format-timeline.js';
import { simulate } from '../sim/simulate.js';
import { EXIT, UsageError, type Command } from './io.js';

/**
 * `employee-call-sim simulate FILE [--json]`: runs a scenario file and prints its timeline, or with
 * `--json` the SPEC §5 object. Exit 0; 1 when the file is bad (its problems on stderr); 2 on usage.
 * @example await run(['scenarios/seed-example.yaml', '--json'], io) // 0, the result JSON on io.out
 */
export const run: Command = async (args, io) => {
  const json = args.includes('--json');
  const rest = args.filter((arg) => arg !== '--json');
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
  const result = simulate(scenario);
  io.out(json ? `${JSON.stringify(result, null, 2)}\n` : `${scenario.name}\n\n${formatTimeline(result)}`);
  return EXIT.ok;
};
