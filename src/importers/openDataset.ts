import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { CanonError, quote } from '../core/errors.js';
import { checkZip, entryStream, type ZipLimits } from '../core/zipArchive.js';

const MB = 1024 * 1024;

/**
 * The O*NET 29.3 text release is some 40 files; the 23 of them in
 * ../shared/data/onet_29_3 come to 41 MB, the largest 7.7 MB (Skills.txt).
 * These limits leave more than tenfold room and refuse a zip bomb after 256 MB
 * of one file or 1 GB in all — inflated and counted, never held.
 */
export const DATASET_ZIP_LIMITS: ZipLimits = {
  kind: 'zip archive',
  entries: 1_000,
  entryBytes: 256 * MB,
  totalBytes: 1024 * MB,
};

/** A set of text files read from a folder or from inside a zip archive, by file name. */
export interface Dataset {
  label: string;
  has(name: string): boolean;
  lines(name: string): AsyncIterable<string>;
}

/**
 * Opens a folder, a .zip (names inside match whatever folder they sit in) or a
 * single text file. A zip's text files are inflated once here, to refuse one
 * past `limits` before anything reads it, and again as they are read.
 */
export async function openDataset(path: string, limits: ZipLimits = DATASET_ZIP_LIMITS): Promise<Dataset> {
  const info = await stat(path).catch((cause) => {
    throw new CanonError('invalid_input', `Cannot read ${quote(path)}: ${(cause as Error).message}`, {
      cause,
    });
  });
  if (info.isDirectory()) {
    const names = new Set(await readdir(path));
    return {
      label: path,
      has: (name) => names.has(name),
      lines: (name) =>
        createInterface({
          input: createReadStream(join(path, name), 'utf8'),
          crlfDelay: Number.POSITIVE_INFINITY,
        }),
    };
  }
  if (!path.toLowerCase().endsWith('.zip')) {
    const name = basename(path);
    return {
      label: path,
      has: (n) => n === name,
      lines: () =>
        createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY }),
    };
  }
  const entries = await checkZip(new Uint8Array(await readFile(path)), path, limits, (name) =>
    /\.(txt|tsv)$/.test(name),
  );
  const byName = new Map(entries.map((entry) => [basename(entry.name), entry]));
  return {
    label: path,
    has: (name) => byName.has(name),
    lines: (name) => {
      const entry = byName.get(name);
      return createInterface({
        input: entry ? entryStream(entry) : Readable.from([]),
        crlfDelay: Number.POSITIVE_INFINITY,
      });
    },
  };
}
