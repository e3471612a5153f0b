/** The generic phase kinds (check-in, capture, review, voting, discussion, summary) as one ritual. */
export * from './phases.js';
export * from './commands.js';
export * from './events.js';
export * from './reducers.js';
export * from './meeting.js';
