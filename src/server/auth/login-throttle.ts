/**
 * Throttling of failed logins: after `maxFailures` failures for one name, or `maxFailures × 4` from
 * one address, within `windowMs`, further attempts are refused (HTTP 429, with the seconds to wait)
 * until the window has passed — before any password is checked, so guessing costs the server nothing.
 * A successful login clears its name's count. Counts live in this process's memory.
 */
export interface ThrottleOptions {
  maxFailures: number;
  windowMs: number;
  now?: () => number;
}

interface Failures {
  count: number;
  firstAt: number;
}

const MAX_TRACKED_KEYS = 10_000;

export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();
  private readonly now: () => number;

  constructor(private readonly options: ThrottleOptions) {
    this.now = options.now ?? Date.now;
  }

  private keys(name: string, address: string): [string, number][] {
    return [
      [`name:${name}`, this.options.maxFailures],
      [`address:${address}`, this.options.maxFailures * 4],
    ];
  }

  /** Seconds to wait before the next attempt, or 0 when an attempt may be made now. */
  retryAfterSeconds(name: string, address: string): number {
    let waitMs = 0;
    for (const [key, limit] of this.keys(name, address)) {
      const entry = this.failures.get(key);
      if (!entry) continue;
      const elapsed = this.now() - entry.firstAt;
      if (elapsed >= this.options.windowMs) this.failures.delete(key);
      else if (entry.count >= limit) waitMs = Math.max(waitMs, this.options.windowMs - elapsed);
    }
    return Math.ceil(waitMs / 1000);
  }

  recordFailure(name: string, address: string): void {
    if (this.failures.size > MAX_TRACKED_KEYS) this.prune();
    for (const [key] of this.keys(name, address)) {
      const entry = this.failures.get(key);
      if (entry && this.now() - entry.firstAt < this.options.windowMs) entry.count += 1;
      else this.failures.set(key, { count: 1, firstAt: this.now() });
    }
  }

  recordSuccess(name: string): void {
    this.failures.delete(`name:${name}`);
  }

  private prune(): void {
    for (const [key, entry] of this.failures) {
      if (this.now() - entry.firstAt >= this.options.windowMs) this.failures.delete(key);
    }
  }
}
