import { describe, expect, it } from 'vitest';
import { Scenario } from '../../src/server/deps.js';
import { statesAt } from '../../src/server/engine/machine-states.js';
import { recordedRun, replay, type TimedCommand } from '../../src/server/engine/replay.js';
import { CallSession } from '../../src/server/sessions/call-session.js';
import { generateScenario } from '../../src/sim/explore.js';
import { seededRandom } from '../../src/sim/random.js';
import { callInputOf, SOME_COMMANDS } from './generated-calls.js';

/** Up to two commands at drawn times of the call (none for every third call). */
function drawCommands(random: () => number, i: number, end: number): TimedCommand[] {
  const count = i % 3;
  const draw = () => ({ t: Math.floor(random() * (end + 1)), command: SOME_COMMANDS[Math.floor(random() * SOME_COMMANDS.length)]! });
  return Array.from({ length: count }, draw).sort((a, b) => a.t - b.t);
}

describe('what list.calls and the control API show comes from the released events and the first run, as the machines say', () => {
  it('generated calls with 0–2 commands, at every event and command time and between: each leg’s status, number and what it hears (tracked) and the machines’ states (noted along the run) = the snapshot of a run up to then', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 60; i++) {
      const scenario = Scenario.parse(generateScenario(random, `generated ${i}`));
      const input = callInputOf(scenario);
      const commands = drawCommands(random, i, replay(input, []).result().events.at(-1)!.t);
      const run = recordedRun(input, commands);
      const times = [...new Set([...run.events, ...commands].flatMap((e) => [e.t, e.t + 1]))];
      for (const t of times) {
        const snapshot = replay(input, commands, t).snapshot();
        let legId = 0;
        const session = new CallSession({ id: 1, params: input.params, world: input.world, callSessionId: 1 }, 0, 0, null);
        for (const event of run.events.filter((e) => e.t <= t)) session.track(event, () => ++legId);
        const where = `${scenario.name} with ${JSON.stringify(commands)} at ${t} ms`;
        expect(session.legNow, where).toEqual(snapshot.legs);
        expect(session.hearing, where).toEqual(snapshot.hearing);
        expect(statesAt(run.stateChanges, t), where).toEqual(snapshot.states);
      }
    }
  });
});
