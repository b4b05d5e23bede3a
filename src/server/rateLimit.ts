import { createHash } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { CanonError } from '../core/errors.js';

/**
 * Token buckets, one per caller: `perMinute` requests a minute on average, and
 * as many at once. Buckets refill continuously; full ones are forgotten when
 * the table grows, so memory stays bounded under a crowd of addresses.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(readonly perMinute: number) {}

  /** Seconds to wait before the caller may try again; 0 when this request may go. */
  take(key: string, now = Date.now()): number {
    const rate = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      return Math.ceil((1 - bucket.tokens) / rate / 1000);
    }
    bucket.tokens -= 1;
    if (this.buckets.size > 50_000) this.forgetFull(now);
    this.buckets.set(key, bucket);
    return 0;
  }

  private forgetFull(now: number) {
    const rate = this.perMinute / 60_000;
    for (const [key, b] of this.buckets)
      if (b.tokens + (now - b.at) * rate >= this.perMinute) this.buckets.delete(key);
  }
}

/** The callers a request counts against: its address, and its API key when it sends one. */
export function callersOf(c: Context): string[] {
  let address = 'unknown';
  try {
    address = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests) have no socket.
  }
  const key = c.req.header('authorization');
  // Only a digest of the key is kept in memory.
  return [
    `ip:${address}`,
    ...(key ? [`key:${createHash('sha256').update(key).digest('base64url').slice(0, 16)}`] : []),
  ];
}

/** Refuses with 429 and Retry-After once any of the request's callers has used its bucket. */
export function rateLimit(limiter: RateLimiter, applies: (c: Context) => boolean): MiddlewareHandler {
  return async (c, next) => {
    if (limiter.perMinute > 0 && applies(c)) {
      const wait = Math.max(...callersOf(c).map((k) => limiter.take(k)));
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new CanonError(
          'rate_limited',
          `Too many requests: at most ${limiter.perMinute} a minute for this address or key. Try again in ${wait} s.`,
        );
      }
    }
    await next();
  };
}
