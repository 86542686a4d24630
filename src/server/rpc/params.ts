import type { Problem } from '../deps.js';

/** One parameter of a neighbouring method: its JSON type, whether it is required, its allowed values. */
export interface ParamSpec {
  type: 'string' | 'integer';
  required: boolean;
  values?: readonly string[];
}

function typeFits(spec: ParamSpec, value: unknown): boolean {
  return spec.type === 'string' ? typeof value === 'string' : typeof value === 'number';
}

function valueFits(spec: ParamSpec, value: string | number): boolean {
  if (spec.type === 'integer') return Number.isSafeInteger(value);
  return spec.values === undefined || spec.values.includes(value as string);
}

/**
 * The parameters of `release.call`, `list.calls`, `login.user`, `logout.user`, checked with the same
 * mnemonics and in the same manner as `start.employee_call` (V3): parameter by parameter in the
 * method's order — missing (or `null` when required) → required_parameter_missed, wrong JSON type →
 * data_type_error, a value outside its set (or a fraction for an integer) → invalid_parameter_value;
 * then names the method does not have → unexpected_parameters. An optional parameter sent as `null`
 * counts as not sent.
 * @example
 * paramsProblem({ access_token: 't', call_session_id: '7' }, RELEASE_PARAMS)
 * // { mnemonic: 'data_type_error', field: 'call_session_id', value: '7' }
 */
export function paramsProblem(params: Record<string, unknown>, specs: Record<string, ParamSpec>): Problem | null {
  for (const [field, spec] of Object.entries(specs)) {
    const present = Object.hasOwn(params, field);
    const value = params[field];
    if (!present || value === null) {
      if (spec.required) return { mnemonic: 'required_parameter_missed', field, value };
      continue;
    }
    if (!typeFits(spec, value)) return { mnemonic: 'data_type_error', field, value };
    if (!valueFits(spec, value as string | number)) return { mnemonic: 'invalid_parameter_value', field, value };
  }
  const unexpected = Object.keys(params).find((name) => !Object.hasOwn(specs, name));
  return unexpected === undefined ? null : { mnemonic: 'unexpected_parameters', field: unexpected, value: params[unexpected] };
}

/** `access_token` as every method but `login.user` takes it. */
export const ACCESS_TOKEN: ParamSpec = { type: 'string', required: true };
