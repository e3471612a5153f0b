import { LIVE_LIMITS } from '@tillit/protocol';

/**
 * A token bucket per key (a person): `rate` tokens a second, up to `burst`. In memory, per API node:
 * it protects the node and the database from one flooding person without slowing anyone else.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    public rate: number = LIVE_LIMITS.commandsPerSecond,
    public burst: number = LIVE_LIMITS.commandBurst,
  ) {}

  /** Takes a token; when none is left, answers how many ms until one is. */
  take(key: string, now = Date.now()): { ok: true } | { ok: false; retryAfterMs: number } {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size > 50_000) this.sweep(now);
      b = { tokens: this.burst, at: now };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.rate);
    b.at = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil(((1 - b.tokens) / this.rate) * 1000) };
  }

  /** Forgets buckets that have refilled (they behave exactly like new ones). */
  private sweep(now: number): void {
    for (const [k, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.rate >= this.burst) this.buckets.delete(k);
    }
  }
}
