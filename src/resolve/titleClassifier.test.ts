import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TitleClassifier, TitleCounts, type TitleCountsData } from './titleClassifier.js';

// Features as small numbers: 1 "java", 2 "developer", 3 "programmer", 4 "nurse".
function counts(): TitleCounts {
  const c = new TitleCounts();
  c.add([2], { socCodes: ['15-1252'], weight: 4 });
  c.add([1, 2], { socCodes: ['15-1252'], weight: 2 });
  c.add([3], { socCodes: ['15-1251'], weight: 4 });
  c.add([1, 3], { socCodes: ['15-1251'], weight: 2 });
  c.add([4], { socCodes: ['29-1141'], weight: 4 });
  return c;
}

describe('TitleCounts', () => {
  it('keeps codes and feature keys sorted, the same titles giving the same arrays', () => {
    const data = counts().toData();
    expect(data.classes).toEqual(['15-1251', '15-1252', '29-1141']);
    expect([...data.keys]).toEqual([1, 2, 3, 4]);
    expect([...data.lengths]).toEqual([2, 1, 1, 1]);
    expect([...data.classIds.slice(0, 2)]).toEqual([0, 1]);
    expect([...data.mass]).toEqual([6, 6, 4]);
    expect([...data.totals]).toEqual([8, 8, 4]);
    expect(counts().toData()).toEqual(data);
  });

  it('shares a title with several codes among them', () => {
    const c = new TitleCounts();
    c.add([7], { socCodes: ['15-1252', '15-1253'], weight: 2 });
    expect([...c.toData().counts]).toEqual([1, 1]);
  });
});

describe('TitleClassifier', () => {
  it('ranks the code whose titles hold the features first, with probabilities that fall', () => {
    const ranked = new TitleClassifier(counts().toData()).rank([1, 3], 3);
    expect(ranked.map((r) => r.soc)).toEqual(['15-1251', '15-1252', '29-1141']);
    const [a, b, c] = ranked.map((r) => r.probability);
    expect(a).toBeGreaterThan(b ?? 1);
    expect(b).toBeGreaterThan(c ?? 1);
    expect((a ?? 0) + (b ?? 0) + (c ?? 0)).toBeCloseTo(1);
    expect(new TitleClassifier(counts().toData()).rank([1, 3], 1)).toHaveLength(1);
  });

  it('ignores features no title holds, leaving the codes in order of their titles', () => {
    const classifier = new TitleClassifier(counts().toData());
    expect(classifier.rank([99], 3).map((r) => r.soc)).toEqual(['15-1251', '15-1252', '29-1141']);
    expect(classifier.rank([99], 3)).toEqual(classifier.rank([], 3));
  });

  it('adds titles counted later to the shipped ones as evidence, not prevalence', () => {
    const extra = new TitleCounts();
    extra.add([1, 2], { socCodes: ['15-1251'], weight: 40 });
    extra.add([5], { socCodes: ['15-1299'], weight: 40 });
    const classifier = new TitleClassifier(counts().toData(), extra);
    expect(classifier.rank([1, 2], 1)[0]?.soc).toBe('15-1251');
    expect(new TitleClassifier(counts().toData()).rank([1, 2], 1)[0]?.soc).toBe('15-1252');
    // A code only the later titles know ranks on their evidence, from the least prior of all.
    expect(classifier.rank([5], 4).map((r) => r.soc)).toContain('15-1299');
    expect(classifier.knows('15-1299')).toBe(true);
    expect(classifier.knows('99-9999')).toBe(false);
  });

  it('can weigh every code alike, whatever the number of its titles', () => {
    const uniform = new TitleClassifier(counts().toData(), undefined, { prior: 'uniform' });
    const [first, second] = uniform.rank([], 3).map((r) => r.probability);
    expect(first).toBeCloseTo(second ?? 0);
  });
});

/**
 * Naive Bayes as the textbook writes it, every code scored and the softmax taken over all: what the
 * classifier's sparse scoring must equal.
 */
function textbook(
  base: TitleCountsData,
  extra: TitleCounts,
  options: { alpha: number; prior: 'shipped' | 'uniform' },
  features: readonly number[],
): Map<string, number> {
  const classes = [...base.classes, ...[...extra.classIds.keys()].filter((c) => !base.classes.includes(c))];
  const count = (soc: string, f: number) => {
    let n = 0;
    const k = base.keys.indexOf(f);
    if (k >= 0) {
      let start = 0;
      for (let i = 0; i < k; i++) start += base.lengths[i] ?? 0;
      for (let p = start; p < start + (base.lengths[k] ?? 0); p++)
        if (base.classes[base.classIds[p] ?? -1] === soc) n += base.counts[p] ?? 0;
    }
    const id = extra.classIds.get(soc);
    return n + (id === undefined ? 0 : (extra.postings.get(f)?.get(id) ?? 0));
  };
  const vocabulary = new Set([...base.keys, ...extra.postings.keys()]).size;
  const known = features.filter((f) => base.keys.includes(f) || extra.postings.has(f));
  const shipped = base.mass.reduce((a, b) => a + b, 0) || 1;
  const logs = classes.map((soc) => {
    const b = base.classes.indexOf(soc);
    const id = extra.classIds.get(soc);
    const total = (b >= 0 ? (base.totals[b] ?? 0) : 0) + (id === undefined ? 0 : (extra.totals[id] ?? 0));
    const mass = b >= 0 ? (base.mass[b] ?? 0) : 0;
    const prior =
      options.prior === 'uniform' ? 0 : Math.log(Math.max(mass, (1e-3 * shipped) / classes.length) / shipped);
    return known.reduce(
      (l, f) => l + Math.log(count(soc, f) + options.alpha) - Math.log(total + options.alpha * vocabulary),
      prior,
    );
  });
  const best = Math.max(...logs);
  const sum = logs.reduce((s, l) => s + Math.exp(l - best), 0);
  return new Map(classes.map((soc, i) => [soc, Math.exp((logs[i] ?? 0) - best) / sum]));
}

describe('TitleClassifier against the textbook', () => {
  const title = fc.record({
    features: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }),
    socCodes: fc.uniqueArray(fc.constantFrom('11-1011', '13-2011', '15-1252', '29-1141', '47-2111'), {
      minLength: 1,
      maxLength: 2,
    }),
    weight: fc.integer({ min: 1, max: 5 }),
  });
  const counted = (titles: { features: number[]; socCodes: string[]; weight: number }[]) => {
    const c = new TitleCounts();
    for (const t of titles) c.add(t.features, t);
    return c;
  };

  it('gives every code the probability a full softmax over all codes gives, the likeliest first', () => {
    fc.assert(
      fc.property(
        fc.array(title, { minLength: 1, maxLength: 12 }),
        fc.array(title, { maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 14 }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom('shipped' as const, 'uniform' as const),
        fc.constantFrom(0.2, 1),
        (shippedTitles, extraTitles, features, limit, prior, alpha) => {
          const base = counted(shippedTitles).toData();
          const extra = counted(extraTitles);
          const classifier = new TitleClassifier(base, extra, { alpha, prior });
          const expected = textbook(base, extra, { alpha, prior }, features);
          // Asked twice: what one title leaves in the reused arrays must not reach the next.
          classifier.rank([3, 5, 7], limit);
          const ranked = classifier.rank(features, limit);
          expect(ranked).toHaveLength(Math.min(limit, expected.size));
          const kth = [...expected.values()].sort((a, b) => b - a)[ranked.length - 1] ?? 0;
          ranked.forEach((r, i) => {
            expect(r.probability).toBeCloseTo(expected.get(r.soc) ?? -1, 12);
            expect(r.probability).toBeGreaterThanOrEqual(kth - 1e-12);
            if (i > 0) expect(r.probability).toBeLessThanOrEqual((ranked[i - 1]?.probability ?? 0) + 1e-12);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
