import type { Catalog, ProfileView } from './catalog.js';
import type { Statement, YearsEstimate } from './taxonomy.js';

/** One move on a career path: to a profile in the taxonomy, or to a title a source names. */
export interface PathStep {
  title: string;
  profileCode: string | null;
  /** ladder: the next or previous level of the focus; sourced: named by a source; nearby: a close profile of another focus. */
  kind: 'ladder' | 'sourced' | 'nearby';
  typicalYears: YearsEstimate | null;
  sources: string[];
}

export interface CareerPaths {
  entry: PathStep[];
  advancement: PathStep[];
  lateral: PathStep[];
  /** From this profile to the top of its focus, then the titles sources name beyond it. */
  upward: PathStep[];
}

const LATERAL_LIMIT = 4;

function ladderStep(from: ProfileView, to: ProfileView): PathStep {
  const t = from.focus.transitions.find(
    (x) =>
      (x.from === from.level.code && x.to === to.level.code) ||
      (x.from === to.level.code && x.to === from.level.code),
  );
  return {
    title: to.title,
    profileCode: to.code,
    kind: 'ladder',
    typicalYears: t?.typicalYears ?? null,
    sources: t?.sources ?? [],
  };
}

const sourced = (s: Statement): PathStep => ({
  title: s.text,
  profileCode: null,
  kind: 'sourced',
  typicalYears: null,
  sources: s.sources,
});

/**
 * Entry points, advancement and lateral moves for a profile: the focus's own
 * ladder, what the sources name, and the nearest profiles of other focuses in
 * the function at about the same rank.
 */
export function careerPaths(catalog: Catalog, code: string): CareerPaths {
  const view = catalog.getProfile(code);
  const at = view.ladder.findIndex((s) => s.current);
  const below = view.ladder[at - 1];
  const above = view.ladder[at + 1];
  const own = view.ladder[at]?.content.career;
  const profileAt = (c: string | undefined) => (c ? catalog.findProfile(c) : undefined);

  const lateral = catalog
    .listProfiles({ function: view.fn.code }, { limit: Number.MAX_SAFE_INTEGER, offset: 0 })
    .items.filter((p) => p.focus.code !== view.focus.code && Math.abs(p.level.rank - view.level.rank) <= 1)
    .map((p) => ({ p, d: catalog.distanceBetween(view.code, p.code).distance }))
    .sort((a, b) => a.d - b.d || a.p.code.localeCompare(b.p.code))
    .slice(0, LATERAL_LIMIT)
    .map(
      ({ p }): PathStep => ({
        title: p.title,
        profileCode: p.code,
        kind: 'nearby',
        typicalYears: null,
        sources: [],
      }),
    );

  const belowView = profileAt(below?.profileCode);
  const aboveView = profileAt(above?.profileCode);
  return {
    entry: [...(belowView ? [ladderStep(view, belowView)] : []), ...(own?.entryFrom.map(sourced) ?? [])],
    advancement: [
      ...(aboveView ? [ladderStep(view, aboveView)] : []),
      ...(own?.advancementTo.map(sourced) ?? []),
    ],
    lateral: [...lateral, ...(own?.lateral.map(sourced) ?? [])],
    upward: upwardPath(catalog, view),
  };
}

function upwardPath(catalog: Catalog, view: ProfileView): PathStep[] {
  const steps: PathStep[] = [];
  let current = view;
  for (const rung of view.ladder.slice(view.ladder.findIndex((s) => s.current) + 1)) {
    const next = catalog.getProfile(rung.profileCode);
    steps.push(ladderStep(current, next));
    current = next;
  }
  const top = current.ladder.find((s) => s.current)?.content.career.advancementTo ?? [];
  return [...steps, ...top.map(sourced)];
}
