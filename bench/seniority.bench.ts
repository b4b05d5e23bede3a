/**
 * npm run bench:seniority — the seniority reader against titles labelled by hand
 * (bench/seniority/labelled.csv, labelled by bench/seniority/GUIDE.md before the
 * reader was tuned), and the order it keeps on public ladders (bench/seniority/ladders.csv).
 *
 * In the same run, the reader and normalizer of an earlier commit (SENIORITY_BASE, by default
 * the commit before issue 16) are copied from git to a temporary folder and scored alike, so
 * the figures before and after sit side by side. Set SENIORITY_BASE=none to skip them, and
 * SENIORITY_MISSES=1 to list the titles the current reader gets wrong.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { PROJECT_ROOT } from '../src/config/readConfig.js';
import { normalizeTitle } from '../src/resolve/normalizeTitle.js';
import { readSeniority } from '../src/resolve/readSeniority.js';

const HERE = join(PROJECT_ROOT, 'bench', 'seniority');
const BASE = process.env.SENIORITY_BASE ?? 'cdd8815';

/** What a reader says of one title: the level code, or null when no word states one. */
type Read = (title: string) => { code: string | null; rank: number };

const CLASSES = [
  'unstated',
  'ic-entry',
  'ic-mid',
  'ic-senior',
  'manager',
  'director',
  'vp',
  'executive',
] as const;

function classOf(code: string | null): string {
  if (code === null || code === 'unstated') return 'unstated';
  const track = code[0];
  const step = Number(code.slice(1));
  if (track === 'S') return 'support';
  if (track === 'P') return step === 1 ? 'ic-entry' : step === 2 ? 'ic-mid' : 'ic-senior';
  if (track === 'M') return step <= 3 ? 'manager' : step <= 5 ? 'director' : 'vp';
  return step <= 2 ? 'vp' : 'executive';
}

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(join(HERE, file), 'utf8'), { columns: true, skip_empty_lines: true });
}

const current: Read = (title) => {
  const s = readSeniority(normalizeTitle(title).words);
  return { code: s.stated ? s.level.code : null, rank: s.level.rank };
};

/** The reader and normalizer as they were at `commit`, imported from a temporary copy; null when git cannot give them. */
async function readerAt(commit: string): Promise<{ read: Read; cleanup: () => void } | null> {
  if (commit === 'none') return null;
  const dir = mkdtempSync(join(tmpdir(), 'canon-seniority-'));
  try {
    const levels = pathToFileURL(join(PROJECT_ROOT, 'src', 'core', 'levels.ts')).href;
    for (const name of ['normalizeTitle', 'readSeniority']) {
      const source = execFileSync('git', ['show', `${commit}:src/resolve/${name}.ts`], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      writeFileSync(join(dir, `${name}.ts`), source.replace("'../core/levels.js'", `'${levels}'`));
    }
    const old = (await import(pathToFileURL(join(dir, 'readSeniority.ts')).href)) as {
      readSeniority: typeof readSeniority;
    };
    const oldNormalize = (await import(pathToFileURL(join(dir, 'normalizeTitle.ts')).href)) as {
      normalizeTitle: typeof normalizeTitle;
    };
    return {
      read: (title) => {
        const s = old.readSeniority(oldNormalize.normalizeTitle(title).words);
        return { code: s.stated ? s.level.code : null, rank: s.level.rank };
      },
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');

function scoreLabels(rows: Record<string, string>[], read: Read) {
  const byClass = new Map<string, { n: number; hit: number }>();
  let hit = 0;
  let exact = 0;
  const misses: string[] = [];
  for (const row of rows) {
    const want = row.label ?? '';
    const got = read(row.title ?? '').code;
    const wantClass = classOf(want);
    const cell = byClass.get(wantClass) ?? { n: 0, hit: 0 };
    byClass.set(wantClass, cell);
    cell.n++;
    if (classOf(got) === wantClass) {
      cell.hit++;
      hit++;
    } else misses.push(`${row.title} — labelled ${want}, read ${got ?? 'unstated'}`);
    if ((got ?? 'unstated') === want) exact++;
  }
  return { byClass, hit, exact, misses };
}

/** For each ladder, every pair of its titles in order: inverted when the lower step reads higher. */
function scoreLadders(rows: Record<string, string>[], read: Read, asWritten: boolean) {
  const ladders = new Map<string, number[]>();
  for (const row of rows) {
    if (asWritten && row.constructed === 'yes') continue;
    const ranks = ladders.get(row.ladder ?? '') ?? [];
    ranks.push(read(row.title ?? '').rank);
    ladders.set(row.ladder ?? '', ranks);
  }
  let pairs = 0;
  let inverted = 0;
  let strict = 0;
  for (const ranks of ladders.values())
    for (let i = 0; i < ranks.length; i++)
      for (let j = i + 1; j < ranks.length; j++) {
        pairs++;
        const a = ranks[i] ?? 0;
        const b = ranks[j] ?? 0;
        if (a > b) inverted++;
        else if (a < b) strict++;
      }
  return { ladders: ladders.size, pairs, kept: pairs - inverted, strict };
}

/** Microseconds per title for each reader: the best of five alternating rounds, after a warm-up of each. */
function timeReaders(titles: string[], readers: [string, Read][]): number[] {
  const best = readers.map(() => Number.POSITIVE_INFINITY);
  for (const [, read] of readers) for (const t of titles) read(t);
  for (let round = 0; round < 5; round++)
    readers.forEach(([, read], i) => {
      const start = performance.now();
      for (let r = 0; r < 20; r++) for (const t of titles) read(t);
      best[i] = Math.min(best[i] ?? 0, ((performance.now() - start) * 1000) / (20 * titles.length));
    });
  return best;
}

async function main(): Promise<void> {
  const labelled = readCsv('labelled.csv');
  const ladders = readCsv('ladders.csv');
  const base = await readerAt(BASE);
  const readers: [string, Read][] = [['now', current]];
  if (base) readers.unshift([`base ${BASE}`, base.read]);
  else if (BASE !== 'none')
    console.log(`(the reader at ${BASE} could not be read from git: current figures only)`);

  console.log(`Seniority reader — ${labelled.length} labelled titles (bench/seniority/labelled.csv)\n`);
  const scores = readers.map(([name, read]) => [name, scoreLabels(labelled, read)] as const);
  const header = ['class', 'titles', ...scores.map(([name]) => name)];
  const lines = CLASSES.map((c) => {
    const n = scores[0]?.[1].byClass.get(c)?.n ?? 0;
    return [c, String(n), ...scores.map(([, s]) => pct(s.byClass.get(c)?.hit ?? 0, n))];
  });
  lines.push(['all (class)', String(labelled.length), ...scores.map(([, s]) => pct(s.hit, labelled.length))]);
  lines.push([
    'all (exact level)',
    String(labelled.length),
    ...scores.map(([, s]) => pct(s.exact, labelled.length)),
  ]);
  for (const row of [header, ...lines])
    console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(18) : cell.padStart(14))).join(''));

  console.log(
    '\nLadder order (bench/seniority/ladders.csv): pairs of titles in a ladder whose levels do not invert',
  );
  for (const asWritten of [false, true]) {
    const label = asWritten ? 'titles as written' : 'all titles';
    const figures = readers.map(([name, read]) => {
      const s = scoreLadders(ladders, read, asWritten);
      return `${name}: kept ${pct(s.kept, s.pairs)}, strictly ordered ${pct(s.strict, s.pairs)}`;
    });
    const { ladders: count, pairs } = scoreLadders(ladders, current, asWritten);
    console.log(`  ${label} (${count} ladders, ${pairs} pairs) — ${figures.join(' · ')}`);
  }

  const speeds = timeReaders(
    labelled.map((r) => r.title ?? ''),
    readers,
  );
  console.log(
    `\nSpeed (normalize + read, best of five rounds over every labelled title): ${readers
      .map(([name], i) => `${name} ${(speeds[i] ?? 0).toFixed(2)} µs/title`)
      .join(' · ')}`,
  );

  const now = scores[scores.length - 1]?.[1];
  if (process.env.SENIORITY_MISSES && now)
    console.log(`\nMisses now (${now.misses.length}):\n  ${now.misses.join('\n  ')}`);
  base?.cleanup();
}

await main();
