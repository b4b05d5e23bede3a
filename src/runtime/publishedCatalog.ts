import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { builtinFilesStamp } from '../builtin/builtinFilesStamp.js';
import type { OccupationPayRecord, ProfilePayRecord } from '../core/payBands.js';
import type { Taxonomy } from '../core/taxonomy.js';

/**
 * What a catalog snapshot is made of. The process holding an embedded store publishes it beside the
 * data folder after every load, so a read-only CLI command can answer from it in a fraction of a
 * second instead of opening the store (2–4 s), even while a server holds the store.
 */
export interface CatalogInputs {
  revision: string;
  occupationRelease: string | null;
  taxonomy: Taxonomy;
  /** The wages the pay book uses: imported OEWS figures, or the built-in release's. */
  occupationPay: OccupationPayRecord[];
  profilePay: ProfilePayRecord[];
}

interface PublishedFile extends CatalogInputs {
  stamp: string;
}

export function publishedCatalogPath(dataDir: string): string {
  return `${dataDir}.catalog.json`;
}

/**
 * Writes the snapshot's inputs, whole or not at all (a temporary file renamed into place), stamped
 * with the built-in taxonomy files and the program that wrote it.
 */
export async function publishCatalog(
  dataDir: string,
  taxonomyDir: string,
  inputs: CatalogInputs,
): Promise<void> {
  const file: PublishedFile = { stamp: await builtinStamp(taxonomyDir), ...inputs };
  const path = publishedCatalogPath(dataDir);
  const next = `${path}.${process.pid}.tmp`;
  await writeFile(next, JSON.stringify(file));
  await rename(next, path);
}

/** Taken away by a process that opens the store: until it publishes, nobody may answer from an old one. */
export async function withdrawCatalog(dataDir: string): Promise<void> {
  await rm(publishedCatalogPath(dataDir), { force: true });
}

/**
 * The published inputs, or null when there are none, they cannot be read, or the built-in files or
 * the program changed since they were written (the store would then load something else).
 */
export async function readPublishedCatalog(
  dataDir: string,
  taxonomyDir: string,
): Promise<CatalogInputs | null> {
  const [text, stamp] = await Promise.all([
    readFile(publishedCatalogPath(dataDir), 'utf8').catch(() => null),
    builtinStamp(taxonomyDir),
  ]);
  if (text === null) return null;
  let file: PublishedFile;
  try {
    file = JSON.parse(text) as PublishedFile;
  } catch {
    return null;
  }
  if (file.stamp !== stamp) return null;
  const { stamp: _stamp, ...inputs } = file;
  return inputs;
}

/**
 * The shape of the file: raise it when `Taxonomy` or the pay records change shape, so a newer Canon
 * never reads an older one's publication (it opens the store instead, and publishes anew).
 */
const FORMAT = 1;

/** The built-in files' digest with the file's format: a publication is good only for both. */
async function builtinStamp(taxonomyDir: string): Promise<string> {
  return `${FORMAT}:${await builtinFilesStamp(taxonomyDir)}`;
}
