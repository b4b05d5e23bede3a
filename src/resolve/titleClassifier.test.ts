import { describe, expect, it } from 'vitest';
import { TitleClassifier, TitleCounts } from './titleClassifier.js';

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
