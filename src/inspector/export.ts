import { stringify } from 'yaml';
import { isErrorResponse } from '../protocol/errors.js';
import type { SimEvent, SimulationResult } from '../sim/types.js';
import { paramsOf, type ScenarioDoc } from './case.js';

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

/** `First call contact, TTS!` → `first-call-contact-tts`. */
export function slugOf(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9а-яё]+/gi, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'case'
  );
}

/** A file name from the scenario's name: `first-call-contact-tts.yaml`. */
export function fileNameOf(doc: ScenarioDoc, extension: string): string {
  return `${slugOf(String(doc.name ?? 'case'))}.${extension}`;
}

/** `seed example (edited)`: an edited case's name says so (once, however many edits). */
export function editedName(name: unknown): string {
  const base = String(name ?? 'case');
  return /\(edited\)$/.test(base) ? base : `${base} (edited)`;
}

/**
 * The name and file name an exported scenario gets: an edited case is renamed "<name> (edited)", and the
 * file name is never one of the shipped `scenarios/` files' (so saving it there cannot overwrite one).
 * `suffix` tells A and B apart when both are exported.
 * @example exportNames({ name: 'seed example' }, true, ['seed-example.yaml']) // { name: 'seed example (edited)', file: 'seed-example-edited.yaml' }
 */
export function exportNames(doc: ScenarioDoc, edited: boolean, shipped: readonly string[], suffix = ''): { name: string; file: string } {
  const name = `${edited ? editedName(doc.name) : String(doc.name ?? 'case')}${suffix ? ` — ${suffix}` : ''}`;
  const taken = new Set(shipped.map((file) => file.toLowerCase()));
  const stem = slugOf(String(doc.name ?? 'case').replace(/\s*\(edited\)$/, '')).slice(0, 48).replace(/-+$/, '');
  const base = `${stem}${edited ? '-edited' : ''}${suffix ? `-${slugOf(suffix)}` : ''}`;
  let file = `${base}.yaml`;
  for (let n = 1; taken.has(file.toLowerCase()); n++) file = `${base}-export${n > 1 ? `-${n}` : ''}.yaml`;
  return { name, file };
}

const KEY_PARAMS = ['first_call', 'switch_at_once', 'early_switching', 'media_file_id', 'dtmf_string'] as const;

/**
 * The caption an exported image carries: the case's name, its key parameters and how the call ended.
 * @example captionLines(doc, result) // ['seed example', 'first_call: employee · switch_at_once: true · …', 'outcome: subscriber_disconnects · talk 60 s · total 71.45 s']
 */
export function captionLines(doc: ScenarioDoc, result: SimulationResult | null, label = ''): string[] {
  const params = paramsOf(doc) ?? {};
  const message = (key: string) => {
    const value = params[key] as { type?: unknown; value?: unknown } | undefined;
    return value && typeof value === 'object' ? `${key}: ${String(value.type)} ${JSON.stringify(value.value)}` : null;
  };
  const shown = [
    ...KEY_PARAMS.filter((key) => params[key] !== undefined).map((key) => `${key}: ${typeof params[key] === 'string' ? params[key] : JSON.stringify(params[key])}`),
    message('contact_message'),
    message('employee_message'),
  ].filter((line): line is string => line !== null);
  let outcome = 'outcome: —';
  if (result && isErrorResponse(result.response)) outcome = `rejected: ${result.response.error.code} ${result.response.error.data.mnemonic}`;
  else if (result?.outcome) {
    const { finish_reason, talk_duration_ms, total_duration_ms, is_lost } = result.outcome;
    outcome = `outcome: ${finish_reason} · talk ${talk_duration_ms / 1000} s · total ${total_duration_ms / 1000} s${is_lost ? ' · lost' : ''}`;
  }
  return [`${label}${String(doc.name ?? 'case')}`, shown.join(' · ') || 'parameters: —', outcome];
}
