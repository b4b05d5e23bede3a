/**
 * npm run bench:coordinates — structural adjacency at scale, and the compare page under load.
 *
 * Adjacency: a generated taxonomy of 10,000 profiles (80 functions × 25 focuses × 5 levels);
 * time to build the catalog and the six nearest neighbours of every profile, median of
 * BENCH_RUNS. Baseline in the same run: comparing every pair, on a 2,000-profile slice (all
 * pairs on 10,000 would take minutes), against the pruned search on the same slice.
 * Compare page: autocannon on loopback against /compare with four profiles, and a bare
 * node:http server as the machine's ceiling.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../src/config/readConfig.js';
import { buildAdjacency, buildAdjacencyByAllPairs } from '../src/core/adjacency.js';
import { Catalog } from '../src/core/catalog.js';
import { coordinatesOf, normaliseSkill } from '../src/core/coordinates.js';
import type { Taxonomy } from '../src/core/taxonomy.js';
import { generateTaxonomy } from './generateTaxonomy.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

function points(t: Taxonomy) {
  const skills = new Map(
    t.focuses.map((f) => [f.code, new Set(f.skills.map((s) => normaliseSkill(s.name)))]),
  );
  return t.profiles.map((p) => ({
    code: p.code,
    coords: coordinatesOf(p.functionCode, p.focusCode, p.levelCode, skills.get(p.focusCode) ?? new Set()),
  }));
}

async function adjacencyFigures(): Promise<void> {
  const big = generateTaxonomy(80, 25, 5);
  const full: number[] = [];
  for (let i = 0; i < Math.max(RUNS, 3); i++) {
    full.push(
      time(() => {
        const catalog = new Catalog(big);
        for (const p of big.profiles) catalog.adjacent(p.code);
      }),
    );
  }
  const slice = generateTaxonomy(16, 25, 5);
  const slicePoints = points(slice);
  const pruned = median(Array.from({ length: 3 }, () => time(() => buildAdjacency(slicePoints, 6))));
  const allPairs = time(() => buildAdjacencyByAllPairs(slicePoints, 6));
  console.log(`\nAdjacency — ${big.profiles.length} generated profiles, 6 neighbours each`);
  console.log(
    `  catalog build + every profile's neighbours, median of ${full.length}: ${Math.round(median(full))} ms (target < 2000 ms: ${median(full) < 2000 ? 'met' : 'NOT met'})`,
  );
  console.log(
    `  baseline on a ${slice.profiles.length}-profile slice: all pairs ${Math.round(allPairs)} ms, pruned search ${Math.round(pruned)} ms → ${(allPairs / pruned).toFixed(1)}× faster`,
  );
}

function startCanon(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['bin/canon.js', 'serve', '--port', String(port), '--data-dir', dataDir],
    {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk;
      if (log.includes('Canon is serving')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`canon exited with ${code}: ${log}`)));
  });
}

async function load(url: string) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await autocannon({ url, connections: 32, duration: SECONDS });
    runs.push({
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.timeouts + r.non2xx,
    });
  }
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  };
}

async function compareFigures(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'canon-bench-'));
  const child = await startCanon(dataDir, 3919);
  const baseline = createServer((_q, s) => s.end('<!doctype html><p>baseline</p>'));
  await new Promise<void>((r) => baseline.listen(0, '127.0.0.1', r));
  try {
    const codes = [
      'TECHNO.TECHNOLO6B55.M3',
      'TECHNO.ENGINEER9222.M3',
      'TECHNO.ARCHITEC4B2E.P5',
      'TECHNO.TECHNOLO5AB0.P5',
    ];
    const base = await load(`http://127.0.0.1:${(baseline.address() as AddressInfo).port}/`);
    const page = await load(`http://127.0.0.1:3919/compare?codes=${codes.join(',')}`);
    const fmt = (f: typeof page) =>
      `${Math.round(f.rps)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, ${f.errors} errors`;
    console.log(
      `\nCompare page (4 profiles) — medians of ${RUNS} runs × ${SECONDS} s, 32 connections, loopback`,
    );
    console.log(`  baseline (bare node:http): ${fmt(base)}`);
    console.log(`  /compare: ${fmt(page)} → ${(page.rps / base.rps).toFixed(2)}× the baseline's requests/s`);
    console.log(`  target p99 < 30 ms: ${page.p99 < 30 ? 'met' : 'NOT met'}`);
  } finally {
    baseline.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await rm(dataDir, { recursive: true, force: true });
    await rm(`${dataDir}.lock`, { force: true });
  }
}

await adjacencyFigures();
await compareFigures();
