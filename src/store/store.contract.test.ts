import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
import type { Taxonomy } from '../core/taxonomy.js';
import { emptyStore, postgresTarget } from '../testing/testStore.js';
import { syncBuiltinTaxonomy } from '../workflow/syncBuiltinTaxonomy.js';
import { openStore, type Store } from './openStore.js';
import { readTaxonomy } from './taxonomyRepository.js';

/**
 * One contract, every store: the same behaviour on the embedded PGlite store
 * and on PostgreSQL. Each test gets a store of its own.
 */
const pg = await postgresTarget();
if ('skip' in pg) console.warn(`[store contract] PostgreSQL run skipped: ${pg.skip}`);

const backends: [string, (() => Promise<{ store: Store; drop(): Promise<void> }>) | null][] = [
  [
    'pglite',
    async () => {
      const store = await emptyStore();
      return { store, drop: () => store.close() };
    },
  ],
  ['postgres', 'skip' in pg ? null : () => pg.open()],
];

let builtin: Taxonomy;
beforeAll(async () => {
  builtin = await loadTaxonomy(join(PROJECT_ROOT, 'data'));
});

describe.each(backends)('store contract on %s', (_name, open) => {
  const dropAll: (() => Promise<void>)[] = [];
  const fresh = async () => {
    if (!open) throw new Error('unreachable');
    const { store, drop } = await open();
    dropAll.push(drop);
    return store;
  };
  afterAll(async () => {
    await Promise.all(dropAll.map((d) => d()));
  });

  it.skipIf(!open)('stores the built-in taxonomy and reads back exactly what was loaded', async () => {
    const store = await fresh();
    expect(await syncBuiltinTaxonomy(store.db, builtin)).toMatchObject({ changed: true });
    const back = await readTaxonomy(store.db);
    const byCode = <T extends { code: string }>(xs: T[]) =>
      [...xs].sort((a, b) => a.code.localeCompare(b.code));
    expect(byCode(back.profiles)).toEqual(byCode(builtin.profiles));
    expect(byCode(back.focuses)).toEqual(byCode(builtin.focuses));
    expect(byCode(back.functions)).toEqual(byCode(builtin.functions));
    expect([...back.sources].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...builtin.sources].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it.skipIf(!open)('is idempotent: loading the same taxonomy again changes nothing', async () => {
    const store = await fresh();
    const first = await syncBuiltinTaxonomy(store.db, builtin);
    const before = await readTaxonomy(store.db);
    const second = await syncBuiltinTaxonomy(store.db, builtin);
    expect(second).toEqual({ changed: false, hash: first.hash });
    expect(await readTaxonomy(store.db)).toEqual(before);
  });

  it.skipIf(!open)('keeps a focus code once assigned, even when the files would give another', async () => {
    const store = await fresh();
    await syncBuiltinTaxonomy(store.db, builtin);
    const em = builtin.focuses.find((f) => f.key === 'engineering-management');
    expect(em).toBeDefined();
    const renamed: Taxonomy = {
      ...builtin,
      focuses: builtin.focuses.map((f) =>
        f === em ? { ...f, name: 'Software Engineering Management', code: 'SOFTWARE0000' } : f,
      ),
      profiles: builtin.profiles.map((p) =>
        p.focusCode === em?.code
          ? { ...p, focusCode: 'SOFTWARE0000', code: `TECHNO.SOFTWARE0000.${p.levelCode}` }
          : p,
      ),
    };
    await syncBuiltinTaxonomy(store.db, renamed);
    const back = await readTaxonomy(store.db);
    const focus = back.focuses.find((f) => f.key === 'engineering-management');
    expect(focus).toMatchObject({ code: em?.code, name: 'Software Engineering Management' });
    expect(back.profiles.filter((p) => p.focusCode === em?.code)).toHaveLength(em?.levelCodes.length ?? -1);
    expect(back.profiles.some((p) => p.focusCode === 'SOFTWARE0000')).toBe(false);
  });

  it.skipIf(!open)('removes built-in entries whose files were removed', async () => {
    const store = await fresh();
    await syncBuiltinTaxonomy(store.db, builtin);
    const advisory = builtin.focuses.find((f) => f.key === 'technology-advisory-and-fractional-cto');
    const smaller: Taxonomy = {
      ...builtin,
      focuses: builtin.focuses.filter((f) => f !== advisory),
      profiles: builtin.profiles.filter((p) => p.focusCode !== advisory?.code),
    };
    await syncBuiltinTaxonomy(store.db, smaller);
    const back = await readTaxonomy(store.db);
    expect(back.focuses.map((f) => f.key)).not.toContain('technology-advisory-and-fractional-cto');
    expect(back.profiles).toHaveLength(smaller.profiles.length);
  });

  it.skipIf(!open)('writes all or nothing: a failing load leaves the previous taxonomy intact', async () => {
    const store = await fresh();
    await syncBuiltinTaxonomy(store.db, builtin);
    const before = await readTaxonomy(store.db);
    const broken: Taxonomy = {
      ...builtin,
      functions: builtin.functions.map((f) => ({ ...f, name: 'Renamed before the failure' })),
      // A profile of a focus that does not exist violates a foreign key half-way through.
      profiles: [
        ...builtin.profiles,
        {
          ...(builtin.profiles[0] as Taxonomy['profiles'][number]),
          code: 'TECHNO.GHOSTXXX0000.M3',
          focusCode: 'GHOSTXXX0000',
        },
      ],
    };
    await expect(syncBuiltinTaxonomy(store.db, broken)).rejects.toThrow();
    expect(await readTaxonomy(store.db)).toEqual(before);
  });
});

describe('migrations', () => {
  it('apply once, however often a store is opened', async () => {
    const client = await PGlite.create();
    await openStore({ kind: 'pglite', client });
    await openStore({ kind: 'pglite', client });
    const { rows } = await client.query<{ name: string }>('SELECT name FROM canon_migrations');
    const files = (await readdir(join(PROJECT_ROOT, 'migrations'))).filter((f) => f.endsWith('.sql')).sort();
    expect(files.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.name).sort()).toEqual(files);
    await client.close();
  });
});
