import { describe, expect, it } from 'vitest';
import { accountWith, DEMO, errorOf, dataOf, seedParams, testServer, TOKEN, T0 } from './helpers.js';
import { manualDriver } from '../../src/server/index.js';

describe('POST /v4.0 — the envelope and the method (V1, V6)', () => {
  const { server } = testServer();
  it.each([
    ['not JSON', '{', -32700, 'parse_error', null],
    ['a batch', '[]', -32099, 'batch_operations_not_supported', null],
    ['no id', '{"jsonrpc":"2.0","method":"list.calls","params":{}}', -32099, 'notifications_not_supported', null],
    ['an unknown method', '{"jsonrpc":"2.0","id":5,"method":"start.magic","params":{}}', -32601, 'method_not_found', 5],
  ])('%s → %s', (_, body, code, mnemonic, id) => {
    const response = server.handleRpc(body);
    expect(response.id).toBe(id);
    expect(errorOf(response)).toMatchObject({ code, data: { mnemonic } });
  });

  it('a body that is not UTF-8 → character_encoding_not_allowed (V6)', () => {
    expect(errorOf(server.handleRpc(new Uint8Array([0x7b, 0xff, 0x7d]))).data.mnemonic).toBe('character_encoding_not_allowed');
  });

  it('a declared charset other than UTF-8 → character_encoding_not_allowed, with the request id', () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 'x', method: 'list.calls', params: { access_token: TOKEN } });
    const response = server.handleRpc(body, 'application/json; charset=windows-1251');
    expect(response.id).toBe('x');
    expect(errorOf(response).data.mnemonic).toBe('character_encoding_not_allowed');
  });
});

describe('start.employee_call', () => {
  it('the seed request → a call_session_id and limits metadata', () => {
    const { start } = testServer();
    const response = start();
    expect(dataOf(response)).toEqual({ call_session_id: 1000 });
    expect(response.result.metadata).toMatchObject({ limits: { minute_limit: 1000, minute_remaining: 999 } });
  });

  it('call_session_ids increase', () => {
    const { start } = testServer();
    expect([start(), start(), start()].map((r) => dataOf<{ call_session_id: number }>(r).call_session_id)).toEqual([1000, 1001, 1002]);
  });

  it.each([
    [{ access_token: 'nope' }, 'access_token_invalid'],
    [{ access_token: 'demo-expired-token' }, 'access_token_expired'],
    [{ access_token: 'demo-blocked-token' }, 'access_token_blocked'],
    [{ contact: '79990000000' }, 'contact_in_blacklist'],
    [{ first_call: 'boss' }, 'invalid_parameter_value'],
    [{ surprise: 1 }, 'unexpected_parameters'],
  ])('%j → %s, no session started', (override, mnemonic) => {
    const { call, server } = testServer();
    expect(errorOf(call('start.employee_call', seedParams(override))).data.mnemonic).toBe(mnemonic);
    expect(server.sessions.live.size).toBe(0);
  });

  it('without the component "Call API Базовый набор" → -32008 component_disabled', () => {
    const { start } = testServer({ account: accountWith({ components: ['call_api_call_management'] }) });
    expect(errorOf(start())).toMatchObject({ code: -32008, message: 'Component Call API Базовый набор has been disabled' });
  });

  it('an exception inside → -32603 internal_error, and the server keeps serving', () => {
    let broken = true;
    const manual = manualDriver();
    const { server, start } = testServer({
      driver: (engine) => {
        const clock = manual.start(engine);
        return {
          ...clock,
          now: () => {
            if (broken) throw new Error('boom');
            return clock.now();
          },
        };
      },
    });
    expect(errorOf(start())).toMatchObject({ code: -32603, message: 'Internal error, contact the support service' });
    broken = false;
    expect(dataOf(start())).toHaveProperty('call_session_id');
    expect(server.journal.entries().map((e) => e.seq)).toEqual([1, 2]);
  });
});

describe('login.user / logout.user', () => {
  it('login → a token living one hour that works for the other methods; logout ends it', () => {
    const { call, clock } = testServer();
    const login = dataOf<{ access_token: string; expire_at: number }>(call('login.user', { login: 'demo', password: 'demo' }));
    expect(login.expire_at).toBe(Math.floor(T0 / 1000) + 3600);
    expect(login.access_token).toMatch(/^[0-9a-f]{64}$/);
    expect(dataOf(call('list.calls', { access_token: login.access_token }))).toEqual([]);
    expect(dataOf(call('start.employee_call', seedParams({ access_token: login.access_token })))).toHaveProperty('call_session_id');
    clock.now += 3599_000;
    expect(dataOf(call('list.calls', { access_token: login.access_token }))).toHaveLength(1);
    expect(dataOf(call('logout.user', { access_token: login.access_token }))).toEqual({ success: true });
    expect(errorOf(call('list.calls', { access_token: login.access_token })).data.mnemonic).toBe('access_token_invalid');
  });

  it('a login token one hour old → access_token_expired', () => {
    const { call, clock } = testServer();
    const { access_token } = dataOf<{ access_token: string }>(call('login.user', { login: 'demo', password: 'demo' }));
    clock.now += 3600_000;
    expect(errorOf(call('list.calls', { access_token }))).toMatchObject({ code: -32001, message: 'Access token has been expired' });
    expect(errorOf(call('start.employee_call', seedParams({ access_token }))).data.mnemonic).toBe('access_token_expired');
  });

  it.each([
    [{ login: 'demo', password: 'wrong' }, 'auth_error', null],
    [{ login: 'nobody', password: 'demo' }, 'auth_error', null],
    [{ password: 'demo' }, 'required_parameter_missed', 'login'],
    [{ login: 'demo', password: 7 }, 'data_type_error', 'password'],
    [{ login: 'demo', password: 'demo', remember: true }, 'unexpected_parameters', 'remember'],
  ])('login %j → %s (field %s)', (params, mnemonic, field) => {
    const { call } = testServer();
    expect(errorOf(call('login.user', params)).data).toMatchObject({ mnemonic, field });
  });

  it('auth_error has the catalogue message and code', () => {
    const { call } = testServer();
    expect(errorOf(call('login.user', { login: 'demo', password: 'x' }))).toMatchObject({ code: -32001, message: 'Login or password is wrong' });
  });

  it('logout with a permanent key succeeds and leaves the key working', () => {
    const { call } = testServer();
    expect(dataOf(call('logout.user', { access_token: TOKEN }))).toEqual({ success: true });
    expect(dataOf(call('list.calls', { access_token: TOKEN }))).toEqual([]);
  });

  it('logout checks the token first, then its params', () => {
    const { call } = testServer();
    expect(errorOf(call('logout.user', {})).data).toMatchObject({ mnemonic: 'required_parameter_missed', field: 'access_token' });
    expect(errorOf(call('logout.user', { access_token: TOKEN, x: 1 })).data).toMatchObject({ mnemonic: 'unexpected_parameters', field: 'x' });
  });
});

describe('release.call', () => {
  it('ends a live call → {"success":true}; the session is then not found', () => {
    const { call, start, server } = testServer();
    const id = dataOf<{ call_session_id: number }>(start()).call_session_id;
    expect(dataOf(call('release.call', { access_token: TOKEN, call_session_id: id }))).toEqual({ success: true });
    expect(server.sessions.live.size).toBe(0);
    expect(server.sessions.reports[0]).toMatchObject({ call_session_id: id, is_lost: true });
    expect(errorOf(call('release.call', { access_token: TOKEN, call_session_id: id }))).toMatchObject({
      code: -32602,
      message: 'Call session not found',
      data: { mnemonic: 'call_session_not_found', field: 'call_session_id', value: id },
    });
  });

  it.each([
    [{ access_token: TOKEN }, 'required_parameter_missed', 'call_session_id'],
    [{ access_token: TOKEN, call_session_id: '1000' }, 'data_type_error', 'call_session_id'],
    [{ access_token: TOKEN, call_session_id: 1.5 }, 'invalid_parameter_value', 'call_session_id'],
    [{ access_token: TOKEN, call_session_id: 1, force: true }, 'unexpected_parameters', 'force'],
    [{ access_token: 'nope', call_session_id: 1 }, 'access_token_invalid', 'access_token'],
    [{ access_token: TOKEN, call_session_id: 424242 }, 'call_session_not_found', 'call_session_id'],
  ])('%j → %s', (params, mnemonic, field) => {
    const { call } = testServer();
    expect(errorOf(call('release.call', params)).data).toMatchObject({ mnemonic, field });
  });
});

describe('list.calls', () => {
  it('needs "Call API Управление вызовами" → else -32008 component_disabled', () => {
    const { call } = testServer({ account: accountWith({ components: ['call_api_basic'] }) });
    expect(errorOf(call('list.calls', { access_token: TOKEN }))).toMatchObject({
      code: -32008,
      message: 'Component Call API Управление вызовами has been disabled',
    });
  });

  it('filters by direction and virtual_phone_number', () => {
    const { call, start } = testServer();
    start({ direction: 'in' });
    start({ direction: 'out', virtual_phone_number: '74993720693' });
    const ids = (params: Record<string, unknown>) =>
      dataOf<{ call_session_id: number }[]>(call('list.calls', { access_token: TOKEN, ...params })).map((c) => c.call_session_id);
    expect(ids({})).toEqual([1000, 1001]);
    expect(ids({ direction: 'out' })).toEqual([1001]);
    expect(ids({ direction: 'in', virtual_phone_number: '74993720693' })).toEqual([]);
    expect(ids({ virtual_phone_number: '74993720692' })).toEqual([1000]);
    expect(ids({ direction: null })).toEqual([1000, 1001]);
  });

  it.each([
    [{ direction: 'sideways' }, 'invalid_parameter_value', 'direction'],
    [{ direction: 1 }, 'data_type_error', 'direction'],
    [{ virtual_phone_number: 74993720692 }, 'data_type_error', 'virtual_phone_number'],
    [{ limit: 10 }, 'unexpected_parameters', 'limit'],
  ])('%j → %s', (params, mnemonic, field) => {
    const { call } = testServer();
    expect(errorOf(call('list.calls', { access_token: TOKEN, ...params })).data).toMatchObject({ mnemonic, field });
  });
});

it('the demo account has every component these tests rely on', () => {
  expect(DEMO.components).toEqual(expect.arrayContaining(['call_api_basic', 'call_api_call_management']));
});
