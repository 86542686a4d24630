/**
 * employee-call-sim's public API: what the mock server, the CLI and any other program import.
 * @example
 * import { simulate, parseScenarioText } from 'employee-call-sim';
 */
export * from './protocol/errors.js';
export { handleRequest, validateEmployeeCall, type Validation } from './protocol/handle.js';
export { parseEnvelope, type Envelope } from './protocol/envelope.js';
export { checkAccessToken } from './protocol/check-account.js';
export { CallParamsSchema, type CallParams } from './protocol/params.js';
export { Account, type AccountInput, COMPONENT_NAMES } from './account/schema.js';
export { BUILTIN_ACCOUNTS, dialingMusic } from './account/builtin.js';
export * from './account/lookup.js';
export { loadAccount } from './account/load.js';
export { Scenario, World, Platform, LegBehaviour, type ScenarioInput, type WorldInput } from './scenario/schema.js';
export { Duration, parseDuration, formatDuration } from './scenario/duration.js';
export { DataFileError, validateData, parseDataText } from './data-file.js';
export { loadDataFile } from './load-file.js';
export type * from './sim/types.js';
export { createSimulation, simulate, type SimulationOptions } from './sim/simulate.js';
export { startCall, type CallInput } from './sim/start-call.js';
export { runInRealTime, type RealTimeRun, type RealTimeOptions } from './sim/realtime.js';
export { numaMemoryOf, type NumaMemory } from './sim/virtual-number.js';
export { hearsOf, outcomeOf } from './sim/timeline.js';
export { DiscreteClock } from './sim/clock.js';
export { employeeCallMachine } from '../machines/employee-call.js';
export { behaviourOf, scriptFor, worldEventFor } from '../machines/world.js';
export { SEED_BODY, SEED_REQUEST } from './seed-example.js';
export { loadScenario, parseScenarioText } from './scenario/load.js';
export { checkExpectations, type Mismatch } from './scenario/expect.js';
export { checkInvariants } from './sim/invariants.js';
export { formatTimeline, describeEvent } from './sim/format-timeline.js';
export { inputJsonSchema, type JsonSchema } from './contract/json-schema.js';
export { fileJsonSchema, fileSchemaText, FILE_KINDS, type FileKind } from './contract/file-schemas.js';
export { openRpcDocument, paramsOf, errorObject, type MethodContract, type OpenRpcDocument } from './contract/openrpc.js';
export { employeeCallMethod, EmployeeCallData, ENVELOPE_ERRORS, TOKEN_ERRORS, PARAMS_ERRORS } from './contract/employee-call-method.js';
