import type { ErrorCode } from '../core/errors.js';

/** The one table from error codes to process exit codes. 2 is also commander's usage error. */
export const EXIT_CODES: Readonly<Record<ErrorCode, number>> = {
  internal: 1,
  invalid_input: 2,
  too_large: 2,
  not_found: 3,
  invalid_data: 4,
  store_unavailable: 5,
  storage_full: 8,
  conflict: 6,
  review_failed: 6,
  rate_limited: 1,
  unauthorized: 7,
  forbidden: 7,
  // Only an HTTP client can hang up mid-request; listed so that every code has an exit.
  client_aborted: 1,
};
