import { CanonError } from '../core/errors.js';
import { LEVELS } from '../core/levels.js';
import type { PayBand, PayBook } from '../core/payBands.js';
import type { CompanyJob } from './companyJob.js';
import { locationCountry } from './locationCountry.js';
import { weightedMedian } from './weightedMedian.js';

export type BandPosition = 'below the band' | 'in the band' | 'above the band';

/** One job's pay set against Canon's band for its profile. */
export interface JobPay {
  job: CompanyJob;
  profileCode: string;
  pay: number;
  /** The currency compared: the file's, else the one paid where the job is (said in `notes`), else "". */
  currency: string;
  band: PayBand | null;
  /** Which region's band, and why that one. */
  region: { name: string | null; from: 'location' | 'default'; note: string };
  /** Pay ÷ the band's median; null when not comparable, with `reason` saying why. */
  compaRatio: number | null;
  position: BandPosition | null;
  /** Where the pay sits from the band's low (0) to its high (1); null without a range or a comparison. */
  share: number | null;
  reason: string | null;
  notes: string[];
}

export interface PaySummary {
  function: string;
  level: string;
  jobs: number;
  people: number;
  /** People whose pay was compared. */
  compared: number;
  /** The median compa-ratio over the people compared (each job counted by its headcount). */
  medianCompaRatio: number | null;
  below: number;
  within: number;
  above: number;
  /** The spread of the compa-ratios of the jobs compared (each job once); null with none compared. */
  spread: CompaSpread | null;
  /** Each distinct band of the row's profiles, low and high as shares of its own median. */
  bands: { low: number; high: number }[];
  /** At most PAY_DOTS_PER_ROW compared jobs: those furthest from 1.00, then by line. */
  outliers: JobPay[];
}

/** Quartiles of compa-ratios, nearest rank over the jobs compared. */
export interface CompaSpread {
  jobs: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** A chart row draws this many single jobs beside its box, so 50,000 jobs stay a readable page. */
export const PAY_DOTS_PER_ROW = 5;

export interface PayAgainstMarket {
  jobs: JobPay[];
  summary: PaySummary[];
  /** Mapped jobs the file gives no pay for, and jobs with no profile: not compared. */
  withoutPay: number;
  unmapped: number;
}

/**
 * Each mapped job's base pay against the market band of its profile: in the region its location
 * names when the pay book has a band there, else the book's default (national) band, and said so.
 * Pay in one currency is never compared with a band in another — such a job gets no compa-ratio and
 * the reason — since no exchange rate says what a real's worth in dollars of pay.
 */
export function payAgainstMarket(jobs: readonly CompanyJob[], payBook: PayBook): PayAgainstMarket {
  // Keyed by what decides the band, so a location is read once however many jobs share it.
  const bands = new Map<string, { band: PayBand | null; region: JobPay['region']; localCurrency: string }>();
  const out: JobPay[] = [];
  let withoutPay = 0;
  let unmapped = 0;
  for (const job of jobs) {
    const profileCode = job.match.profile?.code;
    if (!profileCode) {
      unmapped += 1;
      continue;
    }
    if (job.basePay === null) {
      withoutPay += 1;
      continue;
    }
    const key = `${profileCode}\u0000${job.currency}\u0000${job.location}`;
    let found = bands.get(key);
    if (!found) {
      const country = locationCountry(job.location, job.currency);
      found = {
        ...bandFor(payBook, profileCode, job.location, country),
        localCurrency: country?.currency ?? '',
      };
      bands.set(key, found);
    }
    out.push(compare(job, profileCode, found.band, found.region, found.localCurrency));
  }
  return { jobs: out, summary: summarise(out), withoutPay, unmapped };
}

function bandFor(
  payBook: PayBook,
  code: string,
  location: string,
  country: ReturnType<typeof locationCountry>,
): { band: PayBand | null; region: JobPay['region'] } {
  const headline = (region?: string) => {
    try {
      return payBook.forProfile(code, region).headline;
    } catch (error) {
      if (error instanceof CanonError && error.code === 'not_found') return null;
      throw error;
    }
  };
  for (const region of country?.regions ?? []) {
    const band = headline(region);
    if (band && band.region === region)
      return {
        band,
        region: { name: region, from: 'location', note: `${country?.reading}: the ${region} band` },
      };
  }
  const band = headline();
  const where = band ? `the default band (${band.region})` : 'and no default band either';
  const note = country
    ? `${country.reading}, but the pay book has no ${country.code} band for this profile: ${where}`
    : location.trim()
      ? `"${location.trim()}" is not read as a country: ${where}`
      : `no location: ${where}`;
  return { band, region: { name: band?.region ?? null, from: 'default', note } };
}

function compare(
  job: CompanyJob,
  profileCode: string,
  band: PayBand | null,
  region: JobPay['region'],
  localCurrency: string,
): JobPay {
  const pay = job.basePay ?? 0;
  const notes: string[] = [];
  let currency = job.currency;
  if (!currency && localCurrency) {
    currency = localCurrency;
    notes.push(`The file states no currency; read as ${currency}, the currency of the job's location.`);
  }
  const base = { job, profileCode, pay, currency, band, region, notes };
  const none = (reason: string): JobPay => ({
    ...base,
    compaRatio: null,
    position: null,
    share: null,
    reason,
  });
  if (!band) return none('Canon has no market band for this profile yet.');
  if (!currency) return none('The file states no currency and the location does not tell one: not compared.');
  if (currency !== band.currency)
    return none(
      `Paid in ${currency}; the band is in ${band.currency}. Not compared: no exchange rate is applied.`,
    );
  if (band.atLeast)
    notes.push("The band's median is a lower bound (top-coded), so the compa-ratio is at most this.");
  let position: BandPosition | null = null;
  let share: number | null = null;
  if (band.low !== null && band.high !== null && band.high > band.low) {
    position = pay < band.low ? 'below the band' : pay > band.high ? 'above the band' : 'in the band';
    share = (pay - band.low) / (band.high - band.low);
  }
  return { ...base, compaRatio: pay / band.median, position, share, reason: null };
}

/**
 * The jobs ordered for reading, those most off their band first: by how far the pay lies outside the
 * band (as a share of its median), then by the compa-ratio's distance from 1.00, then by line; the
 * jobs not compared come last, in line order.
 */
export function jobsMostOffBand(jobs: readonly JobPay[]): JobPay[] {
  // Each job's keys worked out once: a comparator would work them out twice per comparison.
  return jobs
    .map((j) => ({ j, outside: outsideBand(j), off: fromMedian(j) }))
    .sort((a, b) => b.outside - a.outside || b.off - a.off || a.j.job.line - b.j.job.line)
    .map((k) => k.j);
}

/** How far pay lies outside its band over the band's median; 0 inside or without a range; −1 when not compared. */
function outsideBand(j: JobPay): number {
  const band = j.band;
  if (j.compaRatio === null || !band) return -1;
  if (band.low !== null && j.pay < band.low) return (band.low - j.pay) / band.median;
  if (band.high !== null && j.pay > band.high) return (j.pay - band.high) / band.median;
  return 0;
}

const fromMedian = (j: JobPay) => (j.compaRatio === null ? -1 : Math.abs(j.compaRatio - 1));

function spreadOf(ratios: number[]): CompaSpread | null {
  if (!ratios.length) return null;
  const sorted = ratios.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return {
    jobs: sorted.length,
    min: sorted[0] ?? 0,
    q1: at(0.25),
    median: at(0.5),
    q3: at(0.75),
    max: sorted.at(-1) ?? 0,
  };
}

function bandSpans(jobs: readonly JobPay[]): PaySummary['bands'] {
  const spans = new Map<string, { low: number; high: number }>();
  for (const { band } of jobs)
    if (band && band.low !== null && band.high !== null)
      spans.set(`${band.low}:${band.high}:${band.median}`, {
        low: band.low / band.median,
        high: band.high / band.median,
      });
  return [...spans.values()];
}

function summarise(jobs: readonly JobPay[]): PaySummary[] {
  const groups = new Map<string, JobPay[]>();
  for (const j of jobs) {
    const key = `${j.job.match.function?.name ?? ''}\u0000${j.job.match.level?.code ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(j);
    else groups.set(key, [j]);
  }
  return [...groups.values()]
    .map((list): PaySummary => {
      const first = list[0]?.job.match;
      const compared = list.filter((j) => j.compaRatio !== null);
      const people = (l: readonly JobPay[]) => l.reduce((s, j) => s + j.job.headcount, 0);
      return {
        function: first?.function?.name ?? '',
        level: first?.level?.code ?? '',
        jobs: list.length,
        people: people(list),
        compared: people(compared),
        medianCompaRatio: weightedMedian(
          compared.map((j) => ({ value: j.compaRatio ?? 0, weight: j.job.headcount })),
        ),
        below: people(compared.filter((j) => j.position === 'below the band')),
        within: people(compared.filter((j) => j.position === 'in the band')),
        above: people(compared.filter((j) => j.position === 'above the band')),
        spread: spreadOf(compared.map((j) => j.compaRatio ?? 0)),
        bands: bandSpans(compared),
        outliers: [...compared]
          .sort((a, b) => fromMedian(b) - fromMedian(a) || a.job.line - b.job.line)
          .slice(0, PAY_DOTS_PER_ROW),
      };
    })
    .sort((a, b) => a.function.localeCompare(b.function) || levelOrder(a.level) - levelOrder(b.level));
}

function levelOrder(code: string): number {
  return LEVELS.findIndex((l) => l.code === code);
}
