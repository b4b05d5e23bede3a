import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { openStore } from './openStore.js';

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
