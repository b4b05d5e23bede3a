/**
 * npm run bench:pages — the taxonomy's pages at full size, in process.
 *
 * A generated catalog of 3,000 profiles (25 functions, 500 focuses, the first function with 60,
 * levels on the S, P, M and E tracks; src/testing/largeTaxonomy.ts). Prints what is built once per
 * snapshot (the catalog, and on first use the search index, the row index and the neighbours),
 * then each page's render time with the response cache off (an app whose cache keeps nothing) and
 * the time of a cached answer, medians and 95th percentiles over BENCH_SAMPLES requests (default
 * 200) spread over different functions, profiles, queries and rows.
 */
import { Catalog } from '../src/core/catalog.js';
import { createApp } from '../src/server/createApp.js';
import { largeTaxonomy } from '../src/testing/largeTaxonomy.js';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? 0;
const ms = (x: number) => `${x.toFixed(2)} ms`;
const once = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

async function main(): Promise<void> {
  const taxonomy = largeTaxonomy();
  let catalog = new Catalog(taxonomy);
  const build = once(() => {
    catalog = new Catalog(taxonomy);
  });
  const firstRow = taxonomy.profiles[0]?.aliases[0]?.rows?.[0];
  const index = once(() => catalog.search('nurse'));
  const rows = once(() => firstRow && catalog.rowCitations(firstRow));
  const neighbours = once(() => catalog.adjacent(taxonomy.profiles[0]?.code ?? ''));
  console.log(
    `\nCanon pages at full size — ${taxonomy.functions.length} functions, ${taxonomy.focuses.length} focuses, ${taxonomy.profiles.length} profiles`,
  );
  console.log(
    `  once per snapshot: catalog ${ms(build)}, search index ${ms(index)}, row index ${ms(rows)}, neighbours ${ms(neighbours)}`,
  );

  const log = () => {};
  const uncached = createApp({ catalog: () => catalog, log, cacheBytes: 0 });
  const cached = createApp({ catalog: () => catalog, log });
  const time = async (app: ReturnType<typeof createApp>, path: string) => {
    const t = performance.now();
    const res = await app.request(path);
    const bytes = (await res.arrayBuffer()).byteLength;
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    return { ms: performance.now() - t, bytes };
  };

  const pick = <T>(xs: readonly T[], i: number) => xs[(i * 7919) % xs.length] as T;
  const queries = ['nurse', 'senior electrician', 'clinical', 'lead welder', 'grade 3', 'a', 'analyst p4'];
  const socs = taxonomy.focuses.map((f) => f.mappings[0]?.code ?? '');
  const rowPaths = taxonomy.profiles.flatMap((p) =>
    (p.aliases[0]?.rows ?? []).map(
      (r) => `/sources/${r.source}/row?file=${encodeURIComponent(r.file)}&key=${encodeURIComponent(r.key)}`,
    ),
  );
  const pages: [string, (i: number) => string][] = [
    ['home', () => '/'],
    ['function page (60 focuses)', () => `/functions/${taxonomy.functions[0]?.code}`],
    ['function page (any)', (i) => `/functions/${pick(taxonomy.functions, i).code}`],
    ['profile page', (i) => `/profiles/${pick(taxonomy.profiles, i).code}`],
    ['search, words', (i) => `/?q=${encodeURIComponent(pick(queries, i))}`],
    ['search, SOC code', (i) => `/?q=${pick(socs, i)}`],
    ['row page', (i) => pick(rowPaths, i)],
  ];
  console.log(`\n  page                         uncached p50 / p95          cached p50 / p95    size`);
  for (const [name, path] of pages) {
    await time(uncached, path(0));
    const misses: number[] = [];
    const hits: number[] = [];
    let bytes = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const miss = await time(uncached, path(i));
      misses.push(miss.ms);
      bytes = Math.max(bytes, miss.bytes);
      await time(cached, path(i));
      hits.push((await time(cached, path(i))).ms);
    }
    console.log(
      `  ${name.padEnd(28)} ${ms(quantile(misses, 0.5)).padStart(9)} / ${ms(quantile(misses, 0.95)).padEnd(12)}  ${ms(quantile(hits, 0.5)).padStart(9)} / ${ms(quantile(hits, 0.95)).padEnd(9)} ≤ ${Math.round(bytes / 1024)} KB`,
    );
  }
  console.log(`\n  ${SAMPLES} samples per page; Node ${process.version}`);
}

await main();
