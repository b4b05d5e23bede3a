import { CanonError, quote } from '../../../core/errors.js';

/** A query value read as a whole number from 1 (a version, a page, an evidence id); `name` says which. */
export function wholeNumber(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new CanonError('invalid_input', `${name} must be a whole number from 1; got ${quote(value)}.`);
  return n;
}
