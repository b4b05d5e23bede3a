import type { Catalog, ProfileView } from './catalog.js';
import { formatMoneyShort } from './format.js';
import { groupBy } from './groupBy.js';
import { getLevel } from './levels.js';
import type { SourceRow } from './taxonomy.js';

/** Pay a company reported for one profile, already summarized. */
export interface ProfilePayRecord {
  dataset: string;
  profileCode: string;
  region: string;
  currency: string;
  p25: number | null;
  median: number;
  p75: number | null;
  n: number;
  source: string;
  asOf: string | null;
}

export type Percentile = 'p10' | 'p25' | 'median' | 'p75' | 'p90';
const POINTS: [Percentile, number][] = [
  ['p10', 10],
  ['p25', 25],
  ['median', 50],
  ['p75', 75],
  ['p90', 90],
];

/** Occupation-level pay as a dataset reports it (e.g. BLS OEWS for one SOC code and region). */
export interface OccupationPayRecord {
  dataset: string;
  socCode: string;
  region: string;
  currency: string;
  percentiles: Partial<Record<Percentile, number>>;
  topCoded: Percentile[];
  employment: number | null;
  asOf: string | null;
  source: string;
}

export interface PayBand {
  median: number;
  low: number | null;
  high: number | null;
  /** p10–p90 when the source gives them. */
  wide: { low: number | null; high: number | null } | null;
  currency: string;
  region: string;
  /** observed: stated by a source for this profile or its occupation; estimate: derived, with its method. */
  kind: 'observed' | 'estimate';
  basis: string;
  method: string | null;
  sources: string[];
  /** The rows of reference files an observed figure was generated from, when it was. */
  rows?: SourceRow[];
  /** How many people a company's figure stands for. */
  n?: number;
  /**
   * The median is a lower bound: the level sits above the source's top-coded wage (OEWS publishes no
   * wage above it), so the true figure is at least this.
   */
  atLeast?: boolean;
}

export interface ProfilePay {
  /**
   * The figure to show first: observed for the profile (a company's own figure once it has enough
   * people for a range, or a sourced figure of the profile), else the level estimate, else the
   * occupation's.
   */
  headline: PayBand | null;
  occupation: PayBand | null;
  estimate: PayBand | null;
  /** A company's figure too thin to lead (fewer people than a range needs), shown beside the headline with its n. */
  company: PayBand | null;
  /** One band per level of the focus, for the chart. */
  levels: { levelCode: string; band: PayBand | null }[];
  /** Where the figures disagree — sources more than 20% apart, a level paid below the one under it — and why. */
  notes: string[];
}

/** A company figure leads a level only when it stands for this many people: fewer give no range, and one person is anecdote. */
export const COMPANY_LEAD_MIN = 4;
/** Two sources of one level further apart than this are shown side by side, the gap stated. */
const DISAGREEMENT = 0.2;

/**
 * Market pay for profiles: observed figures first, then the occupation's
 * percentiles, and — because one SOC code covers several canonical levels — a
 * level estimate read off the occupation's percentile curve, labelled as an
 * estimate with its method.
 */
export class PayBook {
  private readonly bySoc: Map<string, OccupationPayRecord[]>;

  private readonly byProfile: Map<string, ProfilePayRecord[]>;

  constructor(
    private readonly catalog: Catalog,
    records: readonly OccupationPayRecord[],
    profileRecords: readonly ProfilePayRecord[] = [],
  ) {
    this.bySoc = groupBy(records, (r) => r.socCode);
    this.byProfile = groupBy(profileRecords, (r) => r.profileCode);
  }

  forProfile(code: string, region?: string): ProfilePay {
    const view = this.catalog.getProfile(code);
    const own = this.levelFigures(view, region);
    const levels = view.focus.levelCodes.map((levelCode) => {
      const other =
        levelCode === view.level.code
          ? view
          : this.catalog.findProfile(`${view.fn.code}.${view.focus.code}.${levelCode}`);
      const figures = other === view ? own : other ? this.levelFigures(other, region) : null;
      // The chart compares levels, so it shows only level figures: an occupation-wide band would
      // sit beside level estimates as if it were one.
      return { levelCode, band: figures ? (figures.observed ?? figures.estimate) : null };
    });
    const occupation = this.occupationBand(view, region);
    // A thin company figure leads only where the market has nothing to say.
    const headline = own.observed ?? own.estimate ?? occupation ?? own.company;
    const beside = own.company && own.company !== headline ? own.company : null;
    return {
      headline,
      occupation,
      estimate: own.estimate,
      company: beside,
      levels,
      notes: [...disagreement(headline, own.estimate, beside), ...inversions(levels)],
    };
  }

  /** A profile's own figures, each worked out once: the company's, the observed one, the level estimate. */
  private levelFigures(view: ProfileView, region?: string) {
    const company = this.company(view, region);
    return { company, observed: this.observed(view, company, region), estimate: this.estimate(view, region) };
  }

  private company(view: ProfileView, region?: string): PayBand | null {
    const company = (this.byProfile.get(view.code) ?? []).find((r) => !region || r.region === region);
    if (!company) return null;
    return {
      median: company.median,
      low: company.p25,
      high: company.p75,
      wide: null,
      currency: company.currency,
      region: company.region,
      kind: 'observed',
      basis: `${company.source}: ${company.n} ${company.n === 1 ? 'person' : 'people'}${company.p25 === null ? ' (too few for a range)' : ', range p25–p75'}`,
      method: null,
      sources: [company.dataset],
      n: company.n,
    };
  }

  private observed(view: ProfileView, company: PayBand | null, region?: string): PayBand | null {
    // A company's own data for the profile comes first once it stands for enough people: it is the
    // most specific there is. Fewer, and it is shown beside the market figure instead of over it.
    if (company && (company.n ?? 0) >= COMPANY_LEAD_MIN) return company;
    const pay = view.record.pay.find((p) => !region || p.region === region) ?? null;
    if (!pay) return null;
    return {
      median: pay.median,
      low: pay.low,
      high: pay.high,
      wide: null,
      currency: pay.currency,
      region: pay.region,
      kind: 'observed',
      basis: pay.basis,
      method: null,
      sources: pay.sources,
      ...(pay.rows ? { rows: pay.rows } : {}),
    };
  }

  private record(view: ProfileView, region?: string): OccupationPayRecord | null {
    const soc = view.focus.mappings.find((m) => m.system === 'onet-soc')?.code.slice(0, 7);
    const records = soc ? (this.bySoc.get(soc) ?? []) : [];
    return records.find((r) => r.region === (region ?? 'US')) ?? (region ? null : (records[0] ?? null));
  }

  private occupationBand(view: ProfileView, region?: string): PayBand | null {
    const r = this.record(view, region);
    const median = r?.percentiles.median;
    if (!r || median === undefined) return null;
    return {
      median,
      low: r.percentiles.p25 ?? null,
      high: r.percentiles.p75 ?? null,
      wide: { low: r.percentiles.p10 ?? null, high: r.percentiles.p90 ?? null },
      currency: r.currency,
      region: r.region,
      kind: 'observed',
      basis: `${withDate(r.source, r.asOf)}: all ${r.socCode} workers${r.employment ? ` (employment ${r.employment.toLocaleString('en-US')})` : ''}, not this level alone${r.topCoded.length ? `; ${r.topCoded.join(', ')} above the top-coded wage` : ''}`,
      method: null,
      sources: [r.dataset],
    };
  }

  /**
   * The profile's level placed on the occupation's percentile curve: the levels
   * of every built-in focus mapped to the same SOC code are spread from the
   * 20th to the 85th percentile by rank, and the wage is interpolated between
   * the observed percentiles on either side; ±15 points give the range.
   */
  private estimate(view: ProfileView, region?: string): PayBand | null {
    const r = this.record(view, region);
    if (!r) return null;
    const curve = POINTS.filter(([key]) => r.percentiles[key] !== undefined).map(
      ([key, pct]) => [pct, r.percentiles[key] as number] as const,
    );
    if (curve.length < 2) return null;
    const soc = r.socCode;
    const ranks = this.catalog.taxonomy.focuses
      .filter((f) => f.mappings.some((m) => m.system === 'onet-soc' && m.code.slice(0, 7) === soc))
      .flatMap((f) => f.levelCodes.map((c) => getLevel(c).rank));
    const min = Math.min(...ranks);
    const max = Math.max(...ranks);
    if (min === max) return null;
    const position = 20 + ((view.level.rank - min) / (max - min)) * 65;
    const at = (pct: number) => interpolate(curve, pct);
    const median = at(position);
    if (median === null) return topCodedBound(r, curve, view.level.code, position);
    const low = at(Math.max(10, position - 15));
    const high = at(Math.min(90, position + 15));
    return {
      median: round(median),
      low: low === null ? null : round(low),
      high: high === null ? null : round(high),
      wide: null,
      currency: r.currency,
      region: r.region,
      kind: 'estimate',
      basis: `Estimate from ${r.source} percentiles for SOC ${soc}`,
      method: `Level ${view.level.code} sits at about the ${ordinal(Math.round(position))} percentile of ${soc} (its mapped levels run from rank ${min} to ${max}); the wage is interpolated between the observed percentiles, and the range spans ±15 points.${high === null ? ' The upper end lies above the top-coded wage.' : ''}`,
      sources: [r.dataset],
    };
  }
}

/**
 * A level above the source's top-coded wage: OEWS publishes no wage there, only that it is higher, so
 * the band is that bound ("at least"), never a figure made up beyond it. Null when the source does not
 * say the missing percentiles are top-coded.
 */
function topCodedBound(
  r: OccupationPayRecord,
  curve: readonly (readonly [number, number])[],
  levelCode: string,
  position: number,
): PayBand | null {
  const last = curve.at(-1);
  if (!last || r.topCoded.length === 0) return null;
  return {
    median: last[1],
    low: null,
    high: null,
    wide: null,
    currency: r.currency,
    region: r.region,
    kind: 'estimate',
    basis: `Estimate from ${r.source} percentiles for SOC ${r.socCode}`,
    method: `Level ${levelCode} sits at about the ${ordinal(Math.round(position))} percentile of ${r.socCode}, above its ${ordinal(last[0])}, the last wage published: ${r.topCoded.join(', ')} ${r.topCoded.length === 1 ? 'is' : 'are'} top-coded, so the level's wage is at least that.`,
    sources: [r.dataset],
    atLeast: true,
  };
}

/** "BLS OEWS May 2024 national" already says its date; a source that does not gets it added. */
function withDate(source: string, asOf: string | null): string {
  if (asOf === null) return `${source}, date not stated`;
  return source.includes(asOf) ? source : `${source}, ${asOf}`;
}

/** Sources of the same level more than 20% apart, said with both figures: neither is dropped. */
function disagreement(headline: PayBand | null, estimate: PayBand | null, company: PayBand | null): string[] {
  const out: string[] = [];
  const gap = (a: PayBand, b: PayBand) => (a.median - b.median) / b.median;
  if (headline && estimate && headline !== estimate && !estimate.atLeast) {
    const g = gap(headline, estimate);
    if (Math.abs(g) > DISAGREEMENT)
      out.push(
        `The sourced figure (${money(headline)}, ${headline.basis}) is ${Math.round(Math.abs(g) * 100)}% ${g < 0 ? 'below' : 'above'} the market estimate (${money(estimate)}); both are shown.`,
      );
  }
  if (company && headline && !headline.atLeast) {
    const g = gap(company, headline);
    out.push(
      `Company data: ${money(company)} from ${company.n ?? 0} ${company.n === 1 ? 'person' : 'people'}, too few to lead (${COMPANY_LEAD_MIN} give a range)${Math.abs(g) > DISAGREEMENT ? `; ${Math.round(Math.abs(g) * 100)}% ${g < 0 ? 'below' : 'above'} the figure shown` : ''}.`,
    );
  }
  return out;
}

/**
 * Levels paid less than the level below them. Estimates rise with the level by construction, so an
 * inversion always comes from a sourced figure: it is kept as its source states it, and said.
 */
function inversions(levels: readonly { levelCode: string; band: PayBand | null }[]): string[] {
  const out: string[] = [];
  let below: { levelCode: string; band: PayBand } | null = null;
  for (const l of levels) {
    if (!l.band) continue;
    if (below && l.band.median < below.band.median && !below.band.atLeast)
      out.push(
        `${l.levelCode} (${money(l.band)}, ${l.band.kind}) is below ${below.levelCode} (${money(below.band)}, ${below.band.kind}): ${l.band.kind === 'observed' ? `${l.levelCode}'s figure` : `${below.levelCode}'s figure`} is as its source states it, not adjusted to the ladder.`,
      );
    below = { levelCode: l.levelCode, band: l.band };
  }
  return out;
}

const money = (b: PayBand) => `${b.atLeast ? '≥ ' : ''}${formatMoneyShort(b.median, b.currency)}`;

/** Linear interpolation on known (percentile, wage) points; null beyond the last known point. */
function interpolate(points: readonly (readonly [number, number])[], pct: number): number | null {
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1] as readonly [number, number];
    const [x1, y1] = points[i] as readonly [number, number];
    if (pct >= x0 && pct <= x1) return y0 + ((pct - x0) / (x1 - x0)) * (y1 - y0);
  }
  const first = points[0];
  return first && pct < first[0] ? first[1] : null;
}

const round = (n: number) => Math.round(n / 100) * 100;

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13
      ? 'th'
      : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}
