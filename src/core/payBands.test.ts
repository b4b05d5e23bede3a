import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { Catalog } from './catalog.js';
import { type OccupationPayRecord, PayBook } from './payBands.js';

let catalog: Catalog;
beforeAll(async () => {
  catalog = new Catalog(await loadTaxonomy(join(PROJECT_ROOT, 'data')));
});

const oews: OccupationPayRecord = {
  dataset: 'bls-oews-test',
  socCode: '11-3021',
  region: 'US',
  currency: 'USD',
  percentiles: { p10: 100_000, p25: 130_000, median: 170_000, p75: 215_000 },
  topCoded: ['p90'],
  employment: 600_000,
  asOf: 'May 2024',
  source: 'BLS OEWS May 2024 national',
};

describe('PayBook', () => {
  it('shows the seed figure for M3 and "no pay data yet" elsewhere when nothing is imported', () => {
    const book = new PayBook(catalog, []);
    expect(book.forProfile('TECHNO.TECHNOLO6B55.M3').headline).toMatchObject({
      median: 120_000,
      low: 95_000,
      high: 153_000,
      kind: 'observed',
      sources: ['canon-profile-m3'],
    });
    expect(book.forProfile('TECHNO.TECHNOLO6B55.M4').headline).toBeNull();
  });

  it('estimates a level from the occupation percentiles, labelled as an estimate with its method', () => {
    const pay = new PayBook(catalog, [oews]).forProfile('TECHNO.TECHNOLO6B55.M4');
    expect(pay.headline).toMatchObject({ kind: 'estimate', currency: 'USD' });
    expect(pay.headline?.method).toMatch(/percentile of 11-3021/);
    expect(pay.occupation).toMatchObject({
      kind: 'observed',
      median: 170_000,
      low: 130_000,
      high: 215_000,
      wide: { low: 100_000, high: null },
    });
    expect(pay.occupation?.basis).toMatch(/not this level alone; p90 above the top-coded wage/);
  });

  it('places higher levels higher on the curve and keeps observed figures first', () => {
    const book = new PayBook(catalog, [oews]);
    const medians = ['M1', 'M2', 'M4', 'M5'].map(
      (l) =>
        book.forProfile(`TECHNO.${l === 'M1' || l === 'M2' ? 'ENGINEER9222' : 'TECHNOLO6B55'}.${l}`).headline
          ?.median ?? 0,
    );
    expect(medians).toEqual([...medians].sort((a, b) => a - b));
    expect(book.forProfile('TECHNO.TECHNOLO6B55.M3').headline?.kind).toBe('observed');
  });

  it('never invents a number beyond the top-coded wage', () => {
    // M6 sits past the 75th percentile, and BLS gives no 90th (it is top-coded): no estimate is made,
    // and the occupation-wide figure is shown for what it is.
    const m6 = new PayBook(catalog, [oews]).forProfile('TECHNO.TECHNOLO6B55.M6');
    expect(m6.estimate).toBeNull();
    expect(m6.headline).toMatchObject({
      kind: 'observed',
      basis: expect.stringMatching(/not this level alone/),
    });
    const m5 = new PayBook(catalog, [oews]).forProfile('TECHNO.TECHNOLO6B55.M5').estimate;
    expect(m5?.high).toBeNull();
    expect(m5?.method).toMatch(/above the top-coded wage/);
  });

  it('has one band per level of the focus for the chart', () => {
    const pay = new PayBook(catalog, [oews]).forProfile('TECHNO.TECHNOLO6B55.M5');
    expect(pay.levels.map((l) => l.levelCode)).toEqual(['M3', 'M4', 'M5', 'M6']);
    // No level figure for M6 (past the published percentiles): the chart leaves it empty rather than plot the occupation.
    expect(pay.levels.map((l) => l.band?.kind ?? null)).toEqual(['observed', 'estimate', 'estimate', null]);
  });
});
