import { z } from 'zod';

/** What the JSON Schema of an input should say where zod cannot see it through a transform. */
export interface InputHint {
  /** The value a transform fills in when nothing is sent (zod drops `default` from transforms' input schemas). */
  default?: unknown;
  /** The whole JSON Schema of a value that a function parses (a duration, the employee world). */
  jsonSchema?: Record<string, unknown>;
}

/**
 * Hints for the JSON Schema generator (`src/contract/json-schema.ts`), which applies them through zod's
 * `override` hook. Kept on the schema they describe, so the contract cannot drift from the check.
 * @example inputHints.add(z.boolean().nullish().transform((v) => v ?? false), { default: false })
 */
export const inputHints = z.registry<InputHint>();
