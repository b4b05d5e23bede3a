import { basename, extname } from 'node:path';
import { getLevel } from '../core/levels.js';
import type { SourceLevel } from './segmentLevels.js';

/** One file of a ladder published as one file (or page) per level. */
export interface LadderFile {
  name: string;
  level: SourceLevel;
  /** The file's front matter. */
  meta: Record<string, unknown>;
}

export interface LadderOrder {
  /** Indexes into the files, the lowest level first. */
  order: number[];
  /** What decided it, for the crosswalk's reason: "their level codes (L1 < L2 < L3)". */
  by: string;
}

type Key = { value: number; shown: string };

/**
 * Ways to order a ladder's files, most telling first: each gives every file a key or gives up
 * (null), and the first that tells every file apart decides.
 */
const WAYS: { by: string; key: (files: readonly LadderFile[]) => (Key | null)[] }[] = [
  { by: 'their level codes', key: codeKeys },
  { by: 'the seniority their titles read as', key: titleKeys },
  { by: 'the numbers in their file names', key: fileNameKeys },
  { by: 'their front-matter weight', key: weightKeys },
];

/**
 * The order of a ladder's one-level files: by the level codes the pages give ("L3"), else by how
 * senior their titles read ("Senior", "Staff"), else by the numbers in their file names
 * (`01-engineer.html`, `se-2.html`), else by front-matter `weight`, else as they were given.
 */
export function ladderOrder(files: readonly LadderFile[]): LadderOrder {
  for (const way of WAYS) {
    const keys = way.key(files);
    if (!keys.every((k): k is Key => k !== null)) continue;
    if (new Set(keys.map((k) => k.value)).size < keys.length) continue;
    const order = [...files.keys()].sort((a, b) => (keys[a] as Key).value - (keys[b] as Key).value);
    return { order, by: `${way.by} (${order.map((i) => (keys[i] as Key).shown).join(' < ')})` };
  }
  return { order: [...files.keys()], by: 'the order they were given in' };
}

/** "L3", "IC4", "Manager 7": the number, when every file's code has the same letters before it. */
function codeKeys(files: readonly LadderFile[]): (Key | null)[] {
  const codes = files.map((f) => /^([A-Za-z]+)[\s-]?(\d+)$/.exec(f.level.code ?? ''));
  const prefixes = new Set(codes.map((m) => m?.[1]?.toUpperCase()));
  return codes.map((m) => (m && prefixes.size === 1 ? { value: Number(m[2]), shown: m[0] } : null));
}

/**
 * The rank each title reads as. A title with no seniority word takes the level such a title reads as
 * (P2: "Engineer" above "Associate Engineer", below "Senior Engineer"); titles that read alike cannot
 * be told apart, and the next rule decides.
 */
function titleKeys(files: readonly LadderFile[]): (Key | null)[] {
  return files.map(({ level }) =>
    level.seniority ? { value: getLevel(level.seniority.level).rank, shown: level.seniority.title } : null,
  );
}

function fileNameKeys(files: readonly LadderFile[]): (Key | null)[] {
  return files.map(({ name }) => {
    const stem = basename(name, extname(name));
    const n = /\d+/.exec(stem)?.[0];
    return n === undefined ? null : { value: Number(n), shown: basename(name) };
  });
}

function weightKeys(files: readonly LadderFile[]): (Key | null)[] {
  return files.map(({ meta }) => {
    const weight =
      typeof meta.weight === 'number' || typeof meta.weight === 'string' ? Number(meta.weight) : Number.NaN;
    return Number.isFinite(weight) ? { value: weight, shown: String(weight) } : null;
  });
}
