/**
 * npm run build:resolver [-- ONET_DIR SOC_FILE] — regenerates data/resolver/onet-29.3.json.gz,
 * the resolver tables Canon ships, from ../shared/data (O*NET 29.3, CC BY 4.0; SOC 2018, public domain).
 * Only what the title resolver indexes is kept; rows are sorted, so the same inputs give the same bytes.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../src/config/readConfig.js';
import { readOnetRelease } from '../src/importers/onet/readOnetRelease.js';
import { openDataset } from '../src/importers/openDataset.js';
import { BUNDLED_OCCUPATIONS, type BundledOccupations } from '../src/resolve/bundledOccupations.js';

const onetDir = process.argv[2] ?? join(PROJECT_ROOT, '..', 'shared', 'data', 'onet_29_3');
const socFile = process.argv[3] ?? join(PROJECT_ROOT, '..', 'shared', 'data', 'soc_2018', 'soc_2018_definitions.tsv');
const release = await readOnetRelease(await openDataset(onetDir), await openDataset(socFile), socFile.split('/').pop() ?? null);
const byKey = <T>(key: (row: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
const bundle: BundledOccupations = {
  release: 'O*NET 29.3 + SOC 2018',
  attribution:
    'O*NET 29.3 Database by USDOL/ETA, used under CC BY 4.0; 2018 Standard Occupational Classification, U.S. Bureau of Labor Statistics (public domain).',
  occupations: release.occupations
    .map(({ onetCode, socCode, title, jobZone }) => ({ onetCode, socCode, title, jobZone }))
    .sort(byKey((o) => o.onetCode)),
  titles: release.titles
    .map(({ onetCode, title, kind }) => ({ onetCode, title, kind }))
    .sort(byKey((t) => `${t.onetCode}\t${t.kind}\t${t.title}`)),
  socTitles: release.socCodes.map(({ code, title }) => ({ code, title })).sort(byKey((s) => s.code)),
};
// mtime 0 in the gzip header: the bytes depend on the rows alone.
const bytes = gzipSync(JSON.stringify(bundle), { level: 9 });
await writeFile(BUNDLED_OCCUPATIONS, bytes);
console.log(
  `${BUNDLED_OCCUPATIONS.pathname}: ${bundle.occupations.length} occupations, ${bundle.titles.length} titles, ${bundle.socTitles.length} SOC codes, ${(bytes.length / 1024).toFixed(0)} KB`,
);
