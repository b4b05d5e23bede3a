/**
 * npm run bench:cache — what junk query strings cost the response cache. One large ingested
 * document (about 1 MB, 12,000 evidence spans) is read BENCH_GETS times (default 100) as
 * `/sources/:id?junk=N` and as many times as `/sources/:id`, in the same run; each prints the
 * heap and array-buffer growth after a full GC, as megabytes and as a ratio to the page's size
 * (how many pages' worth the GETs left behind), and the median time per GET. With the cache
 * keyed on what a page reads, junk leaves no more than the same URL; keyed on the full URL, it
 * left a rendered page per GET.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/config/readConfig.js';
import { appForCanon } from '../src/runtime/appForCanon.js';
import { ingestDeps, openCanon } from '../src/runtime/openCanon.js';
import { ingestSources } from '../src/workflow/ingestSources.js';

const GETS = Number(process.env.BENCH_GETS ?? 100);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const gc = globalThis.gc;
if (!gc) throw new Error('Run with node --expose-gc (npm run bench:cache does).');

// About 1 MB in 4,000 claims: under the 5,000 a document may yield.
const level = (n: number) =>
  `## D${n} - Data Engineer ${n}\n\n${Array.from(
    { length: 2000 },
    (_, i) =>
      `- Builds pipeline ${n}.${i} for the analytics team, keeps its loads, schemas and backfills documented, reviews the changes other engineers make to it, and reports on its health and costs to the team lead every week`,
  ).join('\n')}\n`;

function heldBytes(): number {
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const dataDir = await mkdtemp(join(tmpdir(), 'canon-bench-cache-'));
try {
  const canon = await openCanon({ databaseUrl: null, dataDir, taxonomyDir: join(PROJECT_ROOT, 'data') });
  const text = `# Big ladder\n\n${level(1)}\n${level(2)}`;
  const { sources } = await ingestSources(ingestDeps(canon), { id: 'bench', role: 'admin' }, [
    { name: 'big.md', bytes: new TextEncoder().encode(text) },
  ]);
  const id = sources[0]?.source.id ?? '';
  const app = appForCanon(canon);
  const run = async (query: (n: number) => string) => {
    const before = heldBytes();
    const times: number[] = [];
    let bytes = 0;
    for (let n = 0; n < GETS; n++) {
      const started = performance.now();
      bytes = (await (await app.request(`/sources/${id}${query(n)}`)).arrayBuffer()).byteLength;
      times.push(performance.now() - started);
    }
    return { grownMB: (heldBytes() - before) / 2 ** 20, medianMs: median(times), pageKB: bytes / 1024 };
  };
  // Settles what ingesting left behind (the store's pages, the reading worker), so the runs measure only the GETs.
  await run(() => '');
  const same = await run(() => '');
  const junk = await run((n) => `?junk=${n}`);
  console.log(`document: ${(text.length / 2 ** 20).toFixed(2)} MB; ${GETS} GETs each`);
  for (const [name, r] of [
    ['same URL', same],
    ['?junk=N', junk],
  ] as const)
    console.log(
      `${name.padEnd(9)} page ${r.pageKB.toFixed(0)} KB, memory +${r.grownMB.toFixed(1)} MB (${((r.grownMB * 1024) / r.pageKB).toFixed(1)} pages' worth), median ${r.medianMs.toFixed(2)} ms/GET`,
    );
  await canon.close();
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
