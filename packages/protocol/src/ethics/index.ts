/** The ethics forum as one ritual. */
export * from './limits.js';
export * from './themes.js';
export * from './rest.js';
export * from './phases.js';
export * from './meeting.js';
export * from './commands.js';
export * from './events.js';
export * from './reducers.js';
