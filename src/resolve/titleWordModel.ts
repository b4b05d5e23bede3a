import { CanonError } from '../core/errors.js';
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
  private readonly stems = new Map<string, string>();

  /** Smoothing: a feature an occupation never uses counts as this fraction of one use. */
  constructor(private readonly alpha = 0.2) {}

  /** Counts one title (its specialty words, already normalized) for a SOC code. */
  add(socCode: string, words: readonly string[]): void {
    let code = this.codeIds.get(socCode);
    if (code === undefined) {
      code = this.codeIds.size;
      if (code >= CODE_SLOTS)
        throw new CanonError('invalid_data', `The title model holds at most ${CODE_SLOTS} SOC codes.`);
      this.codeIds.set(socCode, code);
      this.totals.push(0);
    }
    const features = this.featuresOf(words, true);
    for (const f of features) {
      let id = this.featureIds.get(f);
      if (id === undefined) {
        id = this.featureIds.size;
        this.featureIds.set(f, id);
      }
      const key = id * CODE_SLOTS + code;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
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
    const unseen = Math.log(this.alpha);
    const logs = socCodes.map((socCode) => {
      const code = this.codeIds.get(socCode);
      const denominator = Math.log((code === undefined ? 0 : (this.totals[code] ?? 0)) + this.alpha * size);
      let score = -denominator * features.length;
      for (const id of features) {
        const uses = code === undefined ? 0 : (this.counts.get(id * CODE_SLOTS + code) ?? 0);
        score += uses === 0 ? unseen : Math.log(uses + this.alpha);
      }
      return score;
    });
    const best = Math.max(...logs);
    const weights = logs.map((l) => Math.exp(l - best));
    const sum = weights.reduce((a, b) => a + b, 0) || 1;
    return weights.map((w) => w / sum);
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
