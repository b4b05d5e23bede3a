import { describe, expect, it } from 'vitest';
import { cite, GOOD, panelTaxonomy } from '../../testing/reviewFixture.js';
import { Catalog } from '../catalog.js';
import { FINDING_KINDS } from './findings.js';
import { reviewAll, summarizeReviews, TOP_FAILURES } from './reviewAll.js';
import { reviewProfile } from './reviewProfile.js';

/** Payments P3 and P4 are sound; P5 is vague; P6 only declares a gap. */
const catalog = () =>
  new Catalog(
    panelTaxonomy({
      P3: GOOD.P3 ?? [],
      P4: GOOD.P4 ?? [],
      P5: [cite('Helps with various things as needed.')],
      P6: [cite('No source states work specific to P6 in this focus.')],
    }),
  );

describe('reviewAll', () => {
  it('reviews every profile once, in catalog order, as reviewProfile does', () => {
    const c = catalog();
    const progress: [number, number][] = [];
    const { reviews } = reviewAll(c, { onProgress: (done, total) => progress.push([done, total]) });
    expect(reviews.map((r) => r.code)).toEqual(c.taxonomy.profiles.map((p) => p.code));
    for (const r of reviews) expect(r).toBe(reviewProfile(c, r.code));
    expect(progress.at(-1)).toEqual([reviews.length, reviews.length]);
  });

  it('sums up: bins and pass counts add up to the profiles, failures counted by kind', () => {
    const { reviews, summary } = reviewAll(catalog());
    expect(summary.profiles).toBe(reviews.length);
    expect(summary.passed + summary.failed).toBe(summary.profiles);
    expect(summary.passed).toBe(reviews.filter((r) => r.passed).length);
    expect(summary.distribution.reduce((n, b) => n + b.profiles, 0)).toBe(summary.profiles);
    expect(summary.distribution.map((b) => [b.from, b.to])).toEqual([
      [1, 1.5],
      [1.5, 2],
      [2, 2.5],
      [2.5, 3],
      [3, 3.5],
      [3.5, 4],
      [4, 4.5],
      [4.5, 5],
    ]);
    for (const r of reviews) {
      const bin = summary.distribution.find((b) => r.minimum >= b.from && (r.minimum < b.to || b.to === 5));
      expect(bin?.profiles).toBeGreaterThan(0);
    }
    const failures = reviews.flatMap((r) => r.findings).filter((f) => f.severity === 'fail');
    expect(summary.commonFailures.reduce((n, f) => n + f.findings, 0)).toBe(failures.length);
    const kinds = summary.commonFailures.map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['declaredGap', 'vague']));
    const vague = summary.commonFailures.find((f) => f.kind === 'vague');
    expect(vague).toMatchObject({
      dimension: 'concreteness',
      pattern: FINDING_KINDS.vague.pattern,
      profiles: 1,
    });
    const counts = summary.commonFailures.map((f) => f.findings);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('keeps the ten most common kinds of failure, and counts a profile once per kind', () => {
    const review = reviewProfile(catalog(), 'ENGINE.PAYMENTSAAAA.P5');
    const many = Object.keys(FINDING_KINDS).map((kind, i) => ({
      ...review,
      findings: Array.from({ length: i + 1 }, () => ({
        ...(review.findings[0] as (typeof review.findings)[number]),
        kind: kind as keyof typeof FINDING_KINDS,
        severity: 'fail' as const,
      })),
    }));
    const summary = summarizeReviews(many);
    expect(summary.commonFailures).toHaveLength(TOP_FAILURES);
    expect(summary.commonFailures[0]).toMatchObject({
      kind: Object.keys(FINDING_KINDS).at(-1),
      findings: Object.keys(FINDING_KINDS).length,
      profiles: 1,
    });
  });
});
