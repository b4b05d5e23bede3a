import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../../config/readConfig.js';
import { cite, GOOD, MOBILE, panelTaxonomy } from '../../testing/reviewFixture.js';
import { Catalog } from '../catalog.js';
import type { Statement } from '../taxonomy.js';
import { type Dimension, RULES, reviewProfile } from './reviewProfile.js';

const review = (levels: Record<string, Statement[]>, at = 'P4', other = MOBILE) =>
  reviewProfile(new Catalog(panelTaxonomy(levels, other)), `ENGINE.PAYMENTSAAAA.${at}`);
const failing = (r: ReturnType<typeof review>): Dimension[] =>
  (Object.entries(r.scores) as [Dimension, number][]).filter(([, s]) => s < 4).map(([d]) => d);

describe('the review panel', () => {
  it('passes a good profile', () => {
    const r = review(GOOD);
    expect(r.passed).toBe(true);
    expect(r.minimum).toBeGreaterThanOrEqual(4);
  });

  it('fails bullets copied across levels on level differentiation', () => {
    const r = review({ P3: GOOD.P4 ?? [], P4: GOOD.P4 ?? [] });
    expect(failing(r)).toEqual(['levelDifferentiation']);
    expect(r.findings.find((f) => f.dimension === 'levelDifferentiation')?.message).toMatch(
      /Near-duplicate of a P3 responsibility/,
    );
  });

  it('fails bullets as true of another focus on focus specificity', () => {
    const r = review({
      P3: GOOD.P3 ?? [],
      P4: [
        cite('Owns the mobile architecture shared by 4 app teams, including offline sync.'),
        cite('Sets the roadmap for the design system used by 30 screens.'),
      ],
    });
    expect(failing(r)).toContain('focusSpecificity');
    expect(r.findings.find((f) => f.dimension === 'focusSpecificity')?.message).toMatch(
      /As true of Mobile Engineering/,
    );
  });

  it('fails vague bullets on concreteness', () => {
    const r = review({
      P3: GOOD.P3 ?? [],
      P4: [cite('Responsible for various duties as needed.'), cite('Helps with things.')],
    });
    expect(failing(r)).toEqual(['concreteness']);
  });

  it('counts work on named things as concrete in any trade, and generic wording as not', () => {
    const trades = review({
      P3: GOOD.P3 ?? [],
      P4: [
        cite('Administer medications to patients and monitor patients for reactions or side effects.'),
        cite('Weld components in flat, vertical, or overhead positions.'),
      ],
    });
    expect(trades.findings.filter((f) => f.dimension === 'concreteness')).toEqual([]);
    const generic = review({
      P3: GOOD.P3 ?? [],
      P4: [cite('Perform related work and handle other tasks and duties as appropriate to ensure quality.')],
    });
    expect(failing(generic)).toContain('concreteness');
  });

  it('fails unsourced bullets on factual accuracy, and thin evidence on coverage', () => {
    const r = review({ P3: GOOD.P3 ?? [], P4: (GOOD.P4 ?? []).map((s) => ({ ...s, sources: [] })) });
    expect(failing(r)).toContain('factualAccuracy');
    expect(r.findings.filter((f) => f.dimension === 'factualAccuracy')).toHaveLength(2);
  });

  it('fails a profile resting on one source on real-world coverage', () => {
    const t = panelTaxonomy({
      P3: GOOD.P3 ?? [],
      P4: (GOOD.P4 ?? []).map((s) => ({ ...s, sources: ['a'] })),
    });
    for (const f of t.focuses) {
      f.sources = ['a'];
      for (const l of Object.values(f.levels)) for (const r of l.responsibilities) r.sources = ['a'];
    }
    const r = reviewProfile(new Catalog(t), 'ENGINE.PAYMENTSAAAA.P4');
    expect(failing(r)).toEqual(['realWorldCoverage']);
  });

  it('derives confidence from the scores and the evidence', () => {
    const good = review(GOOD);
    const bad = review({ P3: GOOD.P4 ?? [], P4: GOOD.P4 ?? [] });
    expect(good.confidence.score).toBeGreaterThan(bad.confidence.score);
    expect(good.confidence.band).not.toBe('low');
    expect(bad.confidence.band).not.toBe('high');
  });
});

const P5: Statement[] = [
  cite('Sets the 3-year payments strategy for the division, including 2 acquisitions and their integration.'),
  cite('Answers to the board for settlement losses and signs off the annual PCI DSS attestation.'),
];
const kinds = (r: ReturnType<typeof review>) => r.findings.map((f) => f.kind);

describe('a failing finding', () => {
  it('holds its dimension under the pass mark, though one penalty alone would leave it passing', () => {
    const r = review({ P3: GOOD.P3 ?? [], P4: [...(GOOD.P4 ?? []), cite('Helps with things as needed.')] });
    expect(r.findings.filter((f) => f.severity === 'fail').map((f) => f.kind)).toEqual(['vague']);
    expect(5 - RULES.failPenalty).toBeGreaterThanOrEqual(RULES.pass);
    expect(r.scores.concreteness).toBe(RULES.failCap);
    expect(RULES.failCap).toBeLessThan(RULES.pass);
    expect(r.passed).toBe(false);
  });

  it('leaves warnings alone: a dimension with only weakening findings can still pass', () => {
    const single = reviewProfile(new Catalog(panelTaxonomy({ P4: GOOD.P4 ?? [] })), 'ENGINE.PAYMENTSAAAA.P4');
    expect(kinds(single)).toEqual(['singleLevel']);
    expect(single.scores.levelDifferentiation).toBe(5 - RULES.warnPenalty);
    expect(single.passed).toBe(true);
  });
});

describe('confidence', () => {
  it('stays under certainty for a profile the panel finds nothing against', () => {
    const t = panelTaxonomy(GOOD);
    t.sources.push(
      ...['e', 'f', 'g'].map((id) => ({
        id,
        title: id,
        kind: 'survey' as const,
        publisher: null,
        url: null,
        note: null,
      })),
    );
    for (const f of t.focuses) f.sources = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const r = reviewProfile(new Catalog(t), 'ENGINE.PAYMENTSAAAA.P4');
    expect(r.findings).toEqual([]);
    expect(r.minimum).toBe(5);
    expect(r.confidence.score).toBe(RULES.confidenceCeiling);
    expect(r.confidence.score).toBeLessThan(1);
  });

  it("does not count Canon's own pages as evidence", () => {
    const t = panelTaxonomy(GOOD);
    const withPages = panelTaxonomy(GOOD);
    withPages.sources.push(
      ...['p1', 'p2', 'p3'].map((id) => ({
        id,
        title: id,
        kind: 'profile_page' as const,
        publisher: 'Canon',
        url: null,
        note: null,
      })),
    );
    for (const f of withPages.focuses) f.sources = [...f.sources, 'p1', 'p2', 'p3'];
    const plain = reviewProfile(new Catalog(t), 'ENGINE.PAYMENTSAAAA.P4');
    const padded = reviewProfile(new Catalog(withPages), 'ENGINE.PAYMENTSAAAA.P4');
    expect(padded.sources).toBeGreaterThan(plain.sources);
    expect(padded.confidence.score).toBe(plain.confidence.score);
  });
});

describe('level differentiation', () => {
  it('fails a list that repeats another level of the focus, adjacent or not', () => {
    const r = review({ P3: GOOD.P3 ?? [], P4: GOOD.P4 ?? [], P5: GOOD.P3 ?? [] }, 'P5');
    expect(kinds(r)).toEqual(['repeatsLevel']);
    expect(r.findings[0]?.message).toMatch(/^Repeats the P3 list/);
    expect(failing(r)).toEqual(['levelDifferentiation']);
  });

  it('fails a list whose every statement is a near-duplicate of one at another level', () => {
    const reworded = (GOOD.P3 ?? []).map((s) =>
      cite(s.text.replace(/^Builds/, 'Creates').replace(/^Reviews/, 'Checks')),
    );
    const r = review({ P3: GOOD.P3 ?? [], P4: GOOD.P4 ?? [], P5: reworded }, 'P5');
    expect(kinds(r)).toEqual(['repeatsLevel']);
  });

  it('passes a level that shares one statement with another but adds its own', () => {
    const r = review(
      { P3: GOOD.P3 ?? [], P4: GOOD.P4 ?? [], P5: [...P5, ...(GOOD.P3 ?? []).slice(0, 1)] },
      'P5',
    );
    expect(kinds(r)).not.toContain('repeatsLevel');
    expect(r.passed).toBe(true);
  });

  it('fails a level generated from the same source rows as another, whatever its wording', () => {
    const row = (key: string) => ({ source: 'onet-29-3', file: 'Task Statements.txt', key });
    const withRows = (statements: Statement[], keys: string[]) =>
      statements.map((s, i) => ({ ...s, rows: [row(keys[i] ?? '')] }));
    const same = review({
      P3: withRows(GOOD.P3 ?? [], ['8823', '8824']),
      P4: withRows(GOOD.P4 ?? [], ['8824', '8823']),
    });
    expect(kinds(same)).toEqual(['sameRows']);
    expect(same.findings[0]?.message).toMatch(/same source rows as P3/);
    expect(same.passed).toBe(false);
    const other = review({
      P3: withRows(GOOD.P3 ?? [], ['8823', '8824']),
      P4: withRows(GOOD.P4 ?? [], ['8823', '9001']),
    });
    expect(kinds(other)).toEqual([]);
  });

  it('fails a level whose only statement declares that no source states its work, and says so', () => {
    const gap = cite('No source states work specific to P4 in Payments Engineering.');
    const r = review({ P3: GOOD.P3 ?? [], P4: [gap] });
    expect(kinds(r)).toEqual(['declaredGap']);
    expect(r.findings[0]?.message).toMatch(/no source states work specific to this level/);
    expect(r.scores.levelDifferentiation).toBeLessThan(RULES.pass);
    // The gap is not content: no reviewer scores it as a vague or unsourced responsibility.
    expect(r.scores.concreteness).toBe(5);
    const unsourcedGap = review({ P3: GOOD.P3 ?? [], P4: [{ ...gap, sources: [] }] });
    expect(kinds(unsourcedGap)).toEqual(['declaredGap']);
  });

  it('fails a level with an empty list of responsibilities', () => {
    const r = review({ P3: GOOD.P3 ?? [], P4: [] });
    expect(kinds(r)).toEqual(['declaredGap']);
    expect(r.findings[0]?.message).toMatch(/the list is empty/);
    expect(r.passed).toBe(false);
  });

  it('reads a declared gap beside real statements as no content, and never as alike across focuses', () => {
    const gap = cite('No source states work specific to P4 in this focus.');
    const r = review({ P3: GOOD.P3 ?? [], P4: [...(GOOD.P4 ?? []), gap] }, 'P4', {
      P3: MOBILE.P3 ?? [],
      P4: [...(MOBILE.P4 ?? []), gap],
    });
    expect(kinds(r)).toEqual([]);
  });
});

describe('the built-in taxonomy under review', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = new Catalog(await loadTaxonomy(join(PROJECT_ROOT, 'data')));
  });

  it('passes every built-in profile', () => {
    const failures = catalog.taxonomy.profiles
      .map((p) => reviewProfile(catalog, p.code))
      .filter((r) => !r.passed);
    expect(failures.map((f) => [f.code, f.scores])).toEqual([]);
  });

  it("names the seed's guidelines years that differ from the level's range, as factual findings", () => {
    const years = (code: string) =>
      reviewProfile(catalog, code)
        .findings.filter((f) => f.kind === 'yearsDiffer')
        .map((f) => [f.dimension, f.message]);
    expect(years('TECHNO.TECHNOLO6B55.M6')).toEqual([
      [
        'factualAccuracy',
        "The guidelines state 12–15 years of deep leadership; the level's sourced range is 15–25 years in all. Say how the two relate.",
      ],
    ]);
    expect(years('TECHNO.TECHNOLO6B55.M3')[0]?.[1]).toMatch(
      /state 5–7 years managing professionals and budgets; .* 8–12 years in all/,
    );
  });
});
