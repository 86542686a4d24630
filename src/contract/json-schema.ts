import { z } from 'zod';
import { inputHints } from '../json-schema-hints.js';
import { Duration } from '../scenario/duration.js';
import { EmployeeWorld, LegBehaviour } from '../scenario/schema.js';

/** A JSON Schema (draft-07) as plain data. */
export type JsonSchema = Record<string, unknown>;

/** Draft-07: the JSON Schema of OpenRPC documents, and the draft editors' YAML/JSON support knows best. */
const TARGET = 'draft-07';

/** Definitions every world shares (zod extracts a schema with an `id` into `definitions`). */
const DURATION_ID = 'duration';
const BEHAVIOUR_ID = 'behaviour';

/** The durations `parseDuration` reads (D1): a number of ms, or a number with a unit (surrounding blanks allowed). */
const DURATION_SCHEMA: JsonSchema = {
  anyOf: [
    { type: 'number', minimum: 0, description: 'milliseconds' },
    { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$', description: 'a number with a unit: "250ms", "4s", "1.5s", "2m", "1h"' },
  ],
  description: 'A duration: a number of milliseconds, or a string with a unit ("250ms", "4s", "1.5s", "2m").',
};

/** Everything in `out` replaced by `replacement`, in place (the override hook hands over the object to change). */
function replaceContents(out: JsonSchema, replacement: JsonSchema): void {
  for (const key of Object.keys(out)) delete out[key];
  Object.assign(out, structuredClone(replacement));
}

/**
 * The employee side of a world: the shared behaviour's keys, plus any other key a phone number whose
 * value is a behaviour of its own. Both point into the world's `behaviour` definition (the contact's),
 * so a new behaviour field shows up here by itself.
 */
function employeeWorldSchema(): JsonSchema {
  const keys = Object.keys(LegBehaviour.shape);
  return {
    type: 'object',
    description:
      'One behaviour for every number of the employee, and/or a behaviour per number keyed by the number ("79260000001": { outcome: busy }), which replaces the shared one for that number.',
    properties: Object.fromEntries(keys.map((key) => [key, { $ref: `#/definitions/${BEHAVIOUR_ID}/properties/${key}` }])),
    patternProperties: { [`^(?!(?:${keys.join('|')})$)[0-9A-Za-z_@.:+-]+$`]: { $ref: `#/definitions/${BEHAVIOUR_ID}` } },
    additionalProperties: false,
  };
}

/**
 * zod leaves out the default of anything that holds a transform, in case the default is only valid as
 * output. A default that the inner schema accepts as input (`Duration.default(30_000)`, an account
 * `'demo'`, `[]` of early media) is one a file may write, so it is shown.
 */
function restoreDefault(schema: z.ZodType, out: JsonSchema): void {
  const def = schema._zod.def as { type: string; defaultValue?: unknown; innerType?: z.ZodType };
  if (def.type !== 'default' || def.innerType === undefined) return;
  const value = def.defaultValue;
  if (def.innerType.safeParse(value).success) out.default = value;
}

let registered = false;
/** The hints for the scenario schema's parsed values, whose modules are not the contract's to annotate. */
function registerScenarioHints(): void {
  if (registered) return;
  registered = true;
  inputHints.add(Duration, { jsonSchema: DURATION_SCHEMA });
  z.globalRegistry.add(Duration, { id: DURATION_ID });
  z.globalRegistry.add(LegBehaviour, { id: BEHAVIOUR_ID });
  inputHints.add(EmployeeWorld, { jsonSchema: employeeWorldSchema() });
}

/**
 * The JSON Schema of what a person or a program may write as `schema`'s input (`io: 'input'`; a
 * result's schema is asked for with `io: 'output'`), without `$schema` when `dialect` is false:
 * defaults shown, transforms seen from their input side, `inputHints` applied through zod's override
 * hook (durations, the employee world, a transform's default). Refinements zod cannot express (a
 * media value's digits, a duration's text) are left to the check itself.
 * @example inputJsonSchema(Platform).properties.tts_ms_per_char // { type: 'number', exclusiveMinimum: 0, default: 75 }
 */
export function inputJsonSchema(schema: z.ZodType, options: { dialect?: boolean; io?: 'input' | 'output' } = {}): JsonSchema {
  registerScenarioHints();
  const json = z.toJSONSchema(schema, {
    target: TARGET,
    io: options.io ?? 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const out = jsonSchema as JsonSchema;
      const hint = inputHints.get(zodSchema as unknown as z.ZodType);
      if (hint?.jsonSchema) replaceContents(out, hint.jsonSchema);
      if (hint && 'default' in hint) out.default = hint.default;
      else if (!('default' in out)) restoreDefault(zodSchema as unknown as z.ZodType, out);
    },
  }) as JsonSchema;
  if (options.dialect === false) delete json.$schema;
  return json;
}
