/**
 * npm run bench:bulk — bulk title coding speed over ../shared/data/h1b_titles_dev, as `canon resolve --in`
 * codes a file (the CSV read and written aside): every row of the dev set (titles and employers as filed),
 * and the same rows repeated BENCH_REPEAT times (default 20) in an order shuffled with a fixed seed, so that
 * what memory saves is measured. Each of BENCH_RUNS runs (default 5) starts from a resolver or a pool built
 * afresh (outside the time), the medians printed:
 *
 * - in this thread, nothing remembered (`remember: 0`): the baseline every ratio is against, in the same run;
 * - in this thread, answers remembered (the resolver as shipped);
 * - a pool of one worker thread, and a pool of a thread per core (resolve/codingPool.ts), each thread
 *   remembering its own titles' answers. A pool's threads start cold, as in a `canon resolve --in` run, where
 *   this thread's code is warm after the first run: one thread against all compares like with like.
 *
 * Beside each wall-clock rate, titles per CPU-second of all the process's threads: on a machine other work
 * shares, what the coding costs, which the wall clock hides.
 *
 * Also: what building a resolver costs (in this thread, and a pool until every thread is ready), the heap
 * the remembered answers hold, and one title's latency (p50/p99) on a warm resolver, first sight and repeat.
 * Every mode's rows are checked identical to the baseline's (a digest is printed to compare commits). The
 * code measured is the compiled dist/, as `canon` runs it (the npm script builds it first): worker threads
 * load it without tsx. Figures only: nothing here asserts a time.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';
import { loadBuiltinTaxonomy } from '../src/builtin/loadBuiltinTaxonomy.js';
import { PROJECT_ROOT } from '../src/config/readConfig.js';
import { Catalog } from '../src/core/catalog.js';
import type { Cell, TitleCoder } from '../src/resolve/codeTitleBatch.js';
import { landingTable } from '../src/resolve/focusLanding.js';
import type { ResolverSources } from '../src/resolve/resolverSources.js';
import { fnv1a } from '../src/resolve/titleFeatures.js';
import type { TitleResolver } from '../src/resolve/titleResolver.js';
import { H1B_TITLES } from './h1bTitles.js';

/** A module of the compiled dist/resolve/, typed as its source. */
const dist = <T>(path: string): Promise<T> =>
  import(new URL(`../dist/resolve/${path}`, import.meta.url).href);
const { codeTitleRows } = await dist<typeof import('../src/resolve/codeTitleRows.js')>('codeTitleRows.js');
const { openCodingPool } = await dist<typeof import('../src/resolve/codingPool.js')>('codingPool.js');
const { buildResolver } =
  await dist<typeof import('../src/resolve/resolverSources.js')>('resolverSources.js');

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 20);
const THREADS = availableParallelism();

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const quantile = (sorted: readonly number[], q: number) => sorted[Math.floor(q * (sorted.length - 1))] ?? 0;
const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
const fmt = (n: number) => n.toLocaleString('en-US');

/** A fixed-seed shuffle (mulberry32 over Fisher–Yates): the same order every run and every commit. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function* asRecords(header: string[], rows: readonly string[][]) {
  yield { record: header, line: 1 };
  for (const [i, record] of rows.entries()) yield { record, line: i + 2 };
}

interface Coded {
  ms: number;
  /** CPU time of every thread of the process (user and system), which a busy machine inflates less than the wall clock. */
  cpuMs: number;
  digest: string;
  bad: number;
}

/** Codes the rows as `canon resolve --in` does, the time taken and a digest of every row written. */
async function codeAll(
  coder: TitleResolver | TitleCoder,
  header: string[],
  rows: readonly string[][],
  options: { batchRows?: number; inFlight?: number } = {},
): Promise<Coded> {
  const hash = createHash('sha256');
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { bad } = await codeTitleRows(coder, asRecords(header, rows), {
    source: 'h1b_titles_dev.csv',
    column: 'JOB_TITLE',
    employerColumn: 'EMPLOYER_NAME',
    write: async (row: Cell[]) => void hash.update(JSON.stringify(row)),
    problem: () => {},
    ...options,
  });
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  return { ms, cpuMs: (user + system) / 1000, digest: hash.digest('hex'), bad };
}

/**
 * How many cores this process really has now: the time `threads` threads spinning at once take against
 * one alone (on a machine other work shares, fewer than the cores it has).
 */
async function freeCores(threads: number): Promise<number> {
  const spin =
    'let x = 0; for (let i = 0; i < 2e8; i++) x += i % 7; require("worker_threads").parentPort.postMessage(x);';
  const time = async (n: number) => {
    const started = performance.now();
    await Promise.all(
      Array.from(
        { length: n },
        () => new Promise((done) => new Worker(spin, { eval: true }).once('message', done)),
      ),
    );
    return performance.now() - started;
  };
  const one = await time(1);
  return (threads * one) / (await time(threads));
}

async function main(): Promise<void> {
  const [header = [], ...dev] = parse(await readFile(H1B_TITLES, 'utf8')) as string[][];
  const repeated = shuffled(Array.from({ length: REPEAT }, () => dev).flat(), 0x5eed);
  const { taxonomy } = await loadBuiltinTaxonomy(join(PROJECT_ROOT, 'data'));
  // As canon on a fresh store: the catalog's landing table, and the occupation tables shipped in data/.
  const sources: ResolverSources = { occupations: null, landing: landingTable(new Catalog(taxonomy)) };
  const builds: number[] = [];
  const build = async (remember?: number) => {
    const started = performance.now();
    const resolver = await buildResolver(sources, remember === undefined ? {} : { remember });
    builds.push(performance.now() - started);
    return resolver;
  };
  const starts = new Map<number, number[]>();
  /** Codes the rows in a pool of `size` threads opened for them, its start aside. */
  const inPool = async (size: number, rows: readonly string[][]) => {
    const started = performance.now();
    const pool = openCodingPool({ sources, size });
    try {
      await pool.ready();
      starts.set(size, [...(starts.get(size) ?? []), performance.now() - started]);
      // As `canon resolve --in` hands a pool its rows.
      return await codeAll(pool, header, rows, { batchRows: 2000, inFlight: 2 * size });
    } finally {
      await pool.close();
    }
  };

  const titleAt = header.indexOf('JOB_TITLE');
  const employerAt = header.indexOf('EMPLOYER_NAME');
  const pairOf = (r: readonly string[]) => `${r[titleAt]}\u0000${r[employerAt]}`;
  const distinct = (rows: readonly string[][]) => new Set(rows.map(pairOf)).size;
  console.log(
    `\nBulk coding of h1b_titles_dev: ${fmt(dev.length)} rows (${fmt(distinct(dev))} distinct title–employer pairs), and ×${REPEAT} shuffled (${fmt(repeated.length)} rows); ${RUNS} runs each, medians; ${THREADS} cores, of which ${(await freeCores(THREADS)).toFixed(1)} free when the run began (${THREADS} spinning threads against 1)`,
  );
  for (const [name, rows] of [
    ['dev rows', dev],
    [`dev rows ×${REPEAT}`, repeated],
  ] as const) {
    const runs: Record<'baseline' | 'cached' | 'thread' | 'threads', Coded[]> = {
      baseline: [],
      cached: [],
      thread: [],
      threads: [],
    };
    for (let run = 0; run < RUNS; run++) {
      runs.baseline.push(await codeAll(await build(0), header, rows));
      runs.cached.push(await codeAll(await build(), header, rows));
      runs.thread.push(await inPool(1, rows));
      runs.threads.push(await inPool(THREADS, rows));
    }
    const baseline = median(runs.baseline.map((r) => r.ms));
    const digest = runs.baseline[0]?.digest ?? '';
    const same = Object.values(runs).every((list) => list.every((r) => r.digest === digest));
    console.log(
      `\n${name}: every mode's rows ${same ? 'identical' : 'DIFFER'} (sha256 ${digest.slice(0, 16)}…; ${runs.baseline[0]?.bad ?? 0} rows refused a code)`,
    );
    for (const [mode, label] of [
      ['baseline', 'this thread, nothing remembered (baseline)'],
      ['cached', 'this thread, answers remembered'],
      ['thread', 'a pool of 1 thread, answers remembered'],
      ['threads', `a pool of ${THREADS} threads, answers remembered`],
    ] as const) {
      const ms = median(runs[mode].map((r) => r.ms));
      const cpuMs = median(runs[mode].map((r) => r.cpuMs));
      console.log(
        `  ${label.padEnd(46)} ${fmt(perSecond(rows.length, ms)).padStart(8)} titles/s  (${(ms / 1000).toFixed(2)} s, ×${(baseline / ms).toFixed(2)} the baseline; runs ${runs[mode].map((r) => (r.ms / 1000).toFixed(2)).join(' ')} s; ${fmt(perSecond(rows.length, cpuMs))} titles per CPU-second, all threads)`,
      );
    }
    const one = median(runs.thread.map((r) => r.ms));
    const all = median(runs.threads.map((r) => r.ms));
    console.log(`  ${THREADS} threads against 1: ×${(one / all).toFixed(2)}`);
  }

  console.log(
    `\nCold start: a resolver built in this thread in a median ${Math.round(median(builds))} ms (the shipped occupation tables indexed, the learned model read and its labelled titles counted); a pool ready in ${[
      ...starts,
    ]
      .map(([size, ms]) => `${Math.round(median(ms))} ms with ${size} thread${size === 1 ? '' : 's'}`)
      .join(', ')} (each thread loads its modules and builds its own resolver, at once)`,
  );

  // One title at a time on a warm resolver: half the distinct pairs warm the code, the other half are timed,
  // each seen for the first time (its specialty may have been looked up for another title), then again.
  const resolver = await build();
  const pairs = [...new Map(dev.map((r) => [pairOf(r), r])).values()];
  const warm = pairs.filter((r) => fnv1a(pairOf(r)) % 2 === 0);
  const timed = pairs.filter((r) => fnv1a(pairOf(r)) % 2 === 1);
  const resolve = (r: readonly string[]) =>
    resolver.resolve({ title: r[titleAt] ?? '', employer: r[employerAt] }, 3);
  for (const r of warm) resolve(r);
  const latencies = (rows: readonly string[][]) =>
    rows
      .map((r) => {
        const started = performance.now();
        try {
          resolve(r);
        } catch {
          // A title refused (empty, too long) is timed like any other.
        }
        return performance.now() - started;
      })
      .sort((a, b) => a - b);
  const first = latencies(timed);
  const again = latencies(timed);
  const ms = (x: number) => `${x.toFixed(3)} ms`;
  console.log(
    `Single title (${fmt(timed.length)} pairs, warm resolver): first sight p50 ${ms(quantile(first, 0.5))}, p99 ${ms(quantile(first, 0.99))}, max ${ms(quantile(first, 1))}; remembered p50 ${ms(quantile(again, 0.5))}, p99 ${ms(quantile(again, 0.99))}`,
  );

  const gc = globalThis.gc;
  if (gc) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const held = await build();
    await codeAll(held, header, repeated);
    gc();
    console.log(
      `Memory: a resolver that coded the ×${REPEAT} rows holds ${((process.memoryUsage().heapUsed - before) / 2 ** 20).toFixed(0)} MB of heap (its index, model and remembered answers; after gc)`,
    );
  }
}

await main();
