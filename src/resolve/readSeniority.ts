import { getLevel, type Level } from '../core/levels.js';

/** How senior a title reads, which words said so, and the words left for the specialty. */
export interface Seniority {
  /** The level on the professional, management and executive tracks. */
  level: Level;
  /** False when no word in the title speaks to seniority and the level is the default. */
  stated: boolean;
  cues: string[];
  specialty: string[];
  /**
   * The same title read for a focus on the support track (S1–S4, or a management or executive level for
   * supervisors and above), with the words that said so; null when no word speaks to seniority there, and
   * the focus's typical level applies.
   */
  support: { level: Level; cues: string[] } | null;
}

/** "X manager" titles that name an individual-contributor specialty, not a people manager. */
const SPECIALTY_MANAGERS = new Set([
  'product',
  'project',
  'program',
  'programme',
  'account',
  'relationship',
  'case',
  'property',
  'content',
  'community',
  'portfolio',
  'category',
  'brand',
  'territory',
  'client',
  'customer',
  'success',
  'release',
  'configuration',
  'change',
  'test',
  'delivery',
  'scrum',
  'campaign',
  'marketing',
  'social',
  'media',
  'store',
  'office',
  'asset',
  'credit',
]);

// A Map, not an object: it is looked up with a title's words, and "constructor" is a member of every object.
const ROMAN = new Map([
  ['i', 1],
  ['ii', 2],
  ['iii', 3],
  ['iv', 4],
  ['v', 5],
]);

type Rule = {
  words: string[];
  level: string;
  /** What the words mean on the support track, where it differs from `level` (every P rule says). */
  support?: string;
  when?: (words: readonly string[]) => boolean;
};

/** Words of training posts: a research or clinical "fellow" is a trainee, not a distinguished engineer. */
const TRAINING = new Set([
  'postdoctoral',
  'postdoc',
  'research',
  'clinical',
  'medical',
  'graduate',
  'teaching',
  'physician',
  'doctoral',
  'residency',
]);
/**
 * "Staff" is a level above senior only in the technical ladders that coined it ("Staff Engineer");
 * a staff accountant, nurse or auditor is a regular member of staff.
 */
const TECHNICAL = new Set([
  'engineer',
  'engineering',
  'developer',
  'software',
  'scientist',
  'architect',
  'designer',
  'data',
  'security',
  'reliability',
  'infrastructure',
  'platform',
  'machine',
  'product',
  'technical',
]);
const anyOf = (set: ReadonlySet<string>) => (words: readonly string[]) => words.some((w) => set.has(w));

/** Multi-word cues first, so "senior vice president" wins over "senior" and "vice president". */
const RULES: Rule[] = [
  { words: ['executive', 'vice', 'president'], level: 'E2' },
  { words: ['senior', 'vice', 'president'], level: 'E1' },
  { words: ['assistant', 'vice', 'president'], level: 'M5' },
  { words: ['vice', 'president'], level: 'M6' },
  { words: ['senior', 'director'], level: 'M5' },
  { words: ['executive', 'director'], level: 'M5' },
  { words: ['associate', 'director'], level: 'M3' },
  { words: ['director'], level: 'M4' },
  { words: ['head', 'of'], level: 'M3' },
  { words: ['senior', 'manager'], level: 'M3' },
  { words: ['general', 'manager'], level: 'M4' },
  { words: ['manager'], level: 'M2' },
  { words: ['team', 'lead'], level: 'M1' },
  { words: ['team', 'leader'], level: 'M1' },
  // A crew leader guides the crew while working in it: a first-line lead, the lead hand of the support track.
  { words: ['crew', 'leader'], level: 'M1', support: 'S4' },
  { words: ['crew', 'lead'], level: 'M1', support: 'S4' },
  { words: ['supervisor'], level: 'M1' },
  { words: ['distinguished'], level: 'P6', support: 'S4' },
  { words: ['fellow'], level: 'P1', support: 'S1', when: anyOf(TRAINING) },
  { words: ['fellow'], level: 'P6', support: 'S4' },
  { words: ['principal'], level: 'P5', support: 'S4' },
  { words: ['staff'], level: 'P4', support: 'S4', when: anyOf(TECHNICAL) },
  { words: ['lead', 'hand'], level: 'P4', support: 'S4' },
  { words: ['lead'], level: 'P4', support: 'S4' },
  { words: ['senior'], level: 'P3', support: 'S3' },
  { words: ['mid'], level: 'P2', support: 'S2' },
  { words: ['intermediate'], level: 'P2', support: 'S2' },
  { words: ['junior'], level: 'P1', support: 'S1' },
  { words: ['entry', 'level'], level: 'P1', support: 'S1' },
  { words: ['new', 'grad'], level: 'P1', support: 'S1' },
  { words: ['graduate'], level: 'P1', support: 'S1' },
  { words: ['trainee'], level: 'P1', support: 'S1' },
  { words: ['intern'], level: 'P1', support: 'S1' },
  { words: ['apprentice'], level: 'P1', support: 'S1' },
];

/**
 * Words that grade skilled and hourly work only. They are read for support-track focuses and nowhere
 * else, and stay in the specialty: "helper" and "foreman" name occupations of their own in SOC (the
 * helpers and the first-line supervisors), and "master" is the specialty of a scrum master or a master
 * data analyst.
 */
const SUPPORT_RULES: Rule[] = [
  { words: ['helper'], level: 'S1' },
  { words: ['helpers'], level: 'S1' },
  { words: ['journey', 'level'], level: 'S3' },
  { words: ['journeyman'], level: 'S3' },
  { words: ['journeyperson'], level: 'S3' },
  { words: ['journeyworker'], level: 'S3' },
  { words: ['master'], level: 'S3' },
  { words: ['foreman'], level: 'M1' },
  { words: ['forewoman'], level: 'M1' },
  { words: ['foreperson'], level: 'M1' },
];

const DEFAULT_LEVEL = 'P2';
const TRIGGERS = new Set([
  ...RULES.flatMap((r) => r.words),
  ...SUPPORT_RULES.flatMap((r) => r.words),
  'chief',
  'professor',
]);
/** Roman numerals and trailing numbers on the support track: I is the trained worker, II–III journey level, IV–V the lead. */
const SUPPORT_STEPS = ['S2', 'S3', 'S3', 'S4', 'S4'];

/**
 * Reads the seniority axis of a title. Chief officers are executive; vice
 * presidents, directors and managers sit on the management ladder; senior,
 * staff, principal and distinguished, and roman numerals or trailing numbers
 * ("Engineer II"), on the individual-contributor ladder. A management title
 * modified by "senior" moves up one management level. The words are read
 * whatever else the title says: an unknown specialty ("Senior Offering
 * Manager") still has a level. The same words are also read for the support
 * track: entry words (trainee, apprentice, helper) are S1, a Roman numeral I
 * is S2, senior, II–III, journeyman and master are S3, lead, lead hand and
 * crew leader S4, and supervisors and foremen M1.
 */
export function readSeniority(words: readonly string[]): Seniority {
  // Most titles carry no seniority word at all; they skip the rules.
  if (!words.some((w) => TRIGGERS.has(w) || ROMAN.has(w) || /^[1-5]$/.test(w)))
    return result(DEFAULT_LEVEL, false, [], [...words], null);
  const rest = [...words];
  const cues: string[] = [];
  const take = (at: number, n: number) => cues.push(rest.splice(at, n).join(' '));

  // "chief … officer", and "chief" alone before a function ("Chief of Technology").
  const chief = rest.indexOf('chief');
  if (chief >= 0) {
    take(chief, 1);
    const officer = rest.indexOf('officer');
    if (officer >= 0) rest.splice(officer, 1);
    if (rest[chief] === 'of') rest.splice(chief, 1);
    return result('E3', true, cues, rest, { level: 'E3', cues });
  }

  // Academic ranks are specialties with their own ladder.
  const professor = rest.indexOf('professor');
  if (professor > 0 && (rest[professor - 1] === 'assistant' || rest[professor - 1] === 'associate')) {
    const level = rest[professor - 1] === 'assistant' ? 'P2' : 'P3';
    cues.push(`${rest[professor - 1]} professor`);
    return result(level, true, cues, rest, { level, cues });
  }

  let level: string | null = null;
  let support: string | null = null;
  let managerBoost = false;
  for (const rule of RULES) {
    const at = findPhrase(rest, rule.words);
    if (at < 0) continue;
    if (rule.words[0] === 'manager' && SPECIALTY_MANAGERS.has(rest[at - 1] ?? '')) continue;
    if (rule.when && !rule.when(rest)) continue;
    if (level === null) {
      level = rule.level;
      support = rule.support ?? rule.level;
      take(at, rule.words.length);
    } else if (rule.level === 'P3' && level.startsWith('M')) {
      // "Senior Engineering Manager": senior lifts a management title one level.
      managerBoost = true;
      take(at, rule.words.length);
    } else if (
      rule.words.length === 1 &&
      ['senior', 'junior', 'lead', 'staff', 'principal'].includes(rule.words[0] ?? '')
    ) {
      // A second modifier ("Senior Staff") says no more than the first; it is not a specialty word either.
      take(at, rule.words.length);
    }
  }
  if (level && managerBoost) {
    level = bump(level);
    support = level;
  }
  const supportCues = [...cues];
  if (level === null) {
    const rule = SUPPORT_RULES.find((r) => findPhrase(rest, r.words) >= 0);
    if (rule) {
      support = rule.level;
      supportCues.push(rule.words.join(' '));
    }
  }

  const numeral = rest.length > 1 ? (rest[rest.length - 1] ?? '') : '';
  const step = ROMAN.get(numeral) ?? (/^[1-5]$/.test(numeral) ? Number(numeral) : 0);
  if (step > 0) {
    cues.push(numeral);
    rest.pop();
    if (level === null) level = `P${step}`;
    if (support === null) {
      support = SUPPORT_STEPS[step - 1] ?? null;
      supportCues.push(numeral);
    }
  }
  return result(
    level ?? DEFAULT_LEVEL,
    level !== null,
    cues,
    rest,
    support ? { level: support, cues: supportCues } : null,
  );
}

const FILLER = new Set(['of', 'the', 'and', 'for', 'in', 'at', 'a', 'an']);

function result(
  level: string,
  stated: boolean,
  cues: string[],
  specialty: string[],
  support: { level: string; cues: string[] } | null,
): Seniority {
  return {
    level: getLevel(level),
    stated,
    cues,
    specialty: specialty.filter((w) => !FILLER.has(w)),
    support: support ? { level: getLevel(support.level), cues: support.cues } : null,
  };
}

function findPhrase(words: readonly string[], phrase: readonly string[]): number {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}

function bump(code: string): string {
  const order = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'E1', 'E2', 'E3'];
  const at = order.indexOf(code);
  return at >= 0 && at < order.length - 1 ? (order[at + 1] ?? code) : code;
}
