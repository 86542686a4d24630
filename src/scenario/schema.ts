import { z } from 'zod';
import { Account } from '../account/schema.js';
import { Duration } from '../duration.js';
import type { World as MachineWorld } from '../../machines/types.js';

/** What a line plays before it is answered. */
export const EarlyMediaKind = z.enum(['ringback', 'voicemail', 'announcement']);

export const EarlyMedia = z.strictObject({
  at: Duration,
  kind: EarlyMediaKind,
});

/**
 * `answer` (default) or a failure, which comes `after` the start of dialling. `manual`: rings until a
 * control command (mock server, inspector) answers or fails it, or the dial timeout passes.
 */
export const LegOutcome = z.enum(['answer', 'busy', 'no_answer', 'unavailable', 'rejected', 'manual']);
/** The failures that come `after` a delay; the others have no `after`. */
export const FAILS_AFTER: readonly z.output<typeof LegOutcome>[] = ['busy', 'unavailable', 'rejected'];

/**
 * How one party (one number) behaves when dialled. Absent fields: answers after 3 s and never hangs up
 * (D14; D12 then ends the talk after 60 s).
 */
export const LegBehaviour = z
  .strictObject({
    /** Time from the start of dialling to the answer. Past the dial timeout it is a `no_answer` (D3). */
    answer_after: Duration.optional(),
    outcome: LegOutcome.default('answer'),
    /** When a busy / unavailable / rejected failure comes (default 1 s); `no_answer` always waits for the dial timeout. */
    after: Duration.optional(),
    early_media: z.array(EarlyMedia).default([]),
    /** Time from the answer to hanging up; absent → never (D12). */
    hangup_after: Duration.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.outcome !== 'answer' && b.answer_after !== undefined)
      ctx.addIssue({ code: 'custom', path: ['answer_after'], message: `expected no answer_after with outcome "${b.outcome}"` });
    if (b.outcome !== 'answer' && b.hangup_after !== undefined)
      ctx.addIssue({ code: 'custom', path: ['hangup_after'], message: `expected no hangup_after with outcome "${b.outcome}"` });
    if (!FAILS_AFTER.includes(b.outcome) && b.after !== undefined)
      ctx.addIssue({ code: 'custom', path: ['after'], message: `expected no "after" with outcome "${b.outcome}" (use answer_after, or the dial timeout applies)` });
  });
export type LegBehaviour = z.output<typeof LegBehaviour>;

const PHONE_KEY = /^[0-9A-Za-z_@.:+-]+$/;
const BEHAVIOUR_KEYS = new Set(['answer_after', 'outcome', 'after', 'early_media', 'hangup_after']);

/**
 * The employee side: one behaviour for every number, and/or per-number behaviours keyed by the number
 * (`"79260000001": { outcome: busy }`), which override the shared one for that number.
 */
export const EmployeeWorld = z
  .record(z.string(), z.unknown())
  .transform((raw, ctx) => {
    const shared: Record<string, unknown> = {};
    const byNumber: Record<string, LegBehaviour> = {};
    for (const [key, value] of Object.entries(raw)) {
      if (BEHAVIOUR_KEYS.has(key)) {
        shared[key] = value;
        continue;
      }
      if (!PHONE_KEY.test(key) || typeof value !== 'object' || value === null) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `expected a behaviour field (${[...BEHAVIOUR_KEYS].join(', ')}) or a phone number with a behaviour object`,
        });
        continue;
      }
      const parsed = LegBehaviour.safeParse(value);
      if (parsed.success) byNumber[key] = parsed.data;
      else for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [key, ...issue.path] } as never);
    }
    const sharedParsed = LegBehaviour.safeParse(shared);
    if (!sharedParsed.success) {
      for (const issue of sharedParsed.error.issues) ctx.addIssue(issue as never);
      return z.NEVER;
    }
    return { shared: sharedParsed.data, byNumber };
  });
export type EmployeeWorld = z.output<typeof EmployeeWorld>;

export const World = z.strictObject({
  employee: EmployeeWorld.prefault({}),
  contact: LegBehaviour.prefault({}),
});
export type World = z.output<typeof World>;
export type WorldInput = z.input<typeof World>;

/** A parsed world is what the machines play (machines/types.ts keeps its own copy of the shape). */
export const WORLD_FITS_THE_MACHINES: (world: World) => MachineWorld = (world) => world;

export const Platform = z.strictObject({
  dial_timeout: Duration.default(30_000),
  tts_ms_per_char: z.number().positive().default(75),
});
export type Platform = z.output<typeof Platform>;

const Json = z.record(z.string(), z.unknown());

/** What `atob` (which turns `raw_base64` into the body) can decode. */
function isBase64(text: string): boolean {
  try {
    atob(text);
    return true;
  } catch {
    return false;
  }
}

export const Expect = z.strictObject({
  /** Partial match. */
  response: Json.optional(),
  /** Per leg, the full list of segments in order, each matched partially. */
  hears: z.strictObject({ employee: z.array(Json).optional(), contact: z.array(Json).optional() }).optional(),
  /** A subsequence of the events, each matched partially. */
  events: z.array(Json).optional(),
  /** Partial match; `null` expects no outcome (a rejected request). */
  outcome: Json.nullable().optional(),
});
export type Expect = z.output<typeof Expect>;

export const Scenario = z
  .strictObject({
    name: z.string().min(1),
    description: z.string().optional(),
    /** SPEC rules this scenario shows (R…, V…, D…). */
    rules: z.array(z.string().regex(/^[RVD]\d+$/, 'expected a SPEC rule number like R4, V3 or D12')).default([]),
    /** The JSON-RPC request as an object… */
    request: Json.optional(),
    /** …or the raw body text, sent unchanged. */
    raw: z.string().optional(),
    /** …or the raw body bytes, base64 (for non-UTF-8 bodies, V6). */
    raw_base64: z.string().refine(isBase64, 'expected the body bytes in base64 (A–Z, a–z, 0–9, +, /, = padding)').optional(),
    account: z.union([z.string(), Account]).default('demo'),
    platform: Platform.prefault({}),
    world: World.prefault({}),
    /** Seed of the random usage rules (D15). */
    seed: z.number().int().default(1),
    /** When (from the request) the integrator's `release.call` for this session arrives; absent: never. */
    release_at: Duration.optional(),
    expect: Expect.optional(),
  })
  .superRefine((s, ctx) => {
    const given = (['request', 'raw', 'raw_base64'] as const).filter((k) => s[k] !== undefined);
    if (given.length !== 1)
      ctx.addIssue({ code: 'custom', path: given[1] ? [given[1]] : [], message: 'expected exactly one of request, raw, raw_base64' });
  });
export type Scenario = z.output<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
