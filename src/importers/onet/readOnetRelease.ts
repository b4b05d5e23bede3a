import { CanonError, quote } from '../../core/errors.js';
import type { Dataset } from '../openDataset.js';
import { readTsv, type TsvRow } from '../readTsv.js';
import { ONET_FILES, type OnetRelease } from './onetRelease.js';

const ONET_CODE = /^\d{2}-\d{4}\.\d{2}$/;
const SOC_CODE = /^\d{2}-\d{4}$/;
const CODE = 'O*NET-SOC Code';

export type Progress = (file: string, rows: number) => void;

/**
 * Reads the O*NET text files a release needs and, optionally, the SOC 2018
 * structure (a definitions TSV with "SOC Group", "SOC Code", "SOC Title").
 * Every row is checked; the first bad one stops the read with its file and line.
 */
export async function readOnetRelease(
  onet: Dataset,
  soc: Dataset | null,
  socFile: string | null,
  progress: Progress = () => {},
): Promise<OnetRelease> {
  for (const name of [
    ONET_FILES.occupations,
    ONET_FILES.alternateTitles,
    ONET_FILES.reportedTitles,
    ONET_FILES.tasks,
    ONET_FILES.jobZones,
    ONET_FILES.related,
    ONET_FILES.technologies,
  ]) {
    if (!onet.has(name))
      throw new CanonError(
        'invalid_data',
        `${onet.label} has no ${quote(name)}: expected the O*NET database text files (release 28 or later).`,
      );
  }
  const release: OnetRelease = {
    socCodes: [],
    occupations: [],
    titles: [],
    tasks: [],
    related: [],
    technologies: [],
  };
  const known = new Set<string>();

  async function each(
    name: string,
    spec: Parameters<typeof readTsv>[2],
    fn: (row: TsvRow<string>, code: string) => void,
  ): Promise<void> {
    let n = 0;
    for await (const row of readTsv(name, onet.lines(name), spec)) {
      const code = row.get('code');
      if (!ONET_CODE.test(code))
        throw new CanonError(
          'invalid_data',
          `${name}:${row.line}: expected an O*NET-SOC code like 15-1252.00; got ${quote(code)}.`,
        );
      if (name !== ONET_FILES.occupations && !known.has(code)) {
        throw new CanonError(
          'invalid_data',
          `${name}:${row.line}: ${code} is not in ${ONET_FILES.occupations}.`,
        );
      }
      fn(row, code);
      if (++n % 5000 === 0) progress(name, n);
    }
    progress(name, n);
  }

  await each(
    ONET_FILES.occupations,
    { required: { code: CODE, title: 'Title', description: 'Description' } },
    (row, code) => {
      known.add(code);
      release.occupations.push({
        onetCode: code,
        socCode: code.slice(0, 7),
        title: row.get('title'),
        description: row.get('description'),
        jobZone: null,
      });
    },
  );
  const byCode = new Map(release.occupations.map((o) => [o.onetCode, o]));

  const titleKeys = new Set<string>();
  const addTitle = (onetCode: string, title: string, kind: 'alternate' | 'short' | 'reported') => {
    const clean = title.trim();
    // The Excel edition leaves empty cells where the text edition writes "n/a".
    if (!clean || clean.toLowerCase() === 'n/a') return;
    const key = `${onetCode}\t${clean}\t${kind}`;
    if (titleKeys.has(key)) return;
    titleKeys.add(key);
    release.titles.push({ onetCode, title: clean, kind });
  };
  await each(
    ONET_FILES.alternateTitles,
    { required: { code: CODE, title: 'Alternate Title' }, optional: { short: 'Short Title' } },
    (row, code) => {
      addTitle(code, row.get('title'), 'alternate');
      addTitle(code, row.get('short'), 'short');
    },
  );
  await each(
    ONET_FILES.reportedTitles,
    { required: { code: CODE, title: 'Reported Job Title' } },
    (row, code) => addTitle(code, row.get('title'), 'reported'),
  );

  const taskIds = new Set<string>();
  await each(
    ONET_FILES.tasks,
    { required: { code: CODE, id: 'Task ID', task: 'Task' }, optional: { type: 'Task Type' } },
    (row, code) => {
      const taskId = Number(row.get('id'));
      if (!Number.isInteger(taskId))
        throw new CanonError(
          'invalid_data',
          `${ONET_FILES.tasks}:${row.line}: expected a whole-number Task ID; got ${quote(row.get('id'))}.`,
        );
      if (taskIds.has(`${code}/${taskId}`)) return;
      taskIds.add(`${code}/${taskId}`);
      release.tasks.push({
        onetCode: code,
        taskId,
        task: row.get('task'),
        taskType: row.get('type') || null,
      });
    },
  );

  await each(ONET_FILES.jobZones, { required: { code: CODE, zone: 'Job Zone' } }, (row, code) => {
    const zone = Number(row.get('zone'));
    if (!Number.isInteger(zone) || zone < 1 || zone > 5)
      throw new CanonError(
        'invalid_data',
        `${ONET_FILES.jobZones}:${row.line}: expected a Job Zone from 1 to 5; got ${quote(row.get('zone'))}.`,
      );
    const occupation = byCode.get(code);
    if (occupation) occupation.jobZone = zone;
  });

  let order = 0;
  const relatedKeys = new Set<string>();
  await each(
    ONET_FILES.related,
    {
      required: { code: CODE, related: 'Related O*NET-SOC Code' },
      optional: { tier: 'Relatedness Tier', index: 'Index' },
    },
    (row, code) => {
      const relatedCode = row.get('related');
      if (!ONET_CODE.test(relatedCode))
        throw new CanonError(
          'invalid_data',
          `${ONET_FILES.related}:${row.line}: expected a related O*NET-SOC code; got ${quote(relatedCode)}.`,
        );
      if (relatedKeys.has(`${code}/${relatedCode}`)) return;
      relatedKeys.add(`${code}/${relatedCode}`);
      release.related.push({
        onetCode: code,
        relatedCode,
        tier: row.get('tier') || 'Related',
        rank: Number(row.get('index')) || ++order,
      });
    },
  );

  const techKeys = new Set<string>();
  await each(
    ONET_FILES.technologies,
    {
      required: { code: CODE, example: 'Example', commodity: 'Commodity Title' },
      optional: { hot: 'Hot Technology', demand: 'In Demand' },
    },
    (row, code) => {
      const example = row.get('example');
      if (!example || techKeys.has(`${code}/${example}`)) return;
      techKeys.add(`${code}/${example}`);
      release.technologies.push({
        onetCode: code,
        example,
        commodity: row.get('commodity'),
        hot: row.get('hot') === 'Y',
        inDemand: row.get('demand') === 'Y',
      });
    },
  );

  release.socCodes = soc && socFile ? await readSocStructure(soc, socFile, progress) : derivedSoc(release);
  return release;
}

const GROUPS = new Map<string, 'major' | 'minor' | 'broad' | 'detailed'>([
  ['Major', 'major'],
  ['Minor', 'minor'],
  ['Broad', 'broad'],
  ['Detailed', 'detailed'],
]);

async function readSocStructure(
  soc: Dataset,
  file: string,
  progress: Progress,
): Promise<OnetRelease['socCodes']> {
  if (!soc.has(file)) throw new CanonError('invalid_data', `${soc.label} has no ${quote(file)}.`);
  const rows: OnetRelease['socCodes'] = [];
  for await (const row of readTsv(file, soc.lines(file), {
    required: { grp: 'SOC Group', code: 'SOC Code', title: 'SOC Title' },
    optional: { definition: 'SOC Definition' },
  })) {
    const grp = GROUPS.get(row.get('grp'));
    const code = row.get('code');
    if (!grp || !SOC_CODE.test(code))
      throw new CanonError(
        'invalid_data',
        `${file}:${row.line}: expected a SOC group (Major, Minor, Broad, Detailed) and a code like 15-1252; got ${quote(row.get('grp'))} ${quote(code)}.`,
      );
    rows.push({ code, title: row.get('title'), grp, definition: row.get('definition') || null });
  }
  progress(file, rows.length);
  return rows;
}

/** Without a SOC structure file, the detailed codes still follow from the O*NET codes. */
function derivedSoc(release: OnetRelease): OnetRelease['socCodes'] {
  const seen = new Map<string, string>();
  for (const o of release.occupations)
    if (!seen.has(o.socCode) || o.onetCode.endsWith('.00')) seen.set(o.socCode, o.title);
  return [...seen].map(([code, title]) => ({ code, title, grp: 'detailed' as const, definition: null }));
}
