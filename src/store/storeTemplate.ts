import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every cluster PGlite makes has this file; it is copied last, so a copy cut short is no store. */
const MARK = 'PG_VERSION';

/**
 * Makes a new embedded store in `dataDir` (empty, or holding no store). Creating one runs initdb, five
 * seconds of CPU; every new store of one PGlite version starts as the same files, so the first one is
 * kept in `cacheDir` and each later one copied from it (a tenth of a second). The cache is a
 * convenience: when it cannot be read or written, the store is created as if there were none.
 */
export async function createFromTemplate(
  dataDir: string,
  cacheDir: string | null,
  create: (dataDir: string) => Promise<void>,
): Promise<void> {
  const template = cacheDir === null ? null : join(cacheDir, `empty-store-pglite-${pgliteVersion()}`);
  if (template && existsSync(join(template, MARK))) {
    try {
      await cp(template, dataDir, { recursive: true, filter: (from) => from !== join(template, MARK) });
      await cp(join(template, MARK), join(dataDir, MARK));
      return;
    } catch {
      await removeCopied(template, dataDir);
    }
  }
  await create(dataDir);
  if (template) await keep(dataDir, template);
}

/** Copies a just-created store into the cache whole or not at all, beside any other process doing the same. */
async function keep(dataDir: string, template: string): Promise<void> {
  const partial = `${template}.${randomUUID()}.partial`;
  try {
    await cp(dataDir, partial, { recursive: true });
    await rename(partial, template);
  } catch {
    // Another process kept one first, or the cache cannot be written: either way this store is made.
    await rm(partial, { recursive: true, force: true }).catch(() => {});
  }
}

/** Takes away what a failed copy left, and only that: the folder may hold the user's own files. */
async function removeCopied(template: string, dataDir: string): Promise<void> {
  for (const name of await readdir(template).catch(() => [] as string[]))
    await rm(join(dataDir, name), { recursive: true, force: true }).catch(() => {});
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
