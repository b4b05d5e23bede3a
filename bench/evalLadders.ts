/**
 * npm run eval:ladders — reads the seed documents (../shared/seeds/002–004) and
 * the public ladders (../shared/data/ladders/*) and prints, per document or
 * ladder, its levels with their canonical mapping, and its claims by kind; then
 * times parse + extract + crosswalk per seed (median of 20, after a warm-up).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/config/readConfig.js';
import { countClaims } from '../src/core/evidence.js';
import { type ReadDocument, readDocument } from '../src/factory/readDocument.js';
import { readSources, type SourceReading } from '../src/factory/readSources.js';

const SHARED = join(PROJECT_ROOT, '..', 'shared');

function print(title: string, sources: SourceReading[]) {
  console.log(`\n${title}`);
  for (const c of sources.flatMap((s) => s.crosswalk))
    console.log(
      `  ${c.label.padEnd(44)} → ${c.canonical.code} ${c.canonical.title.padEnd(26)} (rank ${c.canonical.rank}, confidence ${c.confidence.toFixed(1)})`,
    );
  const docs = sources.map((s) => s.read);
  const counts = countClaims(docs.flatMap((d) => d.claims));
  console.log(
    `  claims: ${Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  for (const d of docs) {
    for (const c of d.claims.filter((x) => x.kind === 'experience' && x.years))
      console.log(
        `  experience  ${c.level}: ${c.years?.min}${c.years?.max ? `–${c.years.max}` : ''}${c.years?.openEnded ? '+' : ''} years`,
      );
    for (const c of d.claims.filter((x) => x.kind === 'transition' && x.from))
      console.log(
        `  transition  ${c.from} → ${c.to}${c.years ? `: ${c.years.min}–${c.years.max ?? ''}${c.years.openEnded ? '+' : ''} years` : ''}`,
      );
    for (const c of d.claims.filter((x) => x.kind === 'career_path'))
      console.log(`  ${c.subtype}: ${c.text}`);
    for (const w of d.warnings) console.log(`  warning: ${w}`);
  }
}

const seedDir = join(SHARED, 'seeds');
const seeds = (await readdir(seedDir)).filter((f) => /^00[2-4]_/.test(f)).sort();
const timings: string[] = [];
for (const name of seeds) {
  const bytes = await readFile(join(seedDir, name));
  const { sources } = await readSources([{ name, bytes }], { ladder: null });
  const doc = sources[0]?.read;
  print(`seed ${name} (${doc?.tree.format}): "${doc?.tree.title}"`, sources);
  for (let i = 0; i < 5; i++) await readSources([{ name, bytes }], { ladder: null });
  const runs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await readSources([{ name, bytes }], { ladder: null });
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  timings.push(`  ${name}: ${(runs[10] ?? 0).toFixed(1)} ms (${bytes.length} bytes)`);
}

const ladderDir = join(SHARED, 'data', 'ladders');
for (const ladder of (await readdir(ladderDir)).sort()) {
  const files = (await readdir(join(ladderDir, ladder))).filter((f) => f.endsWith('.md')).sort();
  const inputs = await Promise.all(
    files.map(async (f) => ({ name: f, bytes: await readFile(join(ladderDir, ladder, f)) })),
  );
  // A file Canon refuses (one of front matter only) is named and left out, not the whole ladder.
  const read = new Map<string, ReadDocument>();
  for (const input of inputs)
    await readDocument(input).then(
      (doc) => read.set(input.name, doc),
      (error: Error) => console.log(`\n${ladder}/${input.name} refused: ${error.message}`),
    );
  const { sources } = await readSources(
    inputs.filter((i) => read.has(i.name)),
    { ladder, read: async (input) => read.get(input.name) as ReadDocument },
  );
  print(`ladder ${ladder} (${files.length} files)`, sources);
}

console.log('\nparse + extract + crosswalk per seed, median of 20 (target < 100 ms):');
console.log(timings.join('\n'));
