/** TILLIT_METRICS=1: one numbers-only log line every 10 s; off, nothing is kept. */
import { loadConfig } from '../../src/config/config.js';
import { LiveMetrics } from '../../src/live/live.metrics.js';

test('the metrics line: loop delay, commands/s and command latency, and no ids', () => {
  expect(loadConfig({}).metrics).toBe(false);
  const off = new LiveMetrics(loadConfig({}));
  off.record(5, true);
  expect((off as unknown as { latencies: number[] }).latencies).toEqual([]);

  const metrics = new LiveMetrics(loadConfig({ TILLIT_METRICS: '1' }));
  const lines: unknown[][] = [];
  (metrics as unknown as { logger: { log(...a: unknown[]): void } }).logger = { log: (...a) => lines.push(a) };
  metrics.onModuleInit();
  try {
    for (let i = 1; i <= 100; i++) metrics.record(i, i % 10 !== 0);
    (metrics as unknown as { flush(): void }).flush(); // what the 10 s interval calls
  } finally {
    metrics.onModuleDestroy();
  }
  expect(lines).toHaveLength(1);
  const [fields, message] = lines[0] as [Record<string, number>, string];
  expect(message).toBe('live metrics');
  expect(Object.keys(fields).sort()).toEqual(
    ['commandP50Ms', 'commandP99Ms', 'commandsPerSec', 'loopDelayMaxMs', 'loopDelayP99Ms', 'refusedPerSec'].sort(),
  );
  for (const v of Object.values(fields)) expect(typeof v).toBe('number');
  expect(fields.commandP99Ms).toBe(99);
  expect(fields.commandP50Ms).toBe(50);
});
