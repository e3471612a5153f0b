/**
 * Preloaded into every server the bench starts (`node --import probe.js main.js`), so the API's own code
 * stays untouched: measures event-loop delay inside the process and takes CPU profiles on request, answering
 * the orchestrator over the IPC channel. Nothing here runs unless the bench started the process.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export type ProbeRequest =
  | { probe: 'loop:reset' }
  | { probe: 'loop:read' }
  | { probe: 'profile:start' }
  | { probe: 'profile:stop'; file: string };
export type ProbeReply =
  | { probe: 'loop:reset' }
  /** Delay beyond the 10 ms sampling interval, in ms. */
  | { probe: 'loop:read'; p50: number; p99: number; max: number }
  | { probe: 'profile:start' }
  | { probe: 'profile:stop'; file: string | null };

const RESOLUTION_MS = 10;

if (process.send) {
  const loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  loop.enable();
  const delay = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  let session: Session | null = null;
  const reply = (m: ProbeReply) => process.send?.(m);

  process.on('message', (m: ProbeRequest) => {
    void (async () => {
      switch (m?.probe) {
        case 'loop:reset':
          loop.reset();
          return reply({ probe: 'loop:reset' });
        case 'loop:read':
          return reply({
            probe: 'loop:read',
            p50: delay(loop.percentile(50)),
            p99: delay(loop.percentile(99)),
            max: delay(loop.max),
          });
        case 'profile:start':
          session = new Session();
          session.connect();
          await session.post('Profiler.enable');
          await session.post('Profiler.setSamplingInterval', { interval: 500 });
          await session.post('Profiler.start');
          return reply({ probe: 'profile:start' });
        case 'profile:stop': {
          if (!session) return reply({ probe: 'profile:stop', file: null });
          const { profile } = await session.post('Profiler.stop');
          writeFileSync(m.file, JSON.stringify(profile));
          session.disconnect();
          session = null;
          return reply({ probe: 'profile:stop', file: m.file });
        }
      }
    })();
  });
  // The channel must not keep a server alive that is shutting down.
  process.channel?.unref();
}
