import { stringify } from 'yaml';
import type { SimEvent, SimulationResult } from '../sim/types.js';
import type { ScenarioDoc } from './case.js';

/** Audio events are covered by `hears`; the rest go into `expect.events` (a subsequence match). */
function expectedEvents(events: readonly SimEvent[]): Record<string, unknown>[] {
  return events
    .filter((e) => e.type !== 'audio.started' && e.type !== 'audio.stopped')
    .map((e) => {
      const { call_session_id: _id, ...rest } = e as SimEvent & { call_session_id?: number };
      return rest;
    });
}

/** `expect` for a result: what `verify` then checks, so a finding becomes a regression test. */
export function expectationOf(result: SimulationResult): Record<string, unknown> {
  const response = 'error' in result.response ? { error: result.response.error } : { result: { data: {} } };
  if (result.outcome === null) return { response, outcome: null };
  return {
    response,
    hears: { employee: result.hears.employee, contact: result.hears.contact },
    events: expectedEvents(result.events),
    outcome: result.outcome,
  };
}

/**
 * The scenario as a file for `scenarios/`, its `expect` filled from the current result.
 * @example scenarioFile(doc, simulate(scenario)) // 'name: …\nrequest: …\nexpect:\n  response: …'
 */
export function scenarioFile(doc: ScenarioDoc, result: SimulationResult): string {
  const { expect: _old, ...rest } = doc;
  const header = '# Exported from the inspector: expect is what the simulator produced for this case.\n';
  return header + stringify({ ...rest, expect: expectationOf(result) }, { lineWidth: 0 });
}

/** A file name from the scenario's name: `first-call-contact-tts.yaml`. */
export function fileNameOf(doc: ScenarioDoc, extension: string): string {
  const base = String(doc.name ?? 'case')
    .toLowerCase()
    .replace(/[^a-z0-9а-яё]+/gi, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'case'}.${extension}`;
}
