import { type Calibration, calibrate } from './calibration.js';
import { EmployerLean } from './employerLean.js';
import { LruCache } from './lruCache.js';
import { type ClassScore, TitleClassifier, TitleCounts, type TitleCountsData } from './titleClassifier.js';
import { allOf, employerFeatures, readTitleFeatures, type TitleFeatureSet } from './titleFeatures.js';

/** A job title some coder gave SOC codes (one of which is right), with the employer that filed it. */
export interface LabelledTitle {
  title: string;
  employer: string;
  socCodes: string[];
  /** How many times the same title, employer and codes were filed. */
  count: number;
}

/** What the learned model is made of: the shipped counts, the labelled titles, and the calibration. */
export interface TitleModelParts {
  counts: TitleCountsData;
  labelled: readonly LabelledTitle[];
  /** Null: confidences are the blend's own probabilities, uncalibrated (what a calibration is fitted on). */
  calibration: Calibration | null;
}

/**
 * How much one labelled title counts against one O*NET title (occupation 4, reported 3, alternate 2,
 * short 1): labelled titles are worded as employers word them, and coded as employers code them.
 */
const LABELLED_WEIGHT = 10;
/**
 * Smoothing of the classifier over labelled titles alone: a feature one labelled row carries must not
 * make that row's code certain (one employer filed "Chief Financial Officer" as 13-2011 Accountants).
 */
const LABELLED_ALPHA = 1;
/** The codes each classifier puts forward for a title. */
const CLASSIFIER_POOL = 25;
/**
 * The blend is a product of four opinions on each code, each to the power 1 — the classifier over all
 * titles; the classifier over labelled titles alone (which also reads the employer's name), as a ratio
 * to its even odds, and only for codes labelled titles carry; the index's confidence; the employer's
 * lean — and a bonus when O*NET lists the title under the code. Floors keep a code one side has never
 * heard of in the running on the others' word. Chosen by cross-validation within four of the five folds
 * and the agreement with O*NET on its My Next Move titles; see the README.
 */
const FLOOR = { classifier: 1e-3, labelled: 0.01, pool: 0.02 };
/**
 * The odds a code gains, as a log, when its occupation lists the title (or its specialty) among O*NET's
 * own titles: O*NET's listing outweighs what a few labelled titles say of the same words.
 */
const LISTED_BONUS = 2;
/** A pair of words counted in the shipped model must weigh at least this much: one alternate title's worth. */
const MIN_PAIR_WEIGHT = 2;

/** Employers whose names' features and lean are remembered at once. */
const EMPLOYER_MEMORY = 10_000;

interface TitleRead {
  /** Every feature of the title, once each. */
  features: number[];
  /** The classifier over all titles: its likeliest codes' probabilities. */
  all: Map<string, number>;
  /** Whether any of the title's specialty words is one the classifier has seen. */
  knowsWords: boolean;
}

interface EmployerSide {
  features: number[];
  /** Each SOC major group's factor (employerLean.ts); null when the name says nothing. */
  lean: Map<string, number> | null;
}

/** A classifier's ranking as code → probability. */
function probabilities(ranked: readonly ClassScore[]): Map<string, number> {
  const byCode = new Map<string, number>();
  for (const c of ranked) byCode.set(c.soc, c.probability);
  return byCode;
}

export interface RankedCode {
  soc: string;
  /** The blend's probability of the code among those weighed (uncalibrated). */
  probability: number;
}

/**
 * The learned part of the resolver: naive Bayes classifiers over title features trained on the labelled
 * titles Canon has (O*NET's titles, ESCO's labels through the crosswalk, labelled H-1B titles), the
 * employer's lean, and a blend of them with the occupation index's own confidence; the first answer's
 * probability is calibrated to the share of such answers that were right.
 */
export class TitleModel {
  private readonly classifier: TitleClassifier;
  private readonly labelledClassifier: TitleClassifier;
  private readonly employers = new EmployerLean();
  /** How many codes the labelled titles carry. */
  private readonly labelledCodes: number;
  private readonly employerSides = new LruCache<string, EmployerSide>(EMPLOYER_MEMORY);
  private readonly reads = new WeakMap<TitleFeatureSet, TitleRead>();

  constructor(private readonly parts: TitleModelParts) {
    const extra = new TitleCounts();
    const labelledOnly = new TitleCounts();
    for (const t of parts.labelled) {
      const features = allOf(readTitleFeatures(t.title));
      extra.add(features, { socCodes: t.socCodes, weight: LABELLED_WEIGHT * t.count });
      labelledOnly.add([...features, ...employerFeatures(t.employer)], {
        socCodes: t.socCodes,
        weight: t.count,
      });
      this.employers.add(t.employer, t.socCodes, t.count);
    }
    this.labelledCodes = labelledOnly.classIds.size;
    this.classifier = new TitleClassifier(parts.counts, extra);
    this.labelledClassifier = new TitleClassifier(labelledOnly.toData(), undefined, {
      prior: 'uniform',
      alpha: LABELLED_ALPHA,
    });
  }

  /**
   * The SOC codes for a title, best first: the classifiers' likeliest and those the index found (`pool`:
   * code → the index's confidence; `listed`: codes whose occupation lists the title or its specialty),
   * blended with the employer's lean. When the classifiers know none of the title's specialty words they
   * add no code of their own: a stated track alone names no occupation.
   */
  rank(
    title: TitleFeatureSet,
    employer: string,
    pool: ReadonlyMap<string, number>,
    listed: ReadonlySet<string> = new Set(),
  ): RankedCode[] {
    const { features, all, knowsWords } = this.read(title);
    const side = this.employerSide(employer);
    const labelled = probabilities(
      this.labelledClassifier.rank(features.concat(side.features), CLASSIFIER_POOL),
    );
    const even = FLOOR.labelled + 1 / Math.max(1, this.labelledCodes);
    const scored: { soc: string; score: number }[] = [];
    const seen = new Set<string>();
    const weigh = (soc: string) => {
      if (seen.has(soc)) return;
      seen.add(soc);
      scored.push({
        soc,
        score:
          Math.log((all.get(soc) ?? 0) + FLOOR.classifier) +
          (this.labelledClassifier.knows(soc)
            ? Math.log(((labelled.get(soc) ?? 0) + FLOOR.labelled) / even)
            : 0) +
          Math.log((pool.get(soc) ?? 0) + FLOOR.pool) +
          Math.log(side.lean?.get(soc.slice(0, 2)) ?? 1) +
          (listed.has(soc) ? LISTED_BONUS : 0),
      });
    };
    if (knowsWords) {
      for (const soc of all.keys()) weigh(soc);
      for (const soc of labelled.keys()) weigh(soc);
    }
    for (const soc of pool.keys()) weigh(soc);
    if (scored.length === 0) return [];
    let best = Number.NEGATIVE_INFINITY;
    for (const s of scored) if (s.score > best) best = s.score;
    let sum = 0;
    for (const s of scored) sum += Math.exp(s.score - best);
    return scored
      .map((s) => ({ soc: s.soc, probability: Math.exp(s.score - best) / sum }))
      .sort((a, b) => b.probability - a.probability || a.soc.localeCompare(b.soc));
  }

  /**
   * What the model reads of a title alone, whoever filed it: kept as long as the caller keeps the feature
   * set (the resolver keeps it per title), so a title filed by many employers is read once.
   */
  private read(title: TitleFeatureSet): TitleRead {
    let read = this.reads.get(title);
    if (!read) {
      const features = allOf(title);
      read = {
        features,
        all: probabilities(this.classifier.rank(features, CLASSIFIER_POOL)),
        knowsWords: title.words.some((w) => this.classifier.has(w)),
      };
      this.reads.set(title, read);
    }
    return read;
  }

  /** What the model reads of an employer's name, worked out once per name: bulk files repeat employers. */
  private employerSide(employer: string): EmployerSide {
    return this.employerSides.getOrSet(employer, () => ({
      features: employerFeatures(employer),
      lean: employer ? this.employers.factors(employer) : null,
    }));
  }

  /**
   * Confidences for answers with these blend probabilities, best first: the first calibrated (the
   * probability that it is right), the others in proportion to it.
   */
  confidences(probabilities: readonly number[]): number[] {
    const [first] = probabilities;
    if (first === undefined || this.parts.calibration === null) return [...probabilities];
    const sure = calibrate(this.parts.calibration, first);
    return probabilities.map((p) => (first > 0 ? (sure * p) / first : 0));
  }
}

/**
 * The shipped counts of titles known to be clean (O*NET's and ESCO's), each with its code(s) and weight.
 * A pair of words is kept only when it weighs at least one alternate title's worth across all titles:
 * rarer pairs add size, not accuracy.
 */
export function countTitles(
  titles: Iterable<{ title: string; socCodes: readonly string[]; weight: number }>,
): TitleCountsData {
  const read = [...titles].map((t) => ({ ...t, features: readTitleFeatures(t.title, true) }));
  const pairWeight = new Map<number, number>();
  for (const t of read)
    for (const p of t.features.pairs) pairWeight.set(p, (pairWeight.get(p) ?? 0) + t.weight);
  const counts = new TitleCounts();
  for (const t of read) {
    const pairs = t.features.pairs.filter((p) => (pairWeight.get(p) ?? 0) >= MIN_PAIR_WEIGHT);
    counts.add(allOf({ ...t.features, pairs }), t);
  }
  return counts.toData();
}

/** Labelled rows as the model keeps them: identical title, employer and codes counted once, in first-seen order. */
export function labelledTitles(
  rows: Iterable<{ title: string; employer: string; socCodes: readonly string[] }>,
): LabelledTitle[] {
  const byKey = new Map<string, LabelledTitle>();
  for (const r of rows) {
    const key = `${r.title}\u0000${r.employer}\u0000${r.socCodes.join('|')}`;
    const known = byKey.get(key);
    if (known) known.count++;
    else byKey.set(key, { title: r.title, employer: r.employer, socCodes: [...r.socCodes], count: 1 });
  }
  return [...byKey.values()];
}
