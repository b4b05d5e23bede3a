/** The H1B dev titles (../shared/data/h1b_titles_dev) and how a coder's answers on them are scored. */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/config/readConfig.js';
import { readH1bTitles } from '../src/importers/readH1bTitles.js';

export const SHARED = join(PROJECT_ROOT, '..', 'shared', 'data');
export const H1B_TITLES = join(SHARED, 'h1b_titles_dev', 'h1b_titles_dev.csv');

export interface Row {
  title: string;
  employer: string;
  gold: string[];
}

export type Predict = (row: Row) => { codes: string[]; confidence: number };

/** The rows with at least one labelled SOC 2018 code (SOC_CODE_2018_candidates); the others cannot be scored. */
export async function readH1bRows(file = H1B_TITLES): Promise<Row[]> {
  return (await readH1bTitles(file)).map((r) => ({ title: r.title, employer: r.employer, gold: r.socCodes }));
}

/** A prediction is correct when its code, cut to 6, 3 or 2 SOC digits, is one of the row's candidates cut alike. */
export function score(rows: Row[], predict: Predict) {
  const digits = [6, 3, 2] as const;
  const cut = (code: string, d: number) => (d === 6 ? code : d === 3 ? code.slice(0, 4) : code.slice(0, 2));
  const hits = { top1: { 6: 0, 3: 0, 2: 0 }, top3: { 6: 0, 3: 0, 2: 0 } };
  const scored: { confidence: number; correct: boolean }[] = [];
  for (const row of rows) {
    const { codes, confidence } = predict(row);
    for (const d of digits) {
      const gold = new Set(row.gold.map((g) => cut(g, d)));
      if (codes[0] && gold.has(cut(codes[0], d))) hits.top1[d]++;
      if (codes.slice(0, 3).some((c) => gold.has(cut(c, d)))) hits.top3[d]++;
    }
    scored.push({ confidence, correct: Boolean(codes[0] && row.gold.includes(codes[0])) });
  }
  const pct = (n: number) => `${((100 * n) / rows.length).toFixed(1)}%`;
  const thresholds = [0.3, 0.5, 0.7].map((t) => {
    const kept = scored.filter((s) => s.confidence >= t);
    const acc = kept.length ? kept.filter((s) => s.correct).length / kept.length : 0;
    return `≥${t}: coverage ${pct(kept.length)}, accuracy ${(100 * acc).toFixed(1)}%`;
  });
  return {
    /** Share of rows whose first answer is right at 6 digits. */
    top1: hits.top1[6] / rows.length,
    line: `top-1 6/3/2-digit ${pct(hits.top1[6])} / ${pct(hits.top1[3])} / ${pct(hits.top1[2])}; top-3 ${pct(hits.top3[6])} / ${pct(hits.top3[3])} / ${pct(hits.top3[2])}`,
    thresholds,
  };
}
