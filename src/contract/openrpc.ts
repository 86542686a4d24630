import type { z } from 'zod';
import { ERRORS, type Mnemonic } from '../protocol/errors.js';
import { inputJsonSchema, type JsonSchema } from './json-schema.js';

/** OpenRPC 1.3: the document's version of the specification. */
export const OPENRPC_VERSION = '1.3.2';

/** An OpenRPC content descriptor: one parameter or a result. */
export interface ContentDescriptor {
  name: string;
  description?: string;
  required?: boolean;
  schema: JsonSchema;
}

/** An OpenRPC error object: the platform's code, message (template) and mnemonic. */
export interface ErrorObject {
  code: number;
  message: string;
  data: { mnemonic: Mnemonic };
}

/** What the server tells about one of its methods; {@link openRpcDocument} turns it into a method object. */
export interface MethodContract {
  name: string;
  summary: string;
  description?: string;
  params: ContentDescriptor[];
  result: ContentDescriptor;
  /** Every error the method can answer with, in the order the checks run. */
  errors: readonly Mnemonic[];
  examples?: { name: string; params: Record<string, unknown>; result: unknown }[];
}

export interface OpenRpcDocument {
  openrpc: string;
  info: { title: string; version: string; description: string };
  servers: { name: string; url: string; description: string }[];
  methods: Record<string, unknown>[];
  components: { errors: Record<string, ErrorObject> };
}

/**
 * The error object of a mnemonic, from the platform's catalogue.
 * @example errorObject('employee_not_found') // { code: -32602, message: 'Employee with id {employee_id} not found. …', data: { mnemonic: 'employee_not_found' } }
 */
export function errorObject(mnemonic: Mnemonic): ErrorObject {
  const { code, message } = ERRORS[mnemonic];
  return { code, message, data: { mnemonic } };
}

/**
 * A method's parameters, one content descriptor per key of an object schema, in its order: the input
 * JSON Schema of each (types, enums, defaults, formats, lengths), its description, whether it is required.
 * @example paramsOf(CallParamsSchema)[0] // { name: 'access_token', required: true, description: '…', schema: { type: 'string', maxLength: 1024, … } }
 */
export function paramsOf(schema: z.ZodObject): ContentDescriptor[] {
  const json = inputJsonSchema(schema, { dialect: false });
  const properties = json.properties as Record<string, JsonSchema>;
  const required = new Set(json.required as string[] | undefined);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, required: required.has(name), ...(typeof description === 'string' ? { description } : {}), schema: rest };
  });
}

function methodObject(method: MethodContract): Record<string, unknown> {
  const examples = (method.examples ?? []).map((example) => ({
    name: example.name,
    params: Object.entries(example.params).map(([name, value]) => ({ name, value })),
    result: { name: method.result.name, value: example.result },
  }));
  return {
    name: method.name,
    summary: method.summary,
    ...(method.description ? { description: method.description } : {}),
    paramStructure: 'by-name',
    params: method.params,
    result: method.result,
    errors: method.errors.map(errorObject),
    ...(examples.length > 0 ? { examples } : {}),
  };
}

/**
 * The OpenRPC document of a JSON-RPC service: its methods with params, results and errors, and the
 * whole error catalogue under `components.errors` (also the errors answered before a method is known).
 * @example openRpcDocument({ version: '0.1.0', description: '…', url: 'http://127.0.0.1:8080/v4.0', methods }).methods.length
 */
export function openRpcDocument(service: { version: string; description: string; url: string; methods: readonly MethodContract[] }): OpenRpcDocument {
  return {
    openrpc: OPENRPC_VERSION,
    info: { title: 'UIS Call API v4.0 — employee-call-sim mock server', version: service.version, description: service.description },
    servers: [{ name: 'mock', url: service.url, description: 'The default address of `employee-call-sim serve` (`--port`, `PORT` move it).' }],
    methods: service.methods.map(methodObject),
    components: { errors: Object.fromEntries((Object.keys(ERRORS) as Mnemonic[]).map((m) => [m, errorObject(m)])) },
  };
}
