import type { Catalog, ProfileView } from './catalog.js';
import { CanonError } from './errors.js';
import { LEVEL_ATTRIBUTES, type Level } from './levels.js';
import { RUBRIC_DIMENSIONS, type Skill, type Statement, type YearsEstimate } from './taxonomy.js';

export interface GuideStep {
  from: string;
  to: string;
  keyShift: string;
  /** False when the key shift is stated by a source; true when Canon derived it from the level definitions. */
  derived: boolean;
  typicalYears: YearsEstimate | null;
  sources: string[];
}

export interface Change {
  label: string;
  from: string;
  to: string;
}

export interface ProgressionGuide {
  from: ProfileView;
  to: ProfileView;
  steps: GuideStep[];
  /** The sum of the steps' typical times, or null when any step has none from a source. */
  typicalYears: YearsEstimate | null;
  levelChanges: Change[];
  rubricChanges: Change[];
  newResponsibilities: Statement[];
  skills: { kept: Skill[]; gained: Skill[] };
}

/** What changes between two levels of one focus, step by step, in the manner of a progression guide. */
export function progressionGuide(catalog: Catalog, fromCode: string, toCode: string): ProgressionGuide {
  const from = catalog.getProfile(fromCode);
  const to = catalog.getProfile(toCode);
  if (from.focus.code !== to.focus.code) {
    throw new CanonError(
      'invalid_input',
      `A progression guide stays inside one focus; ${from.code} and ${to.code} are in different focuses — compare them instead.`,
    );
  }
  if (to.level.rank <= from.level.rank) {
    throw new CanonError(
      'invalid_input',
      `A progression goes upward; ${to.level.code} is not above ${from.level.code}.`,
    );
  }
  const rungs = from.ladder.filter((s) => s.level.rank >= from.level.rank && s.level.rank <= to.level.rank);
  const steps = rungs.slice(1).map((rung, i): GuideStep => {
    const prev = rungs[i]?.level as Level;
    const stated = from.focus.transitions.find((t) => t.from === prev.code && t.to === rung.level.code);
    return stated
      ? {
          from: prev.code,
          to: rung.level.code,
          keyShift: stated.keyShift,
          derived: false,
          typicalYears: stated.typicalYears,
          sources: stated.sources,
        }
      : {
          from: prev.code,
          to: rung.level.code,
          keyShift: derivedShift(prev, rung.level),
          derived: true,
          typicalYears: null,
          sources: [],
        };
  });
  const ownFrom = from.ladder.find((s) => s.current)?.content;
  const ownTo = to.ladder.find((s) => s.current)?.content;
  return {
    from,
    to,
    steps,
    typicalYears: sumYears(steps),
    levelChanges: LEVEL_ATTRIBUTES.filter(([, k]) => from.level[k] !== to.level[k]).map(([label, k]) => ({
      label,
      from: String(from.level[k]),
      to: String(to.level[k]),
    })),
    rubricChanges: RUBRIC_DIMENSIONS.map(([label, k]) => ({
      label,
      from: ownFrom?.rubric[k] ?? '',
      to: ownTo?.rubric[k] ?? '',
    })).filter((c) => c.from !== c.to),
    newResponsibilities: ownTo?.responsibilities ?? [],
    // One focus means one skill set; the split is kept for guides that may one day cross focuses.
    skills: { kept: to.focus.skills, gained: [] },
  };
}

function derivedShift(from: Level, to: Level): string {
  return `Scope widens from ${lower(from.scope)} to ${lower(to.scope)}, and leadership moves from "${lower(from.leadership)}" to "${lower(to.leadership)}".`;
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function sumYears(steps: GuideStep[]): YearsEstimate | null {
  if (steps.length === 0 || steps.some((s) => s.typicalYears === null)) return null;
  return steps.reduce<YearsEstimate>(
    (acc, s) => ({
      min: acc.min + (s.typicalYears?.min ?? 0),
      max: acc.max + (s.typicalYears?.max ?? 0),
      openEnded: acc.openEnded || (s.typicalYears?.openEnded ?? false),
    }),
    { min: 0, max: 0, openEnded: false },
  );
}

export function formatYearsEstimate(y: YearsEstimate | null): string {
  return y ? `${y.min}–${y.max}${y.openEnded ? '+' : ''} years` : 'not stated by a source yet';
}
