import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every cluster PGlite makes has this file; it is copied last, so a copy cut short is no store. */
const MARK = 'PG_VERSION';

/**
 * Makes a new embedded store in `dataDir` (empty, or holding no store). Creating one runs initdb, five
 * seconds of CPU; every new store of one PGlite version starts as the same files, so the first one is
 * kept in `cacheDir` and each later one copied from it (a quarter of a second). The cache is a
 * convenience: when it cannot be read or written, the store is created as if there were none.
 */
export async function createFromTemplate(
  dataDir: string,
  cacheDir: string | null,
  create: (dataDir: string) => Promise<void>,
): Promise<void> {
  const template = cacheDir === null ? null : join(cacheDir, `empty-store-pglite-${pgliteVersion()}`);
  if (template && existsSync(join(template, MARK))) {
    const own = new Set(await readdir(dataDir).catch(() => [] as string[]));
    try {
      await copyCluster(template, dataDir);
      return;
    } catch {
      // Only what the copy added goes: the folder may hold the user's own files.
      for (const name of await readdir(dataDir).catch(() => [] as string[]))
        if (!own.has(name)) await rm(join(dataDir, name), { recursive: true, force: true }).catch(() => {});
    }
  }
  await create(dataDir);
  if (template) await keep(dataDir, template);
}

/** Copies a just-created store into the cache whole or not at all, beside any other process doing the same. */
async function keep(dataDir: string, template: string): Promise<void> {
  const partial = `${template}.${randomUUID()}.partial`;
  try {
    await copyCluster(dataDir, partial);
    await rename(partial, template);
  } catch {
    // Another process kept one first, or the cache cannot be written: either way this store is made.
    await rm(partial, { recursive: true, force: true }).catch(() => {});
  }
}

/**
 * A cluster's files, folders first and the mark last, 64 files at a time: a third of the time
 * fs.cp takes over its thousand small files (0.23 s against 0.65 s), which checks each one alone.
 */
async function copyCluster(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { withFileTypes: true, recursive: true });
  const path = (e: (typeof entries)[number]) => relative(from, join(e.parentPath, e.name));
  await mkdir(to, { recursive: true });
  for (const e of entries) if (e.isDirectory()) await mkdir(join(to, path(e)), { recursive: true });
  const files = entries.filter((e) => e.isFile() && path(e) !== MARK).map(path);
  for (let i = 0; i < files.length; i += 64)
    await Promise.all(files.slice(i, i + 64).map((f) => copyFile(join(from, f), join(to, f))));
  await copyFile(join(from, MARK), join(to, MARK));
}

let version: string | undefined;

/** The installed PGlite's version: a cluster made by one version is only copied for the same version. */
function pgliteVersion(): string {
  if (version !== undefined) return version;
  let dir = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
