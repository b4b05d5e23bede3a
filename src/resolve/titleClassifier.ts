import { CanonError } from '../core/errors.js';

/** A title's SOC code(s) and how much it counts; several codes share the weight (a label that is one of them). */
export interface TitleLabel {
  socCodes: readonly string[];
  weight: number;
}

/**
 * Counted titles in compact arrays, the form the model ships in: for each feature hash (sorted), the SOC
 * codes whose titles hold it and with what weight; for each code, the weight of its titles and of their
 * features.
 */
export interface TitleCountsData {
  classes: string[];
  keys: Uint32Array;
  /** Postings per key, in key order. */
  lengths: Uint16Array;
  classIds: Uint16Array;
  counts: Float32Array;
  /** Per class: the weight of its titles (its prior). */
  mass: Float64Array;
  /** Per class: the weight of its titles' features. */
  totals: Float64Array;
}

/** Titles counted feature by feature for each SOC code: what a naive Bayes model is trained by. */
export class TitleCounts {
  readonly classIds = new Map<string, number>();
  readonly postings = new Map<number, Map<number, number>>();
  readonly mass: number[] = [];
  readonly totals: number[] = [];

  add(features: readonly number[], label: TitleLabel): void {
    const share = label.weight / label.socCodes.length;
    for (const soc of label.socCodes) {
      const c = this.classOf(soc);
      this.mass[c] = (this.mass[c] ?? 0) + share;
      this.totals[c] = (this.totals[c] ?? 0) + share * features.length;
      for (const f of features) {
        const list = this.postings.get(f) ?? new Map<number, number>();
        this.postings.set(f, list);
        list.set(c, (list.get(c) ?? 0) + share);
      }
    }
  }

  private classOf(soc: string): number {
    let c = this.classIds.get(soc);
    if (c === undefined) {
      c = this.classIds.size;
      if (c > 0xffff) throw new CanonError('invalid_data', 'The title model holds at most 65,536 SOC codes.');
      this.classIds.set(soc, c);
    }
    return c;
  }

  /** The compact form, classes sorted by code and keys ascending, so the same titles give the same arrays. */
  toData(): TitleCountsData {
    const classes = [...this.classIds.keys()].sort();
    const renumber = new Map(classes.map((soc, i) => [this.classIds.get(soc) ?? -1, i]));
    const keys = Uint32Array.from(this.postings.keys()).sort();
    let size = 0;
    for (const list of this.postings.values()) size += list.size;
    const lengths = new Uint16Array(keys.length);
    const classIds = new Uint16Array(size);
    const counts = new Float32Array(size);
    let at = 0;
    keys.forEach((key, i) => {
      const list = [...(this.postings.get(key) ?? [])]
        .map(([c, n]): [number, number] => [renumber.get(c) ?? 0, n])
        .sort((a, b) => a[0] - b[0]);
      lengths[i] = list.length;
      for (const [c, n] of list) {
        classIds[at] = c;
        counts[at++] = n;
      }
    });
    const perClass = (values: number[]) =>
      Float64Array.from(classes, (soc) => values[this.classIds.get(soc) ?? -1] ?? 0);
    return {
      classes,
      keys,
      lengths,
      classIds,
      counts,
      mass: perClass(this.mass),
      totals: perClass(this.totals),
    };
  }
}

export interface ClassScore {
  soc: string;
  /** The model's probability of the code among all it knows. */
  probability: number;
}

/**
 * Multinomial naive Bayes over title features and SOC codes: the shipped counts (O*NET's and ESCO's
 * titles), plus titles counted when the model is built (the labelled H-1B titles), which are few and
 * change more often than the O*NET release.
 */
export class TitleClassifier {
  private readonly classes: string[];
  private readonly known: ReadonlyMap<string, number>;
  private readonly starts: Uint32Array;
  private readonly extraIds: number[];
  private readonly prior: Float64Array;
  private readonly logDenominator: Float64Array;
  /** Reused per title: a count per code while a feature is read, and each code's score. */
  private readonly scratch: Float64Array;
  private readonly scores: Float64Array;
  private readonly logAlpha: number;

  private readonly alpha: number;

  /**
   * `prior`: "shipped" weighs each code by its shipped titles (the extra titles add evidence, not
   * prevalence: the labelled titles are two-thirds computer jobs, which no prior should make every
   * title); "uniform" gives every code the same.
   */
  constructor(
    private readonly base: TitleCountsData,
    private readonly extra: TitleCounts = new TitleCounts(),
    options: { alpha?: number; prior?: 'shipped' | 'uniform' } = {},
  ) {
    this.alpha = options.alpha ?? 0.2;
    this.classes = [...base.classes];
    const known = new Map(base.classes.map((soc, i) => [soc, i]));
    // The extra titles' class numbers, as numbers of this model (new codes appended).
    this.extraIds = [];
    for (const [soc, id] of extra.classIds) {
      let c = known.get(soc);
      if (c === undefined) {
        c = this.classes.length;
        this.classes.push(soc);
        known.set(soc, c);
      }
      this.extraIds[id] = c;
    }
    this.starts = new Uint32Array(base.keys.length + 1);
    for (let i = 0; i < base.keys.length; i++)
      this.starts[i + 1] = (this.starts[i] ?? 0) + (base.lengths[i] ?? 0);
    const size = this.classes.length;
    const totals = new Float64Array(size);
    totals.set(base.totals);
    extra.totals.forEach((t, id) => {
      const c = this.extraIds[id] ?? 0;
      totals[c] = (totals[c] ?? 0) + t;
    });
    let vocabulary = base.keys.length;
    for (const key of extra.postings.keys()) if (this.find(key) < 0) vocabulary++;
    const shipped = base.mass.reduce((a, b) => a + b, 0) || 1;
    // A code only the extra titles know weighs as little as a thousandth of an average code.
    const least = (1e-3 * shipped) / size;
    this.prior = Float64Array.from(this.classes, (_, c) =>
      options.prior === 'uniform' ? 0 : Math.log(Math.max(base.mass[c] ?? 0, least) / shipped),
    );
    this.logDenominator = totals.map((t) => Math.log(t + this.alpha * vocabulary));
    this.logAlpha = Math.log(this.alpha);
    this.scratch = new Float64Array(size);
    this.scores = new Float64Array(size);
    this.known = known;
  }

  /** Whether any title the model counted holds the feature. */
  has(feature: number): boolean {
    return this.find(feature) >= 0 || this.extra.postings.has(feature);
  }

  /** Whether any titles the model counted were labelled with the code. */
  knows(soc: string): boolean {
    return this.known.has(soc);
  }

  /** The `limit` likeliest SOC codes for a title's features, best first. */
  rank(features: readonly number[], limit: number): ClassScore[] {
    const size = this.classes.length;
    const counts = this.scratch;
    const scores = this.scores.fill(0);
    let known = 0;
    for (const f of features) {
      const at = this.find(f);
      const extra = this.extra.postings.get(f);
      if (at < 0 && !extra) continue;
      known++;
      const touched: number[] = [];
      if (at >= 0) {
        for (let p = this.starts[at] ?? 0, end = this.starts[at + 1] ?? 0; p < end; p++) {
          const c = this.base.classIds[p] ?? 0;
          touched.push(c);
          counts[c] = this.base.counts[p] ?? 0;
        }
      }
      if (extra)
        for (const [id, n] of extra) {
          const c = this.extraIds[id] ?? 0;
          if (counts[c] === 0) touched.push(c);
          counts[c] = (counts[c] ?? 0) + n;
        }
      // Each code gains over an unseen feature's smoothing by how often its titles hold this one.
      for (const c of touched) {
        scores[c] = (scores[c] ?? 0) + Math.log1p((counts[c] ?? 0) / this.alpha);
        counts[c] = 0;
      }
    }
    let best = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < size; c++) {
      const s =
        (scores[c] ?? 0) + (this.prior[c] ?? 0) + known * (this.logAlpha - (this.logDenominator[c] ?? 0));
      scores[c] = s;
      if (s > best) best = s;
    }
    let sum = 0;
    // The best `limit` codes by insertion into a short sorted list: sorting every code per title cost more
    // than scoring them.
    const order: number[] = [];
    for (let c = 0; c < size; c++) {
      const s = scores[c] ?? 0;
      sum += Math.exp(s - best);
      if (order.length === limit && s <= (scores[order[limit - 1] ?? 0] ?? 0)) continue;
      let at = order.length;
      while (at > 0 && (scores[order[at - 1] ?? 0] ?? 0) < s) at--;
      order.splice(at, 0, c);
      if (order.length > limit) order.pop();
    }
    return order.map((c) => ({
      soc: this.classes[c] ?? '',
      probability: Math.exp((scores[c] ?? 0) - best) / sum,
    }));
  }

  /** The position of a feature among the shipped keys, or -1. */
  private find(key: number): number {
    const keys = this.base.keys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid] ?? 0;
      if (k === key) return mid;
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}
