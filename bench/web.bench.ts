/**
 * npm run bench:web — the profile page under load and the cold start of `npm start`.
 *
 * Load: autocannon on loopback against a `canon serve` child process, and against a
 * bare node:http server answering a fixed body (the machine's ceiling, measured in
 * the same run). Cold start: `npm start` with the data folder already present, until
 * the first page answers, against a bare `node -e ''` start.
 *
 * BENCH_SECONDS (default 20) sets each load run's length, BENCH_RUNS (default 3) how
 * many runs make each median.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadFigures, loadRuns, median, startCanon, stop } from './loadTools.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PAGE = '/profiles/TECHNO.TECHNOLO6B55.M3';

async function timeCommand(command: string, args: string[]): Promise<number> {
  const started = performance.now();
  await new Promise((resolve, reject) =>
    spawn(command, args, { stdio: 'ignore' }).once('exit', (c) =>
      c === 0 ? resolve(c) : reject(new Error(`${command} ${c}`)),
    ),
  );
  return performance.now() - started;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'canon-bench-'));
  try {
    // First start creates the data folder (initdb + built-in taxonomy); it is not what we time.
    const first = startCanon(dataDir, 3917, PAGE);
    const firstStart = await first.ready;
    await stop(first.child);

    const cold: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < 5; i++) {
      const run = startCanon(dataDir, 3917, PAGE);
      cold.push(await run.ready);
      await stop(run.child);
      bare.push(await timeCommand(process.execPath, ['-e', '']));
    }

    const baseline = createServer((_req, res) => res.end('<!doctype html><p>baseline</p>'));
    await new Promise<void>((r) => baseline.listen(0, '127.0.0.1', r));
    const baselineUrl = `http://127.0.0.1:${(baseline.address() as AddressInfo).port}/`;
    const canon = startCanon(dataDir, 3918, PAGE);
    await canon.ready;
    const baselineFigures = await loadRuns(baselineUrl, { seconds: SECONDS, runs: RUNS });
    const page = await loadRuns(`http://127.0.0.1:3918${PAGE}`, { seconds: SECONDS, runs: RUNS });
    await stop(canon.child);
    baseline.close();

    const fmt = (f: LoadFigures) =>
      `${Math.round(f.rps)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, ${f.errors} errors`;
    console.log(`\nCanon web benchmark — medians of ${RUNS} runs × ${SECONDS} s, 32 connections, loopback`);
    console.log(`  baseline (bare node:http, fixed body): ${fmt(baselineFigures)}`);
    console.log(`  profile page ${PAGE}: ${fmt(page)}`);
    console.log(`  profile page / baseline: ${(page.rps / baselineFigures.rps).toFixed(2)}× the requests/s`);
    console.log(
      `  targets: ≥ 2000 req/s ${page.rps >= 2000 ? 'met' : 'NOT met'}; p99 < 20 ms ${page.p99 < 20 ? 'met' : 'NOT met'}`,
    );
    console.log(
      `\nCold start of npm start (data folder present), median of ${cold.length}: ${Math.round(median(cold))} ms`,
    );
    console.log(
      `  baseline bare node start: ${Math.round(median(bare))} ms; ratio ${(median(cold) / median(bare)).toFixed(1)}×`,
    );
    console.log(`  first start (creating the data folder): ${Math.round(firstStart)} ms`);
    console.log(`  target < 3000 ms ${median(cold) < 3000 ? 'met' : 'NOT met'}`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
