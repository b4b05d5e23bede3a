import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NORTHWIND_CSV } from '../company/fixtures/northwindXlsx.js';
import type { Actor } from '../core/roles.js';
import { canonOn } from '../runtime/openCanon.js';
import { readCompanyImports, readCompanyJobs } from '../store/companyRepository.js';
import { openStore } from '../store/openStore.js';
import { workspaces } from '../store/schema.js';
import { startCanonProcess } from '../testing/canonProcess.js';
import { openedDataDir } from '../testing/testStore.js';

/**
 * `canon company import` killed with SIGKILL while it stores a large catalog (inside its transaction,
 * after its first batch of jobs is written) leaves the workspace as it was: the earlier import's jobs,
 * and no record of the new one.
 */
const OPERATOR: Actor = { id: 'cli:test', role: 'admin', operator: true };
let dir: string;
let dataDir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'canon-company-kill-'));
  dataDir = join(dir, 'store');
  await openedDataDir(dataDir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The Northwind catalog's rows repeated, each with a job code of its own, to `rows` rows. */
async function largeCatalog(rows: number): Promise<string> {
  const [, header, ...body] = (await readFile(NORTHWIND_CSV, 'utf8')).split('\n').filter(Boolean);
  const out = [header];
  for (let i = 0; out.length <= rows; i++)
    out.push((body[i % body.length] ?? '').replace(/^NW-\d+/, `NW-${i}`));
  const path = join(dir, 'large.csv');
  await writeFile(path, out.join('\n'));
  return path;
}

it('SIGKILL in the middle of storing an import leaves the workspace as it was', async () => {
  const before = await (async () => {
    const canon = await canonOn(await openStore({ kind: 'pglite', dataDir }));
    try {
      await canon.store.db.insert(workspaces).values({ id: 'acme', name: 'Acme', createdBy: 'cli:test' });
      await canon.company.store(OPERATOR, 'acme', await readFile(NORTHWIND_CSV), 'northwind.csv');
      return {
        imports: await readCompanyImports(canon.store.db, 'acme'),
        jobs: await readCompanyJobs(canon.store.db, 'acme'),
      };
    } finally {
      await canon.close();
    }
  })();
  const file = await largeCatalog(12_000);
  const child = startCanonProcess(['company', 'import', file, '--workspace', 'acme', '--data-dir', dataDir], {
    from: 'source',
  });
  // Printed once the first batch of jobs is written, inside the import's transaction.
  await child.printed(/… storing jobs\n/);
  const exited = new Promise((resolve) => child.child.once('exit', resolve));
  child.child.kill('SIGKILL');
  await exited;
  expect(child.log()).not.toMatch(/Stored as import/);

  const canon = await canonOn(await openStore({ kind: 'pglite', dataDir }));
  try {
    expect(await readCompanyImports(canon.store.db, 'acme')).toEqual(before.imports);
    expect(await readCompanyJobs(canon.store.db, 'acme')).toEqual(before.jobs);
    // And the import can be made again at once: the killed process's lease is seen to be gone.
    const again = await canon.company.store(OPERATOR, 'acme', await readFile(file), 'large.csv');
    expect(again.diff.unchanged).toBe(false);
    expect((await readCompanyImports(canon.store.db, 'acme')).map((i) => i.file)).toEqual([
      'large.csv',
      'northwind.csv',
    ]);
  } finally {
    await canon.close();
  }
}, 300_000);
