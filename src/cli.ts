#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
import { realpathSync } from 'node:fs';
import { EXIT, processIo, UsageError, type CliIo, type Command } from './cli/io.js';

const USAGE = `usage: employee-call-sim <command> [options]

commands:
  validate [FILE|-] [--account NAME|FILE]   check a start.employee_call request body, print the JSON-RPC answer
  simulate FILE [--format text|json|mermaid] run a scenario file: its timeline, the SPEC §5 JSON (--json), or a Mermaid sequence diagram
  verify [DIR|FILE...] [--coverage]         check every scenario's expect; one line each, then "N passed, N failed";
                                            --coverage: the machines' states and transitions no scenario reached
  explore [--runs N] [--seed S]             run N generated calls against the invariants (default 1000, seed 1)
  explore --exhaustive [--workers N] [--shard i/n] [--json] [--only INDEX]
                                            every combination of the discrete space against the invariants and
                                            the metamorphic relations; "N combinations, N violations"
  serve [--port N] [--host H] [--speed X] [--account FILE] [--world FILE]
        [--allow-origin URL]... [--allow-host NAME]... [--max-connections N]
                                            the mock Call API server and the analysts' page
  schema scenario|account|world             print the JSON Schema of a scenario, account or world file
`;

const COMMANDS: Record<string, () => Promise<{ run: Command }>> = {
  validate: () => import('./cli/validate.js'),
  simulate: () => import('./cli/simulate.js'),
  verify: () => import('./cli/verify.js'),
  explore: () => import('./cli/explore.js'),
  serve: () => import('./cli/serve.js'),
  schema: () => import('./cli/schema.js'),
};

/** Runs one command line; returns the exit code. Never throws. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`employee-call-sim: unknown command "${name}"\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await (await load()).run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`employee-call-sim ${name}: ${error.message}\n${error.showUsage ? USAGE : ''}`);
      return EXIT.usage;
    }
    io.err(`employee-call-sim ${name}: ${(error as Error).message}\n`);
    return EXIT.failed;
  }
}

const invokedDirectly = process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url;
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
