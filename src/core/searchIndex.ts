import { CanonError, quote } from './errors.js';

/** The longest search Canon answers, in UTF-16 code units, as a browser's maxlength counts them. */
export const SEARCH_QUERY_LIMIT = 200;

/** What a phrase of a document is; a match in a heavier field ranks higher. */
export type SearchField = 'code' | 'soc' | 'name' | 'alias' | 'occupation' | 'levelTitle' | 'function';

const WEIGHTS: Readonly<Record<SearchField, number>> = {
  code: 10,
  soc: 8,
  name: 6,
  alias: 5,
  occupation: 3,
  levelTitle: 2,
  function: 1,
};

export const SEARCH_FIELD_LABELS: Readonly<Record<SearchField, string>> = {
  code: 'code',
  soc: 'SOC code',
  name: 'name',
  alias: 'title alias',
  occupation: 'occupation',
  levelTitle: 'level title',
  function: 'function',
};

export interface SearchPhrase {
  field: SearchField;
  text: string;
}

export interface SearchDocument {
  key: string;
  phrases: readonly SearchPhrase[];
}

interface SearchHit {
  key: string;
  score: number;
  /** The phrase that matched best, to show why the document is a result. */
  matched: SearchPhrase;
}

interface SearchResult {
  /** Every matching document's hit, best first. */
  hits: SearchHit[];
  /** The words searched for, folded; empty when the query has no letters or digits. */
  terms: string[];
}

/**
 * A SOC or O*NET-SOC code is one word ("29-1141", "29-1141.00"), and so is its beginning in a
 * query ("29-11"), so that a code is matched whole or by its first digits; otherwise a word is
 * a run of letters, marks and digits of any script.
 */
const WORD = /(?<![\p{L}\p{M}\p{N}])\d{2}-\d{1,4}(?:\.\d{1,2})?(?![\p{L}\p{M}\p{N}])|[\p{L}\p{M}\p{N}]+/gu;

/** Lower case without the accents of Latin, Greek and Cyrillic letters, so "resume" finds "Résumé". */
function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/** The distinct words of a text as the index compares them. */
export function searchWords(text: string): string[] {
  return [...new Set(fold(text).match(WORD) ?? [])];
}

/** Refuses a query over the limit, quoting it, so nobody wonders why a long paste found nothing. */
function checkSearchQuery(query: string): void {
  if (query.length > SEARCH_QUERY_LIMIT) throw new CanonError('invalid_input', searchTooLong(query));
}

export function searchTooLong(query: string): string {
  return `The search ${quote(query)} is ${query.length} characters long; a search may be up to ${SEARCH_QUERY_LIMIT}.`;
}

interface IndexedPhrase extends SearchPhrase {
  doc: number;
  words: number;
}

/**
 * A word the term only begins counts a quarter to a half of an exact match (1): more the more
 * of the word the term covers, so "nurs" ranks "nurse" above "nursery".
 */
function prefixQuality(term: string, word: string): number {
  return 0.25 + 0.25 * (term.length / word.length);
}

/**
 * An inverted index over documents' phrases, built once. Every word of a query must match a
 * word of the document, exactly or as its beginning; the score adds, for each word, its best
 * match weighted by field, plus a bonus when one phrase holds every word (twice that when the
 * phrase is exactly the query). Equal scores keep the documents' order.
 */
export class SearchIndex {
  private readonly keys: string[] = [];
  private readonly phrases: IndexedPhrase[] = [];
  private readonly postings = new Map<string, number[]>();
  /** Every indexed word, sorted, for finding the words a term begins. */
  private readonly vocabulary: string[];

  constructor(documents: readonly SearchDocument[]) {
    // Level titles, function names and common aliases repeat across thousands of profiles: fold each text once.
    const wordsOf = new Map<string, string[]>();
    for (const document of documents) {
      const doc = this.keys.push(document.key) - 1;
      for (const { field, text } of document.phrases) {
        let words = wordsOf.get(text);
        if (!words) {
          words = searchWords(text);
          wordsOf.set(text, words);
        }
        const id = this.phrases.push({ field, text, doc, words: words.length }) - 1;
        for (const word of words) {
          const list = this.postings.get(word);
          if (list) list.push(id);
          else this.postings.set(word, [id]);
        }
      }
    }
    this.vocabulary = [...this.postings.keys()].sort();
  }

  search(query: string): SearchResult {
    checkSearchQuery(query);
    const terms = searchWords(query);
    if (terms.length === 0) return { hits: [], terms };
    // Per document: the sum of each term's best match so far; per phrase: the terms it matched.
    let scores: Map<number, number> | null = null;
    const phraseTerms = new Map<number, { count: number; exact: number }>();
    // The rarest term first: each later one only looks at the documents still in the running.
    const ranges = terms
      .map((term) => ({ term, words: this.wordsBeginning(term) }))
      .map((r) => ({ ...r, size: r.words.reduce((n, w) => n + (this.postings.get(w)?.length ?? 0), 0) }))
      .sort((a, b) => a.size - b.size);
    for (const { term, words } of ranges) {
      const best = new Map<number, number>();
      for (const [id, quality] of this.matches(term, words, scores)) {
        const phrase = this.phrases[id] as IndexedPhrase;
        const value = WEIGHTS[phrase.field] * quality;
        if (value > (best.get(phrase.doc) ?? 0)) best.set(phrase.doc, value);
        const seen = phraseTerms.get(id) ?? { count: 0, exact: 0 };
        seen.count += 1;
        if (quality === 1) seen.exact += 1;
        phraseTerms.set(id, seen);
      }
      const next = new Map<number, number>();
      for (const [doc, value] of best) next.set(doc, (scores?.get(doc) ?? 0) + value);
      scores = next;
      if (scores.size === 0) break;
    }
    const matched = new Map<number, { id: number; bonus: number; value: number }>();
    for (const [id, seen] of phraseTerms) {
      const phrase = this.phrases[id] as IndexedPhrase;
      if (!scores?.has(phrase.doc)) continue;
      const weight = WEIGHTS[phrase.field];
      const whole = seen.count === terms.length;
      const exact = whole && seen.exact === terms.length && phrase.words === terms.length;
      const bonus = whole ? weight * (exact ? 2 : 1) : 0;
      const value = bonus + weight * seen.count;
      const current = matched.get(phrase.doc);
      if (!current || value > current.value) matched.set(phrase.doc, { id, bonus, value });
    }
    const hits = [...(scores ?? [])]
      .map(([doc, score]) => {
        const best = matched.get(doc);
        const phrase = this.phrases[best?.id ?? -1] as IndexedPhrase;
        return { doc, score: score + (best?.bonus ?? 0), phrase };
      })
      .sort((a, b) => b.score - a.score || a.doc - b.doc)
      .map(({ doc, score, phrase }) => ({
        key: this.keys[doc] as string,
        score,
        matched: { field: phrase.field, text: phrase.text },
      }));
    return { hits, terms };
  }

  /** The indexed words equal to the term or beginning with it, the equal one first. */
  private wordsBeginning(term: string): string[] {
    const words: string[] = [];
    for (let i = lowerBound(this.vocabulary, term); i < this.vocabulary.length; i++) {
      const word = this.vocabulary[i] as string;
      if (!word.startsWith(term)) break;
      words.push(word);
    }
    return words;
  }

  /**
   * The phrases, of the documents still in the running (all when null), that hold a word equal
   * to the term (quality 1) or beginning with it (less).
   */
  private matches(term: string, words: readonly string[], running: Map<number, number> | null) {
    const found = new Map<number, number>();
    for (const word of words) {
      const quality = word === term ? 1 : prefixQuality(term, word);
      for (const id of this.postings.get(word) ?? []) {
        if (running && !running.has((this.phrases[id] as IndexedPhrase).doc)) continue;
        if (quality > (found.get(id) ?? 0)) found.set(id, quality);
      }
    }
    return found;
  }
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
