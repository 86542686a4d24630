import type { ScenarioInput } from '../../scenario/schema.js';
import type { LegName } from '../../sim/types.js';

/** While what a party that answered may hang up (their own side's view of the call). */
export type HangupPhase = 'ringing' | 'own message' | "other's message" | 'hold' | "contact's line" | 'talk';
/** While what `release.call` may come (the call's view). */
export type ReleasePhase = 'first ringing' | 'second ringing' | 'employee message' | 'contact message' | 'hold' | "contact's line" | 'talk';

/** How a combination's call is ended: by the D12 default, by a hang-up or by release.call, inside a phase. */
export type Ending =
  | { kind: 'nobody' }
  | { kind: 'hangup'; who: LegName; phase: HangupPhase }
  | { kind: 'release'; phase: ReleasePhase };

/** A party's behaviour as a scenario file writes it (`world.contact`, or one employee number). */
export type Behaviour = Record<string, unknown>;

/** One value of an axis: its label and what it puts into the combination's scenario. */
export interface AxisValue {
  label: string;
  params?: Record<string, unknown>;
  /** `world.employee`, per number. */
  employee?: Record<string, Behaviour>;
  contact?: Behaviour;
  ending?: Ending;
}

/** One dimension of the space; its first value is the simplest (the shrinker moves toward it). */
export interface Axis {
  name: string;
  values: AxisValue[];
}

/** A runnable call: a scenario file's content, and when release.call comes (a scenario file cannot say it). */
export interface Case {
  scenario: ScenarioInput;
  releaseAt: number | null;
}
