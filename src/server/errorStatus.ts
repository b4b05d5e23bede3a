import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CanonError, type ErrorCode } from '../core/errors.js';

/** The one table from error codes to HTTP statuses. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, ContentfulStatusCode>> = {
  not_found: 404,
  invalid_input: 400,
  invalid_data: 500,
  too_large: 413,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  review_failed: 422,
  rate_limited: 429,
  store_unavailable: 503,
  internal: 500,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

/** Any thrown value as a CanonError; unknown failures become "internal" without leaking their message. */
export function toCanonError(error: unknown): CanonError {
  if (error instanceof CanonError) return error;
  // Hono's own validators (e.g. a body that is not JSON) throw HTTPExceptions with 4xx statuses.
  if (error instanceof HTTPException && error.status < 500) {
    return new CanonError(
      error.status === 404 ? 'not_found' : 'invalid_input',
      error.message || 'Bad request.',
      { cause: error },
    );
  }
  if (rejectedValue(error))
    return new CanonError(
      'invalid_input',
      'The request carries a value the store cannot hold (for example a NUL character or a number out of range).',
      { cause: error },
    );
  if (lostStore(error))
    return new CanonError('store_unavailable', 'The store does not answer right now; try again shortly.', {
      cause: error,
    });
  return new CanonError('internal', 'Something went wrong on our side; the error has been logged.', {
    cause: error,
  });
}

/** Network errors and PostgreSQL's "cannot connect now" family, anywhere in the cause chain. */
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

function lostStore(error: unknown): boolean {
  return causes(error).some(
    ({ code, message }) =>
      (code !== undefined && LOST.has(code)) ||
      /Connection terminated|timeout exceeded when trying to connect/i.test(message ?? ''),
  );
}

/** PostgreSQL's class 22 ("data exception"): a value from the request it refuses to store or compare. */
function rejectedValue(error: unknown): boolean {
  return causes(error).some(({ code }) => code?.length === 5 && code.startsWith('22'));
}

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

export function errorBody(error: CanonError): ErrorBody {
  return { error: { code: error.code, message: error.message } };
}
