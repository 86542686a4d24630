/** The request checks of `start.employee_call` (docs/spec.md §2): envelope, token, parameters, account, error catalogue. */
export * from './errors.js';
export * from './params.js';
export * from './envelope.js';
export * from './check-params.js';
export * from './check-account.js';
export * from './handle.js';
