import type { Catalog, ProfileView } from './catalog.js';
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
}

export interface ProfilePay {
  /** The figure to show first: observed for the profile, else the level estimate, else the occupation's. */
  headline: PayBand | null;
  occupation: PayBand | null;
  estimate: PayBand | null;
  /** One band per level of the focus, for the chart. */
  levels: { levelCode: string; band: PayBand | null }[];
}

/**
 * Market pay for profiles: observed figures first, then the occupation's
 * percentiles, and — because one SOC code covers several canonical levels — a
 * level estimate read off the occupation's percentile curve, labelled as an
 * estimate with its method.
 */
export class PayBook {
  private readonly bySoc = new Map<string, OccupationPayRecord[]>();

  private readonly byProfile = new Map<string, ProfilePayRecord[]>();

  constructor(
    private readonly catalog: Catalog,
    records: readonly OccupationPayRecord[],
    profileRecords: readonly ProfilePayRecord[] = [],
  ) {
    for (const r of records) this.bySoc.set(r.socCode, [...(this.bySoc.get(r.socCode) ?? []), r]);
    for (const r of profileRecords)
      this.byProfile.set(r.profileCode, [...(this.byProfile.get(r.profileCode) ?? []), r]);
  }

  forProfile(code: string, region?: string): ProfilePay {
    const view = this.catalog.getProfile(code);
    const levels = view.focus.levelCodes.map((levelCode) => {
      const other = this.catalog.findProfile(`${view.fn.code}.${view.focus.code}.${levelCode}`);
      // The chart compares levels, so it shows only level figures: an occupation-wide band would
      // sit beside level estimates as if it were one.
      return {
        levelCode,
        band: other ? (this.observed(other, region) ?? this.estimate(other, region)) : null,
      };
    });
    return {
      headline: this.headline(view, region),
      occupation: this.occupationBand(view, region),
      estimate: this.estimate(view, region),
      levels,
    };
  }

  private headline(view: ProfileView, region?: string): PayBand | null {
    return this.observed(view, region) ?? this.estimate(view, region) ?? this.occupationBand(view, region);
  }

  private observed(view: ProfileView, region?: string): PayBand | null {
    // A company's own data for the profile comes first: it is the most specific there is.
    const company = (this.byProfile.get(view.code) ?? []).find((r) => !region || r.region === region);
    if (company) {
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
      };
    }
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
      basis: `${r.source}, ${r.asOf ?? 'date not stated'}: all ${r.socCode} workers${r.employment ? ` (employment ${r.employment.toLocaleString('en-US')})` : ''}, not this level alone${r.topCoded.length ? `; ${r.topCoded.join(', ')} above the top-coded wage` : ''}`,
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
    if (median === null) return null;
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
