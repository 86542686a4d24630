import { createRequire } from 'node:module';
import type { Ajv as AjvInstance, ValidateFunction } from 'ajv';

// These packages are CommonJS; require() gives the same objects under Node and under vitest.
const require = createRequire(import.meta.url);
const { Ajv } = require('ajv') as { Ajv: typeof AjvInstance };
const addFormats = require('ajv-formats') as (ajv: AjvInstance) => AjvInstance;
const { openrpcDocument } = require('@open-rpc/meta-schema') as { openrpcDocument: object };
const { jsonSchema } = require('@json-schema-tools/meta-schema') as { jsonSchema: object };

/** A strict draft-07 validator with the standard formats (date-time, uri, …). */
export function validatorOf(schema: object): ValidateFunction {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

/**
 * The official OpenRPC meta-schema (`@open-rpc/meta-schema`), whose Schema objects refer to the JSON
 * Schema meta-schema of `@json-schema-tools/meta-schema` (by its id with and without the slash).
 */
export function openRpcValidator(): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addMetaSchema(jsonSchema);
  ajv.addMetaSchema(jsonSchema, 'https://meta.json-schema.tools');
  return ajv.compile(openrpcDocument);
}
