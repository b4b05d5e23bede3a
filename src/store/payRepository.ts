import { eq, isNotNull } from 'drizzle-orm';
import type { OccupationPayRecord, Percentile, ProfilePayRecord } from '../core/payBands.js';
import type { OccupationPay } from '../importers/pay/readOews.js';
import type { CanonDb } from './openStore.js';
import { imports, payObservations } from './schema.js';

export interface DatasetMeta {
  dataset: string;
  source: string;
  region: string;
  currency: string;
  asOf: string | null;
}

/** Replaces one dataset's occupation pay inside the caller's transaction; other datasets are untouched. */
export async function writeOccupationPay(
  tx: CanonDb,
  meta: DatasetMeta,
  rows: readonly OccupationPay[],
): Promise<number> {
  await tx.delete(payObservations).where(eq(payObservations.dataset, meta.dataset));
  const values = rows.map((r) => ({
    dataset: meta.dataset,
    socCode: r.socCode,
    region: meta.region,
    currency: meta.currency,
    period: 'annual' as const,
    p10: r.percentiles.p10 ?? null,
    p25: r.percentiles.p25 ?? null,
    median: r.percentiles.median ?? null,
    p75: r.percentiles.p75 ?? null,
    p90: r.percentiles.p90 ?? null,
    mean: r.mean,
    topCoded: r.topCoded,
    employment: r.employment,
    asOf: meta.asOf,
    source: meta.source,
    line: r.line,
  }));
  for (let i = 0; i < values.length; i += 500)
    await tx.insert(payObservations).values(values.slice(i, i + 500));
  const counts = { occupations: rows.length };
  await tx
    .insert(imports)
    .values({ dataset: meta.dataset, source: meta.source, counts })
    .onConflictDoUpdate({ target: imports.dataset, set: { source: meta.source, counts } });
  return rows.length;
}

export async function readOccupationPay(db: CanonDb): Promise<OccupationPayRecord[]> {
  const rows = await db.select().from(payObservations).where(isNotNull(payObservations.socCode));
  return rows.map((r) => {
    const percentiles: Partial<Record<Percentile, number>> = {};
    for (const key of ['p10', 'p25', 'median', 'p75', 'p90'] as const)
      if (r[key] !== null) percentiles[key] = r[key] as number;
    return {
      dataset: r.dataset,
      socCode: r.socCode ?? '',
      region: r.region,
      currency: r.currency,
      percentiles,
      topCoded: r.topCoded as Percentile[],
      employment: r.employment,
      asOf: r.asOf,
      source: r.source,
    };
  });
}

/** Replaces one company dataset's profile-level pay, inside the caller's transaction. */
export async function writeProfilePay(
  tx: CanonDb,
  dataset: string,
  source: string,
  records: readonly Omit<ProfilePayRecord, 'dataset' | 'source'>[],
): Promise<void> {
  await tx.delete(payObservations).where(eq(payObservations.dataset, dataset));
  if (records.length === 0) return;
  await tx.insert(payObservations).values(
    records.map((r, i) => ({
      dataset,
      profileCode: r.profileCode,
      region: r.region,
      currency: r.currency,
      period: 'annual' as const,
      p25: r.p25,
      median: r.median,
      p75: r.p75,
      topCoded: [],
      employment: r.n,
      asOf: r.asOf,
      source,
      line: i + 1,
    })),
  );
}

export async function readProfilePay(db: CanonDb): Promise<ProfilePayRecord[]> {
  const rows = await db.select().from(payObservations).where(isNotNull(payObservations.profileCode));
  return rows
    .filter((r) => r.median !== null)
    .map((r) => ({
      dataset: r.dataset,
      profileCode: r.profileCode ?? '',
      region: r.region,
      currency: r.currency,
      p25: r.p25,
      median: r.median as number,
      p75: r.p75,
      n: r.employment ?? 0,
      source: r.source,
      asOf: r.asOf,
    }));
}
