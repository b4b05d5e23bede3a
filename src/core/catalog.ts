import { buildAdjacency, type Neighbour } from './adjacency.js';
import { parseProfileCode } from './codes.js';
import {
  type Coordinates,
  coordinatesOf,
  type DistanceParts,
  distanceParts,
  normaliseSkill,
} from './coordinates.js';
import { CanonError, quote } from './errors.js';
import { getLevel, type Level, type Track } from './levels.js';
import {
  type ConfidenceBand,
  confidenceBand,
  type Focus,
  type FocusLevelContent,
  type ProfileRecord,
  type ProfileStatus,
  type Source,
  type Taxonomy,
  type TaxonomyFunction,
} from './taxonomy.js';

/** How many neighbours are kept per profile. */
export const ADJACENT_LIMIT = 6;

export interface LadderStep {
  level: Level;
  profileCode: string;
  content: FocusLevelContent;
  current: boolean;
}

/** Everything a profile page or API response shows, resolved and cross-linked. */
export interface ProfileView {
  code: string;
  title: string;
  record: ProfileRecord;
  focus: Focus;
  fn: TaxonomyFunction;
  level: Level;
  confidence: { score: number; band: ConfidenceBand; sources: string[] } | null;
  ladder: LadderStep[];
  /** Every source cited anywhere on the profile, in citation order. */
  sources: Source[];
}

export interface ProfileFilter {
  function?: string;
  focus?: string;
  track?: Track;
  level?: string;
  status?: ProfileStatus;
  q?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/**
 * An immutable, indexed snapshot of the taxonomy. Every read path (pages, API,
 * CLI) goes through it, so a request never waits on the store.
 */
export class Catalog {
  readonly taxonomy: Taxonomy;
  private readonly views = new Map<string, ProfileView>();
  private readonly sourceById: Map<string, Source>;
  private readonly searchText = new Map<string, string>();
  private readonly coords = new Map<string, Coordinates>();
  private adjacency: Map<string, Neighbour[]> | null = null;

  constructor(taxonomy: Taxonomy) {
    this.taxonomy = taxonomy;
    this.sourceById = new Map(taxonomy.sources.map((s) => [s.id, s]));
    const focusByCode = new Map(taxonomy.focuses.map((f) => [f.code, f]));
    const fnByCode = new Map(taxonomy.functions.map((f) => [f.code, f]));
    const skillSets = new Map(
      taxonomy.focuses.map((f) => [f.code, new Set(f.skills.map((s) => normaliseSkill(s.name)))]),
    );
    for (const record of taxonomy.profiles) {
      const focus = focusByCode.get(record.focusCode);
      const fn = fnByCode.get(record.functionCode);
      if (!focus || !fn) continue;
      const view = this.buildView(record, focus, fn);
      this.views.set(record.code, view);
      this.coords.set(
        record.code,
        coordinatesOf(fn.code, focus.code, view.level, skillSets.get(focus.code) ?? new Set()),
      );
      this.searchText.set(
        record.code,
        [
          view.code,
          view.title,
          focus.name,
          fn.name,
          view.level.title,
          ...view.level.commonTitles,
          ...record.aliases.map((a) => a.text),
        ]
          .join(' ')
          .toLowerCase(),
      );
    }
  }

  get functions(): TaxonomyFunction[] {
    return this.taxonomy.functions;
  }

  focusesOf(functionCode: string): Focus[] {
    return this.taxonomy.focuses.filter((f) => f.functionCode === functionCode);
  }

  findFocus(code: string): Focus | undefined {
    return this.taxonomy.focuses.find((f) => f.code === code);
  }

  findFunction(code: string): TaxonomyFunction | undefined {
    return this.taxonomy.functions.find((f) => f.code === code);
  }

  findSource(id: string): Source | undefined {
    return this.sourceById.get(id);
  }

  findProfile(code: string): ProfileView | undefined {
    return this.views.get(code);
  }

  /** Like findProfile, but says precisely why a code does not resolve. */
  getProfile(code: string): ProfileView {
    const view = this.views.get(code);
    if (view) return view;
    try {
      parseProfileCode(code);
    } catch (error) {
      // A malformed code is still just a code that names no profile; say what the shape should be.
      throw new CanonError('not_found', (error as Error).message, { cause: error });
    }
    throw new CanonError('not_found', `No profile with code ${quote(code)}.`);
  }

  listProfiles(
    filter: ProfileFilter = {},
    page: { limit: number; offset: number } = { limit: 50, offset: 0 },
  ): Page<ProfileView> {
    const words = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const matches = [...this.views.values()].filter(
      (v) =>
        (!filter.function || v.fn.code === filter.function) &&
        (!filter.focus || v.focus.code === filter.focus) &&
        (!filter.track || v.level.track === filter.track) &&
        (!filter.level || v.level.code === filter.level) &&
        (!filter.status || v.record.status === filter.status) &&
        words.every((w) => this.searchText.get(v.code)?.includes(w)),
    );
    return { items: matches.slice(page.offset, page.offset + page.limit), total: matches.length, ...page };
  }

  /** The nearest profiles by structural coordinates, computed for all profiles on first use. */
  adjacent(code: string, limit = ADJACENT_LIMIT): Neighbour[] {
    this.getProfile(code);
    this.adjacency ??= buildAdjacency(
      [...this.coords].map(([c, coords]) => ({ code: c, coords })),
      ADJACENT_LIMIT,
    );
    return (this.adjacency.get(code) ?? []).slice(0, limit);
  }

  /** The distance between two profiles, with the part each coordinate contributes. */
  distanceBetween(a: string, b: string): DistanceParts {
    this.getProfile(a);
    this.getProfile(b);
    return distanceParts(this.coords.get(a) as Coordinates, this.coords.get(b) as Coordinates);
  }

  /** Sources cited by a profile or focus, resolved; unknown ids are skipped (the loader rejects them). */
  resolveSources(ids: readonly string[]): Source[] {
    return ids.map((id) => this.sourceById.get(id)).filter((s): s is Source => s !== undefined);
  }

  /** Profiles that cite a source, for the source page. */
  citing(sourceId: string): ProfileView[] {
    return [...this.views.values()].filter((v) => v.sources.some((s) => s.id === sourceId));
  }

  private buildView(record: ProfileRecord, focus: Focus, fn: TaxonomyFunction): ProfileView {
    const level = getLevel(record.levelCode);
    const ladder = focus.levelCodes.flatMap((code) => {
      const content = focus.levels[code];
      return content
        ? [
            {
              level: getLevel(code),
              profileCode: `${fn.code}.${focus.code}.${code}`,
              content,
              current: code === level.code,
            },
          ]
        : [];
    });
    // The page shows every level of the focus, so every level's citations count.
    const cited = [
      ...focus.sources,
      ...ladder.flatMap((s) => [
        ...s.content.responsibilities.flatMap((r) => r.sources),
        ...s.content.rubric.sources,
        ...(s.content.skills ?? []).flatMap((x) => x.sources),
        ...(s.content.experience?.sources ?? []),
      ]),
      ...focus.skills.flatMap((s) => s.sources),
      ...focus.mappings.flatMap((m) => m.sources),
      ...focus.differential.sources,
      ...record.pay.flatMap((p) => p.sources),
      ...record.aliases.flatMap((a) => a.sources),
      ...(record.confidence?.sources ?? []),
      ...level.experienceSources,
    ];
    return {
      code: record.code,
      title: `${focus.name} — ${level.code}`,
      record,
      focus,
      fn,
      level,
      confidence: record.confidence
        ? {
            score: record.confidence.score,
            band: confidenceBand(record.confidence.score),
            sources: record.confidence.sources,
          }
        : null,
      ladder,
      sources: this.resolveSources([...new Set(cited)]),
    };
  }
}
