import { BUILTIN_ACCOUNTS } from '../account/builtin.js';
import type { Account } from '../account/schema.js';
import type { JsonRpcError } from '../protocol/errors.js';
import { handleRequest, type Validation } from '../protocol/handle.js';
import type { Scenario } from '../scenario/schema.js';
import { startCall } from './start-call.js';
import type { Inspector, Simulation, SimulationResult } from './types.js';

export interface SimulationOptions {
  /** The wall-clock moment token expiry is judged against; default now. */
  now?: Date;
  /** The id the response reports; default 1. */
  callSessionId?: number;
  /** Receives XState's inspection events of the session's actors (e.g. `createBrowserInspector().inspect`). */
  inspect?: Inspector;
}

/**
 * A scenario's request through the checks against its account (SPEC §2): what `createSimulation` starts
 * from. A caller running many scenarios with one request may check it once and pass the answer on.
 * @example checkScenarioRequest(scenario).ok // true
 */
export function checkScenarioRequest(scenario: Scenario, options: Pick<SimulationOptions, 'now'> = {}): Validation {
  return handleRequest(requestBody(scenario), resolveAccount(scenario.account), options.now ? { now: options.now } : {});
}

/**
 * A scenario's request checked against its account and, if accepted, its session ready to be stepped
 * through simulated time. A rejected request gives a finished simulation with the error as response.
 * `validation`: the request's answer from {@link checkScenarioRequest}, when the caller has it already.
 * @example
 * const sim = createSimulation(scenario);
 * sim.step();                 // the events of the first instant
 * sim.snapshot().states.session // 'employeeFirst.dialingEmployee'
 */
export function createSimulation(
  scenario: Scenario,
  options: SimulationOptions = {},
  validation: Validation = checkScenarioRequest(scenario, options),
): Simulation {
  if (!validation.ok) return rejected(validation.response);
  const account = resolveAccount(scenario.account);
  return startCall({
    id: validation.id,
    params: validation.params,
    account,
    platform: scenario.platform,
    world: scenario.world,
    seed: scenario.seed,
    callSessionId: options.callSessionId ?? 1,
    ...(scenario.release_at !== undefined ? { releaseAt: scenario.release_at } : {}),
    ...(options.inspect ? { inspect: options.inspect } : {}),
  });
}

/**
 * Runs a scenario to its end: the SPEC §5 object.
 * @example simulate(scenario).outcome // { finish_reason: 'subscriber_disconnects', is_lost: false, … }
 */
export function simulate(scenario: Scenario, options: SimulationOptions = {}): SimulationResult {
  return createSimulation(scenario, options).runToEnd();
}

function resolveAccount(account: Scenario['account']): Account {
  if (typeof account !== 'string') return account;
  const builtin = BUILTIN_ACCOUNTS[account];
  if (!builtin) throw new Error(`unknown account "${account}": built-in accounts are ${Object.keys(BUILTIN_ACCOUNTS).join(', ')}`);
  return builtin;
}

function requestBody(scenario: Scenario): string | Uint8Array {
  if (scenario.raw !== undefined) return scenario.raw;
  if (scenario.raw_base64 !== undefined) return Uint8Array.from(atob(scenario.raw_base64), (c) => c.charCodeAt(0));
  return JSON.stringify(scenario.request);
}

function rejected(response: JsonRpcError): Simulation {
  const result: SimulationResult = { response, events: [], hears: { employee: [], contact: [] }, outcome: null };
  const idle = () => [];
  return {
    response,
    now: () => 0,
    done: () => true,
    nextTime: () => null,
    step: idle,
    advanceTo: idle,
    runToEnd: () => result,
    result: () => result,
    snapshot: () => {
      throw new Error('a rejected request has no session to inspect');
    },
    subscribe: () => () => undefined,
    command: () => undefined,
    release: () => undefined,
  };
}
