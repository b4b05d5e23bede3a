/**
 * npm run figures:code — the shape of the source: how long its files are (lines, median and
 * 90th percentile, the longest) and how many units have a test beside them (x.test.ts next to
 * x.ts). Tests, test helpers and type-only files count as they are; printed as a table, with
 * --json for a machine.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../src/config/readConfig.js';

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else if (/\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

const all = await files(join(PROJECT_ROOT, 'src'));
const isTest = (f: string) => /\.test\.tsx?$/.test(f);
const units = all.filter((f) => !isTest(f) && !f.includes('/testing/'));
const tests = new Set(all.filter(isTest).map((f) => f.replace(/\.test\.(tsx?)$/, '.$1')));
const lines = await Promise.all(units.map(async (f) => ({ f, n: (await readFile(f, 'utf8')).split('\n').length })));
const sorted = lines.map((l) => l.n).sort((a, b) => a - b);
const tested = units.filter((f) => tests.has(f));
const figures = {
  units: units.length,
  medianLines: quantile(sorted, 0.5),
  p90Lines: quantile(sorted, 0.9),
  longest: [...lines]
    .sort((a, b) => b.n - a.n)
    .slice(0, 5)
    .map((l) => `${relative(PROJECT_ROOT, l.f)} (${l.n})`),
  withTestBeside: tested.length,
  shareWithTest: Math.round((1000 * tested.length) / units.length) / 10,
};
if (process.argv.includes('--json')) console.log(JSON.stringify(figures, null, 2));
else {
  console.log(`units (src, not tests or test helpers): ${figures.units}`);
  console.log(`lines per unit: median ${figures.medianLines}, p90 ${figures.p90Lines}`);
  console.log(`longest: ${figures.longest.join(', ')}`);
  console.log(`units with a test beside them: ${figures.withTestBeside} (${figures.shareWithTest}%)`);
}
