export * from './errors.js';
export * from './common.js';
export * from './auth.js';
export * from './tenancy.js';
export * from './live/index.js';
