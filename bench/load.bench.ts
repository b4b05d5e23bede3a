/**
 * npm run bench:load — autocannon on loopback (32 connections) against a `canon serve`
 * child process with the O*NET release imported (when ../shared/data has it): a profile
 * page, the profile list API, and GET /api/resolve cycling through the distinct job titles
 * of the H1B dev set (at most 2,000; the set has 1,969); a bare node:http server is the
 * machine's ceiling in the same run.
 * BENCH_SECONDS (default 60) per load, BENCH_RUNS (default 1) runs per median. The resolve rate
 * limit is off for the run (CANON_RATE_RESOLVE=0): every request comes from one address.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { PROJECT_ROOT } from '../src/config/readConfig.js';
import { type LoadFigures, loadRuns, startCanon, stop } from './loadTools.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const SHARED = join(PROJECT_ROOT, '..', 'shared', 'data');
const PORT = 3931;

async function canonCli(args: string[], dataDir: string): Promise<void> {
  await new Promise((resolve, reject) =>
    spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'canon.js'), ...args, '--data-dir', dataDir], {
      stdio: 'ignore',
    }).once('exit', (c) => (c === 0 ? resolve(c) : reject(new Error(`canon ${args[0]} exited with ${c}`)))),
  );
}

async function titles(): Promise<string[]> {
  const file = join(SHARED, 'h1b_titles_dev', 'h1b_titles_dev.csv');
  if (!existsSync(file))
    return ['Senior Software Engineer', 'VP of Engineering', 'Data Analyst', 'Chief Technology Officer'];
  const rows = parse(await readFile(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  return [...new Set(rows.map((r) => r.JOB_TITLE ?? '').filter(Boolean))].slice(0, 2000);
}

const dataDir = await mkdtemp(join(tmpdir(), 'canon-bench-load-'));
try {
  const onet = join(SHARED, 'onet_29_3');
  if (existsSync(onet)) {
    await canonCli(
      ['import', 'onet', onet, '--soc', join(SHARED, 'soc_2018', 'soc_2018_definitions.tsv')],
      dataDir,
    );
  } else console.log(`(no O*NET release at ${onet}: resolve runs on the built-in taxonomy alone)`);

  const baseline = createServer((_req, res) => res.end('<!doctype html><p>baseline</p>'));
  await new Promise<void>((r) => baseline.listen(0, '127.0.0.1', r));
  // One address sends everything here; the per-address resolve limit (1,000/s by default) would measure itself.
  const canon = startCanon(dataDir, PORT, '/api/resolve?title=CTO', { CANON_RATE_RESOLVE: '0' });
  await canon.ready;
  const base = `http://127.0.0.1:${PORT}`;
  const opts = { seconds: SECONDS, runs: RUNS };
  const figures: [string, LoadFigures, number | null][] = [];
  const ceiling = await loadRuns(`http://127.0.0.1:${(baseline.address() as AddressInfo).port}/`, opts);
  figures.push(['baseline: bare node:http, fixed body', ceiling, null]);
  figures.push([
    'profile page /profiles/TECHNO.TECHNOLO6B55.M3',
    await loadRuns(`${base}/profiles/TECHNO.TECHNOLO6B55.M3`, opts),
    2000,
  ]);
  figures.push([
    'profile list /api/profiles?limit=50',
    await loadRuns(`${base}/api/profiles?limit=50`, opts),
    5000,
  ]);
  const requests = (await titles()).map((t) => ({ path: `/api/resolve?title=${encodeURIComponent(t)}` }));
  figures.push([
    `resolve, ${requests.length} distinct titles in turn`,
    await loadRuns(base, { ...opts, requests }),
    3000,
  ]);
  await stop(canon.child);
  baseline.close();

  console.log(`\nCanon load benchmark — ${RUNS} run(s) × ${SECONDS} s each, 32 connections, loopback`);
  for (const [name, f, target] of figures)
    console.log(
      `  ${name}: ${Math.round(f.rps).toLocaleString('en-US')} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, ${f.errors} errors` +
        (target === null
          ? ''
          : ` — ${(f.rps / ceiling.rps).toFixed(2)}× the baseline; target ≥ ${target.toLocaleString('en-US')} req/s ${f.rps >= target && f.errors === 0 ? 'met' : 'NOT met'}`),
    );
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
