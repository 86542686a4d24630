import { z } from 'zod';
import { E164 } from '../account/schema.js';

/**
 * The parameters of `start.employee_call` (SPEC §1), in the order of the SPEC's table: checks run in
 * this order so that a request with several faults always gets the same answer (V3).
 */
export const Message = z.strictObject({
  type: z.enum(['media', 'tts']),
  value: z.string(),
});
export type Message = z.infer<typeof Message>;

export const FIRST_CALL = ['employee', 'contact'] as const;
export const USAGE_RULES = ['fixed', 'fixed_for_numa', 'random', 'regional_random', 'regional_fixed_for_numa'] as const;
export const DIRECTIONS = ['in', 'out'] as const;
export const DTMF_STRING = /^[0-9*#.]*$/;

export const CallParamsSchema = z.strictObject({
  access_token: z.string(),
  first_call: z.enum(FIRST_CALL),
  switch_at_once: z.boolean().default(false),
  early_switching: z.boolean().default(false),
  /** Absent → the account's system `dialing_music` (resolved by the account checks). */
  media_file_id: z.number().int().optional(),
  virtual_phone_number: E164,
  virtual_phone_usage_rule: z.enum(USAGE_RULES).default('fixed'),
  show_virtual_phone_number: z.boolean().default(true),
  contact: z.string(),
  external_id: z.string().nullable().default(null),
  dtmf_string: z.string().regex(DTMF_STRING).nullable().default(null),
  direction: z.enum(DIRECTIONS).default('in'),
  employee: z.strictObject({ id: z.number().int(), phone_number: z.string().nullable().optional() }),
  contact_message: Message.nullable().default(null),
  employee_message: Message.nullable().default(null),
});

/** Parameters after every check passed: defaults applied, `media_file_id` resolved against the account. */
export type CallParams = Omit<z.output<typeof CallParamsSchema>, 'media_file_id'> & { media_file_id: number };
export type FirstCall = (typeof FIRST_CALL)[number];
export type UsageRule = (typeof USAGE_RULES)[number];
