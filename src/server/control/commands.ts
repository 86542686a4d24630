import { z } from 'zod';
import type { WorldCommand } from '../deps.js';

const Leg = z.enum(['employee', 'contact']);

/**
 * A control command: a WorldCommand (what the telephone network or a person does to one leg), or
 * `release` (what `release.call` does). Strict: a typo is a 400, not a silently ignored command.
 * @example ControlCommand.parse({ type: 'fail', leg: 'contact', reason: 'busy' })
 */
export const ControlCommand = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('answer'), leg: Leg }),
  z.strictObject({ type: z.literal('fail'), leg: Leg, reason: z.enum(['busy', 'no_answer', 'unavailable', 'rejected']) }),
  z.strictObject({ type: z.literal('hangup'), leg: Leg }),
  z.strictObject({
    type: z.literal('early_media'),
    leg: z.literal('contact').default('contact'),
    kind: z.enum(['ringback', 'voicemail', 'announcement']),
  }),
  z.strictObject({ type: z.literal('release') }),
]);
export type ControlCommand = z.output<typeof ControlCommand>;

/** Every WorldCommand is a ControlCommand (checked by the compiler). */
export type CoversWorldCommand = WorldCommand extends ControlCommand ? true : never;
export const COVERS_WORLD_COMMAND: CoversWorldCommand = true;

/**
 * Zod's issues in one line.
 * @example describeCommandIssues(ControlCommand.safeParse({ type: 'answer', leg: 'x' }).error!) // 'leg: Invalid option: expected one of "employee"|"contact"'
 */
export function describeCommandIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
}
