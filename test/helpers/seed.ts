import { Scenario, type ScenarioInput, type WorldInput } from '../../src/scenario/schema.js';

export const DEMO_TOKEN = '2fRN4g217ca0b4224a67988aff3e584f91964a692045415f36fa66146f5a3c1ae1f6093d';

/** The seed page's example request, byte for byte in its params. */
export const SEED_REQUEST = {
  jsonrpc: '2.0',
  method: 'start.employee_call',
  id: 'req1',
  params: {
    access_token: DEMO_TOKEN,
    first_call: 'employee',
    switch_at_once: true,
    media_file_id: 2701,
    show_virtual_phone_number: false,
    virtual_phone_number: '74993720692',
    external_id: '334otr01',
    dtmf_string: '.1.2.3',
    direction: 'in',
    contact: '79260000000',
    employee: { id: 25, phone_number: '79260000001' },
    contact_message: { type: 'tts', value: 'Привет' },
    employee_message: { type: 'media', value: '2561' },
  },
} as const;

/**
 * A scenario built on the seed request: `params` replace the seed's (a key set to `undefined` is
 * removed), `world` and the rest are passed through.
 */
export function seedScenario(
  params: Record<string, unknown> = {},
  rest: Omit<Partial<ScenarioInput>, 'world'> & { world?: WorldInput } = {},
): Scenario {
  const merged: Record<string, unknown> = { ...SEED_REQUEST.params, ...params };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return Scenario.parse({ name: 'test', ...rest, request: { ...SEED_REQUEST, params: merged } });
}
