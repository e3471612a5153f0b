/** Daily steering as one ritual (fields.ts stays inside the folder). */
export * from './limits.js';
export * from './model.js';
export * from './rest.js';
export * from './phases.js';
export * from './meeting.js';
export * from './commands.js';
export * from './events.js';
export * from './reducers.js';
