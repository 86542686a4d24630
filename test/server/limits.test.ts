import { describe, expect, it } from 'vitest';
import { PointLimits } from '../../src/server/limits.js';
import { accountWith, dataOf, errorOf, JSON_HEADERS, testServer, TOKEN, T0 } from './helpers.js';

const limited = (minute_limit: number, day_limit: number) => testServer({ account: accountWith({ limits: { minute_limit, day_limit } }) });
const list = { access_token: TOKEN };

describe('point limits (one point per successful request)', () => {
  it('a success carries result.metadata.limits in the platform shape', () => {
    const { call } = limited(5, 100);
    const response = call('list.calls', list);
    expect('result' in response && response.result.metadata).toEqual({
      limits: { day_limit: 100, day_remaining: 99, day_reset: 12 * 3600 - 30, minute_limit: 5, minute_remaining: 4, minute_reset: 30 },
    });
  });

  it('errors are not charged', () => {
    const { call } = limited(2, 100);
    for (let i = 0; i < 5; i++) errorOf(call('list.calls', { access_token: 'nope' }));
    expect(dataOf(call('list.calls', list))).toEqual([]);
    expect(dataOf(call('list.calls', list))).toEqual([]);
  });

  it('past the minute limit → -32029 limit_exceeded with the template filled and the metadata; a new minute lets requests through', () => {
    const { call, clock } = limited(2, 100);
    call('list.calls', list);
    call('login.user', { login: 'demo', password: 'demo' });
    const refused = errorOf(call('list.calls', list));
    expect(refused).toMatchObject({
      code: -32029,
      message: 'Limit per minute has been exceeded. Value of current limit per minute is 2',
      data: { mnemonic: 'limit_exceeded', params: { limit_type: 'minute', limit_max_value: 2 }, metadata: { limits: { minute_remaining: 0 } } },
    });
    clock.now += 30_000;
    expect(dataOf(call('list.calls', list))).toEqual([]);
  });

  it('past the day limit → limit_type day, until Moscow midnight', () => {
    const { call, clock } = limited(100, 2);
    call('list.calls', list);
    call('list.calls', list);
    expect(errorOf(call('list.calls', list)).message).toBe('Limit per day has been exceeded. Value of current limit per day is 2');
    clock.now += 60_000;
    expect(errorOf(call('list.calls', list)).data.params).toEqual({ limit_type: 'day', limit_max_value: 2 });
    clock.now = Date.UTC(2024, 2, 1, 21, 0, 0); // 00:00 in Moscow
    expect(dataOf(call('list.calls', list))).toEqual([]);
  });

  it('POST /control/reset clears the counters', () => {
    const { call, server } = limited(1, 100);
    call('list.calls', list);
    expect(errorOf(call('list.calls', list)).data.mnemonic).toBe('limit_exceeded');
    expect(server.handle({ method: 'POST', url: '/control/reset', headers: JSON_HEADERS }).status).toBe(200);
    expect(dataOf(call('list.calls', list))).toEqual([]);
  });
});

it('PointLimits: resets count whole seconds to the next minute and Moscow midnight', () => {
  const limits = new PointLimits({ minute_limit: 10, day_limit: 10 }, () => T0 + 500);
  expect(limits.metadata()).toMatchObject({ minute_reset: 30, day_reset: 12 * 3600 - 30 });
});
