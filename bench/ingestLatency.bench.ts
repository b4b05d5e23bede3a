/**
 * npm run bench:ingest-latency — how long /healthz and a cached profile page take to answer while documents are read.
 * A `canon serve` child process (dist/, as `npm start` runs it) on a fresh data folder;
 * LOOPS loops ask one request after another, half of them /healthz and half the page. Per run:
 * first for BENCH_SECONDS (default 10) with nothing else going on (the baseline), then while four
 * different 2 MB Markdown ladders are POSTed at once to /api/sources with an editor key,
 * until all four are answered. Prints p50, p99 and the longest wait of each (medians of
 * BENCH_RUNS runs, default 3) and the ratio of the p99s. Target: /healthz p99 < 50 ms while
 * documents are read.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../src/config/readConfig.js';
import { OBJECTS, TRACK_TITLES, VERBS } from './ladderWords.js';
import { median, startCanon, stop } from './loadTools.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Loops asking one request after another, half of them /healthz and half the page: as many clients as before the page was timed too. */
const LOOPS = 4;
const DOCUMENTS = 4;
const DOCUMENT_BYTES = 2 * 1024 * 1024 - 1024;
const PORT = 3932;
const base = `http://127.0.0.1:${PORT}`;

/** A ladder of level sections, each a paragraph of prose, to 2 MB: read whole (about 1,200 claims). */
function ladder(tag: string): string {
  const titles = TRACK_TITLES[0] ?? [];
  let text = `# Ladder ${tag}\n\n`;
  for (let l = 0; text.length < DOCUMENT_BYTES; l++) {
    const sentences = Array.from(
      { length: 40 },
      (_, s) =>
        `${VERBS[(l + s) % VERBS.length]} ${OBJECTS[(l * 3 + s) % OBJECTS.length]} for ${(s % 9) + 2} teams (${tag}-${l}-${s}).`,
    );
    text += `## L${(l % 5) + 1} - ${titles[l % 5]}\n\n${sentences.join(' ')}\n\n`;
  }
  return text.slice(0, DOCUMENT_BYTES);
}

interface Figures {
  p50: number;
  p99: number;
  max: number;
  requests: number;
}

/** A page served from the response cache: what a reader of the site waits for. */
const PAGE = '/profiles/TECHNO.TECHNOLO6B55.M3';

/** Asks `path` from half the LOOPS until `until` settles; latencies in ms. */
async function hammer(path: string, until: Promise<unknown>): Promise<Figures> {
  let done = false;
  until.finally(() => {
    done = true;
  });
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: LOOPS / 2 }, async () => {
      while (!done) {
        const t = performance.now();
        const res = await fetch(`${base}${path}`);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${path} answered ${res.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: at(1), requests: latencies.length };
}

async function ingest(key: string, run: number): Promise<{ seconds: number; statuses: number[] }> {
  const t = performance.now();
  const statuses = await Promise.all(
    Array.from({ length: DOCUMENTS }, async (_, i) => {
      const form = new FormData();
      form.append('file', new File([ladder(`${run}-${i}`)], `ladder-${run}-${i}.md`));
      const res = await fetch(`${base}/api/sources`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}` },
        body: form,
      });
      await res.arrayBuffer();
      return res.status;
    }),
  );
  return { seconds: (performance.now() - t) / 1000, statuses };
}

const dataDir = await mkdtemp(join(tmpdir(), 'canon-bench-latency-'));
try {
  const { stdout } = await promisify(execFile)(process.execPath, [
    join(PROJECT_ROOT, 'bin', 'canon.js'),
    'keys',
    'create',
    '--role',
    'editor',
    '--name',
    'bench',
    '--data-dir',
    dataDir,
  ]);
  const key = stdout.trim();
  const canon = startCanon(dataDir, PORT, '/healthz');
  await canon.ready;
  const idle: Figures[] = [];
  const busy: Figures[] = [];
  const idlePage: Figures[] = [];
  const busyPage: Figures[] = [];
  const ingests: { seconds: number; statuses: number[] }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const resting = new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    const [health, page] = await Promise.all([hammer('/healthz', resting), hammer(PAGE, resting)]);
    idle.push(health);
    idlePage.push(page);
    const reading = ingest(key, run);
    const [healthBusy, pageBusy] = await Promise.all([hammer('/healthz', reading), hammer(PAGE, reading)]);
    busy.push(healthBusy);
    busyPage.push(pageBusy);
    ingests.push(await reading);
  }
  await stop(canon.child);

  const show = (f: Figures[]) =>
    `p50 ${median(f.map((x) => x.p50)).toFixed(1)} ms, p99 ${median(f.map((x) => x.p99)).toFixed(1)} ms, max ${median(f.map((x) => x.max)).toFixed(0)} ms (${median(f.map((x) => x.requests)).toLocaleString('en-US')} requests)`;
  const p99 = (f: Figures[]) => median(f.map((x) => x.p99));
  console.log(
    `Canon ingest latency benchmark — /healthz and ${PAGE}, each from ${LOOPS / 2} loops, median of ${RUNS} runs, embedded store`,
  );
  console.log(`  no ingest (${SECONDS} s): /healthz ${show(idle)}`);
  console.log(`                     page    ${show(idlePage)}`);
  console.log(
    `  while ${DOCUMENTS} × 2 MB Markdown ladders are read and stored (POST /api/sources, ${median(ingests.map((i) => i.seconds)).toFixed(1)} s): /healthz ${show(busy)}`,
  );
  console.log(`                     page    ${show(busyPage)}`);
  console.log(`  ingest statuses: ${ingests.map((i) => i.statuses.join(' ')).join(' | ')}`);
  console.log(`  p99 while reading / p99 idle: ${(p99(busy) / p99(idle)).toFixed(1)}×`);
  console.log(`  page p99 while reading / idle: ${(p99(busyPage) / p99(idlePage)).toFixed(1)}×`);
  console.log(`  target /healthz p99 < 50 ms while reading ${p99(busy) < 50 ? 'met' : 'NOT met'}`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
