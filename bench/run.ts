/**
 * `npm run bench`: every benchmark of the project, each printing its numbers. Performance targets live
 * here, not in tests (a timed test flakes on a busy machine).
 */
const BENCHMARKS: [string, () => Promise<{ run(): Promise<string[] | void> }>][] = [
  ['simulator', () => import('./simulate.js')],
  ['exhaustive exploration', () => import('./explore.js')],
  ['inspector', () => import('./inspector.js')],
  ['mock server', () => import('./server.js')],
];

for (const [name, load] of BENCHMARKS) {
  console.log(`\n# ${name}`);
  const lines = await (await load()).run();
  for (const line of lines ?? []) console.log(line);
}
