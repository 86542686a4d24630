import { BUILTIN_ACCOUNTS, validateEmployeeCall, type CallInput, type Scenario } from '../../src/server/deps.js';
import type { TimedCommand } from '../../src/server/engine/replay.js';

const demo = BUILTIN_ACCOUNTS.demo!;

/** A generated scenario's call as the server runs it: its request checked against the demo account. */
export function callInputOf(scenario: Scenario, callSessionId = 1): CallInput {
  const checked = validateEmployeeCall(1, (scenario.request as { params: Record<string, unknown> }).params, demo, new Date());
  if (!checked.ok) throw new Error(JSON.stringify(checked.response));
  return { id: 1, params: checked.params, account: demo, platform: scenario.platform, world: scenario.world, callSessionId, seed: scenario.seed };
}

/** One command of each kind, for re-runs of generated calls. */
export const SOME_COMMANDS: readonly TimedCommand['command'][] = [
  { type: 'release' },
  { type: 'answer', leg: 'contact' },
  { type: 'answer', leg: 'employee' },
  { type: 'hangup', leg: 'employee' },
  { type: 'hangup', leg: 'contact' },
  { type: 'fail', leg: 'contact', reason: 'busy' },
  { type: 'early_media', leg: 'contact', kind: 'voicemail' },
];
