/** The pure parts behind issue #12's page items: export names, error explanations, the picker's index, curl and the journal. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BUILTIN_ACCOUNTS } from '../../src/account/builtin.js';
import { handleRequest } from '../../src/protocol/handle.js';
import { isErrorResponse } from '../../src/protocol/errors.js';
import { paramsOf, seedScenario, withParams, type ParamsDoc } from '../../src/inspector/case.js';
import { explainError } from '../../src/inspector/explain.js';
import { captionLines, exportNames } from '../../src/inspector/export.js';
import { curlCommand, journalPage, newestFirst, shellQuote } from '../../src/inspector/handoff.js';
import { filterGroups, scenarioGroups } from '../../src/inspector/scenario-index.js';

const demo = BUILTIN_ACCOUNTS.demo!;
const seedParams = () => paramsOf(seedScenario())!;
/** The platform's answer to the seed request with `params`, and the page's explanation of it. */
function explained(params: ParamsDoc) {
  const answer = handleRequest(JSON.stringify(withParams(seedScenario(), params).request), demo);
  if (answer.ok || !isErrorResponse(answer.response)) throw new Error('expected an error');
  return { error: answer.response.error, explanation: explainError(answer.response.error, params, demo) };
}

describe('export names', () => {
  it('renames an edited case and never reuses a shipped file name', () => {
    expect(exportNames({ name: 'seed example' }, false, [])).toEqual({ name: 'seed example', file: 'seed-example.yaml' });
    expect(exportNames({ name: 'seed example' }, false, ['seed-example.yaml'])).toEqual({ name: 'seed example', file: 'seed-example-export.yaml' });
    expect(exportNames({ name: 'seed example (edited)' }, true, [], 'B')).toEqual({ name: 'seed example (edited) — B', file: 'seed-example-edited-b.yaml' });
  });

  it('captions an image with the key parameters and the outcome', () => {
    expect(captionLines(seedScenario(), null)).toEqual([
      'seed example',
      'first_call: employee · switch_at_once: true · media_file_id: 2701 · dtmf_string: .1.2.3 · contact_message: tts "Привет" · employee_message: media "2561"',
      'outcome: —',
    ]);
  });
});

describe('explanations under the platform’s errors', () => {
  it('says what early_switching needs, and fixes it (V4, R3)', () => {
    const { error, explanation } = explained({ ...seedParams(), first_call: 'contact', early_switching: true });
    expect(error.data.mnemonic).toBe('invalid_parameters_combination');
    expect(explanation?.text).toContain('Here first_call is "contact", not "employee"');
    expect(explanation?.rules).toEqual(['v4', 'r3']);
    expect(handleRequest(JSON.stringify(withParams(seedScenario(), explanation!.fix!.params).request), demo).ok).toBe(true);
  });

  it.each([
    ['+7 926 000-00-00', '79260000000'],
    ['8 (926) 000 00 00', '89260000000'],
  ])('offers the digits of a contact written as %j', (contact, digits) => {
    const { explanation } = explained({ ...seedParams(), contact });
    expect(explanation?.how).toContain('E.164 digits only');
    expect(explanation?.fix?.params.contact).toBe(digits);
  });

  it('suggests the parameter a misspelt name was meant to be', () => {
    const { switch_at_once, ...rest } = seedParams();
    const { explanation } = explained({ ...rest, swich_at_once: switch_at_once });
    expect(explanation?.text).toContain('Did you mean switch_at_once?');
    expect(handleRequest(JSON.stringify(withParams(seedScenario(), explanation!.fix!.params).request), demo).ok).toBe(true);
  });

  it('turns "true" into true for a boolean sent as a string', () => {
    const { explanation } = explained({ ...seedParams(), switch_at_once: 'true' });
    expect(explanation?.fix?.params.switch_at_once).toBe(true);
  });
});

describe('the scenario picker’s index', () => {
  const files = [
    { file: 'r10-b.yaml', text: 'name: Ten\nrules: [R10]' },
    { file: 'r2-a.yaml', text: 'name: Two\nrules: [R2, D5]\ndescription: a voicemail' },
    { file: 'd3-c.yaml', text: 'name: Dee' },
    { file: 'seed-example.yaml', text: 'name: Seed' },
  ];
  it('groups by the rule in the file name, in natural order, by title', () => {
    expect(scenarioGroups(files).map((g) => [g.rule, g.entries.map((e) => e.title)])).toEqual([
      ['R2', ['Two']],
      ['R10', ['Ten']],
      ['D3', ['Dee']],
      ['Other', ['Seed']],
    ]);
  });
  it('finds by words in the title, rules or description', () => {
    expect(filterGroups(scenarioGroups(files), 'voicemail d5').map((g) => g.rule)).toEqual(['R2']);
  });
});

describe('curl and the journal', () => {
  it('quotes the body so a shell passes it unchanged, quotes included', () => {
    const text = `it's {"a":"b"} $HOME \`x\``;
    expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(text)}`], { encoding: 'utf8' })).toBe(text);
    expect(curlCommand(seedScenario(), 'http://h/v4.0')).toBe(
      `curl -sS 'http://h/v4.0' -H 'Content-Type: application/json' --data-binary ${shellQuote(JSON.stringify(seedScenario().request))}`,
    );
  });
  it('reads a paged journal or a plain array, newest first', () => {
    const entry = (seq: number, response: unknown) => ({ seq, received_at: '2024-01-01T00:00:00Z', method: 'start.employee_call', response });
    const ok = entry(2, { result: { data: { call_session_id: 7 } } });
    const bad = entry(1, { error: { code: -32602, data: { mnemonic: 'media_file_not_found' } } });
    expect(journalPage([bad, ok]).next).toBeNull();
    const paged = journalPage({ items: [bad, ok], next: 'c2' });
    expect(paged.next).toBe('c2');
    expect(newestFirst(paged.rows, 10).map((r) => [r.seq, r.answer, r.failed])).toEqual([
      [2, 'call_session_id 7', false],
      [1, '-32602 media_file_not_found', true],
    ]);
  });
});
