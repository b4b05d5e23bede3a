import { gunzipSync } from 'node:zlib';
import type { OccupationIndexData } from '../store/occupationRepository.js';
import { readShippedFile } from './readShippedFile.js';

/**
 * The resolver's tables derived from O*NET 29.3 and SOC 2018 (occupations,
 * their alternate, short and reported titles, SOC titles), shipped in `data/`
 * so that titles code to occupations on a fresh install with no import step.
 * `npm run build:resolver` regenerates it from ../shared/data; an imported
 * release (`canon import onet`) takes precedence over it.
 */
export const BUNDLED_OCCUPATIONS = new URL('../../data/resolver/onet-29.3.json.gz', import.meta.url);

export interface BundledOccupations extends OccupationIndexData {
  release: string;
  attribution: string;
}

export async function readBundledOccupations(file: URL = BUNDLED_OCCUPATIONS): Promise<BundledOccupations> {
  const bytes = await readShippedFile(file, 'occupation tables');
  return JSON.parse(gunzipSync(bytes).toString('utf8')) as BundledOccupations;
}
