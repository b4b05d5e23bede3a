import { STOPWORDS, stem } from './titleWords.js';

/** Room for every SOC code in one numeric key per (feature, code) pair. */
const CODE_SLOTS = 4096;

/**
 * How each occupation's titles are worded: a naive Bayes model over the
 * (stemmed) words of every O*NET title, counted per SOC code. It tells which of
 * several occupations a title reads most like when they all list the same
 * title or match it equally well: "Java Developer" is listed under Computer
 * Programmers, but "developer" is far more often a word of Software
 * Developers' titles.
 */
export class TitleWordModel {
  private readonly featureIds = new Map<string, number>();
  private readonly codeIds = new Map<string, number>();
  /** word id × CODE_SLOTS + code id → uses; one numeric-keyed map builds far faster than a map per code. */
  private readonly counts = new Map<number, number>();
  private readonly totals: number[] = [];
  /** word id → the codes whose titles use it, to score only those for a whole-taxonomy guess. */
  private readonly codesOf: number[][] = [];
  private readonly codeNames: string[] = [];
  private readonly stems = new Map<string, string>();

  /** Smoothing: a feature an occupation never uses counts as this fraction of one use. */
  constructor(private readonly alpha = 0.2) {}

  /** Counts one title (its specialty words, already normalized) for a SOC code. */
  add(socCode: string, words: readonly string[]): void {
    let code = this.codeIds.get(socCode);
    if (code === undefined) {
      code = this.codeIds.size;
      if (code >= CODE_SLOTS) throw new Error(`more than ${CODE_SLOTS} SOC codes`);
      this.codeIds.set(socCode, code);
      this.codeNames.push(socCode);
      this.totals.push(0);
    }
    const features = this.featuresOf(words, true);
    for (const f of features) {
      let id = this.featureIds.get(f);
      if (id === undefined) {
        id = this.featureIds.size;
        this.featureIds.set(f, id);
        this.codesOf.push([]);
      }
      const key = id * CODE_SLOTS + code;
      const uses = this.counts.get(key) ?? 0;
      if (uses === 0) this.codesOf[id]?.push(code);
      this.counts.set(key, uses + 1);
    }
    this.totals[code] = (this.totals[code] ?? 0) + features.length;
  }

  /**
   * The probability of each of `socCodes` given the title's words, among those
   * codes only (they sum to 1); features no occupation uses are ignored.
   */
  posterior(words: readonly string[], socCodes: readonly string[]): number[] {
    const features = this.knownFeatures(words);
    const size = this.featureIds.size;
    const logs = socCodes.map((socCode) => {
      const code = this.codeIds.get(socCode);
      const denominator = Math.log((code === undefined ? 0 : (this.totals[code] ?? 0)) + this.alpha * size);
      let score = 0;
      for (const id of features) {
        const uses = code === undefined ? 0 : (this.counts.get(id * CODE_SLOTS + code) ?? 0);
        score += Math.log(uses + this.alpha) - denominator;
      }
      return score;
    });
    const best = Math.max(...logs);
    const weights = logs.map((l) => Math.exp(l - best));
    const sum = weights.reduce((a, b) => a + b, 0) || 1;
    return weights.map((w) => w / sum);
  }

  /**
   * The `limit` SOC codes whose titles a title's words read most like, over
   * the whole taxonomy, with their probability among the codes that use any
   * of the words. Empty when no word is known.
   */
  best(words: readonly string[], limit: number): { socCode: string; probability: number }[] {
    const features = this.knownFeatures(words);
    if (!features.length) return [];
    const size = this.featureIds.size;
    const scores = new Map<number, number>();
    for (const id of features) {
      for (const code of this.codesOf[id] ?? []) {
        const uses = this.counts.get(id * CODE_SLOTS + code) ?? 0;
        scores.set(code, (scores.get(code) ?? 0) + Math.log((uses + this.alpha) / this.alpha));
      }
    }
    const logs: [number, number][] = [];
    for (const [code, gain] of scores) {
      const denominator = Math.log((this.totals[code] ?? 0) + this.alpha * size);
      logs.push([code, gain + features.length * (Math.log(this.alpha) - denominator)]);
    }
    const top = Math.max(...logs.map(([, l]) => l));
    const sum = logs.reduce((n, [, l]) => n + Math.exp(l - top), 0);
    return logs
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([code, l]) => ({ socCode: this.codeNames[code] ?? '', probability: Math.exp(l - top) / sum }));
  }

  private knownFeatures(words: readonly string[]): number[] {
    const ids: number[] = [];
    for (const f of this.featuresOf(words)) {
      const id = this.featureIds.get(f);
      if (id !== undefined) ids.push(id);
    }
    return ids;
  }

  /** The stemmed words of a title; stems are remembered while building only, so queries cannot grow the cache. */
  private featuresOf(words: readonly string[], remember = false): string[] {
    const features: string[] = [];
    for (const w of words) {
      if (STOPWORDS.has(w)) continue;
      let s = this.stems.get(w);
      if (s === undefined) {
        s = stem(w);
        if (remember) this.stems.set(w, s);
      }
      features.push(s);
    }
    return features;
  }
}
