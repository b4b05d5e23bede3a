import type { Catalog } from '../core/catalog.js';
import { findLevel, LEVELS } from '../core/levels.js';
import type { CompanyJob } from './companyJob.js';
import { weightedMedian } from './weightedMedian.js';

/** Fewer people than this, or a single job, and a group's pay gap says nothing: it is shown, marked. */
export const MIN_GROUP_PEOPLE = 5;

/** One of the rubric's dimensions and what Canon's profiles state of it. */
export interface ValueDimension {
  name: 'skills' | 'responsibility' | 'effort' | 'working conditions';
  stated: boolean;
  /** Where the groups take it from, or why they cannot. */
  how: string;
}

/** What a job family's profile at the group's level states of skills and responsibility. */
export interface GroupFamily {
  function: string;
  focus: { code: string; name: string };
  profileCode: string;
  /** The rubric's "Knowledge & Application" and "Typical Degree & Years": skills. */
  knowledge: string | null;
  degreeYears: string | null;
  /** The rubric's "Complexity & Problem Solving" and the profile's responsibilities: responsibility. */
  complexity: string | null;
  responsibilities: number;
  people: number;
}

export interface PayGap {
  min: number;
  max: number;
  median: number;
  /** (max − min) ÷ median. */
  spread: number;
  /** max ÷ min. */
  ratio: number;
}

export interface EqualValueGroup {
  level: { code: string; title: string };
  /** Pay in one currency per group; "" when the file states none. */
  currency: string;
  /** Every job of the group, most people first, then lowest paid, then by line. */
  jobs: {
    line: number;
    title: string;
    department: string;
    family: string;
    headcount: number;
    basePay: number;
  }[];
  families: GroupFamily[];
  people: number;
  gap: PayGap | null;
  /** Why the gap means little, when it does. */
  tooFew: string | null;
}

export interface EqualValueGroups {
  groups: EqualValueGroup[];
  dimensions: ValueDimension[];
  method: string[];
  limits: string[];
  /** Jobs left out: with no profile, or with no pay to compare. */
  unmapped: number;
  withoutPay: number;
}

const DIMENSIONS: readonly ValueDimension[] = [
  {
    name: 'skills',
    stated: true,
    how: "Each profile's rubric states the knowledge the level applies and the typical degree and years; shown per job family, read by a person, not scored.",
  },
  {
    name: 'responsibility',
    stated: true,
    how: "Canon's level states scope, autonomy, decision rights, impact and leadership alike for every job family at that level; each profile adds its responsibilities and the complexity of its problems.",
  },
  {
    name: 'effort',
    stated: false,
    how: "Not stated: Canon's profiles say nothing of physical or mental effort, so the groups do not weigh it.",
  },
  {
    name: 'working conditions',
    stated: false,
    how: "Not stated: Canon's profiles say nothing of hours, hazards or surroundings, so the groups do not weigh them.",
  },
];

const METHOD = [
  "Each mapped job is grouped with the others at the same Canon level (a job's level is read from its title and its grade). Canon's level states the same scope, autonomy, complexity, impact, decision rights and leadership in every job family, so jobs at one level carry work of comparable responsibility.",
  "Beside each group, what each job family's profile states at that level — the rubric's knowledge, degree and years, and complexity — so that a person can check the skills the jobs call for are alike.",
  'Pay is compared only within a currency: a group holds one currency. Each job counts as many people as its headcount, at its base pay.',
  `The gap is the spread of base pay within the group: lowest, highest, the median person's, the highest over the lowest, and the difference over the median. A group of fewer than ${MIN_GROUP_PEOPLE} people, or of a single job, is marked: its gap describes too few people to mean anything.`,
];

const LIMITS = [
  'Effort and working conditions are not stated by the profiles and are not weighed: a job with heavy physical effort, shifts or hazards may be of higher value than its group says.',
  'A level is a level of one track: an individual contributor (P3) and a first-line manager (M1) of the same rank are in separate groups, though the framework ranks them alike.',
  'The groups rest on the matching: a job matched to the wrong level is in the wrong group. Jobs still in the review queue are included as matched, and should be checked first.',
  'The gap is the spread of pay among all people in a group, not a gap between women and men: the file has no such column. It shows where pay differs for work of comparable value, which a person must then explain (tenure, performance, location, market).',
  'Base pay only: bonuses, allowances and benefits are not in the file and not compared.',
];

/**
 * Jobs grouped for pay-transparency reporting: same Canon level, same currency. Each group states
 * what the profiles say of skills and responsibility, and the spread of base pay within it; the
 * rubric's dimensions the profiles do not state (effort, working conditions) are said to be missing,
 * never filled in.
 */
export function equalValueGroups(jobs: readonly CompanyJob[], catalog: Catalog): EqualValueGroups {
  const groups = new Map<string, CompanyJob[]>();
  let unmapped = 0;
  let withoutPay = 0;
  for (const job of jobs) {
    const level = job.match.level?.code;
    if (!level || !job.match.profile || !job.match.focus) {
      unmapped += 1;
      continue;
    }
    if (job.basePay === null) {
      withoutPay += 1;
      continue;
    }
    const key = `${level}\u0000${job.currency}`;
    const list = groups.get(key);
    if (list) list.push(job);
    else groups.set(key, [job]);
  }
  const out = [...groups.values()].map((list) => group(list, catalog));
  const order = (code: string) => LEVELS.findIndex((l) => l.code === code);
  out.sort((a, b) => order(a.level.code) - order(b.level.code) || a.currency.localeCompare(b.currency));
  return { groups: out, dimensions: [...DIMENSIONS], method: METHOD, limits: LIMITS, unmapped, withoutPay };
}

function group(list: readonly CompanyJob[], catalog: Catalog): EqualValueGroup {
  const first = list[0];
  const code = first?.match.level?.code ?? '';
  const families = new Map<string, GroupFamily>();
  for (const job of list) {
    const focusCode = job.match.focus?.code ?? '';
    const profileCode = job.match.profile?.code ?? '';
    const known = families.get(profileCode);
    if (known) {
      known.people += job.headcount;
      continue;
    }
    const focus = catalog.findFocus(focusCode);
    const content = focus?.levels[profileCode.split('.').at(-1) ?? ''];
    families.set(profileCode, {
      function: job.match.function?.name ?? '',
      focus: { code: focusCode, name: job.match.focus?.name ?? '' },
      profileCode,
      knowledge: content?.rubric.knowledge || null,
      degreeYears: content?.rubric.degreeYears || null,
      complexity: content?.rubric.complexity || null,
      responsibilities: content?.responsibilities.length ?? 0,
      people: job.headcount,
    });
  }
  const people = list.reduce((s, j) => s + j.headcount, 0);
  const pays = list.map((j) => ({ value: j.basePay ?? 0, weight: j.headcount })).filter((p) => p.weight > 0);
  const median = weightedMedian(pays);
  let gap: PayGap | null = null;
  if (median !== null && pays.length) {
    const min = Math.min(...pays.map((p) => p.value));
    const max = Math.max(...pays.map((p) => p.value));
    gap = { min, max, median, spread: median > 0 ? (max - min) / median : 0, ratio: min > 0 ? max / min : 0 };
  }
  const tooFew =
    people < MIN_GROUP_PEOPLE
      ? `${people} ${people === 1 ? 'person' : 'people'}: fewer than ${MIN_GROUP_PEOPLE}, too few for a gap to mean anything`
      : list.length === 1
        ? 'one job: the gap is within a single job, not between jobs of equal value'
        : null;
  return {
    level: { code, title: findLevel(code)?.title ?? code },
    currency: first?.currency ?? '',
    jobs: list
      .map((j) => ({
        line: j.line,
        title: j.title,
        department: j.department,
        family: j.match.focus?.name ?? '',
        headcount: j.headcount,
        basePay: j.basePay ?? 0,
      }))
      .sort((a, b) => b.headcount - a.headcount || a.basePay - b.basePay || a.line - b.line),
    families: [...families.values()].sort(
      (a, b) => b.people - a.people || a.focus.name.localeCompare(b.focus.name),
    ),
    people,
    gap,
    tooFew,
  };
}
