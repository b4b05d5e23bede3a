import { CanonError, quote } from '../core/errors.js';
import { plainNumber } from '../core/payAmount.js';
import { parseGrade } from './parseGrade.js';

/** What a column of a job catalog or HRIS export may hold; only the title is required. */
export const COLUMN_ROLES = [
  'title',
  'department',
  'grade',
  'location',
  'job_code',
  'employee_id',
  'headcount',
  'base_pay',
  'currency',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export interface ColumnChoice {
  role: ColumnRole;
  /** 0-based; null when no column holds it. */
  column: number | null;
  header: string | null;
  /** Why this column, or why none: the header's name, what the values look like, and what was passed over. */
  reason: string;
  by: 'guess' | 'given';
}

const ROLE_WORDS: Readonly<Record<ColumnRole, string>> = {
  title: 'the job title',
  department: 'the department or function',
  grade: 'the internal grade or level',
  location: 'the location',
  job_code: 'the job code',
  employee_id: 'the employee id',
  headcount: 'the headcount',
  base_pay: 'the base pay',
  currency: 'the currency',
};

/**
 * Header spellings seen in HR systems' exports, normalised (lower case, punctuation as spaces), with
 * how surely each names the role. A department and a function or job family are one role: both
 * steer the match to a Canon function.
 */
const SPELLINGS = new Map<string, [ColumnRole, number]>([
  ...names('title', 1, [
    'job title',
    'title',
    'position',
    'position title',
    'business title',
    'job name',
    'job profile',
    'role',
    'role title',
    'designation',
    'position name',
    'working title',
  ]),
  ...names('department', 1, [
    'department',
    'dept',
    'dept name',
    'department name',
    'function',
    'job function',
  ]),
  ...names('department', 0.95, [
    'job family',
    'family',
    'division',
    'business unit',
    'org',
    'organization',
    'team',
  ]),
  ...names('department', 0.7, ['cost center', 'cost centre', 'sub department', 'job family group']),
  ...names('grade', 1, [
    'grade',
    'job grade',
    'pay grade',
    'salary grade',
    'level',
    'job level',
    'band',
    'career band',
    'career level',
    'grade level',
    'global grade',
    'management level',
  ]),
  ...names('location', 1, [
    'location',
    'work location',
    'site',
    'office',
    'city',
    'work site',
    'country',
    'region',
  ]),
  ...names('job_code', 1, [
    'job code',
    'job id',
    'job number',
    'job profile id',
    'job profile code',
    'position code',
  ]),
  ...names('employee_id', 1, [
    'employee id',
    'emp id',
    'ee id',
    'employee number',
    'employee no',
    'worker id',
    'staff id',
    'personnel number',
    'person id',
    'employee',
  ]),
  ...names('headcount', 1, [
    'headcount',
    'head count',
    'hc',
    'fte',
    'incumbents',
    'number of employees',
    'employees',
    'count',
  ]),
  ...names('base_pay', 1, [
    'base salary',
    'annual base',
    'base pay',
    'salary',
    'annual salary',
    'base',
    'pay rate',
    'annual base salary',
    'base compensation',
  ]),
  ...names('currency', 1, ['currency', 'curr', 'ccy', 'currency code', 'pay currency', 'salary currency']),
]);

function names(
  role: ColumnRole,
  score: number,
  spellings: readonly string[],
): [string, [ColumnRole, number]][] {
  return spellings.map((s) => [s, [role, score]]);
}

/** Words that, inside a longer header, point to a role ("Compensation — Base", "Employee's Dept"). */
const KEYWORDS: readonly [RegExp, ColumnRole][] = [
  [/\b(?:job code|job id|position id|code)\b/, 'job_code'],
  [/\b(?:emp(?:loyee)? (?:id|no|number)|worker id|ee id)\b/, 'employee_id'],
  [/\b(?:title|position)\b/, 'title'],
  [/\b(?:dept|department|function|family|division)\b/, 'department'],
  [/\b(?:grade|band|level)\b/, 'grade'],
  [/\b(?:location|site|office|city|country)\b/, 'location'],
  [/\b(?:headcount|hc|fte)\b/, 'headcount'],
  [/\b(?:currency|ccy)\b/, 'currency'],
  [/\b(?:salary|base|pay)\b/, 'base_pay'],
];
const KEYWORD_SCORE = 0.6;

/** Words a job title holds and few other columns do: the title's guess when no header names it. */
const JOB_NOUNS =
  /\b(?:engineer|manager|mgr|analyst|director|dir|associate|assoc|specialist|assistant|coordinator|representative|rep|clerk|technician|tech|developer|accountant|consultant|officer|lead|supervisor|operator|driver|designer|administrator|admin|executive|exec|recruiter|partner|counsel|scientist|architect|agent|planner|buyer|controller|president|vp|head|handler|picker|packer)\b/i;

export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/#/g, ' number ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Whether a row reads as a catalog's header: at least two named cells, one of them naming the job title. */
export function isCatalogHeader(cells: readonly string[]): boolean {
  const named = cells.map(normalizeHeader).filter(Boolean);
  return named.length >= 2 && named.some((h) => nameScore(h)?.[0] === 'title');
}

function nameScore(normalized: string): [ColumnRole, number] | null {
  const exact = SPELLINGS.get(normalized);
  if (exact) return exact;
  for (const [pattern, role] of KEYWORDS) if (pattern.test(normalized)) return [role, KEYWORD_SCORE];
  return null;
}

interface Profile {
  filled: number;
  distinct: number;
  /** Shares of the filled values. */
  grades: number;
  money: number;
  smallCounts: number;
  currencies: number;
  jobNouns: number;
  codes: number;
}

const CURRENCY = /^(?:[A-Z]{3}|[$€£¥₹]|US\$|C\$|A\$|R\$)$/;
/** An amount as a pay column writes it: a plain number with a currency sign or code before or after. */
function isAmount(v: string): boolean {
  const bare = /^(?:[A-Za-z]{1,3}\s?)?[$€£¥₹]?\s?([\d.,]+)\s?(?:[A-Za-z]{3}|[$€£])?$/.exec(v.trim())?.[1];
  return bare !== undefined && (plainNumber(bare) ?? 0) > 0;
}

function profileOf(values: readonly string[]): Profile {
  const filled = values.filter((v) => v.trim() !== '');
  const share = (test: (v: string) => boolean) =>
    filled.length ? filled.filter(test).length / filled.length : 0;
  return {
    filled: filled.length,
    distinct: new Set(filled).size,
    grades: share((v) => (parseGrade(v)?.position ?? null) !== null),
    money: share(isAmount),
    smallCounts: share((v) => /^\d{1,4}(?:\.\d+)?$/.test(v.trim()) && Number(v) <= 5000),
    currencies: share((v) => CURRENCY.test(v.trim())),
    jobNouns: share((v) => JOB_NOUNS.test(v)),
    codes: share((v) => /^[A-Za-z0-9][A-Za-z0-9._-]{1,19}$/.test(v.trim()) && /\d/.test(v)),
  };
}

/**
 * How well a column's values fit a role, as a factor on its name's score, and in words. Values
 * that plainly do not fit (a "Level" column of prose, a "Salary" column of words) sink the guess.
 */
function valueFit(role: ColumnRole, p: Profile, rows: number): [number, string] {
  if (p.filled === 0) return [0.5, 'the column is empty in the sample'];
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  switch (role) {
    case 'title':
      return p.jobNouns >= 0.3
        ? [1, `${pct(p.jobNouns)} of values name a kind of job`]
        : [0.7, `only ${pct(p.jobNouns)} of values hold a usual job word`];
    case 'department':
      return p.distinct < Math.max(2, p.filled * 0.5)
        ? [1, `${p.distinct} distinct values over ${p.filled} rows`]
        : [0.6, `${p.distinct} distinct values over ${p.filled} rows, few repeat`];
    case 'grade':
      return p.grades >= 0.6
        ? [1, `${pct(p.grades)} of values read as ordered grades`]
        : [0.5, `only ${pct(p.grades)} of values read as ordered grades`];
    case 'headcount':
      return p.smallCounts >= 0.8
        ? [1, 'whole numbers']
        : [0.3, `only ${pct(p.smallCounts)} of values are counts`];
    case 'base_pay':
      return p.money >= 0.6
        ? [1, `${pct(p.money)} of values are amounts`]
        : [0.3, `only ${pct(p.money)} of values are amounts`];
    case 'currency':
      return p.currencies >= 0.8
        ? [1, `${pct(p.currencies)} of values are currency codes`]
        : [0.3, `only ${pct(p.currencies)} of values are currency codes`];
    case 'job_code':
    case 'employee_id':
      return p.codes >= 0.6
        ? [1, `${pct(p.codes)} of values are codes; ${p.distinct} distinct over ${p.filled} rows`]
        : [0.5, `only ${pct(p.codes)} of values look like codes`];
    case 'location':
      return p.distinct < Math.max(2, rows * 0.5)
        ? [1, `${p.distinct} distinct values`]
        : [0.8, `${p.distinct} distinct values`];
  }
}

/**
 * Guesses which column holds what, from the header's names and a sample of values, with a reason
 * for each role. Columns the caller names (`given`: role → header name, or null for "none") win;
 * each column serves one role. Without a title column the catalog cannot be matched, so that is
 * refused with the headers and how to name the column.
 */
export function guessColumns(
  header: readonly string[],
  sample: readonly (readonly string[])[],
  given: ReadonlyMap<ColumnRole, string | null> = new Map(),
): ColumnChoice[] {
  const values = (c: number) => sample.map((row) => row[c] ?? '');
  const profiles = header.map((_, c) => profileOf(values(c)));
  const taken = new Set<number>();
  const chosen = new Map<ColumnRole, ColumnChoice>();

  for (const [role, name] of given) {
    if (name === null) {
      chosen.set(role, { role, column: null, header: null, reason: 'set to none', by: 'given' });
      continue;
    }
    const column = findColumn(header, name);
    if (taken.has(column))
      throw new CanonError(
        'invalid_input',
        `Column ${quote(name)} is given for two roles; a column holds one.`,
      );
    taken.add(column);
    chosen.set(role, { role, column, header: header[column] ?? null, reason: 'given', by: 'given' });
  }

  const options: { role: ColumnRole; column: number; score: number; reason: string }[] = [];
  header.forEach((h, column) => {
    const normalized = normalizeHeader(h);
    const named = nameScore(normalized);
    if (!named) return;
    const [role, score] = named;
    const profile = profiles[column];
    if (!profile) return;
    const [fit, seen] = valueFit(role, profile, sample.length);
    const how =
      score === 1 ? 'a usual name for' : score >= 0.9 ? 'a name often used for' : 'a word that points to';
    options.push({
      role,
      column,
      score: score * fit,
      reason: `header ${quote(h)} is ${how} ${ROLE_WORDS[role]}; ${seen}`,
    });
  });
  options.sort((a, b) => b.score - a.score || a.column - b.column);
  const passedOver = new Map<ColumnRole, string[]>();
  for (const o of options) {
    if (o.score < 0.3) continue;
    if (chosen.has(o.role) || taken.has(o.column)) {
      if (!taken.has(o.column))
        passedOver.set(o.role, [...(passedOver.get(o.role) ?? []), quote(header[o.column])]);
      continue;
    }
    chosen.set(o.role, {
      role: o.role,
      column: o.column,
      header: header[o.column] ?? null,
      reason: o.reason,
      by: 'guess',
    });
    taken.add(o.column);
  }

  if (!chosen.has('title')) {
    // No header names the title: the free column whose values most often name a kind of job.
    let best: { column: number; share: number } | null = null;
    profiles.forEach((p, column) => {
      if (taken.has(column) || p.jobNouns < 0.5) return;
      if (!best || p.jobNouns > best.share) best = { column, share: p.jobNouns };
    });
    const found = best as { column: number; share: number } | null;
    if (!found)
      throw new CanonError(
        'invalid_input',
        `No column holds the job title: the headers are ${header.map((h) => quote(h)).join(', ')}. Name it with --map title=COLUMN.`,
      );
    chosen.set('title', {
      role: 'title',
      column: found.column,
      header: header[found.column] ?? null,
      reason: `no header names the title; ${Math.round(found.share * 100)}% of this column's values name a kind of job`,
      by: 'guess',
    });
  }

  return COLUMN_ROLES.map((role) => {
    const choice = chosen.get(role);
    const others = passedOver.get(role);
    if (choice)
      return others
        ? { ...choice, reason: `${choice.reason} (also possible: ${others.join(', ')})` }
        : choice;
    return { role, column: null, header: null, reason: 'no header names it', by: 'guess' };
  });
}

/** A column by its header (case and spacing aside) or its 1-based number as "#3". */
function findColumn(header: readonly string[], name: string): number {
  const number = /^#(\d+)$/.exec(name.trim());
  if (number) {
    const at = Number(number[1]) - 1;
    if (at >= 0 && at < header.length) return at;
  } else {
    const wanted = normalizeHeader(name);
    const at = header.findIndex((h) => normalizeHeader(h) === wanted);
    if (at >= 0) return at;
  }
  throw new CanonError(
    'invalid_input',
    `No column ${quote(name)}; the headers are ${header.map((h) => quote(h)).join(', ')} (or give a column number as #N).`,
  );
}

/**
 * Reads `--map title=Business Title,grade=Band,location=` (an empty column: the role has none).
 * Role names are those of COLUMN_ROLES; "dept" and "function" name the department, "level" the grade.
 */
export function parseColumnMap(text: string): Map<ColumnRole, string | null> {
  const out = new Map<ColumnRole, string | null>();
  for (const part of text.split(',')) {
    if (!part.trim()) continue;
    const at = part.indexOf('=');
    if (at < 0)
      throw new CanonError(
        'invalid_input',
        `--map takes ROLE=COLUMN pairs separated by commas; got ${quote(part)}.`,
      );
    const word = part
      .slice(0, at)
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const role = ROLE_ALIASES.get(word) ?? (COLUMN_ROLES as readonly string[]).find((r) => r === word);
    if (!role)
      throw new CanonError(
        'invalid_input',
        `--map names no role ${quote(word)}; the roles are ${COLUMN_ROLES.join(', ')}.`,
      );
    const column = part.slice(at + 1).trim();
    out.set(role as ColumnRole, column === '' ? null : column);
  }
  return out;
}

const ROLE_ALIASES = new Map<string, ColumnRole>([
  ['dept', 'department'],
  ['function', 'department'],
  ['family', 'department'],
  ['level', 'grade'],
  ['band', 'grade'],
  ['jobcode', 'job_code'],
  ['employee', 'employee_id'],
  ['hc', 'headcount'],
  ['pay', 'base_pay'],
  ['salary', 'base_pay'],
]);
