import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

const EVERY_MS = 10_000;
const RESOLUTION_MS = 10;

/**
 * Opt-in (`TILLIT_METRICS=1`): every 10 s one log line `live metrics` with the event-loop delay p99 (beyond
 * the 10 ms sampling interval), commands per second, and command latency p50/p99 (from receipt to ack,
 * refusals included). Numbers only: no ids, no names, no text. Off, `record` costs one branch.
 */
@Injectable()
export class LiveMetrics implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('LiveMetrics');
  readonly enabled: boolean;
  private loop?: IntervalHistogram;
  private timer?: NodeJS.Timeout;
  private latencies: number[] = [];
  private refused = 0;
  private since = Date.now();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.enabled = config.metrics;
  }

  onModuleInit(): void {
    if (!this.enabled) return;
    this.loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    this.loop.enable();
    this.timer = setInterval(() => this.flush(), EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.loop?.disable();
  }

  /** One command answered, `ms` after it arrived. */
  record(ms: number, ok: boolean): void {
    if (!this.enabled) return;
    this.latencies.push(ms);
    if (!ok) this.refused++;
  }

  private flush(): void {
    const now = Date.now();
    const seconds = (now - this.since) / 1000;
    const sorted = this.latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      sorted.length ? round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!) : 0;
    const delay = (ns: number) => round(Math.max(0, ns / 1e6 - RESOLUTION_MS));
    this.logger.log(
      {
        loopDelayP99Ms: delay(this.loop!.percentile(99)),
        loopDelayMaxMs: delay(this.loop!.max),
        commandsPerSec: round(sorted.length / seconds),
        refusedPerSec: round(this.refused / seconds),
        commandP50Ms: pct(50),
        commandP99Ms: pct(99),
      },
      'live metrics',
    );
    this.latencies = [];
    this.refused = 0;
    this.since = now;
    this.loop!.reset();
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
