import type { OccupationIndexData } from '../store/occupationRepository.js';
import { normalizeTitle } from './normalizeTitle.js';
import { readSeniority } from './readSeniority.js';

export interface Occupation {
  onetCode: string;
  socCode: string;
  title: string;
  socTitle: string;
}

export interface SpecialtyMatch {
  occupation: Occupation;
  /** 0–1: how sure the specialty is, before seniority is considered. */
  strength: number;
  matchedTitle: string;
  method: 'exact title' | 'title without seniority words' | 'search';
}

/** A word in more indexed titles than this is too common to be worth scoring as a third or fourth word. */
const COMMON_WORD = 800;
const STOPWORDS = new Set(['of', 'the', 'and', 'for', 'in', 'to', 'a', 'an', 'with', 'at', 'on', 'or', 'by']);
/** How much each kind of title counts when several occupations share a title. */
const WEIGHT: Record<string, number> = { occupation: 4, reported: 3, alternate: 2, short: 1 };

/** Crude stem: plural endings off, first six letters — enough to see "Developers" in "developer". */
const stem = (w: string) => w.replace(/(?:ies|es|s)$/, '').slice(0, 6);

/** Share of the query's words that the occupation's own title (as stems) contains. */
function titleOverlap(query: readonly string[], own: ReadonlySet<string>): number {
  const words = query.filter((w) => !STOPWORDS.has(w));
  return words.length ? words.filter((w) => own.has(stem(w))).length / words.length : 0;
}

const specialtyKey = (words: readonly string[]) => words.filter((w) => !STOPWORDS.has(w)).join(' ');

interface Doc {
  key: string;
  onetCode: string;
  weight: number;
  shown: string;
}

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
  private readonly postings = new Map<string, number[]>();
  /** Five-letter prefix → indexed words, to forgive a misspelt or truncated word. */
  private readonly prefixes = new Map<string, string[]>();
  private readonly docLength: number[] = [];
  private scratch = new Float64Array(0);
  private readonly docs: Doc[] = [];
  readonly occupations = new Map<string, Occupation>();
  private readonly ownStems = new Map<string, Set<string>>();

  constructor(data: OccupationIndexData) {
    const socTitles = new Map(data.socTitles.map((s) => [s.code, s.title]));
    for (const o of data.occupations) {
      this.occupations.set(o.onetCode, {
        onetCode: o.onetCode,
        socCode: o.socCode,
        title: o.title,
        socTitle: socTitles.get(o.socCode) ?? o.title,
      });
      this.ownStems.set(o.onetCode, new Set(normalizeTitle(o.title, { clean: true }).words.map(stem)));
    }
    const add = (onetCode: string, title: string, kind: string) => {
      const weight = WEIGHT[kind] ?? 1;
      const { words } = normalizeTitle(title, { clean: true });
      const stripped = specialtyKey(readSeniority(words).specialty);
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
        this.docs.push({ key, onetCode, weight, shown: entry.shown.get(onetCode) ?? key });
    }
    this.scratch = new Float64Array(this.docs.length);
    this.docs.forEach((d, id) => {
      const words = [...new Set(d.key.split(' '))];
      this.docLength.push(words.length);
      for (const w of words) {
        const list = this.postings.get(w);
        if (list) list.push(id);
        else {
          this.postings.set(w, [id]);
          const p = w.slice(0, 5);
          const words = this.prefixes.get(p);
          if (words) words.push(w);
          else this.prefixes.set(p, [w]);
        }
      }
    });
  }

  get size(): number {
    return this.docs.length;
  }

  /** Occupations for a specialty, best first, at most one per SOC code. */
  lookup(specialty: readonly string[], full: readonly string[], limit: number): SpecialtyMatch[] {
    const fullKey = specialtyKey(full);
    const key = specialtyKey(specialty);
    for (const [k, method] of [
      [fullKey, 'exact title'],
      [key, 'title without seniority words'],
    ] as const) {
      const entry = k ? this.exact.get(k) : undefined;
      if (entry) return this.fromExact(entry, method, k.split(' '), limit);
    }
    return this.fromSearch(key || fullKey, limit);
  }

  private fromExact(
    entry: Entry,
    method: SpecialtyMatch['method'],
    query: string[],
    limit: number,
  ): SpecialtyMatch[] {
    // When several occupations list the same title, the one whose own name shares its words is the likelier.
    const adjusted = [...entry.weights].map(([code, weight]): [string, number] => [
      code,
      weight * (1 + titleOverlap(query, this.ownStems.get(code) ?? new Set())),
    ]);
    const total = adjusted.reduce((a, [, w]) => a + w, 0);
    const ranked = adjusted.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return this.distinct(
      ranked.map(([onetCode, weight]) => ({
        onetCode,
        strength: (method === 'exact title' ? 0.6 : 0.55) + 0.35 * (weight / total),
        matchedTitle: entry.shown.get(onetCode) ?? '',
        method,
      })),
      limit,
    );
  }

  /** Inverse document frequency: rare words identify an occupation, common ones ("manager") barely. */
  private idf(word: string): number {
    return Math.log(1 + this.docs.length / (this.postings.get(word)?.length ?? this.docs.length));
  }

  /** A query word as indexed, or the indexed words sharing its first five letters when it is not. */
  private known(word: string): string[] {
    if (this.postings.has(word)) return [word];
    return word.length >= 5 ? (this.prefixes.get(word.slice(0, 5)) ?? []).slice(0, 5) : [];
  }

  private fromSearch(query: string, limit: number): SpecialtyMatch[] {
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
    // One reused accumulator: a Map per query cost more than the scoring itself.
    const scores = this.scratch;
    const touched: number[] = [];
    for (const term of terms) {
      const weight = this.idf(term);
      for (const id of this.postings.get(term) ?? []) {
        if (scores[id] === 0) touched.push(id);
        scores[id] = (scores[id] ?? 0) + weight;
      }
    }
    const queryWeight = terms.reduce((n, t) => n + this.idf(t), 0) || 1;
    // Only titles near the best score can rank; sorting thousands of weak ones is the cost to avoid.
    let strongest = 0;
    const normalized: { id: number; score: number }[] = [];
    for (const id of touched) {
      const score = (scores[id] ?? 0) / queryWeight / Math.sqrt(this.docLength[id] ?? 1);
      scores[id] = 0;
      if (score < strongest * 0.5) continue;
      strongest = Math.max(strongest, score);
      normalized.push({ id, score });
    }
    const hits = normalized
      .filter((h) => h.score >= strongest * 0.5)
      .sort((a, b) => b.score - a.score)
      .slice(0, 200);
    const best = new Map<string, { score: number; doc: Doc }>();
    for (const hit of hits) {
      const doc = this.docs[hit.id];
      if (!doc) continue;
      const own = this.ownStems.get(doc.onetCode) ?? new Set<string>();
      const score = hit.score * (0.8 + 0.05 * doc.weight) * (1 + 0.5 * titleOverlap(queryWords, own));
      const current = best.get(doc.onetCode);
      if (!current || score > current.score) best.set(doc.onetCode, { score, doc });
    }
    const byScore = [...best.values()].sort((a, b) => b.score - a.score);
    const top = byScore.slice(0, 3).reduce((n, r) => n + r.score, 0) || 1;
    // Several occupations can share a SOC code; a few times the limit is enough to fill it.
    return this.distinct(
      byScore.slice(0, limit * 4).map(({ score, doc }) => {
        const docWords = new Set(doc.key.split(' '));
        const coverage = queryWords.filter((w) => docWords.has(w)).length / queryWords.length;
        return {
          onetCode: doc.onetCode,
          strength: (0.2 + 0.45 * coverage) * (0.55 + 0.45 * (score / top)),
          matchedTitle: doc.shown,
          method: 'search' as const,
        };
      }),
      limit,
    );
  }

  private distinct(
    items: { onetCode: string; strength: number; matchedTitle: string; method: SpecialtyMatch['method'] }[],
    limit: number,
  ): SpecialtyMatch[] {
    const seen = new Set<string>();
    const out: SpecialtyMatch[] = [];
    for (const item of items) {
      const occupation = this.occupations.get(item.onetCode);
      if (!occupation || seen.has(occupation.socCode)) continue;
      seen.add(occupation.socCode);
      out.push({ occupation, strength: item.strength, matchedTitle: item.matchedTitle, method: item.method });
      if (out.length >= limit) break;
    }
    return out;
  }
}
