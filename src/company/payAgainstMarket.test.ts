import { beforeAll, describe, expect, it } from 'vitest';
import type { PayBook } from '../core/payBands.js';
import { type NorthwindDryRun, northwindDryRun } from '../testing/northwindDryRun.js';
import { northwindPayBook } from './fixtures/northwindPayBook.js';
import {
  type JobPay,
  jobsMostOffBand,
  PAY_DOTS_PER_ROW,
  type PayAgainstMarket,
  payAgainstMarket,
} from './payAgainstMarket.js';

describe('payAgainstMarket on the Northwind dry run', () => {
  let run: NorthwindDryRun;
  let book: { payBook: PayBook; londonProfile: string | null };
  let pay: PayAgainstMarket;
  beforeAll(async () => {
    run = await northwindDryRun();
    book = northwindPayBook(run.catalog, run.jobs);
    pay = payAgainstMarket(run.jobs, book.payBook);
  });

  it('takes every mapped job with pay, and counts the others', () => {
    const mapped = run.jobs.filter((j) => j.match.profile);
    expect(pay.unmapped).toBe(run.jobs.length - mapped.length);
    expect(pay.withoutPay).toBe(mapped.filter((j) => j.basePay === null).length);
    expect(pay.withoutPay).toBeGreaterThan(0);
    expect(pay.jobs.length + pay.withoutPay + pay.unmapped).toBe(run.jobs.length);
  });

  it('compares US dollars with the US band: compa-ratio is pay over the median, placed in the band', () => {
    const us = pay.jobs.filter((j) => j.job.currency === 'USD' && j.band);
    expect(us.length).toBeGreaterThan(50);
    for (const j of us) {
      expect(j.region).toMatchObject({ name: 'US', from: 'location' });
      expect(j.compaRatio).toBeCloseTo(j.pay / (j.band?.median ?? 0), 10);
      const { low, high } = j.band ?? { low: null, high: null };
      if (low === null || high === null) continue;
      expect(j.position).toBe(
        j.pay < low ? 'below the band' : j.pay > high ? 'above the band' : 'in the band',
      );
    }
  });

  it('never compares reais with a band in another currency: no compa-ratio, and the reason says both currencies', () => {
    const brl = pay.jobs.filter((j) => j.job.currency === 'BRL' && j.band);
    expect(brl.length).toBeGreaterThan(0);
    for (const j of brl) {
      expect(j.compaRatio).toBeNull();
      expect(j.band?.currency).not.toBe('BRL');
      expect(j.reason).toContain(`Paid in BRL; the band is in ${j.band?.currency}`);
      expect(j.region.from).toBe('default');
      expect(j.region.note).toContain('no BR band');
    }
  });

  it("uses the band of the job's region when the pay book has one, in its currency", () => {
    const london = pay.jobs.filter(
      (j) => j.profileCode === book.londonProfile && j.job.location.includes('London'),
    );
    expect(london.length).toBeGreaterThan(0);
    for (const j of london) {
      expect(j.region).toMatchObject({ name: 'GB', from: 'location' });
      expect(j.band?.currency).toBe('GBP');
      expect(j.compaRatio).toBeCloseTo(j.pay / 50_000, 10);
    }
  });

  it('summarises by function and level: people compared, and the median compa-ratio among them', () => {
    const people = pay.summary.reduce((s, r) => s + r.people, 0);
    expect(people).toBe(pay.jobs.reduce((s, j) => s + j.job.headcount, 0));
    for (const row of pay.summary) {
      expect(row.below + row.within + row.above).toBeLessThanOrEqual(row.compared);
      const ratios = pay.jobs
        .filter((j) => j.job.match.function?.name === row.function && j.job.match.level?.code === row.level)
        .flatMap((j) => (j.compaRatio === null ? [] : [j.compaRatio]));
      if (ratios.length === 0) expect(row.medianCompaRatio).toBeNull();
      else {
        expect(row.medianCompaRatio).toBeGreaterThanOrEqual(Math.min(...ratios));
        expect(row.medianCompaRatio).toBeLessThanOrEqual(Math.max(...ratios));
      }
    }
  });

  it("states each row's spread of compa-ratios, and picks at most PAY_DOTS_PER_ROW jobs furthest from 1.00 as its dots", () => {
    const off = (j: JobPay) => Math.abs((j.compaRatio ?? 1) - 1);
    let capped = 0;
    for (const row of pay.summary) {
      const compared = pay.jobs.filter(
        (j) =>
          j.compaRatio !== null &&
          j.job.match.function?.name === row.function &&
          j.job.match.level?.code === row.level,
      );
      const ratios = compared.map((j) => j.compaRatio ?? 0).sort((a, b) => a - b);
      if (!compared.length) {
        expect(row.spread).toBeNull();
        expect(row.outliers).toEqual([]);
        continue;
      }
      expect(row.spread?.jobs).toBe(compared.length);
      expect(row.spread?.min).toBe(ratios[0]);
      expect(row.spread?.max).toBe(ratios.at(-1));
      const { q1 = 0, median = 0, q3 = 0 } = row.spread ?? {};
      expect(ratios).toContain(median);
      expect(q1).toBeLessThanOrEqual(median);
      expect(median).toBeLessThanOrEqual(q3);
      expect(row.outliers).toHaveLength(Math.min(PAY_DOTS_PER_ROW, compared.length));
      const nearest = Math.min(...row.outliers.map(off));
      for (const j of compared.filter((c) => !row.outliers.includes(c)))
        expect(off(j)).toBeLessThanOrEqual(nearest);
      if (compared.length > PAY_DOTS_PER_ROW) capped += 1;
    }
    expect(capped).toBeGreaterThan(0);
  });

  it('orders the jobs most off their band first, the jobs not compared last, losing none', () => {
    const ordered = jobsMostOffBand(pay.jobs);
    expect(new Set(ordered)).toEqual(new Set(pay.jobs));
    expect(ordered).toHaveLength(pay.jobs.length);
    const outside = (j: JobPay) => {
      const b = j.band;
      if (j.compaRatio === null || !b) return -1;
      if (b.low !== null && j.pay < b.low) return (b.low - j.pay) / b.median;
      if (b.high !== null && j.pay > b.high) return (j.pay - b.high) / b.median;
      return 0;
    };
    for (let i = 1; i < ordered.length; i++) {
      const [before, after] = [ordered[i - 1], ordered[i]];
      if (before && after) expect(outside(before)).toBeGreaterThanOrEqual(outside(after));
    }
    expect(outside(ordered[0] as JobPay)).toBeGreaterThan(0);
    expect(ordered.at(-1)?.compaRatio).toBeNull();
  });
});
