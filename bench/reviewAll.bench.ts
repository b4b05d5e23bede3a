/**
 * npm run bench:review — the review panel over a whole catalog.
 *
 * A generated catalog of about 3,000 profiles (25 functions × 20 focuses × 6 levels, 8 statements a
 * level, see withResponsibilities.ts) and, in the same run, the built-in taxonomy in data/. For each:
 * building the catalog, and reviewing every profile on that fresh snapshot (reviewAll: the panel
 * reads what it compares once per snapshot, so each run starts from a new one); medians of
 * BENCH_RUNS. Baseline for the "as true of another focus" check, on the generated catalog: the
 * self-join the panel uses against comparing every statement with every statement of its function.
 */
import { join } from 'node:path';
import { loadTaxonomy } from '../src/builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../src/config/readConfig.js';
import { Catalog } from '../src/core/catalog.js';
import { encodeStems } from '../src/core/review/encodeStems.js';
import { firstAlikeElsewhere } from '../src/core/review/firstAlikeElsewhere.js';
import { reviewAll } from '../src/core/review/reviewAll.js';
import { RULES } from '../src/core/review/reviewRules.js';
import { contentStems, similarity } from '../src/core/review/textSimilarity.js';
import type { Taxonomy } from '../src/core/taxonomy.js';
import { generateTaxonomy } from './generateTaxonomy.js';
import { withResponsibilities } from './withResponsibilities.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const ms = (x: number) => (x < 10 ? x.toFixed(2) : String(Math.round(x)));

function measure(label: string, taxonomy: Taxonomy) {
  const build: number[] = [];
  const review: number[] = [];
  let summary = reviewAll(new Catalog(taxonomy)).summary;
  for (let i = 0; i < RUNS; i++) {
    let catalog: Catalog | undefined;
    build.push(time(() => (catalog = new Catalog(taxonomy))));
    review.push(time(() => (summary = reviewAll(catalog as Catalog).summary)));
  }
  const statements = taxonomy.focuses.reduce(
    (n, f) => n + Object.values(f.levels).reduce((m, l) => m + l.responsibilities.length, 0),
    0,
  );
  console.log(
    `${label}: ${taxonomy.profiles.length} profiles, ${taxonomy.focuses.length} focuses, ${statements} responsibilities`,
  );
  console.log(
    `  review all, median of ${RUNS}: ${ms(median(review))} ms (${ms((median(review) / taxonomy.profiles.length) * 1000)} µs a profile); catalog build ${ms(median(build))} ms`,
  );
  console.log(
    `  ${summary.passed} pass, ${summary.failed} do not; lowest scores ${summary.distribution.map((b) => `${b.from}–${b.to}: ${b.profiles}`).join(', ')}`,
  );
  return median(review);
}

/** The generic check both ways on each function's statements: the panel's self-join and a scan of every pair. */
function genericBaseline(taxonomy: Taxonomy) {
  const byFunction = taxonomy.functions.map((fn) => {
    const focuses = taxonomy.focuses.filter((f) => f.functionCode === fn.code);
    const items = focuses.flatMap((f, group) =>
      Object.values(f.levels).flatMap((l) =>
        l.responsibilities.map((r) => ({ group, stems: contentStems(r.text) })),
      ),
    );
    return { sets: items.map((i) => i.stems), groups: items.map((i) => i.group) };
  });
  const joined = median(
    Array.from({ length: RUNS }, () =>
      time(() => {
        for (const { sets, groups } of byFunction) {
          firstAlikeElsewhere(encodeStems(sets), groups, RULES.generic);
        }
      }),
    ),
  );
  const scanned = time(() => {
    for (const { sets, groups } of byFunction) {
      sets.map((set, i) =>
        sets.findIndex((other, j) => groups[j] !== groups[i] && similarity(set, other) >= RULES.generic),
      );
    }
  });
  console.log(
    `  "as true of another focus" alone: encoding + self-join ${ms(joined)} ms (median of ${RUNS}), scanning every pair ${ms(scanned)} ms (one run) → ${(scanned / joined).toFixed(0)}× faster`,
  );
}

const generated = withResponsibilities(generateTaxonomy(25, 20, 6));
const builtIn = await loadTaxonomy(join(PROJECT_ROOT, 'data'));
console.log(`Review panel over a whole catalog (Node ${process.version})\n`);
const big = measure('Generated catalog', generated);
genericBaseline(generated);
console.log('');
measure('Built-in taxonomy (data/)', builtIn);
console.log(
  `\nTarget: the generated catalog reviewed well under a few seconds: ${big < 2000 ? 'met' : 'NOT met'}`,
);
