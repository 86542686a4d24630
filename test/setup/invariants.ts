import { afterEach, expect, vi } from 'vitest';
import { checkInvariants } from '../../src/sim/invariants.js';
import type { SessionRun } from '../../src/sim/session.js';

/**
 * Every session any test runs — through simulate(), the stepping handle, the mock server or the
 * inspector's code — is checked against the invariants of SPEC §5 the moment it ends; a test that
 * caused a broken session fails in its afterEach.
 */
const violations: string[] = [];

vi.mock('../../src/sim/session.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/sim/session.js')>();
  class CheckedSessionRun extends original.SessionRun {
    constructor(...args: ConstructorParameters<typeof SessionRun>) {
      super(...args);
      this.subscribe((event) => {
        if (event.type !== 'session.ended') return;
        const problems = checkInvariants(this.result());
        violations.push(...problems.map((p) => `session ${JSON.stringify(this.response.id)}: ${p}`));
      });
    }
  }
  return { ...original, SessionRun: CheckedSessionRun };
});

afterEach(() => {
  expect(violations.splice(0), 'invariants broken by a session this test ran').toEqual([]);
});
