import { CanonError } from '../core/errors.js';

/**
 * What a failure of the store means for whoever asked, read from the error's
 * cause chain (drizzle wraps the driver's error, which carries PostgreSQL's
 * SQLSTATE or Node's errno). Undefined when it is not the store's doing.
 */
export function storeFailure(error: unknown): CanonError | undefined {
  const chain = causes(error);
  if (chain.some(({ code }) => code !== undefined && FULL.has(code)))
    return new CanonError(
      'storage_full',
      'The store has no room left to write (its disk is full); reads still work. Free space and try again.',
      { cause: error },
    );
  if (chain.some(({ code }) => code?.length === 5 && code.startsWith('22')))
    return new CanonError(
      'invalid_input',
      'The request carries a value the store cannot hold (for example a NUL character or a number out of range).',
      { cause: error },
    );
  if (
    chain.some(
      ({ code, message }) =>
        (code !== undefined && LOST.has(code)) ||
        /Connection terminated|timeout exceeded when trying to connect/i.test(message ?? ''),
    )
  )
    return new CanonError('store_unavailable', 'The store does not answer right now; try again shortly.', {
      cause: error,
    });
  return undefined;
}

/** The innermost message of a failure, on one line: the driver's words, not drizzle's restated query. */
export function rootMessage(error: unknown, max = 300): string {
  const chain = causes(error);
  const message = chain.findLast((c) => c.message)?.message ?? String(error);
  const line = message.split('\n')[0] ?? message;
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** Whether the store refused a write for a unique index's sake (PostgreSQL's 23505): a row another writer holds. */
export function isUniqueViolation(error: unknown): boolean {
  return causes(error).some(({ code }) => code === '23505');
}

/** Disk full: Node's errno and PostgreSQL's class 53 "disk_full". */
const FULL = new Set(['ENOSPC', 'EDQUOT', '53100']);

/** Network errors and PostgreSQL's "cannot connect now" family. */
const LOST = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
]);

function causes(error: unknown): { code?: string; message?: string }[] {
  const out: { code?: string; message?: string }[] = [];
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    out.push({
      ...(typeof code === 'string' ? { code } : {}),
      ...(typeof message === 'string' ? { message } : {}),
    });
  }
  return out;
}
