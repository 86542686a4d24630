import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEED_BODY, SEED_REQUEST } from '../src/seed-example.js';

const seedPage = fileURLToPath(new URL('../../shared/seed/start.employee_call.ru.txt', import.meta.url));

describe('the seed example', () => {
  it('is the platform page\'s "Пример запроса", byte for byte', () => {
    expect(readFileSync(seedPage, 'utf8')).toContain(SEED_BODY);
  });

  it('parses to the request every consumer starts from', () => {
    expect(SEED_REQUEST).toMatchObject({ jsonrpc: '2.0', method: 'start.employee_call', id: 'req1' });
    expect(SEED_REQUEST.params).toMatchObject({ first_call: 'employee', dtmf_string: '.1.2.3', contact: '79260000000' });
  });
});
