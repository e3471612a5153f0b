export * from './errors.js';
export * from './common.js';
export * from './dates.js';
export * from './auth.js';
export * from './tenancy.js';
export * from './live/index.js';
export * from './phases/index.js';
export * from './ethics/index.js';
export * from './kasam/index.js';
export * from './steering/index.js';
export * from './improvement/index.js';
export * from './registry.js';
// The assembly's PhaseKind is the zod enum and the type; the engine's type of the same name is the same set.
export { PhaseKind } from './registry.js';
export * from './forums.js';
