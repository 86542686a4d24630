import { BUILTIN_ACCOUNTS, SEED_REQUEST, validateEmployeeCall } from '../src/index.js';

const CONTACTS = ['79260000000', '79161234567', '79031112233', '78121234567', '79000000001', '79000000002', '79000000003', '79000000005', '79000000006', '79000000007', '79000000008', '79000000011', '79000000012'];
const MESSAGES = [{ type: 'tts', value: 'Привет' }, { type: 'media', value: '2562' }, null, { type: 'tts', value: 'Здравствуйте, это звонок из банка' }];
const DTMF = ['.1.2.3', null, '12#', '1....2'];

/**
 * `count` different valid `start.employee_call` bodies (the seed request with its contact, messages,
 * flags, first_call, DTMF and external_id varied), each checked against the demo account.
 * @example variedBodies(64).length // 64, no two alike
 */
export function variedBodies(count: number): string[] {
  const bodies = Array.from({ length: count }, (_, i) => {
    const firstCall = i % 2 === 0 ? 'employee' : 'contact';
    const switchAtOnce = (i >> 1) % 2 === 0;
    const params = {
      ...SEED_REQUEST.params,
      contact: CONTACTS[i % CONTACTS.length],
      first_call: firstCall,
      switch_at_once: switchAtOnce,
      early_switching: firstCall === 'employee' && switchAtOnce && (i >> 2) % 2 === 0,
      dtmf_string: DTMF[(i >> 3) % DTMF.length],
      contact_message: MESSAGES[i % MESSAGES.length],
      employee_message: MESSAGES[(i >> 2) % MESSAGES.length],
      show_virtual_phone_number: (i >> 4) % 2 === 0,
      employee: i % 3 === 0 ? { id: 25 } : { id: 25, phone_number: '79260000001' },
      external_id: `bench-${i}`,
    };
    const checked = validateEmployeeCall(i, params, BUILTIN_ACCOUNTS.demo!, new Date());
    if (!checked.ok) throw new Error(`bench body ${i} is refused: ${JSON.stringify(checked.response)}`);
    return JSON.stringify({ jsonrpc: '2.0', id: i, method: 'start.employee_call', params });
  });
  if (new Set(bodies).size !== count) throw new Error('bench bodies repeat');
  return bodies;
}
