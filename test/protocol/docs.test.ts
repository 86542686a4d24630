import { describe, expect, it } from 'vitest';
import { ERRORS, handleRequest } from '../../src/protocol/index.js';
import { NOW, demo, demoWith } from './helpers.js';
import { bodyOf, README_ERROR_ROWS } from './readme-errors.js';

const rows = README_ERROR_ROWS;

describe('README: errors the request checks return', () => {
  it('lists every error of the catalogue but those of other methods', () => {
    const otherMethods = ['auth_error', 'ip_not_whitelisted', 'forbidden', 'account_inactive', 'limit_exceeded', 'call_session_not_found'];
    const listed = [...new Set(rows.map((r) => r.mnemonic))].sort();
    expect(listed).toStrictEqual(Object.keys(ERRORS).filter((m) => !otherMethods.includes(m)).sort());
  });

  it.each(rows)('V7 $code $mnemonic: code and message as in the catalogue', ({ code, mnemonic, message }) => {
    expect(ERRORS[mnemonic]).toStrictEqual({ code, message });
  });

  it.each(rows.filter((r) => r.example !== '—'))('V1–V6 the example of $mnemonic ($field) gets that answer', ({ mnemonic, field, example }) => {
    const account = mnemonic !== 'component_disabled' ? demo : demoWith({ components: field ? ['call_api_basic'] : [] });
    const result = handleRequest(bodyOf(example), account, { now: NOW });
    expect(result.ok ? 'ok' : [result.response.error.data.mnemonic, result.response.error.data.field]).toStrictEqual([mnemonic, field]);
  });
});
