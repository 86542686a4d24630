import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../src/server/login-throttle.js';
import { dataOf, errorOf, JSON_HEADERS, testServer } from './helpers.js';

const wrong = { login: 'demo', password: 'guess' };
const right = { login: 'demo', password: 'demo' };

describe('login.user failures are throttled per login', () => {
  it('after 5 wrong passwords within a minute, every attempt for that login → -32029 limit_exceeded until the minute passes', () => {
    const { call, clock } = testServer();
    for (let i = 0; i < 5; i++) {
      expect(errorOf(call('login.user', wrong)).data.mnemonic).toBe('auth_error');
      clock.now += 1000;
    }
    expect(errorOf(call('login.user', right))).toEqual({
      code: -32029,
      message: 'Limit per minute has been exceeded. Value of current limit per minute is 5',
      data: { mnemonic: 'limit_exceeded', field: 'login', value: 'demo', params: { limit_type: 'minute', limit_max_value: 5 }, extended_helper: null },
    });
    clock.now += 55_000; // the first failure is a minute old
    expect(dataOf(call('login.user', right))).toHaveProperty('access_token');
  });

  it('2000 guesses in a row: 5 reach the password check, the rest are refused', () => {
    const { call } = testServer();
    const mnemonics = Array.from({ length: 2000 }, (_, i) => errorOf(call('login.user', { login: 'demo', password: `guess${i}` })).data.mnemonic);
    expect(mnemonics.filter((m) => m === 'auth_error')).toHaveLength(5);
    expect(mnemonics.filter((m) => m === 'limit_exceeded')).toHaveLength(1995);
  });

  it('other logins are not affected; a success forgets the failures; POST /control/reset clears the table', () => {
    const { call, server } = testServer();
    for (let i = 0; i < 4; i++) call('login.user', wrong);
    expect(dataOf(call('login.user', right))).toHaveProperty('access_token');
    for (let i = 0; i < 5; i++) call('login.user', wrong);
    expect(errorOf(call('login.user', { login: 'someone', password: 'x' })).data.mnemonic).toBe('auth_error');
    expect(errorOf(call('login.user', right)).data.mnemonic).toBe('limit_exceeded');
    server.handle({ method: 'POST', url: '/control/reset', headers: JSON_HEADERS });
    expect(dataOf(call('login.user', right))).toHaveProperty('access_token');
  });

  it("failures for 10 001 other logins do not make the server forget an account login's failures", () => {
    const { call } = testServer();
    for (let i = 0; i < 5; i++) call('login.user', { login: 'demo', password: `guess${i}` });
    for (let i = 0; i < 10_001; i++) call('login.user', { login: `throwaway-${i}`, password: 'x' });
    expect(errorOf(call('login.user', right)).data.mnemonic).toBe('limit_exceeded');
  });

  it("the failure table is bounded: past maxTracked logins the account does not have, the one failed longest ago is forgotten; the account's own are kept", () => {
    const throttle = new LoginThrottle(() => 0, ['demo'], { failures: 5, windowMs: 60_000, maxTracked: 100 });
    for (let i = 0; i < 5; i++) throttle.fail('demo');
    for (let i = 0; i < 1000; i++) throttle.fail(`login-${i}-${'x'.repeat(10_000)}`);
    expect(throttle.tracked).toBe(101);
    expect(throttle.blocked('demo')).toBe(true);
    expect(throttle.blocked('login-0-' + 'x'.repeat(10_000))).toBe(false);
  });
});
