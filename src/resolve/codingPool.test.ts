import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../core/catalog.js';
import { LANDING_OCCUPATIONS, landingTaxonomy } from '../testing/landingFixture.js';
import { codeTitleBatch, OUTPUT_COLUMNS } from './codeTitleBatch.js';
import { type CodingPool, codingThreads, openCodingPool } from './codingPool.js';
import { landingTable } from './focusLanding.js';
import { buildResolver, type ResolverSources } from './resolverSources.js';
import type { TitleResolver } from './titleResolver.js';

const run = promisify(execFile);
let sources: ResolverSources;
let resolver: TitleResolver;
const pools: CodingPool[] = [];
const pool = (options: Partial<Parameters<typeof openCodingPool>[0]> = {}) => {
  const opened = openCodingPool({ sources, size: 2, ...options });
  pools.push(opened);
  return opened;
};
beforeAll(async () => {
  sources = { occupations: LANDING_OCCUPATIONS, landing: landingTable(new Catalog(await landingTaxonomy())) };
  resolver = await buildResolver(sources);
});
afterAll(() => Promise.all(pools.map((p) => p.close())));

/** Titles to code, with repeats, a title too long, an empty one, and employers. */
const records = [
  ['id', 'Lead Electrician', 'Sparks LLC'],
  ['id', 'Senior Offering Manager', ''],
  ['id', '', 'Acme'],
  ['id', 'Z'.repeat(301), 'Acme'],
  ['id', 'Electrician', 'Sparks LLC'],
  ...Array.from({ length: 40 }, (_, i) => [
    'id',
    i % 3 ? 'Lead Electrician' : 'Software Engineer',
    `E${i % 4}`,
  ]),
].map((r, i) => [String(i), ...r.slice(1)]);

describe('codingThreads', () => {
  it('codes a small file in this thread, a large one with a thread per core that other work leaves free', () => {
    const MB = 1024 * 1024;
    expect(codingThreads(100_000, 8, 0)).toBe(1);
    expect(codingThreads(50 * MB, 8, 0)).toBe(8);
    expect(codingThreads(50 * MB, 8, 3)).toBe(5);
    expect(codingThreads(50 * MB, 2, 4)).toBe(1);
    expect(codingThreads(50 * MB, 2, 0.4)).toBe(2);
  });
});

describe('openCodingPool', () => {
  it('codes a batch in its threads exactly as the resolver codes it in this one, rows in order', async () => {
    const batch = { records, titleAt: 1, employerAt: 2 };
    const threads = pool();
    await threads.ready();
    const coded = await threads.code(batch);
    expect(coded).toEqual(codeTitleBatch(resolver, batch));
    expect(coded.rows.map((row) => row[0])).toEqual(records.map((r) => r[0]));
    expect(coded.rows[0]).toHaveLength(3 + OUTPUT_COLUMNS.length);
    expect(coded.errors.map((e) => e.index)).toEqual([2, 3]);
    // Without the employer column, and several batches at once.
    const noEmployer = { records, titleAt: 1, employerAt: -1 };
    const [a, b] = await Promise.all([threads.code(noEmployer), threads.code(batch)]);
    expect(a).toEqual(codeTitleBatch(resolver, noEmployer));
    expect(b).toEqual(coded);
  });

  it('refuses batches when a thread cannot build its resolver, saying why', async () => {
    const broken = pool({ sources: { ...sources, occupations: { occupations: [], titles: null } as never } });
    await expect(broken.ready()).rejects.toMatchObject({ code: 'internal', message: /titles/ });
    await expect(broken.code({ records, titleAt: 1, employerAt: 2 })).rejects.toMatchObject({
      code: 'internal',
    });
  });

  it('lets the process end once closed, with nothing else keeping it alive', async () => {
    // The threads are idle and unreferenced before closing; the close must still wait for every one to stop.
    // With the shipped tables each thread holds a large heap, so the two stop some time apart.
    const script = `
      import { openCodingPool } from ${JSON.stringify(new URL('./codingPool.ts', import.meta.url).href)};
      const pool = openCodingPool({ sources: ${JSON.stringify({ ...sources, occupations: null })}, size: 2 });
      await pool.ready();
      await pool.code({ records: [['Electrician']], titleAt: 0, employerAt: -1 });
      await pool.close();
      console.log('closed');
    `;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    expect(stdout.trim()).toBe('closed');
  });

  it('refuses batches once closed', async () => {
    const threads = pool({ size: 1 });
    await threads.close();
    await expect(threads.code({ records, titleAt: 1, employerAt: 2 })).rejects.toMatchObject({
      code: 'store_unavailable',
    });
  });
});
