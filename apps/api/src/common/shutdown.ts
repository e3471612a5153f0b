import { Logger } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { symbols } from 'pino';

const logger = new Logger('Shutdown');
let current: string | undefined;
/** Beyond this, the log's last lines are given up for lost rather than hold the process up. */
const LOG_DRAIN_LIMIT_MS = 2000;

/**
 * One step of the graceful shutdown (main.ts, live/graceful-shutdown.ts, live/live.adapter.ts): one info line,
 * remembered so that the watchdog in main.ts can name the step that hung. Steps hold counts, never people.
 */
export function shutdownStep(step: string): void {
  current = step;
  logger.log(step);
}

export const lastShutdownStep = (): string => current ?? 'before the first step';

/** pino's destination, as much of it as ending the process needs (a SonicBoom on stdout). */
interface LogStream {
  end(): void;
  once(event: 'close', listener: () => void): void;
}

/**
 * Ends the process with `code` once every line logged so far is out, in the order it was logged. pino writes
 * asynchronously, on libuv's thread pool: after a plain process.exit(), its exit hook writes the lines still
 * queued synchronously — ahead of a line whose write is still waiting for a thread — so on a busy machine the last
 * steps of a shutdown came out in the wrong order ("Shut down cleanly" before "Closing the database connections"),
 * or not at all. Ending the stream first waits for that write, then writes the rest, then closes.
 */
export function exitWhenLogged(code: number): void {
  process.exitCode = code;
  const root = PinoLogger.root as unknown as Record<symbol, unknown> | undefined;
  const stream = root?.[symbols.streamSym] as Partial<LogStream> | undefined;
  if (!stream || typeof stream.end !== 'function' || typeof stream.once !== 'function' || stream === process.stdout) {
    process.exit(code); // nothing of ours in flight: process.stdout writes to a pipe or file synchronously
  }
  const exit = () => process.exit(code);
  stream.once('close', exit);
  // Not unref'd: a stream that never closes (its reader went away) must still end here, with this code.
  setTimeout(exit, LOG_DRAIN_LIMIT_MS);
  stream.end();
}
