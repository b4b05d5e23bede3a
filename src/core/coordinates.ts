import { getLevel, type Level, type Track } from './levels.js';

/** Where a profile sits: which function and focus, and how senior on which track. */
export interface Coordinates {
  functionCode: string;
  focusCode: string;
  track: Track;
  rank: number;
  /** Normalised names of the focus's skills, for overlap. */
  skills: ReadonlySet<string>;
}

export type MatchBand = 'near' | 'related' | 'distant';

/**
 * The weights of the four components. They sum to 1 and each component lies in
 * [0, 1], so the distance does too. Taxonomy carries most weight: a different
 * focus is a different job even at the same level.
 */
export const DISTANCE_WEIGHTS = { taxonomy: 0.45, level: 0.35, track: 0.1, skills: 0.1 } as const;

/** Taxonomy component: same focus 0, another focus of the same function ½, another function 1. */
export const TAXONOMY_STEPS = { sameFocus: 0, sameFunction: 0.5, otherFunction: 1 } as const;

/** Rank gaps are divided by the widest gap the framework has (S1 at rank 0 to E3 at rank 11). */
export const RANK_SPAN = 11;

/** Upper bounds of the bands; above the last is "distant". */
export const BAND_LIMITS = { near: 0.2, related: 0.4 } as const;

export interface DistanceParts {
  taxonomy: number;
  level: number;
  track: number;
  skills: number;
  distance: number;
  band: MatchBand;
}

export function taxonomyPart(a: Coordinates, b: Coordinates): number {
  if (a.functionCode !== b.functionCode) return TAXONOMY_STEPS.otherFunction;
  return a.focusCode === b.focusCode ? TAXONOMY_STEPS.sameFocus : TAXONOMY_STEPS.sameFunction;
}

/** 1 − Jaccard similarity of the two skill sets; two empty sets count as identical. */
export function skillPart(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a === b || (a.size === 0 && b.size === 0)) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return 1 - shared / (a.size + b.size - shared);
}

export function distanceParts(a: Coordinates, b: Coordinates): DistanceParts {
  const taxonomy = taxonomyPart(a, b);
  const level = Math.min(1, Math.abs(a.rank - b.rank) / RANK_SPAN);
  const track = a.track === b.track ? 0 : 1;
  const skills = skillPart(a.skills, b.skills);
  const w = DISTANCE_WEIGHTS;
  const raw = w.taxonomy * taxonomy + w.level * level + w.track * track + w.skills * skills;
  // Rounding keeps a(x,y) and a(y,x) bit-identical and the figures readable.
  const distance = Math.min(1, Math.max(0, Math.round(raw * 1000) / 1000));
  return { taxonomy, level, track, skills, distance, band: matchBand(distance) };
}

export function distance(a: Coordinates, b: Coordinates): number {
  return distanceParts(a, b).distance;
}

export function matchBand(d: number): MatchBand {
  if (d <= BAND_LIMITS.near) return 'near';
  if (d <= BAND_LIMITS.related) return 'related';
  return 'distant';
}

export function normaliseSkill(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function coordinatesOf(
  functionCode: string,
  focusCode: string,
  level: Level | string,
  skills: ReadonlySet<string>,
): Coordinates {
  const l = typeof level === 'string' ? getLevel(level) : level;
  return { functionCode, focusCode, track: l.track, rank: l.rank, skills };
}
