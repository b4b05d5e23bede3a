import {
  type Coordinates,
  DISTANCE_WEIGHTS,
  distanceParts,
  type MatchBand,
  RANK_SPAN,
  TAXONOMY_STEPS,
} from './coordinates.js';
import { groupBy } from './groupBy.js';

export interface Point {
  code: string;
  coords: Coordinates;
}

export interface Neighbour {
  code: string;
  distance: number;
  band: MatchBand;
}

/** Points bucketed by rank, so a search can walk outward from a rank. */
class RankIndex {
  private readonly byRank = new Map<number, Point[]>();
  readonly minRank: number;
  readonly maxRank: number;

  constructor(points: readonly Point[]) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const p of points) {
      const bucket = this.byRank.get(p.coords.rank) ?? [];
      bucket.push(p);
      this.byRank.set(p.coords.rank, bucket);
      min = Math.min(min, p.coords.rank);
      max = Math.max(max, p.coords.rank);
    }
    this.minRank = min;
    this.maxRank = max;
  }

  /** Points whose rank differs from `rank` by exactly `gap`. */
  *at(rank: number, gap: number): Iterable<Point> {
    yield* this.byRank.get(rank - gap) ?? [];
    if (gap > 0) yield* this.byRank.get(rank + gap) ?? [];
  }
}

/** The k best neighbours seen so far, kept sorted by distance then code. */
class Best {
  readonly items: Neighbour[] = [];
  constructor(private readonly k: number) {}

  get worst(): number {
    return this.items.length < this.k
      ? Number.POSITIVE_INFINITY
      : (this.items[this.items.length - 1]?.distance ?? 0);
  }

  offer(n: Neighbour): void {
    if (n.distance > this.worst) return;
    const at = this.items.findIndex(
      (x) => x.distance > n.distance || (x.distance === n.distance && x.code > n.code),
    );
    this.items.splice(at === -1 ? this.items.length : at, 0, n);
    if (this.items.length > this.k) this.items.pop();
  }
}

/**
 * The k nearest profiles of every profile, exactly, without comparing all
 * pairs. Candidates are searched in three tiers — same focus, same function,
 * other functions — walking outward in rank; a tier stops as soon as the
 * smallest distance it could still produce exceeds the current k-th best.
 */
export function buildAdjacency(points: readonly Point[], k: number): Map<string, Neighbour[]> {
  const byFocus = groupBy(points, (p) => `${p.coords.functionCode}.${p.coords.focusCode}`);
  const byFunction = new Map(
    [...groupBy(points, (p) => p.coords.functionCode)].map(([fn, ps]) => [fn, new RankIndex(ps)]),
  );
  const everyone = new RankIndex(points);
  const w = DISTANCE_WEIGHTS;
  const floor = (taxonomy: number, gap: number) =>
    w.taxonomy * taxonomy + w.level * Math.min(1, gap / RANK_SPAN);

  const result = new Map<string, Neighbour[]>();
  for (const p of points) {
    const best = new Best(k);
    const consider = (q: Point) => {
      if (q.code === p.code) return;
      const { distance, band } = distanceParts(p.coords, q.coords);
      best.offer({ code: q.code, distance, band });
    };
    for (const q of byFocus.get(`${p.coords.functionCode}.${p.coords.focusCode}`) ?? []) consider(q);

    const walk = (index: RankIndex, taxonomy: number, accept: (q: Point) => boolean) => {
      const widest = Math.max(p.coords.rank - index.minRank, index.maxRank - p.coords.rank);
      for (let gap = 0; gap <= widest && floor(taxonomy, gap) <= best.worst; gap++) {
        for (const q of index.at(p.coords.rank, gap)) if (accept(q)) consider(q);
      }
    };
    const ownFunction = byFunction.get(p.coords.functionCode);
    if (ownFunction)
      walk(ownFunction, TAXONOMY_STEPS.sameFunction, (q) => q.coords.focusCode !== p.coords.focusCode);
    walk(everyone, TAXONOMY_STEPS.otherFunction, (q) => q.coords.functionCode !== p.coords.functionCode);
    result.set(p.code, best.items);
  }
  return result;
}

/** The same answer by comparing every pair: the reference the fast search is tested and benchmarked against. */
export function buildAdjacencyByAllPairs(points: readonly Point[], k: number): Map<string, Neighbour[]> {
  const result = new Map<string, Neighbour[]>();
  for (const p of points) {
    const best = new Best(k);
    for (const q of points) {
      if (q.code === p.code) continue;
      const { distance, band } = distanceParts(p.coords, q.coords);
      best.offer({ code: q.code, distance, band });
    }
    result.set(p.code, best.items);
  }
  return result;
}
