/**
 * Version of the live wire protocol. The client sends it in the socket handshake
 * (`io(url, { auth: { protocolVersion: PROTOCOL_VERSION } })`); a server with another version refuses the
 * connection with `connect_error` whose `data` is `{ code: 'PROTOCOL_MISMATCH' }`: the app should ask the
 * person to reload the page. Bump it whenever a change to this folder would break an older client.
 */
export const PROTOCOL_VERSION = 1;

/**
 * Options every client passes to `io()`. WebSocket only: with several API nodes behind a proxy, HTTP
 * long-polling would need sticky sessions; a single WebSocket connection lives on one node by nature.
 */
export const SOCKET_OPTIONS = { path: '/socket.io', transports: ['websocket'] as string[] };

/** Limits the schemas enforce; the UI uses the same numbers for counters and `maxLength`. */
export const LIVE_LIMITS = {
  /** Largest socket message the server accepts (socket.io `maxHttpBufferSize`); bigger ones drop the connection. */
  maxMessageBytes: 64 * 1024,
  itemText: 500,
  itemNotes: 5000,
  checkInAnswer: 1000,
  reviewComment: 1000,
  summaryText: 10000,
  prompt: 500,
  phaseTitle: 120,
  meetingTitle: 120,
  forumName: 120,
  phasesPerMeeting: 20,
  /** Longest time box or timer, in seconds (4 hours). */
  timerSeconds: 4 * 3600,
  votesPerPerson: 20,
  typingTarget: 64,
  /** A join with `lastSeq` at most this far behind gets the missed events; further behind, a snapshot. */
  catchUpEvents: 200,
  /** Commands per person per second (token bucket refill) and the burst allowed above it. */
  commandsPerSecond: 20,
  commandBurst: 40,
  /** Seconds the facilitator must have been away before anyone else may take the role. */
  facilitatorGraceSeconds: 30,
} as const;
