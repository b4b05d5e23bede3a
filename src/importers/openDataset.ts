import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { unzipSync } from 'fflate';
import { CanonError, quote } from '../core/errors.js';

/** A set of text files read from a folder or from inside a zip archive, by file name. */
export interface Dataset {
  label: string;
  has(name: string): boolean;
  lines(name: string): AsyncIterable<string>;
}

/** Opens a folder, a .zip (names inside match whatever folder they sit in) or a single text file. */
export async function openDataset(path: string): Promise<Dataset> {
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
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(await readFile(path)), {
      filter: (f) => f.name.endsWith('.txt') || f.name.endsWith('.tsv'),
    });
  } catch (cause) {
    throw new CanonError(
      'invalid_input',
      `${quote(path)} is neither a folder nor a readable zip archive: ${(cause as Error).message}`,
      { cause },
    );
  }
  const byName = new Map(Object.entries(entries).map(([full, bytes]) => [basename(full), bytes]));
  return {
    label: path,
    has: (name) => byName.has(name),
    lines: (name) =>
      createInterface({
        input: Readable.from([Buffer.from(byName.get(name) ?? new Uint8Array())]),
        crlfDelay: Number.POSITIVE_INFINITY,
      }),
  };
}
