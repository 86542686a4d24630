/**
 * The charts of every machine the package exports, laid out: what scripts/build-inspector.mjs embeds in
 * the page (module `virtual:charts`). Generic: a machine added to or restructured in `src/index.ts`'s
 * exports is drawn without a change here.
 */
import * as api from '../index.js';
import { chartGraphs, isMachine } from './statechart.js';
import { layoutChart, type LaidOutChart } from './statechart-layout.js';

/**
 * @example (await buildCharts()).map((c) => c.region ?? c.machine) // ['employeePlayback', 'contactPlayback', 'employeeLeg', 'contactLeg', 'flow']
 */
export async function buildCharts(): Promise<LaidOutChart[]> {
  const machines = new Map<string, { id: string; root: Parameters<typeof chartGraphs>[0] }>();
  for (const value of Object.values(api)) if (isMachine(value) && !machines.has(value.id)) machines.set(value.id, value);
  return Promise.all([...machines.values()].flatMap((machine) => chartGraphs(machine.root)).map(layoutChart));
}
