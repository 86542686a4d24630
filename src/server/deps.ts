/**
 * Everything the mock server takes from the rest of the project, in one place: the package's public
 * API (`src/index.ts`) and nothing else — the server sees the simulator as any other program does.
 */
export * from '../index.js';
import type { COMPONENT_NAMES } from '../index.js';

/** A component's id, as `Account.components` lists them. */
export type ComponentId = keyof typeof COMPONENT_NAMES;
