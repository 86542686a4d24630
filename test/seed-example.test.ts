import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { SEED_BODY, SEED_REQUEST } from '../src/seed-example.js';

/** The "Пример запроса" of the platform's page for start.employee_call, byte for byte (docs/spec.md §1). */
const pageRequest = readFileSync(new URL('fixtures/seed-page-request.json', import.meta.url), 'utf8');

describe('the seed example', () => {
  it('SEED_BODY is the platform page\'s "Пример запроса", byte for byte', () => {
    expect(SEED_BODY).toBe(pageRequest);
  });

  it('parses to the request every consumer starts from', () => {
    expect(SEED_REQUEST).toStrictEqual(JSON.parse(pageRequest));
    expect(SEED_REQUEST).toMatchObject({ jsonrpc: '2.0', method: 'start.employee_call', id: 'req1' });
  });

  it('scenarios/seed-example.yaml sends exactly that request', () => {
    const scenario = parseYaml(readFileSync('scenarios/seed-example.yaml', 'utf8')) as { request: unknown };
    expect(scenario.request).toStrictEqual(JSON.parse(pageRequest));
  });
});
