import type { Stats } from 'node:fs';
import { type FileHandle, open, rename, rm, stat, writeFile } from 'node:fs/promises';
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

/** The file's first line: enough to tell whether the rest may be used, without reading it. */
interface PublishedHead {
  stamp: string;
  revision: string;
}

export function publishedCatalogPath(dataDir: string): string {
  return `${dataDir}.catalog.json`;
}

/**
 * Writes the snapshot's inputs, whole or not at all (a temporary file renamed into place), after a
 * first line with their revision and a stamp of the file's format and `files`, the digest of the
 * built-in files the store was loaded from (builtin/builtinFilesStamp.ts).
 */
export async function publishCatalog(dataDir: string, files: string, inputs: CatalogInputs): Promise<void> {
  const head: PublishedHead = { stamp: stampOf(files), revision: inputs.revision };
  const path = publishedCatalogPath(dataDir);
  const next = `${path}.${process.pid}.tmp`;
  await writeFile(next, `${JSON.stringify(head)}\n${JSON.stringify(inputs)}`);
  // Stated before the rename, which keeps the file's identity: after it, another process may have put its own there.
  const identity = identityOf(await stat(next));
  await rename(next, path);
  remembered = { identity, stamp: head.stamp, inputs };
}

/**
 * The revision the publication beside the folder holds, when it is good for these built-in files;
 * else null. Reads the first line only: a store's opener checks it against the store's revision, and
 * when they agree it need neither withdraw the 13 MB file nor write it again.
 */
export async function publishedRevision(dataDir: string, files: string): Promise<string | null> {
  const head = await readHead(publishedCatalogPath(dataDir));
  return head?.stamp === stampOf(files) ? head.revision : null;
}

async function readHead(path: string): Promise<PublishedHead | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(HEAD_BYTES) });
    const line = buffer.subarray(0, bytesRead).toString('utf8').split('\n', 2);
    return line.length === 2 ? parseHead(line[0] ?? '') : null;
  } finally {
    await handle.close();
  }
}

function parseHead(text: string): PublishedHead | null {
  try {
    const head = JSON.parse(text) as Partial<PublishedHead> | null;
    return typeof head?.stamp === 'string' && typeof head.revision === 'string'
      ? { stamp: head.stamp, revision: head.revision }
      : null;
  } catch {
    return null;
  }
}

/** More than a head line takes (two short strings and a digest). */
const HEAD_BYTES = 1024;

/** Taken away by a process that opens the store: until it publishes, nobody may answer from an old one. */
export async function withdrawCatalog(dataDir: string): Promise<void> {
  await rm(publishedCatalogPath(dataDir), { force: true });
}

/**
 * The published inputs, or null when there are none, they cannot be read, or the built-in files or
 * the program changed since they were written (the store would then load something else).
 */
export async function readPublishedCatalog(dataDir: string, files: string): Promise<CatalogInputs | null> {
  const path = publishedCatalogPath(dataDir);
  const stamp = stampOf(files);
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    // The identity and the text come from one open file, so a publication renamed into place meanwhile
    // is never remembered under the identity of the one read.
    const identity = identityOf(await handle.stat());
    const known = remembered;
    if (known?.identity === identity) return known.stamp === stamp ? known.inputs : null;
    const text = await handle.readFile('utf8');
    const newline = text.indexOf('\n');
    if (newline < 0 || parseHead(text.slice(0, newline))?.stamp !== stamp) return null;
    const inputs = JSON.parse(text.slice(newline + 1)) as CatalogInputs;
    remembered = { identity, stamp, inputs };
    return inputs;
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/**
 * The publication this process last wrote or read, with its file's identity. Reading and parsing the
 * 13 MB file takes about 0.25 s, and its garbage as long again; only a process that opens a folder
 * more than once gains (the CLI run in process, as its tests run it: 1.06 s -> 0.49 s a command, with
 * catalogFrom's), since a command or a server reads it once. Snapshots are replaced, never mutated,
 * so sharing them is safe.
 */
let remembered: { identity: string; stamp: string; inputs: CatalogInputs } | null = null;

/**
 * A file is the same file while its device, inode, size and modification time are: whatever path
 * reaches it, its bytes are the same.
 */
function identityOf(info: Stats): string {
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;
}

/**
 * The shape of the file: raise it when `Taxonomy` or the pay records change shape, so a newer Canon
 * never reads an older one's publication (it opens the store instead, and publishes anew).
 */
const FORMAT = 2;

/** The built-in files' digest (builtinFilesStamp) with the file's format: a publication is good only for both. */
function stampOf(files: string): string {
  return `${FORMAT}:${files}`;
}
