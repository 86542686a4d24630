/** The mock Call API server (issue #4): see docs/server.md. */
export { createMockServer, type MockServer } from './server.js';
export type { MockServerOptions } from './options.js';
export { manualDriver, type ManualDriver } from './manual-driver.js';
export type { SessionDriver, SchedulerClock, EngineHandle } from './engine/clock.js';
export { MAGIC_NUMBERS, type MagicNumber } from './world/magic-numbers.js';
export { DEFAULT_WORLD, loadWorld } from './world/default-world.js';
export { NOTIFICATION_KINDS, type NotificationKind, type NotificationBody } from './notifications/kinds.js';
export type { CallReport } from './sessions/report.js';
export type { ListCallsItem } from './sessions/list-calls.js';
export type { SessionEventMessage } from './http/sse.js';
export { POINTS, type LimitsMetadata } from './limits.js';
export { SEED_REQUEST } from './seed-request.js';
