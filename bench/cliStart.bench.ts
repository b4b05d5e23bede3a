/**
 * How long a CLI command takes from start to exit (`npm run bench:cli`): `canon show` and
 * `canon resolve "x"` answered from the catalog the store's holder published, against the same
 * commands made to open the store (the publication withdrawn before each run: what every command
 * did before), and, while `canon serve` holds the folder, a read and a store read through its API.
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
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [join(PROJECT_ROOT, 'bin', 'canon.js'), ...args, '--data-dir', dataDir],
    {
      encoding: 'utf8',
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
