import { describe, expect, it } from 'vitest';
import { BUILTIN_ACCOUNTS, Scenario, validateEmployeeCall, type CallInput } from '../../src/server/deps.js';
import { replay } from '../../src/server/engine/replay.js';
import { CallSession } from '../../src/server/sessions/call-session.js';
import { generateScenario } from '../../src/sim/explore.js';
import { seededRandom } from '../../src/sim/random.js';

const demo = BUILTIN_ACCOUNTS.demo!;

function inputOf(scenario: Scenario): CallInput {
  const params = (scenario.request as { params: Record<string, unknown> }).params;
  const checked = validateEmployeeCall(1, params, demo, new Date());
  if (!checked.ok) throw new Error(JSON.stringify(checked.response));
  return { id: 1, params: checked.params, account: demo, platform: scenario.platform, world: scenario.world, callSessionId: 1, seed: scenario.seed };
}

describe('what list.calls and the control API show comes from the released events, as the machines say', () => {
  it('generated calls, at every event time and between: each leg’s status, number and what it hears = the snapshot of a run up to then', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 40; i++) {
      const scenario = Scenario.parse(generateScenario(random, `generated ${i}`));
      const input = inputOf(scenario);
      const timeline = replay(input, []).result().events;
      const times = [...new Set(timeline.flatMap((e) => [e.t, e.t + 1]))];
      for (const t of times) {
        const snapshot = replay(input, [], t).snapshot();
        let legId = 0;
        const session = new CallSession({ id: 1, params: input.params, world: input.world, callSessionId: 1 }, 0, 0, null);
        for (const event of timeline.filter((e) => e.t <= t)) session.track(event, () => ++legId);
        const where = `${scenario.name} at ${t} ms`;
        expect(session.legNow, where).toEqual(snapshot.legs);
        expect(session.hearing, where).toEqual(snapshot.hearing);
      }
    }
  });
});
