import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode, UnofficialStatusCode } from 'hono/utils/http-status';
import { CanonError, type ErrorCode } from '../core/errors.js';
import { storeFailure } from '../store/storeFailure.js';

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
  storage_full: 507,
  // nginx's "client closed request": nobody reads it, but logs and metrics tell it from a server failure.
  client_aborted: 499 as UnofficialStatusCode,
  internal: 500,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

/**
 * Any thrown value as a CanonError; unknown failures become "internal" without
 * leaking their message. `request` tells a client that hung up mid-request
 * (Node reports it as ECONNRESET "aborted", as it does a lost store connection)
 * from a failure of the store.
 */
export function toCanonError(error: unknown, request?: Request): CanonError {
  if (error instanceof CanonError) return error;
  if (isClientAbort(error)) return clientAborted(error);
  // Hono's own validators (e.g. a body that is not JSON) throw HTTPExceptions with 4xx statuses.
  if (error instanceof HTTPException && error.status < 500) {
    return new CanonError(
      error.status === 404 ? 'not_found' : 'invalid_input',
      error.message || 'Bad request.',
      { cause: error },
    );
  }
  const fromStore = storeFailure(error);
  if (fromStore) return fromStore;
  // Whatever failed after the client had gone (its body cut off, say) failed for want of it.
  if (request?.signal.aborted) return clientAborted(error);
  return new CanonError('internal', 'Something went wrong on our side; the error has been logged.', {
    cause: error,
  });
}

function clientAborted(cause: unknown): CanonError {
  return new CanonError('client_aborted', 'The client closed the request before it was answered.', { cause });
}

/** Node's error for a request body cut off by its client: code ECONNRESET, message "aborted", no syscall. */
function isClientAbort(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message, syscall } = e as { code?: unknown; message?: unknown; syscall?: unknown };
    if (code === 'ECONNRESET' && message === 'aborted' && syscall === undefined) return true;
  }
  return false;
}

/** Details are what the code chose to tell the caller (a conflict's current revision); never a cause. */
export function errorBody(error: CanonError): ErrorBody {
  const { code, message, details } = error;
  return { error: { code, message, ...(details ? { details } : {}) } };
}
