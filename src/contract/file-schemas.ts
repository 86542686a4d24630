import type { z } from 'zod';
import { Account } from '../account/schema.js';
import { Scenario, World } from '../scenario/schema.js';
import { inputJsonSchema, type JsonSchema } from './json-schema.js';

/** The data files a person writes, each checked by one zod schema. */
export const FILE_KINDS = ['scenario', 'account', 'world'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const FILES: Record<FileKind, { schema: z.ZodType; title: string; description: string }> = {
  scenario: {
    schema: Scenario,
    title: 'employee-call-sim scenario file',
    description:
      'One behaviour of start.employee_call: a request (exactly one of request, raw, raw_base64), the account, how the people behave (world) and what must come out (expect). See docs/scenarios.md and docs/spec.md §6.',
  },
  account: {
    schema: Account,
    title: 'employee-call-sim account file',
    description:
      'An account of the platform as the request checks and the simulator see it: tokens, components, virtual numbers, employees, media files, address book, blacklist, TTS limit. See docs/spec.md §7.',
  },
  world: {
    schema: World,
    title: 'employee-call-sim world file',
    description:
      "How the people on the phone behave (a scenario's world: section), for `employee-call-sim serve --world FILE`. See docs/scenarios.md.",
  },
};

/**
 * The JSON Schema (draft-07) of a data file, generated from the zod schema that checks it: what
 * `employee-call-sim schema KIND` prints and `schemas/KIND.schema.json` holds.
 * @example fileJsonSchema('world').properties // { employee: {…}, contact: {…} }
 */
export function fileJsonSchema(kind: FileKind): JsonSchema {
  const { schema, title, description } = FILES[kind];
  const { $schema, ...rest } = inputJsonSchema(schema);
  return { $schema, title, description, ...rest };
}

/**
 * The schema as its committed file holds it (`schemas/KIND.schema.json`) and the CLI prints it.
 * @example fileSchemaText('world').startsWith('{\n  "$schema": "http://json-schema.org/draft-07/schema#"') // true
 */
export function fileSchemaText(kind: FileKind): string {
  return `${JSON.stringify(fileJsonSchema(kind), null, 2)}\n`;
}
