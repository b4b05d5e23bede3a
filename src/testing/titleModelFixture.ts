import type { TitleCountsData } from '../resolve/titleClassifier.js';
import { countTitles } from '../resolve/titleModel.js';
import { LANDING_OCCUPATIONS } from './landingFixture.js';

/** The landing fixture's O*NET titles counted as the shipped model counts O*NET's (alternates weigh 2). */
export function fixtureCounts(): TitleCountsData {
  const soc = new Map(LANDING_OCCUPATIONS.occupations.map((o) => [o.onetCode, o.socCode]));
  return countTitles([
    ...LANDING_OCCUPATIONS.occupations.map((o) => ({ title: o.title, socCodes: [o.socCode], weight: 4 })),
    ...LANDING_OCCUPATIONS.titles.map((t) => ({
      title: t.title,
      socCodes: [soc.get(t.onetCode) ?? ''],
      weight: 2,
    })),
  ]);
}

/** Labelled rows in the H-1B set's shape: a title, its employer, its SOC codes. */
export const labelled = (title: string, employer: string, ...socCodes: string[]) => ({
  title,
  employer,
  socCodes,
});
