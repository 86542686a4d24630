/**
 * The platform's own example request for start.employee_call ("Пример запроса" on the seed page), byte
 * for byte. One copy for everyone: the tests, the mock server's curl line, the inspector's default case.
 */
export const SEED_BODY = `{
 "jsonrpc": "2.0",
 "method": "start.employee_call",
 "id": "req1",
 "params": {
  "access_token": "2fRN4g217ca0b4224a67988aff3e584f91964a692045415f36fa66146f5a3c1ae1f6093d",
  "first_call": "employee",
  "switch_at_once": true,
  "media_file_id": 2701,
  "show_virtual_phone_number": false,
  "virtual_phone_number": "74993720692",
  "external_id": "334otr01",
  "dtmf_string": ".1.2.3",
  "direction": "in",
  "contact": "79260000000",
  "employee": {
   "id": 25,
   "phone_number": "79260000001"
  },
  "contact_message": {
   "type": "tts",
   "value": "Привет"
  },
  "employee_message": {
   "type": "media",
   "value": "2561"
  }
 }
}`;

/** The seed example parsed: `{ jsonrpc, method, id, params }`. */
export const SEED_REQUEST: {
  jsonrpc: '2.0';
  method: 'start.employee_call';
  id: string;
  params: Record<string, unknown>;
} = JSON.parse(SEED_BODY);
