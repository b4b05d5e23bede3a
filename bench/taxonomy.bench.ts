/**
 * npm run bench:taxonomy — the whole-world taxonomy (data/ with its generated release) against the
 * 13-profile taxonomy it grew from (a copy of data/ without release/), both measured in the same run.
 *
 * For each: `canon build` wall time (the full taxonomy only), cold start (empty data folder) and
 * warm start (data folder present) of `npm start` until `/` answers, the server's resident memory
 * (VmRSS, and the VmHWM peak) after start and after the load runs, req/s and p99 of the home page,
 * a function's page, the curated M3 profile page and a generated profile page under autocannon
 * on loopback; in-process, reading the taxonomy folder, building the catalog, rendering the home
 * page and every profile's adjacent roles; and how the H1B dev titles land on profiles with the
 * bundled resolver tables (no O*NET import). A bare node:http server answering a fixed body gives
 * the machine's ceiling in the same run.
 *
 * BENCH_SECONDS (default 20) sets each load run's length, BENCH_RUNS (default 3) how many runs make
 * each load median; BENCH_STARTS (default 3) how many starts, builds and in-process passes make theirs.
 * Runs the compiled dist/ (the npm script builds it first).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltinTaxonomy } from '../src/builtin/loadBuiltinTaxonomy.js';
import { PROJECT_ROOT } from '../src/config/readConfig.js';
import { Catalog } from '../src/core/catalog.js';
import { readBundledOccupations } from '../src/resolve/bundledOccupations.js';
import { OccupationIndex } from '../src/resolve/occupationIndex.js';
import { TitleResolver } from '../src/resolve/titleResolver.js';
import { adjacentDto } from '../src/server/api/toDto.js';
import { renderPage } from '../src/server/web/Layout.js';
import { TaxonomyPage } from '../src/server/web/pages/TaxonomyPage.js';
import { H1B_TITLES, type Row, readH1bRows, SHARED, score } from './h1bTitles.js';
import { type LoadFigures, loadRuns, median, startCanon, stop } from './loadTools.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const STARTS = Number(process.env.BENCH_STARTS ?? 3);
const CURATED_PAGE = '/profiles/TECHNO.TECHNOLO6B55.M3';
const DATA = join(PROJECT_ROOT, 'data');

interface Subject {
  name: string;
  taxonomyDir: string;
}

/** One line of the table: a figure per taxonomy, '—' where it does not apply. */
type Line = [label: string, baseline: string, full: string, ratio: string];

async function timeCommand(command: string, args: string[]): Promise<number> {
  const started = performance.now();
  await new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk;
    });
    child.once('exit', (c) =>
      c === 0 ? resolve(c) : reject(new Error(`${command} ${args.join(' ')}: ${c}\n${log}`)),
    );
  });
  return performance.now() - started;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

/** `npm start` runs the server under a shell; it is the node process of the child's process group running canon.js. */
async function serverPid(groupLeader: number): Promise<number> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      const [program = '', ...args] = (await readFile(`/proc/${entry}/cmdline`, 'utf8')).split('\0');
      if (group === groupLeader && program.endsWith('node') && args.some((a) => a.endsWith('canon.js')))
        return Number(entry);
    } catch {
      // The process ended while the table was read.
    }
  }
  throw new Error(`no canon.js process in group ${groupLeader}`);
}

/** Resident memory now and its peak so far, in MB. */
async function memory(pid: number): Promise<{ rss: number; hwm: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

interface Starts {
  cold: number[];
  warm: number[];
}

async function starts(subject: Subject, dataDir: string): Promise<Starts> {
  const env = { CANON_TAXONOMY_DIR: subject.taxonomyDir };
  const cold: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const empty = await mkdtemp(join(tmpdir(), 'canon-bench-cold-'));
    try {
      const run = startCanon(empty, await freePort(), '/', env);
      cold.push(await run.ready);
      await stop(run.child);
    } finally {
      // The server may still be closing its files after npm exits; rm retries while they go.
      await rm(empty, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
    }
  }
  // The warm starts' folder is made by a first start that is not timed.
  const first = startCanon(dataDir, await freePort(), '/', env);
  await first.ready;
  await stop(first.child);
  const warm: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const run = startCanon(dataDir, await freePort(), '/', env);
    warm.push(await run.ready);
    await stop(run.child);
  }
  return { cold, warm };
}

interface Pages {
  fn: { path: string; note: string };
  generated: string | null;
}

/** The Nursing focus's function and first profile when the taxonomy has it; else the first function. */
function pagesOf(catalog: Catalog, home: string): Pages {
  const nursing = catalog.taxonomy.focuses.find((f) => f.name.toLowerCase() === 'nursing');
  const fnCode = nursing?.functionCode ?? catalog.functions[0]?.code ?? '';
  const linked = [...home.matchAll(/href="(\/functions\/[^"?#]+)"/g)].map((m) => m[1] ?? '');
  const fn = linked.includes(`/functions/${fnCode}`)
    ? { path: `/functions/${fnCode}`, note: '' }
    : linked[0]
      ? { path: linked[0], note: '' }
      : { path: `/api/functions/${fnCode}`, note: ' (no /functions/ page: its JSON)' };
  const generated = nursing
    ? (catalog.listProfiles({ focus: nursing.code }, { limit: 1, offset: 0 }).items[0]?.code ?? null)
    : null;
  return { fn, generated: generated && `/profiles/${generated}` };
}

/** A page's figures under load, and the size of its body. */
interface Loaded extends LoadFigures {
  kb: number;
}

interface Served {
  afterStart: { rss: number; hwm: number };
  afterLoad: { rss: number; hwm: number };
  pages: Pages;
  home: Loaded;
  fn: Loaded;
  curated: Loaded;
  generated: Loaded | null;
}

async function serve(subject: Subject, dataDir: string, catalog: Catalog): Promise<Served> {
  const port = await freePort();
  const run = startCanon(dataDir, port, '/', { CANON_TAXONOMY_DIR: subject.taxonomyDir });
  try {
    await run.ready;
    const pid = await serverPid(run.child.pid as number);
    const afterStart = await memory(pid);
    const base = `http://127.0.0.1:${port}`;
    const pages = pagesOf(catalog, await (await fetch(`${base}/`)).text());
    const measure = async (path: string): Promise<Loaded> => {
      const res = await fetch(`${base}${path}`);
      if (!res.ok) throw new Error(`${path} answered ${res.status}`);
      const kb = (await res.arrayBuffer()).byteLength / 1024;
      return { ...(await loadRuns(`${base}${path}`, { seconds: SECONDS, runs: RUNS })), kb };
    };
    const home = await measure('/');
    const fn = await measure(pages.fn.path);
    const curated = await measure(CURATED_PAGE);
    const generated = pages.generated ? await measure(pages.generated) : null;
    return { afterStart, afterLoad: await memory(pid), pages, home, fn, curated, generated };
  } finally {
    await stop(run.child);
  }
}

interface InProcess {
  profiles: number;
  /** Reading the taxonomy folder (curated YAML and the release), as a start does. */
  readMs: number;
  catalogMs: number;
  /** Every profile's adjacent roles as the profile page asks for them, the first call building them all. */
  adjacentMs: number;
  firstAdjacentMs: number;
  /** The home page rendered from a fresh catalog, as on a cache miss. */
  homeMs: number;
  homeBytes: number;
}

/** Medians of `STARTS` passes, each from the files on disk. */
async function inProcess(taxonomyDir: string): Promise<InProcess> {
  const runs: InProcess[] = [];
  for (let i = 0; i < STARTS; i++) {
    const t0 = performance.now();
    const { taxonomy } = await loadBuiltinTaxonomy(taxonomyDir);
    const t1 = performance.now();
    const catalog = new Catalog(taxonomy);
    const t2 = performance.now();
    let firstAdjacentMs = 0;
    for (const profile of taxonomy.profiles) {
      adjacentDto(profile.code, catalog);
      firstAdjacentMs ||= performance.now() - t2;
    }
    const t3 = performance.now();
    const home = renderPage(TaxonomyPage({ catalog, q: '' }));
    runs.push({
      profiles: taxonomy.profiles.length,
      readMs: t1 - t0,
      catalogMs: t2 - t1,
      adjacentMs: t3 - t2,
      firstAdjacentMs,
      homeMs: performance.now() - t3,
      homeBytes: Buffer.byteLength(home),
    });
  }
  const mid = (f: (r: InProcess) => number) => median(runs.map(f));
  return {
    profiles: runs[0]?.profiles ?? 0,
    readMs: mid((r) => r.readMs),
    catalogMs: mid((r) => r.catalogMs),
    adjacentMs: mid((r) => r.adjacentMs),
    firstAdjacentMs: mid((r) => r.firstAdjacentMs),
    homeMs: mid((r) => r.homeMs),
    homeBytes: runs[0]?.homeBytes ?? 0,
  };
}

interface Result {
  start: Starts;
  served: Served;
  inProcess: InProcess;
  titles: Titles | null;
}

interface Titles {
  rows: number;
  landed: number;
  exact: number;
  /** Titles whose first candidate occupation has a profile, resolved or not. */
  topHasProfile: number;
  top1: number;
  line: string;
  rate: number;
}

function codeRows(rows: Row[], resolver: TitleResolver): Titles {
  let landed = 0;
  let exact = 0;
  let topHasProfile = 0;
  const started = performance.now();
  const scored = score(rows, (row) => {
    const r = resolver.resolve({ title: row.title, employer: row.employer });
    const top = r.candidates[0];
    // A resolved title's landing; an unresolved one (below the confidence threshold) has none.
    if (r.landing) landed++;
    if (r.landing?.profile.fit === 'exact') exact++;
    if (top?.profile) topHasProfile++;
    return { codes: r.candidates.map((c) => c.soc?.code ?? ''), confidence: top?.confidence ?? 0 };
  });
  const rate = rows.length / ((performance.now() - started) / 1000);
  return { rows: rows.length, landed, exact, topHasProfile, top1: scored.top1, line: scored.line, rate };
}

async function titles(catalogs: Catalog[]): Promise<Titles[] | string> {
  if (!existsSync(H1B_TITLES)) return `skipped: ${H1B_TITLES} is absent`;
  const rows = await readH1bRows();
  // A fresh install has imported no O*NET release, so the resolver indexes the tables shipped in data/resolver.
  const bundled = await readBundledOccupations();
  const fresh = (catalog: Catalog) => new TitleResolver(new OccupationIndex(bundled), catalog);
  return catalogs.map((catalog) => {
    // The first pass warms the JIT; the figures are a second pass on a fresh index and resolver, so nothing is remembered across taxonomies.
    codeRows(rows, fresh(catalog));
    return codeRows(rows, fresh(catalog));
  });
}

async function builds(): Promise<number[] | string> {
  if (!existsSync(join(SHARED, 'onet_29_3'))) return `skipped: ${SHARED} is absent`;
  const out = await mkdtemp(join(tmpdir(), 'canon-bench-build-'));
  try {
    const times: number[] = [];
    // Written aside, so the committed release stays as it is and every build starts with no previous release.
    for (let i = 0; i < STARTS; i++)
      times.push(
        await timeCommand(process.execPath, [
          'bin/canon.js',
          'build',
          '--out',
          join(out, `release-${i}.json.gz`),
        ]),
      );
    return times;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;
const mb = (n: number) => `${Math.round(n)} MB`;
const ratio = (a: number, b: number) => (a > 0 && Number.isFinite(b / a) ? `${(b / a).toFixed(2)}×` : '—');
const pct = (n: number) => `${(100 * n).toFixed(1)}%`;
const load = (f: LoadFigures) =>
  `${Math.round(f.rps).toLocaleString('en-US')} req/s, p99 ${f.p99} ms${f.errors ? `, ${f.errors} errors` : ''}`;
const loaded = (f: Loaded) => `${load(f)} (${f.kb < 10 ? f.kb.toFixed(1) : Math.round(f.kb)} KB)`;
const goal = (f: LoadFigures) => f.rps >= 2000 && f.p99 < 20;

function printTable(lines: Line[]): void {
  const widths = [0, 1, 2, 3].map((i) => Math.max(...lines.map((l) => (l[i] ?? '').length)));
  const row = (l: Line) => `| ${l.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(row(lines[0] as Line));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines.slice(1)) console.log(row(l));
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'canon-bench-taxonomy-'));
  try {
    const baselineDir = join(work, 'taxonomy-13');
    await cp(DATA, baselineDir, { recursive: true, filter: (src) => src !== join(DATA, 'release') });
    const subjects: Subject[] = [
      { name: '13-profile', taxonomyDir: baselineDir },
      { name: 'full', taxonomyDir: DATA },
    ];
    const taxonomies = await Promise.all(subjects.map((s) => loadBuiltinTaxonomy(s.taxonomyDir)));
    const catalogs = taxonomies.map((t) => new Catalog(t.taxonomy));
    const [base, full] = catalogs as [Catalog, Catalog];

    console.log(
      `\nCanon taxonomy benchmark: 13-profile taxonomy vs full (release ${taxonomies[1]?.release ?? 'none'})`,
    );
    console.log('building the release …');
    const built = await builds();

    const startTimes: Starts[] = [];
    const served: Served[] = [];
    for (const [i, subject] of subjects.entries()) {
      const dataDir = join(work, `data-${subject.name}`);
      console.log(`${subject.name}: starts …`);
      startTimes.push(await starts(subject, dataDir));
      console.log(`${subject.name}: load …`);
      served.push(await serve(subject, dataDir, catalogs[i] as Catalog));
    }
    const ceilingServer = createServer((_req, res) => res.end('<!doctype html><p>baseline</p>'));
    await new Promise<void>((r) => ceilingServer.listen(0, '127.0.0.1', r));
    const ceiling = await loadRuns(`http://127.0.0.1:${(ceilingServer.address() as AddressInfo).port}/`, {
      seconds: SECONDS,
      runs: RUNS,
    });
    ceilingServer.close();

    console.log('in-process: reading, catalog, adjacency, home page …');
    const measured: InProcess[] = [];
    for (const subject of subjects) measured.push(await inProcess(subject.taxonomyDir));
    console.log('titles …');
    const coded = await titles(catalogs);

    const coding = typeof coded === 'string' ? null : coded;
    const results: Result[] = subjects.map((_, i) => ({
      start: startTimes[i] as Starts,
      served: served[i] as Served,
      inProcess: measured[i] as InProcess,
      titles: coding?.[i] ?? null,
    }));
    const [r0, r1] = results as [Result, Result];
    const both = (label: string, f: (r: Result) => number, show: (n: number) => string): Line => [
      label,
      show(f(r0)),
      show(f(r1)),
      ratio(f(r0), f(r1)),
    ];
    const loadLine = (label: string, f: (s: Served) => Loaded | null): Line => {
      const [a, b] = [f(r0.served), f(r1.served)];
      return [label, a ? loaded(a) : '—', b ? loaded(b) : '—', a && b ? ratio(a.rps, b.rps) : '—'];
    };
    const notes = new Set(results.map((r) => r.served.pages.fn.note));
    const lines: Line[] = [
      ['what', '13-profile', 'full', 'full / 13-profile'],
      [
        'taxonomy',
        `${base.functions.length} functions, ${base.taxonomy.focuses.length} focuses, ${base.taxonomy.profiles.length} profiles`,
        `${full.functions.length} functions, ${full.taxonomy.focuses.length} focuses, ${full.taxonomy.profiles.length} profiles`,
        '',
      ],
      [
        `canon build, median of ${STARTS}`,
        '— (nothing to build)',
        typeof built === 'string' ? built : `${ms(median(built))} (${built.map(ms).join(', ')})`,
        '',
      ],
      both(
        `cold start (empty data folder → / answers), median of ${STARTS}`,
        (r) => median(r.start.cold),
        ms,
      ),
      both(`warm start (data folder present), median of ${STARTS}`, (r) => median(r.start.warm), ms),
      both('server RSS after start', (r) => r.served.afterStart.rss, mb),
      both('server peak RSS (VmHWM) after start', (r) => r.served.afterStart.hwm, mb),
      both('server RSS after the load runs', (r) => r.served.afterLoad.rss, mb),
      both('server peak RSS (VmHWM) after the load runs', (r) => r.served.afterLoad.hwm, mb),
      loadLine('home /', (s) => s.home),
      loadLine(
        `function ${r0.served.pages.fn.path} vs ${r1.served.pages.fn.path}${[...notes].join('')}`,
        (s) => s.fn,
      ),
      loadLine(`curated profile ${CURATED_PAGE}`, (s) => s.curated),
      loadLine(`generated profile ${r1.served.pages.generated ?? '(none)'}`, (s) => s.generated),
      ['bare node:http, fixed body (machine ceiling)', load(ceiling), '', ''],
      both('taxonomy folder read in-process (YAML + release)', (r) => r.inProcess.readMs, ms),
      both('catalog built in-process', (r) => r.inProcess.catalogMs, ms),
      both('home page rendered in-process (a cache miss)', (r) => r.inProcess.homeMs, ms),
      both(
        '  its size',
        (r) => r.inProcess.homeBytes / 1024,
        (n) => `${Math.round(n).toLocaleString('en-US')} KB`,
      ),
      both('adjacent roles of every profile, total', (r) => r.inProcess.adjacentMs, ms),
      both('  of which the first call (builds all)', (r) => r.inProcess.firstAdjacentMs, ms),
      both(
        '  per profile',
        (r) => r.inProcess.adjacentMs / r.inProcess.profiles,
        (n) => `${(n * 1000).toFixed(1)} µs`,
      ),
    ];
    if (typeof coded === 'string') lines.push(['H1B dev titles', coded, coded, '']);
    else {
      const share = (f: (t: Titles) => number) => (r: Result) => (r.titles ? f(r.titles) : Number.NaN);
      lines.push(
        both(
          `H1B dev titles landing on a profile (of ${r0.titles?.rows})`,
          share((t) => t.landed / t.rows),
          pct,
        ),
        both(
          '  of which on an exact-fit profile',
          share((t) => t.exact / t.rows),
          pct,
        ),
        both(
          'H1B dev titles whose first candidate has a profile (resolved or not)',
          share((t) => t.topHasProfile / t.rows),
          pct,
        ),
        both(
          'SOC top-1 accuracy (6-digit)',
          share((t) => t.top1),
          pct,
        ),
        both(
          'titles/s (one process, repeats remembered)',
          share((t) => t.rate),
          (n) => Math.round(n).toLocaleString('en-US'),
        ),
      );
      console.log(`\n13-profile: ${r0.titles?.line}\nfull:       ${r1.titles?.line}`);
    }

    console.log(
      `\nLoad: medians of ${RUNS} run(s) × ${SECONDS} s, 32 connections, loopback; starts, builds and in-process figures: medians of ${STARTS}.\n`,
    );
    printTable(lines);
    const pages = [
      ['home', r1.served.home],
      ['function', r1.served.fn],
      ['generated profile', r1.served.generated],
    ] as const;
    console.log(
      `\nGoals on the full taxonomy (≥ 2,000 req/s and p99 < 20 ms): ${pages
        .map(([name, f]) => `${name} ${f && goal(f) ? 'met' : 'NOT met'}`)
        .join('; ')}${
        r1.titles
          ? `; titles landing ≥ 95% ${r1.titles.landed / r1.titles.rows >= 0.95 ? 'met' : 'NOT met'}`
          : ''
      }.`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
