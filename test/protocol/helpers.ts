import demoData from '../../src/account/demo.json' with { type: 'json' };
import { expect } from 'vitest';
import { BUILTIN_ACCOUNTS } from '../../src/account/builtin.js';
import { Account, type AccountInput } from '../../src/account/schema.js';
import { validateData } from '../../src/data-file.js';
import { handleRequest, type JsonRpcError, type Validation } from '../../src/protocol/index.js';

/** Shared fixtures of the protocol tests. */

export const demo = BUILTIN_ACCOUNTS.demo!;
export const TOKEN = '2fRN4g217ca0b4224a67988aff3e584f91964a692045415f36fa66146f5a3c1ae1f6093d';
export const NOW = new Date('2025-06-01T12:00:00Z');

export { SEED_BODY } from '../../src/seed-example.js';

/** The smallest valid request against the demo account. */
export const MINIMAL = {
  access_token: TOKEN,
  first_call: 'employee',
  virtual_phone_number: '74993720692',
  contact: '79260000000',
  employee: { id: 25 },
} as const;

/** Marks a name that is not sent at all (`data.value` absent). */
export const ABSENT = Symbol('absent');

/** A copy of `params` with the dotted name set to `value`, or removed for {@link ABSENT}. */
export function withParam(params: object, dotted: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(params) as Record<string, unknown>;
  const keys = dotted.split('.');
  const last = keys.pop()!;
  let node = copy;
  for (const key of keys) node = (node[key] ??= {}) as Record<string, unknown>;
  if (value === ABSENT) delete node[last];
  else node[last] = value;
  return copy;
}

/** Several {@link withParam} edits over {@link MINIMAL} (or `base`). */
export function params(edits: Record<string, unknown> = {}, base: object = MINIMAL): Record<string, unknown> {
  return Object.entries(edits).reduce<Record<string, unknown>>((p, [name, value]) => withParam(p, name, value), { ...base });
}

export function body(p: unknown, id: unknown = 't1'): string {
  return JSON.stringify({ jsonrpc: '2.0', id, method: 'start.employee_call', params: p });
}

export function send(p: unknown, account: Account = demo): Validation {
  return handleRequest(body(p), account, { now: NOW });
}

/** The demo account with some top-level keys replaced, checked by the account schema. */
export function demoWith(patch: Partial<AccountInput>): Account {
  return validateData('test account', { ...structuredClone(demoData), ...patch }, Account);
}

export interface ExpectedError {
  code: number;
  message: string;
  mnemonic: string;
  field: string | null;
  /** {@link ABSENT} (default) when nothing was sent. */
  value?: unknown;
  params?: Record<string, string | number>;
  id?: string | number | null;
}

/** Asserts the whole error object (V7): code, exact message, and every member of `data`. */
export function expectError(validation: Validation, expected: ExpectedError): JsonRpcError {
  expect(validation.ok, JSON.stringify(validation)).toBe(false);
  const response = (validation as { response: JsonRpcError }).response;
  const { value = ABSENT, params: templateParams = {}, id = 't1', ...head } = expected;
  const data = {
    mnemonic: head.mnemonic,
    field: head.field,
    ...(value === ABSENT ? {} : { value }),
    params: templateParams,
    extended_helper: null,
  };
  expect(response).toStrictEqual({ jsonrpc: '2.0', id, error: { code: head.code, message: head.message, data } });
  return response;
}

/** The common -32602 errors, with their exact messages (literal here, not read from the catalogue). */
export const TYPE = { code: -32602, message: 'Data supplied is of wrong type', mnemonic: 'data_type_error' } as const;
export const MISSED = { code: -32602, message: 'The required parameter has been missed', mnemonic: 'required_parameter_missed' } as const;
export const BAD_VALUE = { code: -32602, message: 'Invalid parameter value', mnemonic: 'invalid_parameter_value' } as const;
export const UNEXPECTED = { code: -32602, message: 'Unexpected method parameter(s)', mnemonic: 'unexpected_parameters' } as const;
export const INVALID_REQUEST = {
  code: -32600,
  message: 'Invalid Request The JSON sent is not a valid Request object',
  mnemonic: 'invalid_request',
} as const;
