import { rename, rm, writeFile } from 'node:fs/promises';
import { CanonError, quote } from '../../core/errors.js';

/** Writes beside the target and renames, so a failed write never leaves a half-written file. */
export async function writeOutput(path: string, text: string | Uint8Array): Promise<void> {
  const partial = `${path}.partial-${process.pid}`;
  try {
    await writeFile(partial, text);
    await rename(partial, path);
  } catch (cause) {
    await rm(partial, { force: true });
    throw new CanonError('invalid_input', `Cannot write ${quote(path)}: ${(cause as Error).message}`, {
      cause,
    });
  }
}
