import { getLevel, type Level } from '../core/levels.js';

/** How senior a title reads, which words said so, and the words left for the specialty. */
export interface Seniority {
  /** The level on the professional, management and executive tracks. */
  level: Level;
  /** False when no word in the title speaks to seniority and the level is the default. */
  stated: boolean;
  /** The seniority words, in runs as the title has them ("senior vice president", "chief", "officer"). */
  cues: string[];
  specialty: string[];
  /**
   * The same title read for a focus on the support track (S1–S4, or a management or executive level for
   * supervisors and above), with the words that said so; null when no word speaks to seniority there, and
   * the focus's typical level applies.
   */
  support: { level: Level; cues: string[] } | null;
  /** Why, when the title joins roles that read differently ("COO & SVP"): each role and the one that decided. */
  note: string | null;
}

/*
 * What each form reads as, following common practice and the framework of `core/levels.ts` (the table in
 * the README's resolver section and bench/seniority/GUIDE.md say the same):
 *
 * | form                                                                          | level |
 * |-------------------------------------------------------------------------------|-------|
 * | chief … officer (CEO, CFO, COO, CTO…), chief executive, chief of a function   | E3    |
 * | president; founder, co-founder, founding partner; owner, co-owner, proprietor | E3    |
 * | chair(man/woman/person); board member, board of directors, non-executive or   | E3    |
 * |   independent director; managing partner; general counsel; commissioner;      |       |
 * |   provost; chancellor                                                         |       |
 * | executive vice president; managing director                                   | E2    |
 * | partner (of a firm: audit, tax, law)                                          | E1    |
 * | vice president                                                                | M6    |
 * | executive director                                                            | M5    |
 * | director; head of …, a department's head; general manager; dean; chief of     | M4    |
 * |   staff; school principal; department chair; a unit's chief (Bureau Chief)    |       |
 * | manager; superintendent                                                       | M2    |
 * | supervisor; team lead(er); crew lead(er), crew chief; foreman; head chef and  | M1    |
 * |   other head + a crew's trade; chief clerk and other chief + a crew's trade   |       |
 * | distinguished; fellow; chief architect, chief scientist, chief + a discipline | P6    |
 * | principal                                                                     | P5    |
 * | staff (technical titles only); lead                                           | P4    |
 * | senior; associate professor                                                   | P3    |
 * | mid, intermediate; assistant professor                                        | P2    |
 * | junior; entry level; new grad; graduate; trainee; intern; apprentice;         | P1    |
 * |   associate + a profession (first word); research or clinical fellow          |       |
 *
 * Modifiers move a management or executive role along M1 … M6, E1 … E3: senior one up (senior manager M3,
 * senior director M5, senior vice president E1, senior partner E2), and associate, assistant, deputy,
 * vice, junior one down (assistant manager M1, associate director M3, assistant vice president or AVP M5,
 * associate partner M6, vice chair E2, deputy chief executive E2).
 * Numbers are the individual-contributor step when no word states the level: a Roman numeral or number
 * after the role, "Level N", "Grade N", "Band N", "Tier N" → P1–P6 (a step above 6 is P6: the employer's
 * own scale is unknown); IC1–IC6 → P1–P6; the big-tech codes L3–L8 and E3–E8, whose entry level is 3,
 * → P1–P6.
 * Why, where practice differs: founders, owners, presidents, chairs and board members run or govern the
 * whole company, so they take the top level, E3, with the chief officers. A managing director is a
 * bank's rank above director and VP, and a company's chief executive in the UK: E2 sits between. A
 * partner owns a share of the firm and leads a practice, as an SVP leads a business unit (E1). "Head
 * of" names the leader of a function, as a director does (M4), though some ladders put a head of
 * engineering at M3; an AVP is below a VP and above a director (M5). An executive director is above a
 * senior director on corporate ladders (M5), though a non-profit's is its chief executive; the words
 * cannot tell. A chief architect or scientist is the company's senior-most expert, an individual
 * contributor (P6), not an officer.
 * A title joining roles ("COO & SVP", "IT Manager and Tech Director", "Vice President, Senior Analyst")
 * reads as its most senior role by rank (on a tie, the management or executive one), and `note` says so.
 * Words after "to" name whom the person serves ("Executive Assistant to the CEO") and are not read.
 */

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
  'commodity',
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
  'engagement',
  'scrum',
  'campaign',
  'social',
  'media',
  'asset',
  'investment',
  'partner',
]);
/** "Product line manager", "product marketing manager": product-management roles with a word between. */
const PRODUCT_MIDDLE = new Set(['line', 'marketing']);
/** "X director" titles that name an occupation of the arts or services, not a director of a function. */
const SPECIALTY_DIRECTORS = new Set([
  'art',
  'film',
  'movie',
  'video',
  'stage',
  'theatre',
  'theater',
  'casting',
  'choir',
  'choral',
  'music',
  'musical',
  'funeral',
  'animation',
  'fight',
]);
/** "X owner" titles that own a thing, not a business. */
const THING_OWNERS = new Set([
  'product',
  'process',
  'service',
  'system',
  'systems',
  'data',
  'application',
  'platform',
  'control',
  'risk',
  'content',
  'feature',
  'component',
  'solution',
  'program',
  'release',
  'change',
  'incident',
  'problem',
  'asset',
  'capability',
  'budget',
  'model',
  'policy',
  'technical',
  'technology',
  'business',
]);
/** "X partner" titles that work with partners or partner a function, not a partner of a firm. */
const PARTNER_ROLES = new Set([
  'business',
  'channel',
  'alliance',
  'alliances',
  'strategic',
  'people',
  'talent',
  'acquisition',
  'hr',
  'learning',
  'success',
  'customer',
  'client',
  'delivery',
  'patient',
  'nutrition',
  'control',
  'service',
  'technology',
  'integration',
  'solutions',
  'finance',
  'sales',
  'community',
  'care',
  'education',
  'process',
]);
/** Words after "partner" that make it a partnerships role ("Partner Manager", "Partner Marketing"). */
const PARTNER_NOUNS = new Set([
  'manager',
  'management',
  'marketing',
  'engineer',
  'engineering',
  'success',
  'sales',
  'development',
  'program',
  'programs',
  'account',
  'accounts',
  'operations',
  'solutions',
  'relations',
  'enablement',
  'integration',
  'integrations',
  'ecosystem',
  'network',
  'support',
  'onboarding',
  'experience',
  'specialist',
  'coordinator',
  'driver',
  'planner',
]);
/** The trades a "head" or "chief" leads as the first of a crew: a head chef, a chief clerk (M1). */
const CREW_TRADES = new Set([
  'chef',
  'cook',
  'cooks',
  'baker',
  'nurse',
  'cashier',
  'teller',
  'waiter',
  'waitress',
  'bartender',
  'server',
  'host',
  'hostess',
  'sommelier',
  'housekeeper',
  'custodian',
  'janitor',
  'gardener',
  'groundskeeper',
  'lifeguard',
  'butler',
  'usher',
  'porter',
  'guard',
  'guide',
  'sawyer',
  'packager',
  'mechanic',
  'driver',
  'coach',
  'trader',
  'clerk',
  'mate',
  'steward',
  'stewardess',
  'purser',
  'dispatcher',
  'operator',
  'conductor',
  'electrician',
  'carpenter',
  'drafter',
  'technician',
  'attendant',
  'inspector',
]);
/** "Chief" before an expert's discipline is the senior-most expert, not an officer: P6. */
const CHIEF_EXPERTS = new Set([
  'architect',
  'engineer',
  'scientist',
  'economist',
  'actuary',
  'technologist',
  'designer',
  'statistician',
  'metallurgist',
  'geologist',
  'chemist',
  'physicist',
  'evangelist',
]);
/** "Chief X officer" where "X officer" is a uniformed rank: a senior rank that supervises (M1). */
const OFFICER_RANKS = new Set([
  'petty',
  'non',
  'noncommissioned',
  'prison',
  'detention',
  'correctional',
  'correction',
  'probation',
  'warrant',
  'custody',
]);
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
  'researcher',
  'data',
  'security',
  'reliability',
  'infrastructure',
  'platform',
  'machine',
  'product',
  'technical',
  'database',
]);
/** Schools, whose principal heads them (M4), unlike a principal engineer (P5). */
const SCHOOLS = new Set(['school', 'elementary', 'middle', 'high', 'secondary', 'primary', 'kindergarten']);
/** Academic and other units a chair heads (M4), unlike the chair of a board (E3). */
const UNITS = new Set([
  'department',
  'departments',
  'program',
  'programme',
  'division',
  'section',
  'faculty',
]);
/** What a chair is when it is furniture ("Chair Maker", "Chair Lift Operator"). */
const FURNITURE = new Set([
  'maker',
  'makers',
  'builder',
  'pusher',
  'caner',
  'upholsterer',
  'assembler',
  'lift',
]);
/** Teaching titles, where a grade or year is the class taught ("Grade 3 Teacher"), not a level. */
const TEACHING = new Set(['teacher', 'teachers', 'teaching', 'tutor', 'instructor']);

/**
 * Words that state a level and name the occupation too, so they stay in the specialty: foremen are SOC's
 * first-line supervisors (M1), and a professor's rank is read while "assistant professor" still finds the
 * postsecondary teachers.
 */
const OCCUPATION_WORDS = new Set(['foreman', 'forewoman', 'foreperson', 'professor', 'prof']);
/** The ranks that go with a professor, kept in the specialty beside it. */
const ACADEMIC_RANKS = new Set(['assistant', 'associate']);

type Words = readonly string[];
/** A form's reading: the level on the P/M/E tracks, on the support track, and whether it is a role. */
interface Reading {
  level: string;
  /** Its meaning on the support track, where it differs from `level`. */
  support?: string;
  /** A role (manager, director, chief…) that modifiers move up and down; otherwise a modifier (senior, lead…). */
  role?: boolean;
}
interface Form extends Reading {
  words: string[];
  /** The form applies only here: `at` is where its words start in the title. */
  when?: (words: Words, at: number) => boolean;
}

const prev = (words: Words, at: number, set: ReadonlySet<string>) => set.has(words[at - 1] ?? '');
function hasAny(words: Words, set: ReadonlySet<string>): boolean {
  for (const w of words) if (set.has(w)) return true;
  return false;
}

/**
 * The forms, grouped by first word when indexed; at each word the longest that applies wins.
 * `chief` and `head` are read by functions below, and modifiers' moves by `MOVES`.
 */
const FORMS: Form[] = [
  { words: ['president'], level: 'E3', role: true },
  { words: ['co', 'president'], level: 'E3', role: true },
  { words: ['vice', 'president'], level: 'M6', role: true },
  { words: ['executive', 'vice', 'president'], level: 'E2', role: true },
  { words: ['founder'], level: 'E3', role: true },
  { words: ['cofounder'], level: 'E3', role: true },
  { words: ['co', 'founder'], level: 'E3', role: true },
  { words: ['founding', 'partner'], level: 'E3', role: true },
  {
    words: ['owner'],
    level: 'E3',
    role: true,
    when: (w, at) => !prev(w, at, THING_OWNERS) || (w[at - 1] === 'business' && w[at - 2] === 'small'),
  },
  { words: ['co', 'owner'], level: 'E3', role: true },
  { words: ['proprietor'], level: 'E3', role: true },
  ...['chair', 'chairman', 'chairwoman', 'chairperson'].flatMap((chair): Form[] => [
    { words: ['executive', chair], level: 'E3', role: true },
    { words: [chair], level: 'M4', role: true, when: (w) => hasAny(w, UNITS) },
    { words: [chair], level: 'E3', role: true, when: (w, at) => !FURNITURE.has(w[at + 1] ?? '') },
  ]),
  { words: ['board', 'member'], level: 'E3', role: true },
  { words: ['board', 'members'], level: 'E3', role: true },
  { words: ['board', 'director'], level: 'E3', role: true },
  { words: ['board', 'of', 'directors'], level: 'E3', role: true },
  { words: ['board', 'of', 'director'], level: 'E3', role: true },
  { words: ['board', 'of', 'trustees'], level: 'E3', role: true },
  { words: ['member', 'of', 'the', 'board'], level: 'E3', role: true },
  { words: ['member', 'of', 'board'], level: 'E3', role: true },
  { words: ['non', 'executive', 'director'], level: 'E3', role: true },
  { words: ['nonexecutive', 'director'], level: 'E3', role: true },
  { words: ['independent', 'director'], level: 'E3', role: true },
  { words: ['independent', 'non', 'executive', 'director'], level: 'E3', role: true },
  { words: ['managing', 'partner'], level: 'E3', role: true },
  { words: ['managing', 'director'], level: 'E2', role: true },
  {
    words: ['partner'],
    level: 'E1',
    role: true,
    when: (w, at) => !prev(w, at, PARTNER_ROLES) && !PARTNER_NOUNS.has(w[at + 1] ?? ''),
  },
  { words: ['general', 'counsel'], level: 'E3', role: true },
  { words: ['associate', 'general', 'counsel'], level: 'M4', role: true },
  { words: ['assistant', 'general', 'counsel'], level: 'M4', role: true },
  { words: ['deputy', 'general', 'counsel'], level: 'M6', role: true },
  { words: ['commissioner'], level: 'E3', role: true },
  { words: ['provost'], level: 'E3', role: true },
  { words: ['chancellor'], level: 'E3', role: true },
  { words: ['executive', 'director'], level: 'M5', role: true },
  {
    words: ['director'],
    level: 'M4',
    role: true,
    when: (w, at) =>
      !prev(w, at, SPECIALTY_DIRECTORS) && !(w[at + 1] === 'of' && w[at + 2] === 'photography'),
  },
  { words: ['general', 'manager'], level: 'M4', role: true },
  { words: ['dean'], level: 'M4', role: true },
  // A school's principal; its assistant or vice principal is one step below (M3).
  {
    words: ['principal'],
    level: 'M4',
    role: true,
    when: (w, at) => hasAny(w, SCHOOLS) || w[at - 1] === 'vice' || w[at - 1] === 'assistant',
  },
  { words: ['headmaster'], level: 'M4', role: true },
  { words: ['headmistress'], level: 'M4', role: true },
  { words: ['headteacher'], level: 'M4', role: true },
  {
    words: ['manager'],
    level: 'M2',
    role: true,
    when: (w, at) =>
      !prev(w, at, SPECIALTY_MANAGERS) && !(PRODUCT_MIDDLE.has(w[at - 1] ?? '') && w[at - 2] === 'product'),
  },
  { words: ['superintendent'], level: 'M2', role: true },
  { words: ['team', 'lead'], level: 'M1', role: true },
  { words: ['team', 'leader'], level: 'M1', role: true },
  // A crew leader guides the crew while working in it: a first-line lead, the lead hand of the support track.
  { words: ['crew', 'leader'], level: 'M1', support: 'S4', role: true },
  { words: ['crew', 'lead'], level: 'M1', support: 'S4', role: true },
  { words: ['supervisor'], level: 'M1', role: true },
  { words: ['supervisors'], level: 'M1', role: true },
  ...['foreman', 'forewoman', 'foreperson'].map((w): Form => ({ words: [w], level: 'M1', role: true })),
  { words: ['distinguished'], level: 'P6', support: 'S4' },
  { words: ['fellow'], level: 'P1', support: 'S1', when: (w) => hasAny(w, TRAINING) },
  { words: ['fellow'], level: 'P6', support: 'S4' },
  { words: ['principal'], level: 'P5', support: 'S4' },
  {
    words: ['staff'],
    level: 'P4',
    support: 'S4',
    // "Member of technical staff" is the whole title, not a staff level.
    when: (w, at) => hasAny(w, TECHNICAL) && !(w[at - 1] === 'technical' && w[at - 2] === 'of'),
  },
  { words: ['lead', 'hand'], level: 'P4', support: 'S4' },
  // Lead generation is sales work, and lead abatement or paint is the metal.
  {
    words: ['lead'],
    level: 'P4',
    support: 'S4',
    when: (w, at) => !['generation', 'gen', 'abatement', 'paint'].includes(w[at + 1] ?? ''),
  },
  { words: ['senior'], level: 'P3', support: 'S3' },
  { words: ['associate', 'professor'], level: 'P3', support: 'S3' },
  { words: ['assistant', 'professor'], level: 'P2', support: 'S2' },
  { words: ['associate', 'prof'], level: 'P3', support: 'S3' },
  { words: ['assistant', 'prof'], level: 'P2', support: 'S2' },
  { words: ['mid', 'level'], level: 'P2', support: 'S2' },
  { words: ['mid'], level: 'P2', support: 'S2', when: (w, at) => w[at + 1] !== 'market' },
  { words: ['intermediate'], level: 'P2', support: 'S2' },
  { words: ['junior'], level: 'P1', support: 'S1' },
  { words: ['entry', 'level'], level: 'P1', support: 'S1' },
  { words: ['new', 'grad'], level: 'P1', support: 'S1' },
  { words: ['graduate'], level: 'P1', support: 'S1' },
  { words: ['trainee'], level: 'P1', support: 'S1' },
  { words: ['intern'], level: 'P1', support: 'S1' },
  { words: ['interns'], level: 'P1', support: 'S1' },
  { words: ['internship'], level: 'P1', support: 'S1' },
  { words: ['apprentice'], level: 'P1', support: 'S1' },
  // "Associate Engineer": the entry level of a profession; "Sales Associate" names a job, and says nothing.
  { words: ['associate'], level: 'P1', support: 'S1', when: (w, at) => at === 0 && w.length > 1 },
];

/** Modifiers that move the management or executive role they precede: one step up or down. */
const MOVES = new Map([
  ['senior', 1],
  ['junior', -1],
  ['associate', -1],
  ['assistant', -1],
  ['deputy', -1],
  ['vice', -1],
]);
/** A modifier moves a role at most this many words after it ("Senior Software Engineering Manager"). */
const MOVE_REACH = 3;
/**
 * Names of individual contributors' jobs: a modifier before one belongs to it, not to a role after it
 * ("Senior Developer / Team Lead" is a senior developer who leads the team, not a senior team lead).
 */
const IC_JOBS = new Set([
  'engineer',
  'developer',
  'programmer',
  'analyst',
  'scientist',
  'designer',
  'architect',
  'consultant',
  'specialist',
  'accountant',
  'administrator',
  'associate',
  'advisor',
  'adviser',
]);
/** The management and executive ladder modifiers move along. */
const LADDER = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'E1', 'E2', 'E3'];

/**
 * Words that grade skilled and hourly work only. They are read for support-track focuses and nowhere
 * else, and stay in the specialty: "helper" names an occupation of its own in SOC, and "master" is the
 * specialty of a scrum master or a master data analyst.
 */
const SUPPORT_FORMS: { words: string[]; level: string }[] = [
  { words: ['helper'], level: 'S1' },
  { words: ['helpers'], level: 'S1' },
  { words: ['journey', 'level'], level: 'S3' },
  { words: ['journeyman'], level: 'S3' },
  { words: ['journeyperson'], level: 'S3' },
  { words: ['journeyworker'], level: 'S3' },
  { words: ['master'], level: 'S3' },
];

// Maps, not objects: they are looked up with a title's words, and "constructor" is a member of every object.
const BY_FIRST_WORD = new Map<string, Form[]>();
for (const form of FORMS) {
  const key = form.words[0] ?? '';
  BY_FIRST_WORD.set(key, [...(BY_FIRST_WORD.get(key) ?? []), form]);
}
for (const forms of BY_FIRST_WORD.values()) forms.sort((a, b) => b.words.length - a.words.length);
const ROMAN = new Map([
  ['i', 1],
  ['ii', 2],
  ['iii', 3],
  ['iv', 4],
  ['v', 5],
  ['vi', 6],
]);
/** Words that begin a step number: "Level 2", "Grade 7". */
const STEP_WORDS = new Set(['level', 'grade', 'band', 'tier']);
/** Company level codes in one word: L5, E5 (big tech, entry level 3) and IC3. */
const LEVEL_CODE = /^(l|e|ic)([1-9])$/;
/** Roman numerals other than I and V are steps wherever they stand after the first word ("Engineer II - QA"). */
const INNER_ROMAN = new Set(['ii', 'iii', 'iv', 'vi']);
/** Support-track steps of a numeral or number: I is the trained worker, II–III journey level, IV and up the lead. */
const SUPPORT_STEPS = ['S2', 'S3', 'S3', 'S4', 'S4', 'S4'];
const DEFAULT_LEVEL = 'P2';
const TRIGGERS = new Set([
  ...BY_FIRST_WORD.keys(),
  ...MOVES.keys(),
  ...SUPPORT_FORMS.map((f) => f.words[0] ?? ''),
  ...STEP_WORDS,
  'chief',
  'head',
]);
const FILLER = new Set(['of', 'the', 'and', 'for', 'in', 'at', 'a', 'an']);

/** One reading found in the title: where its words are, and what they say. */
interface Found extends Reading {
  /** Indexes of the title's words that make it up (a chief officer's "chief" and "officer"). */
  at: number[];
  /** A modifier that only moves a role ("assistant", "deputy", "vice"): no reading of its own. */
  mover?: boolean;
}

/**
 * Reads the seniority axis of a title (see the table above). The words are read whatever else the
 * title says: an unknown specialty ("Senior Offering Manager") still has a level. The same words are
 * also read for the support track: entry words (trainee, apprentice, helper) are S1, a Roman numeral I
 * is S2, senior, II–III, journeyman and master are S3, lead, lead hand and crew leader S4, and
 * supervisors and foremen M1.
 */
export function readSeniority(words: readonly string[]): Seniority {
  // Most titles carry no seniority word at all; they skip the rest.
  if (!hasTrigger(words)) return unstated(words);
  const read = readable(words);
  const groups = composeRoles(read, findForms(read));
  const number = findNumber(read);
  const chosen = mostSenior(groups);
  const decided = chosen ?? number;
  // Every reading's words, the number's too, are cues and leave the specialty (a foreman's stays there).
  const readings: { at: number[] }[] = number ? [...groups, number] : groups;
  if (number) readings.sort((a, b) => (a.at[0] ?? 0) - (b.at[0] ?? 0));
  const taken = new Set<number>();
  const cues: string[] = [];
  for (const r of readings) {
    cues.push(...runs(read, r.at));
    for (const i of r.at) if (!occupationWord(read, i)) taken.add(i);
  }
  const specialty: string[] = [];
  for (let i = 0; i < read.length; i++) {
    const w = read[i] ?? '';
    if (!taken.has(i) && !FILLER.has(w)) specialty.push(w);
  }
  if (!decided) {
    const trade = SUPPORT_FORMS.find((f) => findPhrase(read, f.words) >= 0);
    return {
      level: getLevel(DEFAULT_LEVEL),
      stated: false,
      cues: [],
      specialty,
      support: trade ? { level: getLevel(trade.level), cues: [trade.words.join(' ')] } : null,
      note: null,
    };
  }
  return {
    level: getLevel(decided.level),
    stated: true,
    cues,
    specialty,
    support: { level: getLevel(decided.support ?? decided.level), cues: runs(read, decided.at) },
    note: chosen ? explainRoles(read, groups, chosen) : null,
  };
}

function unstated(words: readonly string[]): Seniority {
  const specialty: string[] = [];
  for (const w of words) if (!FILLER.has(w)) specialty.push(w);
  return { level: getLevel(DEFAULT_LEVEL), stated: false, cues: [], specialty, support: null, note: null };
}

function occupationWord(words: Words, at: number): boolean {
  const word = words[at] ?? '';
  return (
    OCCUPATION_WORDS.has(word) || (ACADEMIC_RANKS.has(word) && OCCUPATION_WORDS.has(words[at + 1] ?? ''))
  );
}

function hasTrigger(words: Words): boolean {
  for (const w of words) if (TRIGGERS.has(w) || isNumber(w)) return true;
  return false;
}

/** The words that say who holds the job: those after "to" name whom they serve, when they hold a seniority word. */
function readable(words: readonly string[]): readonly string[] {
  const to = words.indexOf('to');
  if (to <= 0) return words;
  for (let i = to + 1; i < words.length; i++) if (TRIGGERS.has(words[i] ?? '')) return words.slice(0, to);
  return words;
}

/** Every form in the title, left to right, the longest at each word. */
function findForms(words: Words): Found[] {
  const found: Found[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const special = word === 'chief' ? readChief(words, i) : word === 'head' ? readHead(words, i) : null;
    if (special) {
      found.push(special);
      while (special.at.includes(i + 1)) i++;
      continue;
    }
    const form = BY_FIRST_WORD.get(word)?.find((f) => matches(words, i, f));
    if (form) {
      found.push({ ...form, at: form.words.map((_, k) => i + k) });
      i += form.words.length - 1;
    } else if (MOVES.has(word)) found.push({ level: '', mover: true, at: [i] });
  }
  return found;
}

function matches(words: Words, at: number, form: Form): boolean {
  for (let k = 1; k < form.words.length; k++) if (words[at + k] !== form.words[k]) return false;
  return !form.when || form.when(words, at);
}

/** "Officer" ends a chief officer's title within this many words ("Chief Information Security Officer"). */
const CHIEF_OFFICER_REACH = 5;

/**
 * "Chief": an officer (E3) when "officer" follows (a uniformed rank's chief officer supervises, M1), or in
 * "chief executive" and "chief of" a function; the chief of staff runs an executive's office (M4); before
 * an expert's discipline, the senior-most expert (P6); before a crew's trade, the first of the crew (M1).
 * After other words, the chief of a unit (Bureau Chief, M4) or of a crew (Crew Chief, M1).
 */
function readChief(words: Words, at: number): Found {
  const next = words[at + 1] ?? '';
  const officer = words.indexOf('officer', at + 1);
  if (officer > at && officer - at <= CHIEF_OFFICER_REACH) {
    const rank = words.slice(at + 1, officer).some((w) => OFFICER_RANKS.has(w));
    return { level: rank ? 'M1' : 'E3', role: true, at: [at, officer] };
  }
  if (next === 'executive') return { level: 'E3', role: true, at: [at, at + 1] };
  if (next === 'of' && words[at + 2] === 'staff')
    return { level: 'M4', role: true, at: [at, at + 1, at + 2] };
  if (next === 'of') return { level: 'E3', role: true, at: [at] };
  // The discipline or trade may follow a word of specialty ("Chief Software Architect", "Chief Stage Technician").
  const after = words.slice(at + 1, at + 4);
  if (hasAny(after, CHIEF_EXPERTS)) return { level: 'P6', support: 'S4', at: [at] };
  if (hasAny(after, CREW_TRADES)) return { level: 'M1', role: true, at: [at] };
  if (at > 0 && next === '')
    return {
      level: ['crew', 'party', 'guard'].includes(words[at - 1] ?? '') ? 'M1' : 'M4',
      role: true,
      at: [at],
    };
  return { level: 'E3', role: true, at: [at] };
}

/**
 * "Head of …" is director level (M4), as is a department's head at the end of a title ("Department Head");
 * "head" before a crew's trade is the first of the crew (Head Chef, M1), a head teacher heads a school
 * (M4). Elsewhere "head" is part of a machine or a programme ("Head Start", "Golf Club Head Former").
 */
function readHead(words: Words, at: number): Found | null {
  const next = words[at + 1] ?? '';
  if (next === 'of') return { level: 'M4', role: true, at: [at, at + 1] };
  if (at > 0 && next === '') return { level: 'M4', role: true, at: [at] };
  if (at === 0 && next === 'teacher') return { level: 'M4', role: true, at: [at, at + 1] };
  if (at === 0 && CREW_TRADES.has(next)) return { level: 'M1', role: true, at: [at] };
  return null;
}

/**
 * Readings grouped as the title's roles. Modifiers that a management or executive role follows closely
 * belong to it: "senior", "junior", "associate", "assistant", "deputy" and "vice" move it ("Senior
 * Engineering Manager" M3, "Assistant Vice President" M5), others only join it ("Principal Engineering
 * Manager" is a manager). Adjacent individual-contributor modifiers are one reading ("Senior Staff" P4);
 * a mover that moves no role says nothing ("Executive Assistant").
 */
function composeRoles(words: Words, found: readonly Found[]): Found[] {
  const groups: Found[] = [];
  let pending: Found[] = [];
  for (const f of found) {
    if (!f.role) {
      pending.push(f);
      continue;
    }
    const start = f.at[0] ?? 0;
    const movable = LADDER.includes(f.level);
    let shift = 0;
    const at: number[] = [];
    for (const m of pending) {
      const end = m.at[m.at.length - 1] ?? 0;
      if (movable && start - end <= MOVE_REACH && !hasAny(words.slice(end + 1, start), IC_JOBS)) {
        shift += MOVES.get(words[m.at[0] ?? 0] ?? '') ?? 0;
        at.push(...m.at);
      } else if (!m.mover) pushModifier(groups, m);
    }
    pending = [];
    at.push(...f.at);
    const level = shift ? move(f.level, shift) : f.level;
    groups.push({ level, support: shift ? level : f.support, role: true, at });
  }
  for (const m of pending) if (!m.mover) pushModifier(groups, m);
  return groups;
}

/** A modifier that moved no role: a reading of its own, joined to the one before when adjacent. */
function pushModifier(groups: Found[], m: Found): void {
  const last = groups[groups.length - 1];
  if (last && !last.role && (last.at[last.at.length - 1] ?? -2) + 1 === m.at[0]) {
    if (rank(m.level) > rank(last.level)) {
      last.level = m.level;
      last.support = m.support;
    }
    last.at.push(...m.at);
  } else groups.push({ ...m, at: [...m.at] });
}

function move(level: string, shift: number): string {
  const at = LADDER.indexOf(level);
  return LADDER[Math.min(LADDER.length - 1, Math.max(0, at + shift))] ?? level;
}

const rank = (code: string) => getLevel(code).rank;

/** The most senior reading by rank; on a tie the management or executive one, then the first. */
function mostSenior(groups: readonly Found[]): Found | null {
  let best: Found | null = null;
  for (const g of groups) {
    if (!best || rank(g.level) > rank(best.level)) best = g;
    else if (rank(g.level) === rank(best.level) && best.level.startsWith('P') && !g.level.startsWith('P'))
      best = g;
  }
  return best;
}

/** A step number, read only when no word states the level; null when the title has none. */
function findNumber(words: Words): (Reading & { at: number[] }) | null {
  const teaching = hasAny(words, TEACHING);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const next = words[i + 1] ?? '';
    let step = 0;
    let at = [i];
    if (STEP_WORDS.has(w) && (ROMAN.has(next) || isDigit(next))) {
      if (teaching) continue;
      step = ROMAN.get(next) ?? Number(next);
      at = [i, i + 1];
    } else if (w.length <= 3 && LEVEL_CODE.test(w)) {
      const [, kind, digit] = LEVEL_CODE.exec(w) ?? [];
      step = kind === 'ic' ? Number(digit) : Math.max(1, Number(digit) - 2);
    } else if (i > 0 && (isDigit(w) || INNER_ROMAN.has(w) || (ROMAN.has(w) && i === words.length - 1))) {
      if (teaching && STEP_WORDS.has(words[i - 1] ?? '')) continue;
      step = ROMAN.get(w) ?? Number(w);
    }
    if (step > 0) {
      const level = `P${Math.min(step, 6)}`;
      return { level, support: SUPPORT_STEPS[Math.min(step, 6) - 1] ?? 'S4', at };
    }
  }
  return null;
}

function isNumber(word: string): boolean {
  return ROMAN.has(word) || isDigit(word) || (word.length <= 3 && LEVEL_CODE.test(word));
}

const isDigit = (word: string) => word.length === 1 && word >= '1' && word <= '9';

/** The title's words at these indexes (ascending), as runs of adjacent words ("senior vice president", "chief", "officer"). */
function runs(words: Words, indexes: readonly number[]): string[] {
  const out: string[] = [];
  let run = '';
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k] ?? 0;
    const word = words[i] ?? '';
    if (k > 0 && indexes[k - 1] === i - 1) run += ` ${word}`;
    else {
      if (run) out.push(run);
      run = word;
    }
  }
  if (run) out.push(run);
  return out;
}

/** The sentence naming each role of a title that joins roles reading differently, and the one that decided. */
function explainRoles(words: Words, groups: readonly Found[], chosen: Found): string | null {
  if (groups.length < 2 || groups.every((g) => g.level === chosen.level)) return null;
  const span = (g: Found) => words.slice(Math.min(...g.at), Math.max(...g.at) + 1).join(' ');
  const named = groups.map((g) => `“${span(g)}” (${g.level})`);
  const list = `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
  // A management role outranks an individual contributor's reading of the same rank.
  const tie = groups.some(
    (g) => rank(g.level) === rank(chosen.level) && g.level.startsWith('P') && !chosen.level.startsWith('P'),
  );
  return `The title joins ${list}; the most senior, “${span(chosen)}”, decides${tie ? ' (of equal rank, the management role)' : ''}.`;
}

function findPhrase(words: Words, phrase: readonly string[]): number {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}
