import { describe, expect, it } from 'vitest';
import { fixtureCounts, labelled } from '../testing/titleModelFixture.js';
import { calibrate } from './calibration.js';
import { readTitleFeatures } from './titleFeatures.js';
import { labelledTitles, TitleModel } from './titleModel.js';

const rows = [
  labelled('Programmer Analyst', 'Acme Systems Inc', '15-1211'),
  labelled('Programmer Analyst', 'Acme Systems Inc', '15-1211'),
  labelled('Senior Programmer Analyst', 'Zen Infotech', '15-1211'),
  ...Array.from({ length: 4 }, (_, i) => labelled('Analyst', `First Bank ${i}`, '13-1111')),
  ...Array.from({ length: 4 }, (_, i) => labelled('Analyst', `Global Software ${i}`, '15-1252')),
];
const model = (calibration: { weights: [number, number] } | null = null) =>
  new TitleModel({ counts: fixtureCounts(), labelled: labelledTitles(rows), calibration });
const rank = (title: string, employer = '', pool = new Map<string, number>()) =>
  model().rank(readTitleFeatures(title), employer, pool);

describe('labelledTitles', () => {
  it('counts identical rows once, in the order first seen', () => {
    expect(labelledTitles(rows).slice(0, 2)).toEqual([
      { title: 'Programmer Analyst', employer: 'Acme Systems Inc', socCodes: ['15-1211'], count: 2 },
      { title: 'Senior Programmer Analyst', employer: 'Zen Infotech', socCodes: ['15-1211'], count: 1 },
    ]);
  });
});

describe('TitleModel', () => {
  it('learns codes from labelled titles, beyond the O*NET titles', () => {
    expect(rank('Programmer Analyst II')[0]?.soc).toBe('15-1211');
    expect(rank('Software Engineer')[0]?.soc).toBe('15-1252');
  });

  it("reads a generic title by its employer's line of business", () => {
    expect(rank('Analyst', 'Second Bank of Ohio')[0]?.soc).toBe('13-1111');
    expect(rank('Analyst', 'Local Software Co')[0]?.soc).toBe('15-1252');
  });

  it('adds no code of its own to a title none of whose specialty words it knows', () => {
    expect(rank('Senior Zorbix Manager')).toEqual([]);
    expect(rank('Senior Zorbix Manager', '', new Map([['13-1111', 0.4]])).map((r) => r.soc)).toEqual([
      '13-1111',
    ]);
  });

  it("weighs the index's confidence in a code with the classifiers'", () => {
    const electricians = (pool: Map<string, number>) =>
      rank('Analyst Wrangler', '', pool).find((r) => r.soc === '47-2111')?.probability ?? 0;
    expect(electricians(new Map([['47-2111', 0.9]]))).toBeGreaterThan(3 * electricians(new Map()));
    const pool = new Map([['47-2111', 0.5]]);
    const listed = model().rank(readTitleFeatures('Analyst Wrangler'), '', pool, new Set(['47-2111']));
    expect(listed.find((r) => r.soc === '47-2111')?.probability).toBeGreaterThan(3 * electricians(pool));
    const ranked = rank('Software Engineer');
    expect(ranked.reduce((n, r) => n + r.probability, 0)).toBeCloseTo(1);
    expect(ranked.map((r) => r.probability)).toEqual(ranked.map((r) => r.probability).sort((a, b) => b - a));
  });

  it('calibrates the first confidence and scales the others by the blend', () => {
    expect(model().confidences([0.6, 0.3, 0.1])).toEqual([0.6, 0.3, 0.1]);
    const calibration = { weights: [0.5, -0.1] as [number, number] };
    const [first, second, third] = model(calibration).confidences([0.6, 0.3, 0.1]);
    expect(first).toBeCloseTo(calibrate(calibration, 0.6));
    expect(second).toBeCloseTo((first ?? 0) / 2);
    expect(third).toBeCloseTo((first ?? 0) / 6);
    expect(model(calibration).confidences([])).toEqual([]);
  });
});
