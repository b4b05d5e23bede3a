import { readFile } from 'node:fs/promises';
import { CanonError } from '../core/errors.js';

/**
 * A file Canon ships in `data/resolver/`, read whole. Missing, it is an install that lost part of
 * itself, not bad input: `invalid_data`, naming what and where.
 */
export async function readShippedFile(file: URL, what: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (cause) {
    throw new CanonError(
      'invalid_data',
      `The built-in ${what} ${what.endsWith('s') ? 'are' : 'is'} missing (${file.pathname}).`,
      {
        cause,
      },
    );
  }
}
