import type { Catalog } from '../catalog.js';
import { FINDING_KINDS, type FindingKind } from './findings.js';
import { type Review, reviewProfile } from './reviewProfile.js';
import type { Dimension } from './reviewRules.js';

/** Profiles whose lowest score falls from `from` up to `to` (the last bin includes 5). */
export interface ScoreBin {
  from: number;
  to: number;
  profiles: number;
}

/** One kind of failing finding and how often the panel made it. */
export interface CommonFailure {
  kind: FindingKind;
  dimension: Dimension;
  /** The message with its particulars left as {slots}. */
  pattern: string;
  findings: number;
  profiles: number;
}

export interface ReviewSummary {
  profiles: number;
  passed: number;
  failed: number;
  /** Half-point bins of the lowest dimension score, 1–1.5 up to 4.5–5; they add up to `profiles`. */
  distribution: ScoreBin[];
  /** The failing findings made most often, by kind, at most `TOP_FAILURES`; ties in kind order. */
  commonFailures: CommonFailure[];
}

export interface CatalogReview {
  /** One review per profile, in the catalog's order. */
  reviews: Review[];
  summary: ReviewSummary;
}

export const TOP_FAILURES = 10;

/**
 * Reviews every profile of a catalog snapshot and sums the verdicts up. The panel reads what it
 * compares once per snapshot (see reviewIndex.ts), so this is linear in the catalog's statements
 * but for each function's own comparisons.
 */
export function reviewAll(
  catalog: Catalog,
  options: { onProgress?: (done: number, total: number) => void } = {},
): CatalogReview {
  const codes = catalog.taxonomy.profiles.map((p) => p.code).filter((code) => catalog.findProfile(code));
  const reviews = codes.map((code, i) => {
    if (i % PROGRESS_EVERY === 0) options.onProgress?.(i, codes.length);
    return reviewProfile(catalog, code);
  });
  options.onProgress?.(codes.length, codes.length);
  return { reviews, summary: summarizeReviews(reviews) };
}

const PROGRESS_EVERY = 100;

export function summarizeReviews(reviews: readonly Review[]): ReviewSummary {
  const distribution: ScoreBin[] = Array.from({ length: 8 }, (_, i) => ({
    from: 1 + i / 2,
    to: 1.5 + i / 2,
    profiles: 0,
  }));
  const failures = new Map<FindingKind, { findings: number; profiles: number }>();
  let passed = 0;
  for (const review of reviews) {
    if (review.passed) passed++;
    const bin = distribution[Math.min(distribution.length - 1, Math.floor((review.minimum - 1) * 2))];
    if (bin) bin.profiles++;
    const kinds = new Set<FindingKind>();
    for (const f of review.findings) {
      if (f.severity !== 'fail') continue;
      const count = failures.get(f.kind) ?? { findings: 0, profiles: 0 };
      count.findings++;
      if (!kinds.has(f.kind)) count.profiles++;
      kinds.add(f.kind);
      failures.set(f.kind, count);
    }
  }
  const order = Object.keys(FINDING_KINDS);
  const commonFailures = [...failures]
    .sort(([a, x], [b, y]) => y.findings - x.findings || order.indexOf(a) - order.indexOf(b))
    .slice(0, TOP_FAILURES)
    .map(([kind, count]) => ({
      kind,
      dimension: FINDING_KINDS[kind].dimension,
      pattern: FINDING_KINDS[kind].pattern,
      ...count,
    }));
  return { profiles: reviews.length, passed, failed: reviews.length - passed, distribution, commonFailures };
}
