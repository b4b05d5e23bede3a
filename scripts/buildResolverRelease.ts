/**
 * npm run build:resolver [-- ONET_DIR SOC_FILE SHARED_DIR] — regenerates the resolver tables Canon ships
 * from ../shared/data:
 *
 * - data/resolver/onet-29.3.json.gz: what the occupation index reads (O*NET 29.3, CC BY 4.0; SOC 2018,
 *   public domain). Only what the title resolver indexes is kept; rows are sorted.
 * - data/resolver/title-model.bin.gz: the learned title model — O*NET's titles and ESCO 1.2's labels
 *   (through the O*NET Resource Center's ESCO → O*NET-SOC crosswalk) counted per SOC code, the labelled
 *   H-1B titles (DOL disclosures, public domain), and the calibration of its confidence, fitted on the
 *   H-1B titles' answers under 5-fold cross-validation.
 *
 * The same inputs give the same bytes.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadTaxonomy } from '../src/builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../src/config/readConfig.js';
import { Catalog } from '../src/core/catalog.js';
import { readReferenceData } from '../src/generate/readReferenceData.js';
import { readOnetRelease } from '../src/importers/onet/readOnetRelease.js';
import { openDataset } from '../src/importers/openDataset.js';
import { readH1bTitles } from '../src/importers/readH1bTitles.js';
import { BUNDLED_OCCUPATIONS, type BundledOccupations } from '../src/resolve/bundledOccupations.js';
import { BUNDLED_TITLE_MODEL, encodeTitleModel } from '../src/resolve/bundledTitleModel.js';
import { fitCalibration } from '../src/resolve/calibration.js';
import { crossValidate } from '../src/resolve/crossValidate.js';
import { OccupationIndex, TITLE_WEIGHT } from '../src/resolve/occupationIndex.js';
import { countTitles, labelledTitles } from '../src/resolve/titleModel.js';

const shared = process.argv[4] ?? join(PROJECT_ROOT, '..', 'shared', 'data');
const onetDir = process.argv[2] ?? join(shared, 'onet_29_3');
const socFile = process.argv[3] ?? join(shared, 'soc_2018', 'soc_2018_definitions.tsv');
const started = performance.now();
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

// The titles the model counts: O*NET's (weighted by kind, as the index weighs them) and ESCO's labels,
// each sharing one title's weight among the SOC codes its ESCO occupation crosswalks to.
const socOf = new Map(bundle.occupations.map((o) => [o.onetCode, o.socCode]));
const onetTitles = [
  ...bundle.occupations.map((o) => ({ title: o.title, socCodes: [o.socCode], weight: TITLE_WEIGHT.get('occupation') ?? 1 })),
  ...bundle.titles.flatMap((t) => {
    const soc = socOf.get(t.onetCode);
    return soc ? [{ title: t.title, socCodes: [soc], weight: TITLE_WEIGHT.get(t.kind) ?? 1 }] : [];
  }),
];
const escoSocs = new Map<string, { labels: string[]; socCodes: Set<string> }>();
for (const [onetCode, occupations] of (await readReferenceData(shared)).esco) {
  const soc = socOf.get(onetCode);
  if (!soc) continue;
  for (const o of occupations) {
    const entry = escoSocs.get(o.uri) ?? { labels: [o.label, ...o.altLabels], socCodes: new Set() };
    entry.socCodes.add(soc);
    escoSocs.set(o.uri, entry);
  }
}
const escoTitles = [...escoSocs.entries()]
  .sort(byKey(([uri]) => uri))
  .flatMap(([, { labels, socCodes }]) =>
    [...new Set(labels)].map((title) => ({ title, socCodes: [...socCodes].sort(), weight: 1 })),
  );
const counts = countTitles([...onetTitles, ...escoTitles]);

const h1b = await readH1bTitles(join(shared, 'h1b_titles_dev', 'h1b_titles_dev.csv'));
const catalog = new Catalog(await loadTaxonomy(join(PROJECT_ROOT, 'data')));
const heldOut = crossValidate(new OccupationIndex(bundle), catalog, counts, h1b);
const calibration = fitCalibration(
  heldOut.map((a, i) => ({
    probability: a.probabilities[0] ?? 0,
    correct: h1b[i]?.socCodes.includes(a.codes[0] ?? '') ?? false,
  })),
);
const model = encodeTitleModel({
  release: 'O*NET 29.3 + ESCO 1.2.0 + H-1B LCA titles FY2015–2019 (dev set)',
  attribution:
    'O*NET 29.3 Database by USDOL/ETA, used under CC BY 4.0; this service uses the ESCO classification of the European Commission (ESCO → O*NET-SOC crosswalk by the O*NET Resource Center, ESCO v1.1.0 codes); H-1B labor condition application titles, U.S. Department of Labor disclosure data (public domain).',
  counts,
  labelled: labelledTitles(h1b),
  calibration,
});
await writeFile(BUNDLED_TITLE_MODEL, model);
const right = heldOut.filter((a, i) => h1b[i]?.socCodes.includes(a.codes[0] ?? '')).length;
console.log(
  `${BUNDLED_TITLE_MODEL.pathname}: ${onetTitles.length} O*NET and ${escoTitles.length} ESCO titles (${counts.keys.length} features, ${counts.classes.length} SOC codes), ${h1b.length} labelled H-1B rows; calibration weights ${calibration.weights.join(', ')} from 5-fold cross-validation (top-1 ${((100 * right) / h1b.length).toFixed(1)}%); ${(model.length / 1024).toFixed(0)} KB; ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
