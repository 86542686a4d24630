import { describe, expect, it } from 'vitest';
import { BAD_VALUE, demoWith, expectError, MINIMAL, params, send, TOKEN } from './helpers.js';

/** An account whose TTS limit is the highest allowed, and which knows a token of the longest length. */
const LONG_TOKEN = 't'.repeat(1024);
const roomy = demoWith({ tts_max_length: 4096, access_tokens: [{ token: TOKEN }, { token: LONG_TOKEN }] });
const tts = (value: string) => ({ type: 'tts', value });

/** [field (dotted), its limit, a value of n characters]: the free strings of start.employee_call (issue #10). */
const LIMITS: [string, number, (n: number) => unknown][] = [
  ['external_id', 1024, (n) => 'e'.repeat(n)],
  ['dtmf_string', 1024, (n) => '1'.repeat(n)],
  ['contact_message.value', 4096, (n) => 'я'.repeat(n)],
  ['employee_message.value', 4096, (n) => 'я'.repeat(n)],
];

/** Sets `field` to `value`; a message value goes into a TTS message. */
function withValue(field: string, value: unknown): Record<string, unknown> {
  const [message, key] = field.split('.');
  return key === 'value' ? params({ [message!]: tts(value as string) }) : params({ [field]: value });
}

describe('length limits of the free strings: past a limit → -32602 invalid_parameter_value naming the field', () => {
  it.each(LIMITS)('V3 %s: %i characters accepted', (field, max, make) => {
    expect(send(withValue(field, make(max)), roomy).ok).toBe(true);
  });

  it.each(LIMITS)('V3 %s: one character over %i refused, data.value what was sent', (field, max, make) => {
    const value = make(max + 1);
    expectError(send(withValue(field, value), roomy), { ...BAD_VALUE, field, value });
  });

  it('V2 access_token: 1024 characters go on to the token check (a known token is accepted)', () => {
    expect(send(params({ access_token: LONG_TOKEN }), roomy).ok).toBe(true);
  });

  it('V2 access_token: 1025 characters → invalid_parameter_value before the token is looked up', () => {
    const value = `${LONG_TOKEN}t`;
    expectError(send(params({ access_token: value }), roomy), { ...BAD_VALUE, field: 'access_token', value });
  });

  it('counts characters (code points), as JSON Schema maxLength does: 1024 emoji pass, 1025 do not', () => {
    expect(send(params({ external_id: '😀'.repeat(1024) }), roomy).ok).toBe(true);
    expectError(send(params({ external_id: '😀'.repeat(1025) }), roomy), { ...BAD_VALUE, field: 'external_id', value: '😀'.repeat(1025) });
  });

  it('V5 a TTS text within 4096 but over the account limit still gets the platform’s tts_text_exceeded', () => {
    const result = send(params({ contact_message: tts('я'.repeat(4096)) }));
    expect(result.ok ? 'ok' : result.response.error.data).toMatchObject({
      mnemonic: 'tts_text_exceeded',
      params: { tts_message_max_length: 500, sent_tts_message_length: 4096 },
    });
  });

  it.each([
    ['a long external_id before a bad dtmf_string', { external_id: 'e'.repeat(1025), dtmf_string: 'x' }, 'external_id'],
    ['a bad first_call before a long external_id', { first_call: 'boss', external_id: 'e'.repeat(1025) }, 'first_call'],
    ['a long dtmf_string before a bad direction', { dtmf_string: '1'.repeat(1025), direction: 'sideways' }, 'dtmf_string'],
    ['a long contact_message before a bad employee_message', { contact_message: tts('я'.repeat(4097)), employee_message: { type: 'video', value: '1' } }, 'contact_message.value'],
  ])('V3 order: %s', (_, edits, field) => {
    const result = send({ ...MINIMAL, ...edits }, roomy);
    expect(result.ok ? 'ok' : result.response.error.data.field).toBe(field);
  });
});
