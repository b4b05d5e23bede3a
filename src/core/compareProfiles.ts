import type { Catalog, ProfileView } from './catalog.js';
import type { MatchBand } from './coordinates.js';
import { normaliseSkill } from './coordinates.js';
import { CanonError, quote } from './errors.js';

export type SkillMarking = 'shared' | 'partly shared' | 'distinct';

export interface ComparedSkill {
  name: string;
  /** Codes of the compared profiles whose focus has this skill. */
  heldBy: string[];
  marking: SkillMarking;
}

export interface PairDistance {
  a: string;
  b: string;
  distance: number;
  band: MatchBand;
}

export interface Comparison {
  profiles: ProfileView[];
  distances: PairDistance[];
  /**
   * focus: each profile's focus skills. level: the profiles share one focus — whose skills all of
   * them hold, so marking them says nothing — and the skills compared are each level's own.
   */
  skillBasis: 'focus' | 'level';
  skills: ComparedSkill[];
}

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

/**
 * Lines up 2–4 profiles: every pairwise distance, and each skill marked shared, partly shared or
 * distinct — the focuses' skills, or for profiles of one focus, each level's own skills.
 */
export function compareProfiles(catalog: Catalog, codes: readonly string[]): Comparison {
  const unique = [...new Set(codes.map((c) => c.trim()).filter(Boolean))];
  if (unique.length < COMPARE_MIN || unique.length > COMPARE_MAX) {
    throw new CanonError(
      'invalid_input',
      `Compare takes ${COMPARE_MIN} to ${COMPARE_MAX} different profile codes separated by commas; got ${unique.length} in ${quote(codes.join(','))}.`,
    );
  }
  const profiles = unique.map((code) => catalog.getProfile(code));
  const distances: PairDistance[] = [];
  profiles.forEach((a, i) => {
    for (const b of profiles.slice(i + 1)) {
      const { distance, band } = catalog.distanceBetween(a.code, b.code);
      distances.push({ a: a.code, b: b.code, distance, band });
    }
  });

  const oneFocus = profiles.every((p) => p.focus.code === profiles[0]?.focus.code);
  const skillsOf = (p: ProfileView) =>
    oneFocus ? (p.ladder.find((step) => step.current)?.content.skills ?? []) : p.focus.skills;
  const skills = new Map<string, ComparedSkill>();
  for (const p of profiles) {
    for (const s of skillsOf(p)) {
      const key = normaliseSkill(s.name);
      const entry = skills.get(key) ?? { name: s.name, heldBy: [], marking: 'distinct' as SkillMarking };
      if (!entry.heldBy.includes(p.code)) entry.heldBy.push(p.code);
      skills.set(key, entry);
    }
  }
  for (const s of skills.values()) {
    s.marking =
      s.heldBy.length === profiles.length ? 'shared' : s.heldBy.length > 1 ? 'partly shared' : 'distinct';
  }
  const order: Record<SkillMarking, number> = { shared: 0, 'partly shared': 1, distinct: 2 };
  return {
    profiles,
    distances,
    skillBasis: oneFocus ? 'level' : 'focus',
    skills: [...skills.values()].sort(
      (x, y) => order[x.marking] - order[y.marking] || x.name.localeCompare(y.name),
    ),
  };
}
