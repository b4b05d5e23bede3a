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
  /**
   * The shipped and extra counts merged: for each feature (sorted keys), the codes whose titles hold it
   * and how much each gains over an unseen feature's smoothing, log(1 + count/α), worked out once.
   */
  private readonly keys: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly postingClass: Uint32Array;
  private readonly postingGain: Float64Array;
  private readonly prior: Float64Array;
  private readonly logDenominator: Float64Array;
  private readonly logAlpha: number;
  /** Reused per title: each code's score, and which codes the title's features touched (by stamp). */
  private readonly scores: Float64Array;
  private readonly stamps: Uint32Array;
  private readonly touched: Uint32Array;
  private stamp = 0;
  /** The scores of codes no feature touched, by the number of known features: see `untouched`. */
  private readonly baselines = new Map<number, Baseline>();

  /**
   * `prior`: "shipped" weighs each code by its shipped titles (the extra titles add evidence, not
   * prevalence: the labelled titles are two-thirds computer jobs, which no prior should make every
   * title); "uniform" gives every code the same.
   */
  constructor(
    base: TitleCountsData,
    extra: TitleCounts = new TitleCounts(),
    options: { alpha?: number; prior?: 'shipped' | 'uniform' } = {},
  ) {
    const alpha = options.alpha ?? 0.2;
    this.classes = [...base.classes];
    const known = new Map(base.classes.map((soc, i) => [soc, i]));
    // The extra titles' class numbers, as numbers of this model (new codes appended).
    const extraIds: number[] = [];
    for (const [soc, id] of extra.classIds) {
      let c = known.get(soc);
      if (c === undefined) {
        c = this.classes.length;
        this.classes.push(soc);
        known.set(soc, c);
      }
      extraIds[id] = c;
    }
    const size = this.classes.length;
    const totals = new Float64Array(size);
    totals.set(base.totals);
    extra.totals.forEach((t, id) => {
      const c = extraIds[id] ?? 0;
      totals[c] = (totals[c] ?? 0) + t;
    });
    const baseStarts = new Uint32Array(base.keys.length + 1);
    for (let i = 0; i < base.keys.length; i++)
      baseStarts[i + 1] = (baseStarts[i] ?? 0) + (base.lengths[i] ?? 0);
    const extraOnly = [...extra.postings.keys()].filter((key) => search(base.keys, key) < 0);
    const vocabulary = base.keys.length + extraOnly.length;
    this.keys = Uint32Array.from([...base.keys, ...extraOnly]).sort();
    let extraPostings = 0;
    for (const list of extra.postings.values()) extraPostings += list.size;
    this.starts = new Uint32Array(this.keys.length + 1);
    this.postingClass = new Uint32Array(base.classIds.length + extraPostings);
    this.postingGain = new Float64Array(base.classIds.length + extraPostings);
    const count = new Float64Array(size);
    let at = 0;
    this.keys.forEach((key, i) => {
      const from = at;
      const b = search(base.keys, key);
      if (b >= 0)
        for (let p = baseStarts[b] ?? 0, end = baseStarts[b + 1] ?? 0; p < end; p++) {
          const c = base.classIds[p] ?? 0;
          this.postingClass[at++] = c;
          count[c] = base.counts[p] ?? 0;
        }
      for (const [id, n] of extra.postings.get(key) ?? []) {
        const c = extraIds[id] ?? 0;
        if (count[c] === 0) this.postingClass[at++] = c;
        count[c] = (count[c] ?? 0) + n;
      }
      for (let p = from; p < at; p++) {
        const c = this.postingClass[p] ?? 0;
        this.postingGain[p] = Math.log1p((count[c] ?? 0) / alpha);
        count[c] = 0;
      }
      this.starts[i + 1] = at;
    });
    const shipped = base.mass.reduce((a, b) => a + b, 0) || 1;
    // A code only the extra titles know weighs as little as a thousandth of an average code.
    const least = (1e-3 * shipped) / size;
    this.prior = Float64Array.from(this.classes, (_, c) =>
      options.prior === 'uniform' ? 0 : Math.log(Math.max(base.mass[c] ?? 0, least) / shipped),
    );
    this.logDenominator = totals.map((t) => Math.log(t + alpha * vocabulary));
    this.logAlpha = Math.log(alpha);
    this.scores = new Float64Array(size);
    this.stamps = new Uint32Array(size);
    this.touched = new Uint32Array(size);
    this.known = known;
  }

  /** Whether any title the model counted holds the feature. */
  has(feature: number): boolean {
    return search(this.keys, feature) >= 0;
  }

  /** Whether any titles the model counted were labelled with the code. */
  knows(soc: string): boolean {
    return this.known.has(soc);
  }

  /**
   * The `limit` likeliest SOC codes for a title's features, best first (ties by code number). Only the
   * codes the features touch are scored one by one; every other code's score depends only on how many
   * features are known, so those come from a table worked out once per count (`untouched`).
   */
  rank(features: readonly number[], limit: number): ClassScore[] {
    const { scores, stamps, touched } = this;
    const stamp = this.nextStamp();
    let known = 0;
    let n = 0;
    for (const f of features) {
      const at = search(this.keys, f);
      if (at < 0) continue;
      known++;
      for (let p = this.starts[at] ?? 0, end = this.starts[at + 1] ?? 0; p < end; p++) {
        const c = this.postingClass[p] ?? 0;
        if (stamps[c] !== stamp) {
          stamps[c] = stamp;
          touched[n++] = c;
        }
        scores[c] = (scores[c] ?? 0) + (this.postingGain[p] ?? 0);
      }
    }
    const baseline = this.untouched(known);
    let best = baseline.best;
    for (let i = 0; i < n; i++) {
      const c = touched[i] ?? 0;
      const s =
        (scores[c] ?? 0) + (this.prior[c] ?? 0) + known * (this.logAlpha - (this.logDenominator[c] ?? 0));
      scores[c] = s;
      if (s > best) best = s;
    }
    // Σ exp(score − best) over every code, in code order (as a plain softmax adds them).
    let sum = 0;
    for (let c = 0; c < scores.length; c++)
      sum += Math.exp(((stamps[c] === stamp ? scores[c] : baseline.scores[c]) ?? 0) - best);
    const first = this.firstTouched(n, limit);
    const out: ClassScore[] = [];
    // Merge the best touched codes with the best untouched ones (the table's order, touched ones skipped).
    let t = 0;
    let u = 0;
    while (out.length < limit) {
      while (u < baseline.order.length && stamps[baseline.order[u] ?? 0] === stamp) u++;
      const a = first[t];
      const b = u < baseline.order.length ? (baseline.order[u] ?? 0) : undefined;
      if (a === undefined && b === undefined) break;
      const takeTouched =
        b === undefined || (a !== undefined && before(scores[a] ?? 0, a, baseline.scores[b] ?? 0, b));
      const c = takeTouched ? (a ?? 0) : (b ?? 0);
      if (takeTouched) t++;
      else u++;
      const s = takeTouched ? (scores[c] ?? 0) : (baseline.scores[c] ?? 0);
      out.push({ soc: this.classes[c] ?? '', probability: Math.exp(s - best) / sum });
    }
    for (let i = 0; i < n; i++) scores[touched[i] ?? 0] = 0;
    return out;
  }

  /** The best `limit` touched codes, best first: insertion into a short sorted list. */
  private firstTouched(n: number, limit: number): number[] {
    const { scores, touched } = this;
    const order: number[] = [];
    if (limit < 1) return order;
    for (let i = 0; i < n; i++) {
      const c = touched[i] ?? 0;
      const s = scores[c] ?? 0;
      const last = order[order.length - 1];
      if (order.length === limit && last !== undefined && !before(s, c, scores[last] ?? 0, last)) continue;
      // Shifted by hand: a splice per code allocates an array each time.
      let at = order.length < limit ? order.length : limit - 1;
      while (at > 0 && before(s, c, scores[order[at - 1] ?? 0] ?? 0, order[at - 1] ?? 0)) {
        order[at] = order[at - 1] ?? 0;
        at--;
      }
      order[at] = c;
    }
    return order;
  }

  /**
   * With `known` features known and none of them held by a code's titles, the code scores its prior plus
   * `known` unseen features' smoothing: the same for every title with that many known features.
   */
  private untouched(known: number): Baseline {
    const kept = this.baselines.get(known);
    if (kept) return kept;
    const size = this.classes.length;
    const scores = new Float64Array(size);
    let best = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < size; c++) {
      const s = (this.prior[c] ?? 0) + known * (this.logAlpha - (this.logDenominator[c] ?? 0));
      scores[c] = s;
      if (s > best) best = s;
    }
    const order = Uint32Array.from(scores.keys()).sort((a, b) =>
      before(scores[a] ?? 0, a, scores[b] ?? 0, b) ? -1 : 1,
    );
    const baseline = { scores, best, order };
    // Titles with more known features than this are rare (a long employer name): their table is not kept.
    if (known <= MAX_KEPT_BASELINE) this.baselines.set(known, baseline);
    return baseline;
  }

  private nextStamp(): number {
    if (this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }
}

/** The scores of the codes no feature of a title touched, for one number of known features. */
interface Baseline {
  scores: Float64Array;
  best: number;
  /** Codes best first. */
  order: Uint32Array;
}

const MAX_KEPT_BASELINE = 64;

/** Whether code `a` (score `sa`) ranks before code `b`: the higher score, then the lower code number. */
const before = (sa: number, a: number, sb: number, b: number) => sa > sb || (sa === sb && a < b);

/** The position of a key among sorted keys, or -1. */
function search(keys: Uint32Array, key: number): number {
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
