import { describe, expect, it } from 'vitest';
import { World } from '../../src/server/deps.js';
import type { ListCallsItem } from '../../src/server/index.js';
import { dataOf, seedParams, testServer, TOKEN } from './helpers.js';

function states(call: ReturnType<typeof testServer>['call']) {
  const calls = dataOf<ListCallsItem[]>(call('list.calls', { access_token: TOKEN }));
  return calls.map((c) => c.legs.map((l) => `${l.is_operator ? 'employee' : 'contact'} ${l.called_phone_number} ${l.state}`));
}

describe('list.calls follows a live call (the seed request: R1–R4, R10, R15)', () => {
  it('Дозвон → На удержании → Отправка dtmf → Разговор → gone', () => {
    const { call, start, manual } = testServer();
    start();
    let now = 0;
    const at = (t: number) => {
      manual.advance(t - now);
      now = t;
      return states(call);
    };
    expect(at(1000)).toEqual([['employee 79260000001 Дозвон']]);
    expect(at(4000)).toEqual([['employee 79260000001 На удержании']]); // hears employee_message
    expect(at(9000)).toEqual([['employee 79260000001 На удержании', 'contact 79260000000 Дозвон']]); // hold music
    expect(at(11_200)).toEqual([['employee 79260000001 На удержании', 'contact 79260000000 Отправка dtmf']]); // TTS message, digits due
    expect(at(12_500)).toEqual([['employee 79260000001 Разговор', 'contact 79260000000 Отправка dtmf']]);
    expect(at(15_000)).toEqual([['employee 79260000001 Разговор', 'contact 79260000000 Разговор']]);
    expect(at(80_000)).toEqual([]);
  });

  it('the platform shape: start_time in Moscow time, caller ids, operator leg with the employee', () => {
    const { call, start, manual } = testServer();
    start();
    manual.advance(9000);
    const [item] = dataOf<ListCallsItem[]>(call('list.calls', { access_token: TOKEN }));
    expect(item).toEqual({
      call_session_id: 1000,
      direction: 'in',
      start_time: '2024-03-01 12:00:30',
      virtual_phone_number: '74993720692',
      contact_phone_number: '79260000000',
      external_id: '334otr01',
      tags: [],
      legs: [
        {
          leg_id: 10001,
          calling_phone_number: '79260000000', // show_virtual_phone_number: false → the contact's number (D5)
          called_phone_number: '79260000001',
          is_operator: true,
          employee_id: 25,
          employee_full_name: 'Анна Сотрудникова',
          record_call_enabled: false,
          state: 'На удержании',
        },
        {
          leg_id: 10002,
          calling_phone_number: '74993720692',
          called_phone_number: '79260000000',
          is_operator: false,
          employee_id: null,
          employee_full_name: null,
          record_call_enabled: false,
          state: 'Дозвон',
        },
      ],
    });
  });

  it('an employee number that failed stays listed as Разъединено while the next one rings (R14, D7)', () => {
    const world = World.parse({ employee: { '79260000001': { outcome: 'busy' } } });
    const { call, manual, server } = testServer({ world });
    call('start.employee_call', seedParams({ employee: { id: 25 } }));
    manual.advance(1500);
    expect(states(call)).toEqual([['employee 79260000001 Разъединено', 'employee 79260000002 Дозвон']]);
    expect(server.sessions.live.size).toBe(1);
  });

  it('first_call contact: the contact hears its message (На удержании) while the employee rings (R5, R6)', () => {
    const { call, manual } = testServer();
    call('start.employee_call', seedParams({ first_call: 'contact', dtmf_string: null, contact_message: { type: 'media', value: '2562' } }));
    manual.advance(4000);
    expect(states(call)).toEqual([['contact 79260000000 На удержании', 'employee 79260000001 Дозвон']]);
  });
});
