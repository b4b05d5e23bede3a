import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { CanonError, quote } from '../core/errors.js';
import { openDataset } from '../importers/openDataset.js';
import { readOews } from '../importers/pay/readOews.js';
import { readTsv, type TsvSpec } from '../importers/readTsv.js';
import {
  type EscoOccupation,
  emptyReferenceData,
  type Rating,
  type ReferenceData,
  type Task,
} from './referenceData.js';

/** Every file a build reads, relative to the data folder, so a missing one is named before anything is read. */
export const REFERENCE_FILES = {
  occupations: 'onet_29_3/Occupation Data.txt',
  jobZones: 'onet_29_3/Job Zones.txt',
  jobZoneReference: 'onet_29_3/Job Zone Reference.txt',
  tasks: 'onet_29_3/Task Statements.txt',
  taskActivities: 'onet_29_3/Tasks to DWAs.txt',
  activities: 'onet_29_3/DWA Reference.txt',
  contentModel: 'onet_29_3/Content Model Reference.txt',
  knowledge: 'onet_29_3/Knowledge.txt',
  skills: 'onet_29_3/Skills.txt',
  education: 'onet_29_3/Education, Training, and Experience.txt',
  educationCategories: 'onet_29_3/Education, Training, and Experience Categories.txt',
  alternateTitles: 'onet_29_3/Alternate Titles.txt',
  reportedTitles: 'onet_29_3/Sample of Reported Titles.txt',
  related: 'onet_29_3/Related Occupations.txt',
  soc: 'soc_2018/soc_2018_definitions.tsv',
  soc2010: 'soc_2018/crosswalk_soc2010_to_soc2018.csv',
  isco: 'crosswalks/ISCO_SOC_Crosswalk.csv',
  escoCrosswalk: 'crosswalks/ESCO_to_ONET-SOC.csv',
  esco: 'esco_1_2_0/occupations_en.csv',
  escoSkills: 'esco_1_2_0/occupationSkillRelations_derived.csv',
  wages: 'bls_oews_national/national_M2024_dl.csv',
} as const;

export type ReferenceFile = keyof typeof REFERENCE_FILES;
export type ReadProgress = (file: string) => void;

const ONET_CODE = /^\d{2}-\d{4}\.\d{2}$/;
const SOC_CODE = /^\d{2}-\d{4}$/;

/**
 * Reads the reference data a taxonomy release is built from. Every file must be
 * there before any is read; a missing column or a malformed code stops the read
 * with the file and line, so a build over a broken folder produces nothing.
 */
export async function readReferenceData(
  dir: string,
  progress: ReadProgress = () => {},
): Promise<ReferenceData> {
  const missing: string[] = [];
  for (const rel of Object.values(REFERENCE_FILES)) {
    const folder = rel.slice(0, rel.indexOf('/'));
    const dataset = await openDataset(join(dir, folder)).catch(() => null);
    if (!dataset?.has(rel.slice(folder.length + 1))) missing.push(rel);
  }
  if (missing.length > 0) {
    throw new CanonError(
      'invalid_data',
      `Cannot build: ${missing.length} reference file(s) missing under ${quote(dir)}:\n  ${missing.join('\n  ')}`,
      { details: { missing } },
    );
  }

  async function* lines(file: ReferenceFile): AsyncIterable<string> {
    const rel = REFERENCE_FILES[file];
    progress(rel);
    const folder = rel.slice(0, rel.indexOf('/'));
    yield* (await openDataset(join(dir, folder))).lines(rel.slice(folder.length + 1));
  }
  function tsv<K extends string>(file: ReferenceFile, spec: TsvSpec<K>) {
    return readTsv(REFERENCE_FILES[file], lines(file), spec);
  }
  async function csv(
    file: ReferenceFile,
    columns: string[],
  ): Promise<{ line: number; row: Record<string, string> }[]> {
    const rel = REFERENCE_FILES[file];
    progress(rel);
    const text = (await readFile(join(dir, rel), 'utf8')).replace(/^\uFEFF/, '');
    let rows: Record<string, string>[];
    try {
      rows = parse(text, { columns: true, skip_empty_lines: true, relax_column_count: true });
    } catch (cause) {
      throw new CanonError('invalid_data', `${rel}: not a readable CSV file: ${(cause as Error).message}`, {
        cause,
      });
    }
    const header = Object.keys(rows[0] ?? {});
    const absent = columns.filter((c) => !header.includes(c));
    if (absent.length > 0) {
      throw new CanonError(
        'invalid_data',
        `${rel}:1: expected the column(s) ${absent.map((c) => quote(c)).join(', ')}; the header has ${header.map((h) => quote(h)).join(', ')}.`,
      );
    }
    return rows.map((row, i) => ({ line: i + 2, row }));
  }
  function bad(file: ReferenceFile, line: number, what: string, got: string): never {
    throw new CanonError(
      'invalid_data',
      `${REFERENCE_FILES[file]}:${line}: expected ${what}; got ${quote(got)}.`,
    );
  }
  const onetCode = (file: ReferenceFile, line: number, code: string) =>
    ONET_CODE.test(code) ? code : bad(file, line, 'an O*NET-SOC code like 29-1141.00', code);
  const number = (file: ReferenceFile, line: number, text: string) => {
    const n = Number(text);
    return text !== '' && Number.isFinite(n) ? n : bad(file, line, 'a number', text);
  };
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };

  const data: ReferenceData = {
    ...emptyReferenceData(),
    releases: [
      { id: 'onet-29-3', name: 'O*NET 29.3' },
      { id: 'soc-2018', name: 'SOC 2018' },
      { id: 'esco-1-2', name: 'ESCO 1.2.0' },
      { id: 'bls-oews-2024', name: 'BLS OEWS May 2024' },
    ],
    wagesAsOf: 'May 2024',
  };

  for await (const r of tsv('soc', {
    required: { group: 'SOC Group', code: 'SOC Code', title: 'SOC Title', definition: 'SOC Definition' },
  })) {
    const code = r.get('code');
    if (!SOC_CODE.test(code)) bad('soc', r.line, 'a SOC code like 29-1141', code);
    if (r.get('group') === 'Detailed')
      data.soc.set(code, { code, title: r.get('title'), definition: r.get('definition') });
    else data.socGroups.set(code, r.get('title'));
  }

  const code = 'O*NET-SOC Code';
  for await (const r of tsv('occupations', {
    required: { code, title: 'Title', description: 'Description' },
  })) {
    const c = onetCode('occupations', r.line, r.get('code'));
    data.onet.set(c, {
      code: c,
      soc: c.slice(0, 7),
      title: r.get('title'),
      description: r.get('description'),
      jobZone: null,
    });
  }
  for await (const r of tsv('jobZones', { required: { code, zone: 'Job Zone' } })) {
    const occupation = data.onet.get(onetCode('jobZones', r.line, r.get('code')));
    if (occupation) occupation.jobZone = number('jobZones', r.line, r.get('zone'));
  }
  for await (const r of tsv('jobZoneReference', {
    required: {
      zone: 'Job Zone',
      name: 'Name',
      experience: 'Experience',
      education: 'Education',
      training: 'Job Training',
    },
  })) {
    const zone = number('jobZoneReference', r.line, r.get('zone'));
    data.jobZones.set(zone, {
      zone,
      name: r.get('name'),
      experience: r.get('experience'),
      education: r.get('education'),
      training: r.get('training'),
    });
  }

  const elementNames = new Map<string, string>();
  for await (const r of tsv('contentModel', { required: { id: 'Element ID', name: 'Element Name' } }))
    elementNames.set(r.get('id'), r.get('name'));
  for await (const r of tsv('activities', {
    required: { element: 'Element ID', id: 'DWA ID', title: 'DWA Title' },
  })) {
    const element = r.get('element');
    data.activities.set(r.get('id'), {
      id: r.get('id'),
      title: r.get('title'),
      element,
      elementName: elementNames.get(element) ?? element,
    });
  }

  const tasksById = new Map<string, Task>();
  for await (const r of tsv('tasks', {
    required: { code, id: 'Task ID', task: 'Task', type: 'Task Type', incumbents: 'Incumbents Responding' },
  })) {
    const onet = onetCode('tasks', r.line, r.get('code'));
    const incumbents = r.get('incumbents');
    const task: Task = {
      id: r.get('id'),
      onet,
      text: r.get('task'),
      core: r.get('type') === 'Core',
      incumbents: incumbents === '' || incumbents === 'n/a' ? null : number('tasks', r.line, incumbents),
      dwas: [],
    };
    tasksById.set(task.id, task);
    push(data.tasks, onet, task);
  }
  for await (const r of tsv('taskActivities', { required: { id: 'Task ID', dwa: 'DWA ID' } })) {
    const task = tasksById.get(r.get('id'));
    if (task && !task.dwas.includes(r.get('dwa'))) task.dwas.push(r.get('dwa'));
  }

  for (const [file, target] of [
    ['knowledge', data.knowledge],
    ['skills', data.skills],
  ] as const) {
    const byKey = new Map<string, Rating>();
    for await (const r of tsv(file, {
      required: { code, element: 'Element ID', name: 'Element Name', scale: 'Scale ID', value: 'Data Value' },
      optional: { notRelevant: 'Not Relevant' },
    })) {
      const onet = onetCode(file, r.line, r.get('code'));
      const key = `${onet} ${r.get('element')}`;
      let rating = byKey.get(key);
      if (!rating) {
        rating = { element: r.get('element'), name: r.get('name'), importance: 0, level: null };
        byKey.set(key, rating);
        push(target, onet, rating);
      }
      const value = number(file, r.line, r.get('value'));
      if (r.get('scale') === 'IM') rating.importance = value;
      else if (r.get('scale') === 'LV' && r.get('notRelevant') !== 'Y') rating.level = value;
    }
  }

  for await (const r of tsv('educationCategories', {
    required: { scale: 'Scale ID', category: 'Category', description: 'Category Description' },
  })) {
    const target =
      r.get('scale') === 'RL'
        ? data.educationCategories
        : r.get('scale') === 'RW'
          ? data.experienceCategories
          : null;
    target?.set(number('educationCategories', r.line, r.get('category')), r.get('description'));
  }
  for await (const r of tsv('education', {
    required: { code, scale: 'Scale ID', category: 'Category', value: 'Data Value' },
  })) {
    const scale = r.get('scale');
    if (scale !== 'RL' && scale !== 'RW') continue;
    const onet = onetCode('education', r.line, r.get('code'));
    const entry = data.education.get(onet) ?? { education: new Map(), experience: new Map() };
    data.education.set(onet, entry);
    (scale === 'RL' ? entry.education : entry.experience).set(
      number('education', r.line, r.get('category')),
      number('education', r.line, r.get('value')),
    );
  }

  for await (const r of tsv('alternateTitles', { required: { code, title: 'Alternate Title' } }))
    push(data.alternateTitles, onetCode('alternateTitles', r.line, r.get('code')), r.get('title'));
  for await (const r of tsv('reportedTitles', { required: { code, title: 'Reported Job Title' } }))
    push(data.reportedTitles, onetCode('reportedTitles', r.line, r.get('code')), r.get('title'));
  for await (const r of tsv('related', {
    required: { code, related: 'Related O*NET-SOC Code', tier: 'Relatedness Tier', index: 'Index' },
  })) {
    push(data.related, onetCode('related', r.line, r.get('code')), {
      code: onetCode('related', r.line, r.get('related')),
      tier: r.get('tier'),
      index: number('related', r.line, r.get('index')),
    });
  }

  // ESCO: the crosswalk names ESCO v1.1 codes; a code reused for another occupation
  // since then is caught by comparing labels, and skipped.
  const escoByCode = new Map<string, EscoOccupation>();
  for (const { line, row } of await csv('esco', [
    'conceptUri',
    'code',
    'preferredLabel',
    'altLabels',
    'iscoGroup',
  ])) {
    const uri = row.conceptUri ?? '';
    if (!uri.startsWith('http')) bad('esco', line, 'an ESCO concept URI', uri);
    escoByCode.set(row.code ?? '', {
      uri,
      code: row.code ?? '',
      label: row.preferredLabel ?? '',
      altLabels: (row.altLabels ?? '')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
      isco: row.iscoGroup ?? '',
      essentialSkills: [],
    });
  }
  const escoByUri = new Map([...escoByCode.values()].map((o) => [o.uri, o]));
  for (const { row } of await csv('escoSkills', ['occupationUri', 'relationType', 'skillLabel'])) {
    if (row.relationType !== 'essential') continue;
    const occupation = escoByUri.get(row.occupationUri ?? '');
    if (occupation && row.skillLabel) occupation.essentialSkills.push(row.skillLabel);
  }
  for (const { line, row } of await csv('escoCrosswalk', [
    'ESCO/ISCO Code',
    'ESCO/ISCO Title',
    'O*NET-SOC 2019 Code',
  ])) {
    const esco = escoByCode.get(row['ESCO/ISCO Code'] ?? '');
    const label = (row['ESCO/ISCO Title'] ?? '').trim().toLowerCase();
    if (!esco || esco.label.toLowerCase() !== label) continue;
    const onet = onetCode('escoCrosswalk', line, row['O*NET-SOC 2019 Code'] ?? '');
    const list = data.esco.get(onet) ?? [];
    if (!list.some((o) => o.uri === esco.uri)) list.push(esco);
    data.esco.set(onet, list);
  }

  const soc2010To2018 = new Map<string, string[]>();
  for (const { row } of await csv('soc2010', ['2010 SOC Code', '2018 SOC Code'])) {
    const from = row['2010 SOC Code'] ?? '';
    const to = row['2018 SOC Code'] ?? '';
    if (SOC_CODE.test(from) && SOC_CODE.test(to)) push(soc2010To2018, from, to);
  }
  for (const { row } of await csv('isco', ['soc10', 'isco08', 'iscotitle'])) {
    const isco = (row.isco08 ?? '').trim();
    if (!/^\d{4}$/.test(isco)) continue;
    const soc10 = row.soc10 ?? '';
    for (const soc18 of soc2010To2018.get(soc10) ?? []) {
      const list = data.isco.get(soc18) ?? [];
      if (!list.some((x) => x.code === isco))
        list.push({ code: isco, title: (row.iscotitle ?? '').trim(), via: soc10 });
      data.isco.set(soc18, list);
    }
  }

  progress(REFERENCE_FILES.wages);
  const oews = readOews(REFERENCE_FILES.wages, await readFile(join(dir, REFERENCE_FILES.wages), 'utf8'));
  for (const row of oews.rows) {
    const p = row.percentiles;
    data.wages.set(row.socCode, {
      soc: row.socCode,
      title: row.title,
      employment: row.employment,
      p10: p.p10 ?? null,
      p25: p.p25 ?? null,
      median: p.median ?? null,
      p75: p.p75 ?? null,
      p90: p.p90 ?? null,
      topCoded: row.topCoded,
    });
  }
  return data;
}
