/**
 * How long a CLI command takes from start to exit (`npm run bench:cli`): `canon show` and
 * `canon resolve "x"` answered from the catalog the store's holder published, against the same
 * commands made to open the store (the publication withdrawn before each run: what every command
 * did before); a command on the store alone with PGlite's 128 MB buffer pool against Canon's 32 MB, and
 * in a new data folder created by initdb against one copied from the kept empty store; and, while
 * `canon serve` holds the folder, a read and a store read through its API.
 * Runs the built program (`bin/canon.js`, so `npm run build` first); medians of RUNS runs each,
 * the two ways interleaved so that load on the machine falls on both.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/config/readConfig.js';
import { withdrawCatalog } from '../src/runtime/publishedCatalog.js';
import { median, startCanon, stop } from './loadTools.js';

const RUNS = Number(process.env.RUNS ?? 5);
const M3 = 'TECHNO.TECHNOLO6B55.M3';
const dir = await mkdtemp(join(tmpdir(), 'canon-cli-bench-'));
const dataDir = join(dir, 'data');

function canon(...args: string[]): number {
  return canonIn({ dataDir }, ...args);
}

/** The command on another data folder or with other settings: the store's own start, compared below. */
function canonIn(on: { dataDir: string; env?: NodeJS.ProcessEnv }, ...args: string[]): number {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [join(PROJECT_ROOT, 'bin', 'canon.js'), ...args, '--data-dir', on.dataDir],
    {
      encoding: 'utf8',
      env: { ...process.env, ...on.env },
    },
  );
  if (run.status !== 0) throw new Error(`canon ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return performance.now() - started;
}

try {
  canon('show', M3); // creates the store and publishes its catalog
  const commands: [string, string[]][] = [
    ['show', ['show', M3]],
    ['resolve "x"', ['resolve', 'Senior Data Engineer']],
  ];
  console.log(`CLI start to exit, median of ${RUNS} runs (ms)\n`);
  console.log('command          opening the store   from the publication   ratio');
  for (const [name, args] of commands) {
    const opened: number[] = [];
    const published: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await withdrawCatalog(dataDir);
      opened.push(canon(...args));
      published.push(canon(...args));
    }
    const [a, b] = [median(opened), median(published)];
    console.log(
      `${name.padEnd(16)} ${a.toFixed(0).padStart(17)} ${b.toFixed(0).padStart(22)}   ×${(a / b).toFixed(1)} faster`,
    );
  }

  console.log('\nopening the store: `workspace list` (the store alone, no catalog)');
  const pool = { 128: [] as number[], 32: [] as number[] };
  for (let i = 0; i < RUNS; i++)
    for (const mb of [128, 32] as const)
      pool[mb].push(canonIn({ dataDir, env: { CANON_STORE_BUFFERS_MB: String(mb) } }, 'workspace', 'list'));
  console.log(
    `buffer pool 128 MB (PGlite's) ${median(pool[128]).toFixed(0).padStart(6)}   32 MB (Canon's) ${median(pool[32]).toFixed(0).padStart(6)}   ×${(median(pool[128]) / median(pool[32])).toFixed(2)} faster`,
  );
  // A new folder each run: created afresh (initdb), or copied from the empty store kept in the cache.
  const cache = join(dir, 'cache');
  canonIn({ dataDir: join(dir, 'keeps'), env: { CANON_CACHE_DIR: cache } }, 'workspace', 'list');
  const fresh: number[] = [];
  const copied: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    fresh.push(
      canonIn({ dataDir: join(dir, `fresh-${i}`), env: { CANON_CACHE_DIR: 'off' } }, 'workspace', 'list'),
    );
    copied.push(
      canonIn({ dataDir: join(dir, `copied-${i}`), env: { CANON_CACHE_DIR: cache } }, 'workspace', 'list'),
    );
  }
  console.log(
    `a new data folder: initdb ${median(fresh).toFixed(0).padStart(6)}   copied ${median(copied).toFixed(0).padStart(6)}   ×${(median(fresh) / median(copied)).toFixed(1)} faster`,
  );

  const { child, ready } = startCanon(dataDir, 3991, '/healthz');
  await ready;
  try {
    console.log('\nwhile `canon serve` holds the folder (before: every command exited 5)');
    for (const [name, args] of [
      ['show', ['show', M3]],
      ['history (its API)', ['history', M3]],
    ] as [string, string[]][]) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(canon(...args));
      console.log(`${name.padEnd(18)} ${median(times).toFixed(0).padStart(6)} ms`);
    }
  } finally {
    await stop(child);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
  await rm(`${dataDir}.catalog.json`, { force: true });
}
