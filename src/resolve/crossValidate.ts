import type { Catalog } from '../core/catalog.js';
import type { OccupationIndex } from './occupationIndex.js';
import type { TitleCountsData } from './titleClassifier.js';
import { fnv1a } from './titleFeatures.js';
import { labelledTitles, TitleModel } from './titleModel.js';
import { TitleResolver } from './titleResolver.js';

export const FOLDS = 5;
/** Changing the seed changes every fold: it is fixed so that figures can be compared across commits. */
const SEED = 'canon-cv-2026';

/**
 * The fold of a labelled title: a seeded hash of the title as written (case and spacing aside), so all
 * rows of one title share a fold and no title is ever scored by a model that learned it.
 */
export const foldOf = (title: string): number =>
  fnv1a(`${SEED}:${title.trim().toUpperCase().replace(/\s+/g, ' ')}`) % FOLDS;

export interface HeldOutAnswer {
  fold: number;
  /** The first three SOC codes. */
  codes: string[];
  /** The first three candidates' blend probabilities (uncalibrated, to the hundredth). */
  probabilities: number[];
}

/**
 * K-fold cross-validation of the learned model on labelled rows: for each fold, a model trained on the
 * shipped counts and the other folds' rows resolves the fold's rows. Returns each row's answer, in order.
 */
export function crossValidate(
  index: OccupationIndex,
  catalog: Catalog,
  counts: TitleCountsData,
  rows: readonly { title: string; employer: string; socCodes: readonly string[] }[],
): HeldOutAnswer[] {
  const folds = rows.map((r) => foldOf(r.title));
  const answers: HeldOutAnswer[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const model = new TitleModel({
      counts,
      labelled: labelledTitles(rows.filter((_, i) => folds[i] !== k)),
      calibration: null,
    });
    const resolver = new TitleResolver(index, catalog, model);
    rows.forEach((row, i) => {
      if (folds[i] !== k) return;
      const { candidates } = resolver.resolve({ title: row.title, employer: row.employer }, 3);
      answers[i] = {
        fold: k,
        codes: candidates.map((c) => c.soc?.code ?? ''),
        probabilities: candidates.map((c) => c.explanation.probability ?? 0),
      };
    });
  }
  return answers;
}
