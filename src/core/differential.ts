import type { Catalog } from './catalog.js';
import { normaliseSkill } from './coordinates.js';
import type { PayBook } from './payBands.js';

/** A pay gap of at least this share of the function's baseline is material. */
export const PAY_THRESHOLD = 0.1;
/** A focus whose skills are at least this share its own (not common in the function) differs materially. */
export const SKILL_THRESHOLD = 0.5;
/** A skill held by at least this share of a function's focuses is common to the function. */
export const COMMON_SHARE = 0.5;

export interface Differential {
  pay: { material: boolean; gap: number; median: number; baseline: number; focuses: number } | null;
  skill: { material: boolean; ownShare: number; common: string[] } | null;
  /** What the taxonomy files state, with sources, used where a figure cannot be computed. */
  stated: { pay: boolean; skill: boolean; sources: string[] };
}

/**
 * A focus against its function: its pay at this level against the median of
 * every focus's pay at the same level, and its skills against the skills most
 * of the function's focuses share.
 */
export function differential(catalog: Catalog, payBook: PayBook, code: string): Differential {
  const view = catalog.getProfile(code);
  const focuses = catalog.focusesOf(view.fn.code);

  const medians = focuses
    .map((f) => catalog.findProfile(`${view.fn.code}.${f.code}.${view.level.code}`))
    .filter((p) => p !== undefined)
    .map((p) => ({
      focus: p.focus.code,
      median: payBook.forProfile(p.code).levels.find((l) => l.levelCode === view.level.code)?.band?.median,
    }))
    .filter((x): x is { focus: string; median: number } => typeof x.median === 'number');
  const own = medians.find((m) => m.focus === view.focus.code);
  let pay: Differential['pay'] = null;
  if (own && medians.length >= 2) {
    const sorted = medians.map((m) => m.median).sort((a, b) => a - b);
    const mid = sorted.length / 2;
    const baseline =
      sorted.length % 2 ? (sorted[Math.floor(mid)] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
    const gap = (own.median - baseline) / baseline;
    pay = {
      material: Math.abs(gap) >= PAY_THRESHOLD,
      gap: Math.round(gap * 1000) / 1000,
      median: own.median,
      baseline,
      focuses: medians.length,
    };
  }

  let skill: Differential['skill'] = null;
  if (focuses.length >= 2) {
    const counts = new Map<string, number>();
    for (const f of focuses)
      for (const s of new Set(f.skills.map((x) => normaliseSkill(x.name))))
        counts.set(s, (counts.get(s) ?? 0) + 1);
    const common = [...counts].filter(([, n]) => n / focuses.length >= COMMON_SHARE).map(([s]) => s);
    const mine = view.focus.skills.map((s) => normaliseSkill(s.name));
    const ownShare = mine.length ? mine.filter((s) => !common.includes(s)).length / mine.length : 0;
    skill = { material: ownShare >= SKILL_THRESHOLD, ownShare: Math.round(ownShare * 100) / 100, common };
  }
  return { pay, skill, stated: view.focus.differential };
}

/** The sentence a profile page shows, in the wording of Canon's published pages. */
export function differentialSentence(d: Differential): string {
  const pay = d.pay ? d.pay.material : d.stated.pay;
  const skill = d.skill ? d.skill.material : d.stated.skill;
  if (pay && skill) return 'Material PAY and SKILL differential vs the function baseline.';
  if (pay) return 'Material PAY differential vs the function baseline.';
  if (skill) return 'Material SKILL differential vs the function baseline.';
  return 'No material pay or skill differential vs the function baseline.';
}
