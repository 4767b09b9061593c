/**
 * Small factories per domain, with unique values so no test depends on another's data. A new domain
 * adds its file here (repairs.ts, billing.ts…) and re-exports it.
 */
export * from './units.js';
export * from './push.js';
export * from './repairs.js';
export * from './fees.js';
export * from './elections.js';
export * from './stats.js';
