import type { ProfilePayRecord } from '../../core/payBands.js';

/** Fewer people than this give a median but no quartile range. */
export const MIN_FOR_RANGE = 4;

/** Groups company rows by profile, region and currency into medians and quartiles. */
export function summarizeCompanyPay(
  rows: readonly { profileCode: string; region: string; currency: string; basePay: number }[],
  asOf: string | null,
): Omit<ProfilePayRecord, 'dataset' | 'source'>[] {
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const key = `${r.profileCode}\t${r.region}\t${r.currency}`;
    groups.set(key, [...(groups.get(key) ?? []), r.basePay]);
  }
  return [...groups].map(([key, pays]) => {
    const [profileCode = '', region = '', currency = ''] = key.split('\t');
    const sorted = [...pays].sort((a, b) => a - b);
    const q = (p: number) => {
      const at = (sorted.length - 1) * p;
      const lo = Math.floor(at);
      return (sorted[lo] ?? 0) + ((sorted[Math.ceil(at)] ?? 0) - (sorted[lo] ?? 0)) * (at - lo);
    };
    const ranged = sorted.length >= MIN_FOR_RANGE;
    return {
      profileCode,
      region,
      currency,
      median: q(0.5),
      p25: ranged ? q(0.25) : null,
      p75: ranged ? q(0.75) : null,
      n: sorted.length,
      asOf,
    };
  });
}
