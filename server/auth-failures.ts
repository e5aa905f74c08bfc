/**
 * A per-address limit on failed authentications (AUTH_FAILURE_MAX per AUTH_FAILURE_WINDOW_MS).
 * The principal's rate limit cannot count them (there is no principal), so without this an
 * address could try credentials as fast as the server answers. Past the limit an address is
 * refused before its credential is even checked, so it cannot learn whether a guess was right.
 *
 * In memory, per instance, like the rate limit's own store; bounded in size.
 */
import { HttpError } from './errors.ts';

interface Window {
  count: number;
  resetAt: number;
}

const MAX_TRACKED = 100_000;

export class AuthFailureLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until this address may try again; 0 when it may now. */
  blockedForMs(address: string): number {
    if (this.max <= 0) return 0;
    const w = this.windows.get(address);
    if (!w) return 0;
    const left = w.resetAt - this.now();
    if (left <= 0) {
      this.windows.delete(address);
      return 0;
    }
    return w.count >= this.max ? left : 0;
  }

  recordFailure(address: string): void {
    if (this.max <= 0) return;
    const now = this.now();
    const w = this.windows.get(address);
    if (w && w.resetAt > now) {
      w.count++;
      return;
    }
    this.windows.delete(address);
    if (this.windows.size >= MAX_TRACKED) this.evict(now);
    this.windows.set(address, { count: 1, resetAt: now + this.windowMs });
  }

  /** Drops expired windows; if a flood of addresses left none expired, the oldest go. */
  private evict(now: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
    for (const k of this.windows.keys()) {
      if (this.windows.size < MAX_TRACKED) break;
      this.windows.delete(k);
    }
  }
}

/**
 * Runs a credential check under the limit: refused with 429 while the address is blocked, and a
 * 401 from the check counts against the address. Used for every bearer check (API routes and
 * /metrics), so no credential can be guessed at faster through another door.
 */
export async function checkUnderFailureLimit<T>(limiter: AuthFailureLimiter, address: string, check: () => T | Promise<T>): Promise<T> {
  const blockedMs = limiter.blockedForMs(address);
  if (blockedMs > 0) {
    throw new HttpError(429, 'RATE_LIMITED', 'Too many failed authentications from this address; wait before trying again.', {
      'retry-after': String(Math.ceil(blockedMs / 1000)),
    });
  }
  try {
    return await check();
  } catch (e) {
    if (e instanceof HttpError && e.status === 401) limiter.recordFailure(address);
    throw e;
  }
}
