import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CanonError, quote } from '../core/errors.js';
import type { OccupationPayRecord } from '../core/payBands.js';
import type { Taxonomy } from '../core/taxonomy.js';

/** A generated taxonomy with what it was built from, as `canon build` writes it and Canon loads it. */
export interface TaxonomyRelease {
  /** "<release format>+<source releases>", e.g. "1+onet-29-3.soc-2018.esco-1-2.bls-oews-2024". */
  version: string;
  builtFrom: { id: string; name: string }[];
  taxonomy: Taxonomy;
  /** Occupation-wide wage percentiles, the pay book's fallback when no OEWS file is imported. */
  wages: OccupationPayRecord[];
}

/** The built-in release, committed to the project (see data/release/README.md). */
export const BUILTIN_RELEASE = new URL('../../data/release/taxonomy.json.gz', import.meta.url);

/**
 * Writes a release as gzip'd JSON. The same release gives the same bytes (the
 * gzip header carries no time), and the file is replaced in one rename, so a
 * failed write never leaves half a release behind.
 */
export async function writeRelease(path: string, release: TaxonomyRelease): Promise<number> {
  const bytes = gzipSync(JSON.stringify(release), { level: 9 });
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.partial`;
  await writeFile(temporary, bytes);
  await rename(temporary, path);
  return bytes.length;
}

/** Reads a release; null when the file does not exist, an error naming the file when it is not a release. */
export async function readRelease(path: string | URL): Promise<TaxonomyRelease | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CanonError(
      'invalid_data',
      `Cannot read the release ${quote(String(path))}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(gunzipSync(bytes).toString('utf8'));
  } catch (cause) {
    throw new CanonError('invalid_data', `${quote(String(path))} is not a taxonomy release (gzip'd JSON).`, {
      cause,
    });
  }
  const release = value as Partial<TaxonomyRelease> | null;
  const t = release?.taxonomy;
  if (
    typeof release?.version !== 'string' ||
    !Array.isArray(release.builtFrom) ||
    !Array.isArray(release.wages) ||
    !t ||
    ![t.sources, t.functions, t.focuses, t.profiles].every(Array.isArray)
  ) {
    throw new CanonError(
      'invalid_data',
      `${quote(String(path))} is not a taxonomy release: expected version, builtFrom, wages and taxonomy.{sources,functions,focuses,profiles}.`,
    );
  }
  return release as TaxonomyRelease;
}
