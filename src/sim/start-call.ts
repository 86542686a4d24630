import type { Account } from '../account/schema.js';
import { successResponse, type JsonRpcId } from '../protocol/errors.js';
import type { CallParams } from '../protocol/params.js';
import type { Platform, World } from '../scenario/schema.js';
import { planCall } from './plan.js';
import { SessionRun } from './session.js';
import type { Inspector, Simulation } from './types.js';
import { numaMemoryOf, type NumaMemory } from './virtual-number.js';

export interface CallInput {
  /** The request's JSON-RPC id, echoed in the response. */
  id: JsonRpcId;
  /** Parameters that passed every check (see `handleRequest`). */
  params: CallParams;
  account: Account;
  platform: Platform;
  world: World;
  /** Seed of the random usage rules (D15); default 1. */
  seed?: number;
  callSessionId: number;
  /** Numbers remembered per contact for `*_fixed_for_numa`; default: the account's `numa_pairs`. */
  numaMemory?: NumaMemory;
  /** Receives XState's inspection events of every actor of the session (Stately Inspector, debugging). */
  inspect?: Inspector;
  /** When (ms) a `release.call` arrives: once everything due by then has happened, as the mock server applies it. */
  releaseAt?: number;
}

/**
 * Starts a session for an accepted request, on its own simulated clock at t = 0.
 * @example
 * const sim = startCall({ id: 'req1', params, account, platform, world, callSessionId: 1 });
 * sim.runToEnd().outcome?.finish_reason // 'subscriber_disconnects'
 */
export function startCall(input: CallInput): Simulation {
  const plan = planCall({
    ...input,
    seed: input.seed ?? 1,
    numaMemory: input.numaMemory ?? numaMemoryOf(input.account),
  });
  return new SessionRun(plan, successResponse(input.id, { call_session_id: input.callSessionId }), {
    ...(input.inspect ? { inspect: input.inspect } : {}),
    ...(input.releaseAt !== undefined ? { releaseAt: input.releaseAt } : {}),
  });
}
