/** The KASAM dialogue as one ritual. */
export * from './aggregate.js';
export * from './phases.js';
export * from './rest.js';
export * from './meeting.js';
export * from './commands.js';
export * from './events.js';
export * from './reducers.js';
