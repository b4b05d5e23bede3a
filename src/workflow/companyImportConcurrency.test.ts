import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadTaxonomy } from '../builtin/loadTaxonomy.js';
import { NORTHWIND_CSV } from '../company/fixtures/northwindXlsx.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
import type { CanonError } from '../core/errors.js';
import type { Actor } from '../core/roles.js';
import { canonOn } from '../runtime/openCanon.js';
import { readCompanyImports } from '../store/companyRepository.js';
import { openStore } from '../store/openStore.js';
import { workspaces } from '../store/schema.js';
import { reportSkip } from '../testing/reportSkip.js';
import { postgresTarget } from '../testing/testStore.js';
import { syncBuiltinTaxonomy } from './syncBuiltinTaxonomy.js';

/**
 * Two Canons on one PostgreSQL — two processes' worth of connections, each with its own in-process
 * guard — importing into the same workspace at once: one import lands, the other is refused at its
 * start by the workspace's import lease.
 */
const pg = await postgresTarget();
if ('skip' in pg) reportSkip('concurrent company imports on PostgreSQL', pg.skip);
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

it.skipIf('skip' in pg)(
  'two imports into one workspace from two connections: one lands whole, the other is refused',
  async () => {
    if ('skip' in pg) return;
    const opened = await pg.open();
    cleanups.push(opened.drop);
    await syncBuiltinTaxonomy(opened.store.db, await loadTaxonomy(join(PROJECT_ROOT, 'data')));
    const second = await openStore(opened.options);
    cleanups.push(() => second.close());
    const [a, b] = [await canonOn(opened.store), await canonOn(second)];
    await opened.store.db.insert(workspaces).values({ id: 'acme', name: 'Acme', createdBy: 'cli:test' });
    const operator: Actor = { id: 'cli:test', role: 'admin', operator: true };
    const bytes = await readFile(NORTHWIND_CSV);
    const results = await Promise.allSettled([
      a.company.store(operator, 'acme', bytes, 'northwind.csv'),
      b.company.store(operator, 'acme', bytes, 'northwind.csv'),
    ]);
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as CanonError] : []));
    expect(refused.map((e) => e.code)).toEqual(['conflict']);
    // Refused at its start by the lease; the write's lock and check stay behind it as the final guard.
    expect(refused[0]?.message).toMatch(
      /^An import into workspace "acme" is under way: "northwind.csv" by cli:test/,
    );
    const imports = await readCompanyImports(opened.store.db, 'acme');
    expect(imports).toHaveLength(1);
    const count = (await opened.store.db.execute(
      'SELECT count(*)::int AS n FROM company_jobs',
    )) as unknown as {
      rows: { n: number }[];
    };
    expect(count.rows[0]?.n).toBe(imports[0]?.summary.read);
  },
  180_000,
);
