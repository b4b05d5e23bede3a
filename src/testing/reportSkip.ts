import { appendFileSync } from 'node:fs';
import { inject } from 'vitest';

/**
 * Says why tests are skipped: at once on stderr, and into the run's skip log, which the global
 * teardown prints after the last test — so the reason stands in the summary, not only somewhere
 * in the scroll-back.
 */
export function reportSkip(what: string, reason: string): void {
  const line = `[${what}] skipped: ${reason}`;
  console.warn(line);
  appendFileSync(inject('skipLog'), `${line}\n`);
}
