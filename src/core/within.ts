import { CanonError } from './errors.js';

/**
 * `work`, or a rejection with `store_unavailable` once `ms` have passed
 * without it settling. The work itself goes on; only the wait is bounded.
 */
export function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CanonError('store_unavailable', `${what} did not finish within ${ms / 1000} s.`)),
      ms,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
