import { employerWords } from './employerLean.js';
import { normalizeTitle } from './normalizeTitle.js';
import { readSeniority, type Seniority } from './readSeniority.js';
import { STOPWORDS } from './titleWords.js';

/**
 * The features the learned title model reads, as 24-bit hashes (so the shipped model needs no table of
 * strings): each specialty word, each pair of neighbouring specialty words, the whole specialty, the
 * whole title when seniority words were read off it, and the management or executive track a seniority
 * word states (other levels — senior, lead, II — say how senior, not which occupation).
 * "Operations Manager" is specialty "operations" on the management track, and the title "operations
 * manager" — which is what tells an operations manager from any other manager with operations in the title.
 */
const MANAGING = new Set(['M', 'E']);

export interface TitleFeatureSet {
  words: number[];
  pairs: number[];
  /** The whole specialty, when it has more than one word. */
  specialty: number | null;
  /** The whole title, seniority words and all, when it has some. */
  title: number | null;
  track: number | null;
}

/** The features of a normalized title (its words) as the seniority reading split it. */
export function titleFeatureSet(
  words: readonly string[],
  seniority: Pick<Seniority, 'stated' | 'level' | 'cues' | 'specialty'>,
): TitleFeatureSet {
  const specialty = (seniority.specialty.length ? seniority.specialty : words).filter(
    (w) => !STOPWORDS.has(w),
  );
  const all = words.filter((w) => !STOPWORDS.has(w));
  const pairs: number[] = [];
  for (let i = 0; i + 1 < specialty.length; i++)
    pairs.push(hashFeature(`b:${specialty[i]} ${specialty[i + 1]}`));
  return {
    words: specialty.map((w) => hashFeature(`w:${w}`)),
    pairs,
    specialty: specialty.length > 1 ? hashFeature(`x:${specialty.join(' ')}`) : null,
    title: seniority.cues.length > 0 && all.length > 1 ? hashFeature(`f:${all.join(' ')}`) : null,
    track:
      seniority.stated && MANAGING.has(seniority.level.track)
        ? hashFeature(`t:${seniority.level.track}`)
        : null,
  };
}

/** Every feature of a set, once each. */
export const allOf = (set: TitleFeatureSet): number[] => [
  ...new Set(
    [...set.words, ...set.pairs, set.specialty, set.title, set.track].filter((f): f is number => f !== null),
  ),
];

/** The features of a raw title, read the way the resolver reads a query (`clean` for titles known to be clean). */
export function readTitleFeatures(title: string, clean = false): TitleFeatureSet {
  const { words } = normalizeTitle(title, { clean });
  return titleFeatureSet(words, readSeniority(words));
}

/** The words of an employer's name as features of its titles. */
export const employerFeatures = (employer: string): number[] =>
  employerWords(employer).map((w) => hashFeature(`e:${w}`));

/**
 * FNV-1a, XOR-folded to 24 bits: stable across runs and platforms, which the shipped model's keys rely
 * on. 24 bits make the sorted keys' gaps small, so the file compresses a fifth smaller; the few
 * features that share a key (about one in two hundred) pool their counts.
 */
export function hashFeature(feature: string): number {
  const h = fnv1a(feature);
  return ((h >>> 24) ^ h) & 0xffffff;
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
