export * from './limits.js';
export * from './rrule.js';
export * from './model.js';
export * from './commands.js';
export * from './events.js';
export * from './socket.js';
export * from './apply.js';
