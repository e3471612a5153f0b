import { Logger } from '@nestjs/common';

const logger = new Logger('Shutdown');
let current: string | undefined;

/**
 * One step of the graceful shutdown (main.ts, live/graceful-shutdown.ts, live/live.adapter.ts): one info line,
 * remembered so that the watchdog in main.ts can name the step that hung. Steps hold counts, never people.
 */
export function shutdownStep(step: string): void {
  current = step;
  logger.log(step);
}

export const lastShutdownStep = (): string => current ?? 'before the first step';
