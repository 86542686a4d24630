import { describe, expect, it } from 'vitest';
import { LoginTokens } from '../../src/server/tokens.js';
import { dataOf, DEMO, errorOf, T0, testServer } from './helpers.js';

const HOUR_MS = 3600_000;

/** Whether the checks would see `token` at all (listed: live or expired; not listed: access_token_invalid). */
function known(tokens: LoginTokens, token: string): boolean {
  return tokens.accountView(DEMO, token).access_tokens.some((t) => t.token === token);
}

describe('login.user tokens are remembered for a bounded time and count', () => {
  it('an expired token answers access_token_expired for an hour after it expired, then access_token_invalid', () => {
    const { call, clock } = testServer();
    const { access_token } = dataOf<{ access_token: string }>(call('login.user', { login: 'demo', password: 'demo' }));
    clock.now += HOUR_MS;
    expect(errorOf(call('list.calls', { access_token })).data.mnemonic).toBe('access_token_expired');
    clock.now += HOUR_MS - 1;
    expect(errorOf(call('list.calls', { access_token })).data.mnemonic).toBe('access_token_expired');
    clock.now += 1;
    expect(errorOf(call('list.calls', { access_token })).data.mnemonic).toBe('access_token_invalid');
  });

  it('issuing a token forgets the ones expired over an hour ago', () => {
    const clock = { now: T0 };
    const tokens = new LoginTokens(() => clock.now);
    for (let i = 0; i < 1000; i++) tokens.issue();
    clock.now += 2 * HOUR_MS;
    const { access_token } = tokens.issue();
    expect(tokens.size).toBe(1);
    expect(known(tokens, access_token)).toBe(true);
  });

  it('past the cap the oldest token is forgotten (then access_token_invalid); the newer ones keep working', () => {
    const tokens = new LoginTokens(() => T0, 3);
    const issued = Array.from({ length: 5 }, () => tokens.issue().access_token);
    expect(tokens.size).toBe(3);
    expect(issued.map((token) => known(tokens, token))).toEqual([false, false, true, true, true]);
  });
});
