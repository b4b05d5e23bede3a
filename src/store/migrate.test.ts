import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { readCompanyJobs } from './companyRepository.js';
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

describe('0015_company_matches', () => {
  it('moves each stored job’s match into the shared table, keeping every field and the row its own', async () => {
    const client = await PGlite.create();
    const dir = join(PROJECT_ROOT, 'migrations');
    const before = (await readdir(dir)).filter((f) => f.endsWith('.sql') && f < '0015').sort();
    // The store as a Canon before this migration left it, with jobs in it.
    await client.exec(
      'CREATE TABLE canon_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    for (const name of before) {
      await client.exec(await readFile(join(dir, name), 'utf8'));
      await client.query('INSERT INTO canon_migrations (name) VALUES ($1)', [name]);
    }
    await client.exec(`
      INSERT INTO workspaces (id, name, created_by) VALUES ('acme', 'Acme', 'cli:test');
      INSERT INTO company_imports (workspace_id, file, file_hash, options, summary, decided, created_by)
        VALUES ('acme', 'hris.csv', 'h', '{}', '{}', '{}', 'cli:test');`);
    const match = (line: number, duplicateOf: number | null) => ({
      line,
      duplicateOf,
      title: 'Electrician',
      department: 'Facilities',
      grade: 'G3',
      status: 'matched',
      function: { code: 'TRADES', name: 'Trades' },
      focus: null,
      profile: null,
      level: { code: 'S2', track: 'S', rank: 2, title: 'Level' },
      titleLevel: { code: 'S2', stated: false },
      gradeLevels: ['S2'],
      confidence: 0.7,
      review: [],
      explanation: ['Electrician reads as such.'],
    });
    for (const [line, duplicateOf] of [
      [2, null],
      [3, 2],
    ] as const)
      await client.query(
        `INSERT INTO company_jobs (workspace_id, line, import_id, job_code, title, department, title_key, department_key,
           grade, location, employee_id, headcount, base_pay, currency, status, decided_by, match)
         VALUES ('acme', $1, 1, 'J', 'Electrician', 'Facilities', 'electrician', 'facilities', 'G3', '', '', 1, NULL, '',
           'matched', 'automatic', $2)`,
        [line, JSON.stringify(match(line, duplicateOf))],
      );
    const store = await openStore({ kind: 'pglite', client });
    const jobs = await readCompanyJobs(store.db, 'acme');
    expect(jobs.map((j) => j.match)).toEqual([match(2, null), match(3, 2)]);
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM company_matches');
    expect(rows[0]?.n).toBe(1);
    await client.close();
  });
});
