import type { OccupationIndexData } from '../store/occupationRepository.js';
import { LruCache } from './lruCache.js';
import { normalizeTitle } from './normalizeTitle.js';
import { readSeniority } from './readSeniority.js';
import { TitleWordModel } from './titleWordModel.js';
import { STOPWORDS, stem } from './titleWords.js';

export interface Occupation {
  onetCode: string;
  socCode: string;
  title: string;
  socTitle: string;
  /** O*NET's Job Zone (1–5: how much preparation the work needs); null when the release has none. */
  jobZone: number | null;
}

export interface SpecialtyMatch {
  occupation: Occupation;
  /** 0–1: how sure the specialty is, before seniority is considered. */
  strength: number;
  matchedTitle: string;
  method: 'exact title' | 'title without seniority words' | 'search';
  /**
   * Among the occupations found for the specialty, the probability that the title is worded like this
   * one's titles (the wording model's posterior; they sum to 1): what tells apart occupations that match alike.
   */
  likeness: number;
}

/** Specialties whose lookups are remembered at once, the least recently used forgotten first. */
const CACHE_LIMIT = 10_000;
/** A word in more indexed titles than this is too common to be worth scoring as a third or fourth word. */
const COMMON_WORD = 800;
/** How much each kind of title counts when several occupations share a title (and in the learned model). */
export const TITLE_WEIGHT: ReadonlyMap<string, number> = new Map([
  ['occupation', 4],
  ['reported', 3],
  ['alternate', 2],
  ['short', 1],
]);

/** The stems of a query's meaningful words, computed once per query rather than once per matched title. */
const queryStems = (query: readonly string[]) => query.filter((w) => !STOPWORDS.has(w)).map(stem);

/** Share of the query's word stems that the occupation's own title (as stems) contains. */
function titleOverlap(stems: readonly string[], own: ReadonlySet<string>): number {
  let shared = 0;
  for (const s of stems) if (own.has(s)) shared++;
  return stems.length ? shared / stems.length : 0;
}

const specialtyKey = (words: readonly string[]) => words.filter((w) => !STOPWORDS.has(w)).join(' ');

interface Doc {
  key: string;
  onetCode: string;
  /** The number of its O*NET code (`codeNumber`), for the search's per-code scratch arrays. */
  code: number;
  weight: number;
  shown: string;
  /** The stems of the occupation's own name, shared by all its titles. */
  own: ReadonlySet<string>;
}

/** A match as found, before the wording model weighs the matches found together. */
type Found = Omit<SpecialtyMatch, 'likeness'>;

interface Entry {
  weights: Map<string, number>;
  /** The title as written, per occupation, for explanations. */
  shown: Map<string, string>;
}

/**
 * The specialty index: every O*NET title, normalized the way queries are, in an
 * exact map and in a MiniSearch BM25 index for everything the map misses.
 */
export class OccupationIndex {
  private readonly exact = new Map<string, Entry>();
  /** Word → ids of the indexed titles holding it. */
  private readonly postings = new Map<string, Int32Array>();
  /** Five-letter prefix → indexed words, to forgive a misspelt or truncated word. */
  private readonly prefixes = new Map<string, string[]>();
  /** 1/√(words in the title): longer titles share a query word less specifically. */
  private lengthNorm = new Float64Array(0);
  /** Inverse document frequency of every indexed word, computed once. */
  private readonly idfs = new Map<string, number>();
  private scratch = new Float64Array(0);
  private readonly docs: Doc[] = [];
  readonly occupations = new Map<string, Occupation>();
  /** Each SOC code's occupations, the one O*NET names after the code itself (XX-XXXX.00) first. */
  private readonly bySoc = new Map<string, Occupation[]>();
  private readonly cache = new LruCache<string, readonly SpecialtyMatch[]>(CACHE_LIMIT);
  /** Each O*NET code the indexed titles name, numbered in the order first indexed. */
  private readonly codeNumber = new Map<string, number>();
  /** Reused per search: which docs a query touched; per O*NET code its best doc, that doc's score, and the overlap of the query with the occupation's name. */
  private touched = new Int32Array(0);
  private bestDoc = new Int32Array(0);
  private bestScore = new Float64Array(0);
  private overlap = new Float64Array(0);
  private readonly ownStems = new Map<string, Set<string>>();
  /** How each SOC code's titles are worded, to choose among occupations that match a title alike. */
  private readonly wordModel = new TitleWordModel();

  constructor(data: OccupationIndexData) {
    const socTitles = new Map(data.socTitles.map((s) => [s.code, s.title]));
    for (const o of data.occupations) {
      const occupation: Occupation = {
        onetCode: o.onetCode,
        socCode: o.socCode,
        title: o.title,
        socTitle: socTitles.get(o.socCode) ?? o.title,
        jobZone: o.jobZone,
      };
      this.occupations.set(o.onetCode, occupation);
      this.bySoc.set(o.socCode, [...(this.bySoc.get(o.socCode) ?? []), occupation]);
      this.ownStems.set(o.onetCode, new Set(normalizeTitle(o.title, { clean: true }).words.map(stem)));
    }
    const add = (onetCode: string, title: string, kind: string) => {
      const weight = TITLE_WEIGHT.get(kind) ?? 1;
      const { words } = normalizeTitle(title, { clean: true });
      const specialty = readSeniority(words).specialty;
      const socCode = this.occupations.get(onetCode)?.socCode;
      if (socCode) this.wordModel.add(socCode, specialty.length ? specialty : words);
      const stripped = specialtyKey(specialty);
      for (const key of new Set([specialtyKey(words), stripped])) {
        if (!key) continue;
        const entry = this.exact.get(key) ?? { weights: new Map(), shown: new Map() };
        entry.weights.set(onetCode, Math.max(entry.weights.get(onetCode) ?? 0, weight));
        if (!entry.shown.has(onetCode)) entry.shown.set(onetCode, title);
        this.exact.set(key, entry);
      }
    };
    for (const o of data.occupations) add(o.onetCode, o.title, 'occupation');
    for (const t of data.titles) add(t.onetCode, t.title, t.kind);

    for (const [key, entry] of this.exact) {
      for (const [onetCode, weight] of entry.weights)
        this.docs.push({
          key,
          onetCode,
          code: this.numberOf(onetCode),
          weight,
          shown: entry.shown.get(onetCode) ?? key,
          own: this.ownStems.get(onetCode) ?? new Set(),
        });
    }
    this.scratch = new Float64Array(this.docs.length);
    this.touched = new Int32Array(this.docs.length);
    this.bestDoc = new Int32Array(this.codeNumber.size).fill(-1);
    this.bestScore = new Float64Array(this.codeNumber.size);
    this.overlap = new Float64Array(this.codeNumber.size).fill(-1);
    this.lengthNorm = new Float64Array(this.docs.length);
    const lists = new Map<string, number[]>();
    this.docs.forEach((d, id) => {
      const words = [...new Set(d.key.split(' '))];
      this.lengthNorm[id] = 1 / Math.sqrt(words.length);
      for (const w of words) {
        const list = lists.get(w);
        if (list) list.push(id);
        else {
          lists.set(w, [id]);
          const p = w.slice(0, 5);
          const words = this.prefixes.get(p);
          if (words) words.push(w);
          else this.prefixes.set(p, [w]);
        }
      }
    });
    // Fixed once built, so held as compact typed arrays (4 bytes an id).
    for (const [w, list] of lists) this.postings.set(w, Int32Array.from(list));
  }

  private numberOf(onetCode: string): number {
    let n = this.codeNumber.get(onetCode);
    if (n === undefined) {
      n = this.codeNumber.size;
      this.codeNumber.set(onetCode, n);
    }
    return n;
  }

  /** The occupation that stands for a SOC code: its own (XX-XXXX.00), else its first by O*NET-SOC code. */
  occupationOfSoc(socCode: string): Occupation | undefined {
    const list = this.bySoc.get(socCode);
    return (
      list?.find((o) => o.onetCode.endsWith('.00')) ??
      list?.reduce((a, b) => (b.onetCode < a.onetCode ? b : a))
    );
  }

  get size(): number {
    return this.docs.length;
  }

  /** Occupations for a specialty, best first, at most one per SOC code. */
  lookup(specialty: readonly string[], full: readonly string[], limit: number): readonly SpecialtyMatch[] {
    const fullKey = specialtyKey(full);
    const key = specialtyKey(specialty);
    // Many titles share a specialty once seniority and noise are gone ("Senior Java Developer",
    // "Java Developer II"): the lookup is remembered per specialty.
    return this.cache.getOrSet(`${limit}\u0000${key}\u0000${fullKey}`, () => {
      const found = this.find(key, fullKey, limit);
      const likeness = this.wordModel.posterior(
        specialty,
        found.map((m) => m.occupation.socCode),
      );
      return found.map(
        (m, i): SpecialtyMatch => ({
          occupation: m.occupation,
          strength: m.strength,
          matchedTitle: m.matchedTitle,
          method: m.method,
          likeness: likeness[i] ?? 0,
        }),
      );
    });
  }

  private find(key: string, fullKey: string, limit: number): Found[] {
    for (const [k, method] of [
      [fullKey, 'exact title'],
      [key, 'title without seniority words'],
    ] as const) {
      const entry = k ? this.exact.get(k) : undefined;
      if (entry) {
        // Occupations that list the title come first; those whose titles merely share its words follow,
        // so that one worded far more like the title can still compete ("Java Developer" is listed only
        // under Computer Programmers).
        const exact = this.fromExact(entry, method, k.split(' '), limit);
        const listed = new Set(exact.map((m) => m.occupation.socCode));
        const similar = this.fromSearch(key || fullKey, limit).filter(
          (m) => !listed.has(m.occupation.socCode),
        );
        return [...exact, ...similar].slice(0, limit);
      }
    }
    return this.fromSearch(key || fullKey, limit);
  }

  private fromExact(entry: Entry, method: SpecialtyMatch['method'], query: string[], limit: number): Found[] {
    // When several occupations list the same title, the one whose own name shares its words is the likelier.
    const stems = queryStems(query);
    const adjusted = [...entry.weights].map(([code, weight]): [string, number] => [
      code,
      weight * (1 + titleOverlap(stems, this.ownStems.get(code) ?? new Set())),
    ]);
    const total = adjusted.reduce((a, [, w]) => a + w, 0);
    const ranked = adjusted.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return this.distinct(
      ranked,
      ([onetCode]) => onetCode,
      limit,
      ([onetCode, weight]) => ({
        strength: (method === 'exact title' ? 0.6 : 0.55) + 0.35 * (weight / total),
        matchedTitle: entry.shown.get(onetCode) ?? '',
        method,
      }),
    );
  }

  /** Inverse document frequency: rare words identify an occupation, common ones ("manager") barely. */
  private idf(word: string): number {
    let idf = this.idfs.get(word);
    if (idf === undefined) {
      idf = Math.log(1 + this.docs.length / (this.postings.get(word)?.length ?? this.docs.length));
      // Only indexed words are kept: queries must not grow the cache.
      if (this.postings.has(word)) this.idfs.set(word, idf);
    }
    return idf;
  }

  /** A query word as indexed, or the indexed words sharing its first five letters when it is not. */
  private known(word: string): string[] {
    if (this.postings.has(word)) return [word];
    return word.length >= 5 ? (this.prefixes.get(word.slice(0, 5)) ?? []).slice(0, 5) : [];
  }

  private fromSearch(query: string, limit: number): Found[] {
    if (!query) return [];
    const queryWords = query.split(' ');
    // Score titles by the weight of the query words they share, walking only the rarest words' postings:
    // a long title's common words would touch thousands of titles and add almost nothing.
    const ranked = [...new Set(queryWords.flatMap((w) => this.known(w)))].sort(
      (a, b) => this.idf(b) - this.idf(a),
    );
    // The two rarest words always count; commoner ones only while their lists stay short.
    const terms = ranked.filter(
      (t, i) => i < 2 || (i < 4 && (this.postings.get(t)?.length ?? 0) < COMMON_WORD),
    );
    // Reused accumulators, reset after use: a Map per query cost more than the scoring itself.
    const { scratch: scores, touched, bestDoc, bestScore, overlap } = this;
    let n = 0;
    for (const term of terms) {
      const weight = this.idf(term);
      const list = this.postings.get(term);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const id = list[i] as number;
        if (scores[id] === 0) touched[n++] = id;
        scores[id] = (scores[id] ?? 0) + weight;
      }
    }
    const queryWeight = terms.reduce((w, t) => w + this.idf(t), 0) || 1;
    // Only titles near the best score can rank; sorting thousands of weak ones is the cost to avoid.
    let strongest = 0;
    for (let i = 0; i < n; i++) {
      const id = touched[i] ?? 0;
      const score = ((scores[id] ?? 0) / queryWeight) * (this.lengthNorm[id] ?? 1);
      scores[id] = score;
      if (score > strongest) strongest = score;
    }
    // Every title near the best score counts once for its occupation, with the occupation's best title kept
    // (the first of equals); occupations in the order their first such title was reached.
    const stems = queryStems(queryWords);
    const reached: number[] = [];
    for (let i = 0; i < n; i++) {
      const id = touched[i] ?? 0;
      const raw = scores[id] ?? 0;
      scores[id] = 0;
      if (raw < strongest * 0.5) continue;
      const doc = this.docs[id];
      if (!doc) continue;
      const o = doc.code;
      // The occupation's own name is the same for all its titles: its overlap with the query is read once.
      let shared = overlap[o] ?? -1;
      if (shared < 0) {
        shared = titleOverlap(stems, doc.own);
        overlap[o] = shared;
      }
      const score = raw * (0.8 + 0.05 * doc.weight) * (1 + 0.5 * shared);
      if (bestDoc[o] === -1) {
        reached.push(o);
        bestDoc[o] = id;
        bestScore[o] = score;
      } else if (score > (bestScore[o] ?? 0)) {
        bestDoc[o] = id;
        bestScore[o] = score;
      }
    }
    // Occupations best first (a stable sort: equals stay in the order reached), read off the scratch arrays.
    reached.sort((a, b) => (bestScore[b] ?? 0) - (bestScore[a] ?? 0));
    let top = 0;
    for (let i = 0; i < 3 && i < reached.length; i++) top += bestScore[reached[i] ?? 0] ?? 0;
    top ||= 1;
    const needles = queryWords.map((w) => ` ${w} `);
    const found = this.distinct(
      reached,
      (o) => this.docs[bestDoc[o] ?? 0]?.onetCode ?? '',
      limit,
      (o) => {
        const score = bestScore[o] ?? 0;
        const doc = this.docs[bestDoc[o] ?? 0] as Doc;
        const padded = ` ${doc.key} `;
        let shared = 0;
        for (const needle of needles) if (padded.includes(needle)) shared++;
        const coverage = shared / needles.length;
        return {
          strength: (0.2 + 0.45 * coverage) * (0.55 + 0.45 * (score / top)),
          matchedTitle: doc.shown,
          method: 'search',
        };
      },
    );
    for (const o of reached) {
      bestDoc[o] = -1;
      overlap[o] = -1;
    }
    return found;
  }

  /** The first `limit` items of distinct SOC codes, in order, as matches (`describe` runs only for those kept). */
  private distinct<T>(
    items: Iterable<T>,
    onetCodeOf: (item: T) => string,
    limit: number,
    describe: (item: T) => Omit<Found, 'occupation'>,
  ): Found[] {
    const seen = new Set<string>();
    const out: Found[] = [];
    for (const item of items) {
      if (out.length >= limit) break;
      const occupation = this.occupations.get(onetCodeOf(item));
      if (!occupation || seen.has(occupation.socCode)) continue;
      seen.add(occupation.socCode);
      out.push({ occupation, ...describe(item) });
    }
    return out;
  }
}
