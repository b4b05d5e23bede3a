/**
 * The one error type Canon throws. Edges (HTTP, CLI) translate `code` into a
 * status or exit code through their own tables; nothing else inspects messages.
 */
export const ERROR_CODES = [
  'not_found',
  'invalid_input',
  'invalid_data',
  'too_large',
  'conflict',
  'unauthorized',
  'forbidden',
  'review_failed',
  'rate_limited',
  'store_unavailable',
  'storage_full',
  'client_aborted',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class CanonError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CanonError';
    this.code = code;
    this.details = options.details;
  }
}

export function isCanonError(value: unknown): value is CanonError {
  return value instanceof CanonError;
}

/** Quotes user input in messages without letting a huge value flood a terminal or log line. */
export function quote(value: unknown, max = 80): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}
