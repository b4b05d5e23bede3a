import { buildAdjacency, type Neighbour } from './adjacency.js';
import { parseProfileCode, profileCode } from './codes.js';
import {
  type Coordinates,
  coordinatesOf,
  type DistanceParts,
  distanceParts,
  normaliseSkill,
} from './coordinates.js';
import { CanonError, quote } from './errors.js';
import { getLevel, LEVELS, type Level, type Track } from './levels.js';
import { type RowCitation, RowCitations } from './rowCitations.js';
import { type SearchDocument, SearchIndex, type SearchPhrase } from './searchIndex.js';
import { socForms } from './socCodes.js';
import {
  type ConfidenceBand,
  confidenceBand,
  type Focus,
  type FocusLevelContent,
  type ProfileRecord,
  type ProfileStatus,
  type Source,
  type SourceRow,
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
  /** The status of the step's profile; null when the focus states a level that has no profile. */
  status: ProfileStatus | null;
}

/** Everything a profile page or API response shows, resolved and cross-linked. */
export interface ProfileView {
  code: string;
  /** Focus and level code, e.g. "Technology Executive Leadership — M3". */
  title: string;
  /** Focus and level title, e.g. "Technology Executive Leadership — Senior Manager". */
  name: string;
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

/** A function with how many focuses and profiles it has, and how many profiles are in each status. */
export interface FunctionSummary {
  fn: TaxonomyFunction;
  focuses: number;
  profiles: number;
  byStatus: Record<ProfileStatus, number>;
}

/** A profile that matches a search, with the phrase that matched best. */
interface ProfileHit {
  view: ProfileView;
  score: number;
  matched: SearchPhrase;
}

export interface ProfileSearch {
  hits: ProfileHit[];
  /** The words searched for; empty when the query has no letters or digits. */
  terms: string[];
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
  private readonly focusByCode: Map<string, Focus>;
  private readonly fnByCode: Map<string, TaxonomyFunction>;
  private readonly focusesByFunction = new Map<string, Focus[]>();
  private readonly coords = new Map<string, Coordinates>();
  private adjacency: Map<string, Neighbour[]> | null = null;
  // Built on first use, once per snapshot, like the neighbours: a snapshot never changes.
  private searchIndex: SearchIndex | null = null;
  private rows: RowCitations | null = null;
  private summaries: FunctionSummary[] | null = null;

  constructor(taxonomy: Taxonomy) {
    this.taxonomy = taxonomy;
    this.sourceById = new Map(taxonomy.sources.map((s) => [s.id, s]));
    this.focusByCode = new Map(taxonomy.focuses.map((f) => [f.code, f]));
    this.fnByCode = new Map(taxonomy.functions.map((f) => [f.code, f]));
    for (const focus of taxonomy.focuses) {
      const list = this.focusesByFunction.get(focus.functionCode);
      if (list) list.push(focus);
      else this.focusesByFunction.set(focus.functionCode, [focus]);
    }
    const statusByCode = new Map(taxonomy.profiles.map((p) => [p.code, p.status]));
    const skillSets = new Map(
      taxonomy.focuses.map((f) => [f.code, new Set(f.skills.map((s) => normaliseSkill(s.name)))]),
    );
    for (const record of taxonomy.profiles) {
      const focus = this.focusByCode.get(record.focusCode);
      const fn = this.fnByCode.get(record.functionCode);
      if (!focus || !fn) continue;
      const view = this.buildView(record, focus, fn, statusByCode);
      this.views.set(record.code, view);
      this.coords.set(
        record.code,
        coordinatesOf(fn.code, focus.code, view.level, skillSets.get(focus.code) ?? new Set()),
      );
    }
  }

  get functions(): TaxonomyFunction[] {
    return this.taxonomy.functions;
  }

  focusesOf(functionCode: string): Focus[] {
    return this.focusesByFunction.get(functionCode) ?? [];
  }

  findFocus(code: string): Focus | undefined {
    return this.focusByCode.get(code);
  }

  findFunction(code: string): TaxonomyFunction | undefined {
    return this.fnByCode.get(code);
  }

  /** Every function with its counts, in taxonomy order. */
  functionSummaries(): FunctionSummary[] {
    this.summaries ??= this.functions.map((fn) => {
      const byStatus: Record<ProfileStatus, number> = { approved: 0, in_review: 0, draft: 0, retired: 0 };
      let profiles = 0;
      const focuses = this.focusesOf(fn.code);
      for (const focus of focuses) {
        for (const levelCode of focus.levelCodes) {
          const view = this.views.get(profileCode(fn.code, focus.code, levelCode));
          if (!view) continue;
          profiles += 1;
          byStatus[view.record.status] += 1;
        }
      }
      return { fn, focuses: focuses.length, profiles, byStatus };
    });
    return this.summaries;
  }

  /** The levels any focus of a function uses, by track (S, P, M, E) and then step: a grid's columns. */
  levelsOf(functionCode: string): Level[] {
    const used = new Set(this.focusesOf(functionCode).flatMap((f) => f.levelCodes));
    return LEVELS.filter((l) => used.has(l.code));
  }

  /**
   * Profiles matching a query by name, focus, title alias, occupation, SOC code or profile code,
   * best first. A query over the length limit is refused with the query quoted.
   */
  search(query: string): ProfileSearch {
    this.searchIndex ??= new SearchIndex([...this.views.values()].map(searchDocument));
    const { hits, terms } = this.searchIndex.search(query);
    return {
      hits: hits.map((h) => ({
        view: this.views.get(h.key) as ProfileView,
        score: h.score,
        matched: h.matched,
      })),
      terms,
    };
  }

  /** The statements citing a row of a reference file, in catalog order. */
  rowCitations(row: SourceRow): readonly RowCitation[] {
    return this.rowIndex().citing(row);
  }

  /** Whether any statement cites a row of this file of this source. */
  citesFile(source: string, file: string): boolean {
    return this.rowIndex().citesFile(source, file);
  }

  /** Which statements cite which rows: built on first use, once per snapshot. */
  private rowIndex(): RowCitations {
    this.rows ??= new RowCitations(this.taxonomy);
    return this.rows;
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
    // A malformed code is bad input (400, exit 2), saying what the shape should be; a well-formed one
    // that names no profile is not found.
    parseProfileCode(code);
    throw new CanonError('not_found', `No profile with code ${quote(code)}.`);
  }

  listProfiles(
    filter: ProfileFilter = {},
    page: { limit: number; offset: number } = { limit: 50, offset: 0 },
  ): Page<ProfileView> {
    // With words to search for, the matches come ranked; without, in catalog order.
    const q = filter.q?.trim();
    const candidates = q ? this.search(q).hits.map((h) => h.view) : [...this.views.values()];
    const matches = candidates.filter(
      (v) =>
        (!filter.function || v.fn.code === filter.function) &&
        (!filter.focus || v.focus.code === filter.focus) &&
        (!filter.track || v.level.track === filter.track) &&
        (!filter.level || v.level.code === filter.level) &&
        (!filter.status || v.record.status === filter.status),
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

  private buildView(
    record: ProfileRecord,
    focus: Focus,
    fn: TaxonomyFunction,
    statusByCode: ReadonlyMap<string, ProfileStatus>,
  ): ProfileView {
    const level = getLevel(record.levelCode);
    const ladder = focus.levelCodes.flatMap((code) => {
      const content = focus.levels[code];
      const ladderCode = profileCode(fn.code, focus.code, code);
      return content
        ? [
            {
              level: getLevel(code),
              profileCode: ladderCode,
              content,
              current: code === level.code,
              status: statusByCode.get(ladderCode) ?? null,
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
      name: `${focus.name} — ${level.title}`,
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

/** What a search looks at in a profile, each phrase in the field that weighs its match. */
function searchDocument(view: ProfileView): SearchDocument {
  const { focus } = view;
  return {
    key: view.code,
    phrases: [
      { field: 'code', text: view.code },
      { field: 'name', text: view.name },
      ...view.record.aliases.map((a) => ({ field: 'alias' as const, text: a.text })),
      ...focus.mappings
        .filter((m) => m.system === 'onet-soc')
        .flatMap((m) => socForms(m.code).map((text) => ({ field: 'soc' as const, text }))),
      ...focus.mappings.flatMap((m) => (m.title ? [{ field: 'occupation' as const, text: m.title }] : [])),
      ...view.level.commonTitles.map((text) => ({ field: 'levelTitle' as const, text })),
      { field: 'function', text: view.fn.name },
    ],
  };
}
