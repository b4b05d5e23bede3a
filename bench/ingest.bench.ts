/**
 * npm run bench:ingest — documents ingested per minute into the embedded store
 * (read, crosswalk, synthesize, store with evidence: one transaction per document),
 * against reading alone (parse + extract + crosswalk, nothing stored) in the same run.
 * Generated ladders of 3–5 levels with 5–8 bullets each, all different; median of
 * BENCH_RUNS runs of BENCH_DOCS documents.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/config/readConfig.js';
import { readSources } from '../src/factory/readSources.js';
import { ingestDeps, openCanon } from '../src/runtime/openCanon.js';
import { ingestSources } from '../src/workflow/ingestSources.js';
import { OBJECTS, TRACK_TITLES, VERBS } from './ladderWords.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DOCS = Number(process.env.BENCH_DOCS ?? 300);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function ladder(run: number, i: number): string {
  const track = TRACK_TITLES[i % 2] ?? [];
  const count = 3 + (i % 3);
  const levels = track.slice(0, count).map((title, l) => {
    const bullets = Array.from({ length: 5 + ((i + l) % 4) }, (_, b) => {
      const n = ((run * 7919 + i * 104729 + l * 31 + b) % 9) + 2;
      return `- ${VERBS[(i + b) % VERBS.length]} ${OBJECTS[(l + b) % OBJECTS.length]} for ${n} teams (doc ${run}-${i}, item ${b}).`;
    });
    return `## L${l + 1} - ${title}\n\n${bullets.join('\n')}\n\n### Typical Experience\n\n${2 + l * 3}-${5 + l * 3}+ years of professional experience.\n`;
  });
  return `# Ladder ${run}-${i}\n\n${levels.join('\n')}`;
}

const dataDir = await mkdtemp(join(tmpdir(), 'canon-bench-ingest-'));
try {
  const canon = await openCanon({ databaseUrl: null, dataDir, taxonomyDir: join(PROJECT_ROOT, 'data') });
  await canon.resolver();
  const actor = { id: 'bench', role: 'admin' } as const;
  const readRates: number[] = [];
  const storeRates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const inputs = Array.from({ length: DOCS }, (_, i) => ({
      name: `l${run}-${i}.md`,
      bytes: new TextEncoder().encode(ladder(run, i)),
    }));
    let t = performance.now();
    for (const input of inputs) await readSources([input], { ladder: null });
    readRates.push(DOCS / ((performance.now() - t) / 60_000));
    t = performance.now();
    for (let i = 0; i < inputs.length; i += 25)
      await ingestSources(ingestDeps(canon), actor, inputs.slice(i, i + 25));
    storeRates.push(DOCS / ((performance.now() - t) / 60_000));
  }
  await canon.close();
  const stored = median(storeRates);
  const read = median(readRates);
  console.log(
    `Canon ingest benchmark — ${DOCS} generated ladders per run, median of ${RUNS} runs, embedded store`,
  );
  console.log(
    `  read only (parse + extract + crosswalk): ${Math.round(read).toLocaleString('en-US')} documents/min`,
  );
  console.log(
    `  ingested and stored (with evidence and proposals): ${Math.round(stored).toLocaleString('en-US')} documents/min`,
  );
  console.log(`  stored / read-only: ${(stored / read).toFixed(2)}×`);
  console.log(`  target ≥ 1,000 documents/min ${stored >= 1000 ? 'met' : 'NOT met'}`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
