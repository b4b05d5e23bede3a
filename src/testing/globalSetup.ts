import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { builtinFilesStamp } from '../builtin/builtinFilesStamp.js';
import { loadTaxonomy } from '../builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { syncBuiltinFiles } from '../runtime/syncBuiltinFiles.js';
import { openStore } from '../store/openStore.js';
import { syncBuiltinTaxonomy } from '../workflow/syncBuiltinTaxonomy.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump of a store holding the hand-written taxonomy of data/ (testStore.ts clonedStore). */
    pgliteTemplate: string;
    /** A dump of a store as Canon's first open leaves it (testStore.ts openedDataDir). */
    openedStoreTemplate: string;
    /** Where tests write why they skipped (testing/reportSkip.ts); printed when the run ends. */
    skipLog: string;
  }
}

/**
 * Runs initdb, the migrations and the built-in sync once per test run and dumps
 * the result; every test clones the dump (under a second) instead of paying
 * for a fresh database (about six seconds).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'canon-test-'));
  const client = await PGlite.create();
  const store = await openStore({ kind: 'pglite', client });
  await syncBuiltinTaxonomy(store.db, await loadTaxonomy(join(PROJECT_ROOT, 'data')));
  const dump = await client.dumpDataDir('none');
  await store.close();
  const path = join(dir, 'template.tar');
  await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', path);
  // The same store as Canon's first open leaves it: the built-in release loaded and its files' digest
  // recorded, so a command opening a copy finds nothing to load (each copy's first command otherwise
  // wrote the release again: 5-6 s).
  const opened = await PGlite.create({ loadDataDir: dump });
  const openedStore = await openStore({ kind: 'pglite', client: opened });
  const taxonomyDir = join(PROJECT_ROOT, 'data');
  await syncBuiltinFiles(openedStore.db, taxonomyDir, await builtinFilesStamp(taxonomyDir));
  const openedDump = await opened.dumpDataDir('none');
  await openedStore.close();
  const openedPath = join(dir, 'opened.tar');
  await writeFile(openedPath, Buffer.from(await openedDump.arrayBuffer()));
  project.provide('openedStoreTemplate', openedPath);
  const skipLog = join(dir, 'skipped.log');
  await writeFile(skipLog, '');
  project.provide('skipLog', skipLog);
  return async () => {
    const skipped = [...new Set((await readFile(skipLog, 'utf8')).split('\n').filter(Boolean))];
    process.stdout.write(
      skipped.length === 0
        ? '\nSkipped: nothing — every test that needs PostgreSQL, Chromium or ../shared ran.\n'
        : `\nSkipped (${skipped.length}):\n${skipped.map((s) => `  ${s}`).join('\n')}\n`,
    );
    await rm(dir, { recursive: true, force: true });
  };
}
