import { CanonError, quote } from './errors.js';

/** An approved version of a profile by number, or its open draft. */
export type VersionRef = number | 'draft';

/**
 * Reads a version reference as a person writes one: "2", "v2" (or "V2"), or
 * "draft". Every edge (CLI, pages) reads them here, so they all accept the same.
 */
export function parseVersionRef(value: string, name = 'version'): VersionRef {
  const text = value.trim();
  if (text.toLowerCase() === 'draft') return 'draft';
  const n = /^v?\d+$/i.test(text) ? Number(text.replace(/^v/i, '')) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1)
    throw new CanonError(
      'invalid_input',
      `${name}: expected a version number such as 2 or v2, or "draft"; got ${quote(value)}.`,
    );
  return n;
}

/** How a version reference reads back: "v2" or "draft". */
export function formatVersionRef(ref: VersionRef): string {
  return ref === 'draft' ? 'draft' : `v${ref}`;
}
