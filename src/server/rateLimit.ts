import { createHash } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { CanonError } from '../core/errors.js';

/** Requests a minute per address and per key; 0 turns a limit off. */
export interface RateLimits {
  /** Requests that send a body (writes, uploads, the ingest and readiness forms), title resolving aside. */
  writes: number;
  /** Title lookups, one or a batch, by the API or the page. */
  resolve: number;
  /** Failed authentications per address, each of which costs a slow hash. */
  failedAuth: number;
}

/**
 * Token buckets, one per caller: `perMinute` requests a minute on average, and
 * as many at once. Buckets refill continuously; full ones are forgotten when
 * the table grows, so memory stays bounded under a crowd of addresses.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(readonly perMinute: number) {}

  /** Seconds to wait before the caller may try again; 0 when this request may go, which then uses a token. */
  take(key: string, now = Date.now()): number {
    const bucket = this.refilled(key, now);
    const wait = this.waitFor(bucket);
    if (wait === 0) bucket.tokens -= 1;
    if (this.buckets.size > 50_000) this.forgetFull(now);
    this.buckets.set(key, bucket);
    return wait;
  }

  /** Gives back a token `take` used: the work it was taken for turned out not to count. */
  refund(key: string): void {
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens = Math.min(this.perMinute, bucket.tokens + 1);
  }

  private refilled(key: string, now: number): { tokens: number; at: number } {
    const found = this.buckets.get(key);
    if (!found) return { tokens: this.perMinute, at: now };
    const rate = this.perMinute / 60_000;
    return { tokens: Math.min(this.perMinute, found.tokens + (now - found.at) * rate), at: now };
  }

  private waitFor(bucket: { tokens: number }): number {
    if (bucket.tokens >= 1) return 0;
    return Math.ceil((1 - bucket.tokens) / (this.perMinute / 60_000) / 1000);
  }

  private forgetFull(now: number) {
    const rate = this.perMinute / 60_000;
    for (const [key, b] of this.buckets)
      if (b.tokens + (now - b.at) * rate >= this.perMinute) this.buckets.delete(key);
  }
}

/** The address a request came from; in-process requests (tests) have no socket and share "unknown". */
export function addressOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The callers a request counts against: its address, and its API key when it sends one. */
export function callersOf(c: Context): string[] {
  const key = c.req.header('authorization');
  // Only a digest of the key is kept in memory.
  return [
    `ip:${addressOf(c)}`,
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
