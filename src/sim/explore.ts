import { Scenario, type ScenarioInput } from '../scenario/schema.js';
import { SEED_REQUEST } from '../seed-example.js';
import { checkInvariants } from './invariants.js';
import { pick, seededRandom } from './random.js';
import { simulate } from './simulate.js';
import type { FinishReason, SimulationResult } from './types.js';

/**
 * Generated worlds (ARCHITECTURE: the third kind of world): scenarios drawn at random — any parameter
 * set the demo account accepts, against any behaviour of the people on the line — run through the same
 * machines and checked against the invariants. Deterministic for a seed, so a finding can be replayed.
 */
export interface Exploration {
  runs: number;
  talks: number;
  byFinishReason: Partial<Record<FinishReason, number>>;
  violations: { scenario: ScenarioInput; problems: string[] }[];
}

export interface ExploreOptions {
  runs: number;
  seed: number;
  /** What must hold for each result; default the invariants of SPEC §5. */
  check?: (result: SimulationResult) => string[];
}

/**
 * @example explore({ runs: 1000, seed: 1 }).violations // []
 */
export function explore({ runs, seed, check = checkInvariants }: ExploreOptions): Exploration {
  const random = seededRandom(seed);
  const found: Exploration = { runs, talks: 0, byFinishReason: {}, violations: [] };
  for (let i = 0; i < runs; i++) {
    const scenario = generateScenario(random, `generated #${i + 1} (seed ${seed})`);
    const result = simulate(Scenario.parse(scenario));
    const reason = result.outcome?.finish_reason;
    if (reason) found.byFinishReason[reason] = (found.byFinishReason[reason] ?? 0) + 1;
    if (result.outcome && !result.outcome.is_lost) found.talks++;
    const problems = check(result);
    if (problems.length > 0) found.violations.push({ scenario, problems });
  }
  return found;
}

const MESSAGES = [null, { type: 'media', value: '2561' }, { type: 'media', value: '2562' }, { type: 'tts', value: 'Здравствуйте' }];
const EARLY_MEDIA = ['ringback', 'voicemail', 'announcement'] as const;

/** One scenario: the seed request with drawn parameters, and a drawn world. */
export function generateScenario(random: () => number, name: string): ScenarioInput {
  const chance = (p: number) => random() < p;
  const seconds = (max: number) => `${Math.round(random() * max * 10) / 10}s`;
  const behaviour = () => {
    if (chance(0.25)) return { outcome: pick(['busy', 'unavailable', 'rejected', 'no_answer'] as const, random)! };
    return {
      answer_after: seconds(20),
      ...(chance(0.3) ? { hangup_after: seconds(90) } : {}),
      ...(chance(0.3) ? { early_media: [{ at: seconds(5), kind: pick(EARLY_MEDIA, random)! }] } : {}),
    };
  };
  const firstCall = chance(0.5) ? 'employee' : 'contact';
  const switchAtOnce = chance(0.5);
  const params = {
    ...SEED_REQUEST.params,
    first_call: firstCall,
    switch_at_once: switchAtOnce,
    early_switching: firstCall === 'employee' && switchAtOnce && chance(0.5),
    show_virtual_phone_number: chance(0.5),
    virtual_phone_usage_rule: pick(['fixed', 'random', 'fixed_for_numa', 'regional_random', 'regional_fixed_for_numa'], random)!,
    dtmf_string: pick([null, '.1.2.3', '12#', '1....2'], random)!,
    contact: pick(['79260000000', '78121234567', '0167027'], random)!,
    employee: chance(0.5) ? { id: 25 } : { id: 25, phone_number: '79260000002' },
    contact_message: pick(MESSAGES, random)!,
    employee_message: pick(MESSAGES, random)!,
  };
  return {
    name,
    request: { ...SEED_REQUEST, params },
    platform: { dial_timeout: `${10 + Math.floor(random() * 30)}s` },
    seed: Math.floor(random() * 1000),
    world: { employee: { ...behaviour(), '79260000001': behaviour() }, contact: behaviour() },
  };
}
