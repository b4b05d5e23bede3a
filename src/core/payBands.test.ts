import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { Catalog } from './catalog.js';
import { formatBand } from './format.js';
import { type OccupationPayRecord, type PayBand, PayBook, type ProfilePayRecord } from './payBands.js';

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

/** A company's pay for one profile, as summarizeCompanyPay makes it: 12 people unless said otherwise. */
const companyRecord = (profileCode: string, median: number): ProfilePayRecord => ({
  dataset: 'company-acme',
  source: 'Company data acme',
  profileCode,
  region: 'US',
  currency: 'USD',
  median,
  p25: median * 0.9,
  p75: median * 1.1,
  n: 12,
  asOf: null,
});

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

  it('shows the top-coded wage as a bound, never a number beyond it', () => {
    // M6 sits past the 75th percentile, and BLS gives no 90th (it is top-coded): the level's wage is at
    // least the 75th, and says so.
    const m6 = new PayBook(catalog, [oews]).forProfile('TECHNO.TECHNOLO6B55.M6');
    expect(m6.estimate).toMatchObject({
      median: 215_000,
      low: null,
      high: null,
      atLeast: true,
      kind: 'estimate',
    });
    expect(m6.estimate?.method).toMatch(/p90 is top-coded, so the level's wage is at least that/);
    expect(formatBand(m6.headline as PayBand)).toBe('≥ $215,000, top-coded');
    const m5 = new PayBook(catalog, [oews]).forProfile('TECHNO.TECHNOLO6B55.M5').estimate;
    expect(m5?.high).toBeNull();
    expect(m5?.method).toMatch(/above the top-coded wage/);
  });

  it('has one band per level of the focus for the chart', () => {
    const pay = new PayBook(catalog, [oews]).forProfile('TECHNO.TECHNOLO6B55.M5');
    expect(pay.levels.map((l) => l.levelCode)).toEqual(['M3', 'M4', 'M5', 'M6']);
    expect(pay.levels.map((l) => [l.band?.kind ?? null, l.band?.atLeast ?? false])).toEqual([
      ['observed', false],
      ['estimate', false],
      ['estimate', false],
      ['estimate', true],
    ]);
  });

  it('says the date of a source once', () => {
    const pay = new PayBook(catalog, [oews]).forProfile('TECHNO.TECHNOLO6B55.M4');
    expect(pay.occupation?.basis).toMatch(/^BLS OEWS May 2024 national: all 11-3021 workers/);
    const undated = new PayBook(catalog, [{ ...oews, source: 'A survey', asOf: '2023' }]).forProfile(
      'TECHNO.TECHNOLO6B55.M4',
    );
    expect(undated.occupation?.basis).toMatch(/^A survey, 2023: all/);
  });

  it('keeps one person of company data beside the market estimate, with its n, and never as the headline', () => {
    const one = { ...companyRecord('TECHNO.TECHNOLO6B55.M4', 245_000), n: 1, p25: null, p75: null };
    const pay = new PayBook(catalog, [oews], [one]).forProfile('TECHNO.TECHNOLO6B55.M4');
    expect(pay.headline).toMatchObject({ kind: 'estimate' });
    expect(pay.company).toMatchObject({ median: 245_000, n: 1 });
    expect(pay.notes.join(' ')).toMatch(/Company data: \$245k from 1 person, too few to lead/);
    // The chart rises with the level: M4 shows its estimate, not the one person above M5's.
    const medians = pay.levels.slice(1).map((l) => l.band?.median ?? 0);
    expect(medians).toEqual([...medians].sort((a, b) => a - b));
    // Enough people for a range, and the company's figure leads.
    const many = companyRecord('TECHNO.TECHNOLO6B55.M4', 190_000);
    const led = new PayBook(catalog, [oews], [many]).forProfile('TECHNO.TECHNOLO6B55.M4');
    expect(led.headline).toMatchObject({ median: 190_000, n: 12, kind: 'observed' });
    expect(led.company).toBeNull();
  });

  it('shows sources more than 20% apart side by side, and says why a level is paid below the one under it', () => {
    const pay = new PayBook(catalog, [oews]).forProfile('TECHNO.TECHNOLO6B55.M3');
    // The seed's $120k for M3 against the OEWS-based estimate.
    expect(pay.headline).toMatchObject({ median: 120_000, kind: 'observed' });
    expect(pay.notes[0]).toMatch(
      /The sourced figure \(\$120k, .*\) is \d+% below the market estimate \(\$\d+k\); both are shown/,
    );
    const inverted = new PayBook(
      catalog,
      [oews],
      [companyRecord('TECHNO.TECHNOLO6B55.M5', 100_000)],
    ).forProfile('TECHNO.TECHNOLO6B55.M5');
    expect(inverted.notes.join(' ')).toMatch(/M5 \(\$100k, observed\) is below M4 \(\$\d+k, estimate\)/);
  });
});
