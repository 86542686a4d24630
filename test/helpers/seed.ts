import { Scenario, type ScenarioInput, type WorldInput } from '../../src/scenario/schema.js';
import { SEED_REQUEST } from '../../src/seed-example.js';

export { SEED_REQUEST } from '../../src/seed-example.js';
export const DEMO_TOKEN = SEED_REQUEST.params.access_token as string;

/**
 * A scenario built on the seed request: `params` replace the seed's (a key set to `undefined` is
 * removed), `world` and the rest are passed through.
 */
export function seedScenario(
  params: Record<string, unknown> = {},
  rest: Omit<Partial<ScenarioInput>, 'world'> & { world?: WorldInput } = {},
): Scenario {
  const merged: Record<string, unknown> = { ...SEED_REQUEST.params, ...params };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return Scenario.parse({ name: 'test', ...rest, request: { ...SEED_REQUEST, params: merged } });
}
