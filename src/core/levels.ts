import { CanonError, quote } from './errors.js';

export type Track = 'S' | 'P' | 'M' | 'E';

export const TRACKS: Readonly<Record<Track, string>> = {
  S: 'Support, skilled and operational',
  P: 'Individual contributor',
  M: 'Management',
  E: 'Executive',
};

export interface YearsRange {
  min: number;
  max: number;
}

export interface Level {
  code: string;
  track: Track;
  /** Position within the track, 1-based. */
  step: number;
  /**
   * Position on the one ordinal scale shared by all tracks, so a P5 and an M3
   * can be compared. Equal ranks mean "comparable scope", not "same job".
   */
  rank: number;
  title: string;
  summary: string;
  scope: string;
  autonomy: string;
  complexity: string;
  impact: string;
  decisionRights: string;
  leadership: string;
  /** Null where no source gives a figure: Canon never invents years. */
  experience: YearsRange | null;
  /** Source ids (see data/sources.yaml) backing the experience figure. */
  experienceSources: readonly string[];
  /**
   * Source ids backing the descriptive attributes themselves. The support track's
   * attributes follow O*NET's Job Zone definitions; the other tracks' follow
   * Canon's published profile pages and ladders.
   */
  sources: readonly string[];
  commonTitles: readonly string[];
}

/** The six descriptive attributes of a level, with their display labels, in display order. */
export const LEVEL_ATTRIBUTES = [
  ['Scope', 'scope'],
  ['Autonomy', 'autonomy'],
  ['Complexity', 'complexity'],
  ['Impact', 'impact'],
  ['Decision rights', 'decisionRights'],
  ['Leadership', 'leadership'],
] as const satisfies readonly (readonly [string, keyof Level])[];

const LEVEL_CODE = /^([SPME])([1-9])$/;
const MAX_STEP: Readonly<Record<Track, number>> = { S: 4, P: 6, M: 6, E: 3 };

type LevelInput = Omit<Level, 'track' | 'step' | 'experienceSources' | 'sources'> & {
  experienceSources?: readonly string[];
  sources?: readonly string[];
};

const FRAMEWORK_SOURCES = ['canon-profile-m3', 'canon-profile-m6'];

function level(input: LevelInput): Level {
  const parsed = parseLevelCode(input.code);
  return {
    ...input,
    ...parsed,
    experienceSources: input.experienceSources ?? [],
    sources: input.sources ?? FRAMEWORK_SOURCES,
  };
}

/**
 * The universal level framework. The M3 and M6 rows follow Canon's published
 * profile pages; ranks place P(n) beside M(n-2) (a first-line supervisor sits
 * with a senior professional) and the executive track above M6. The support
 * track (S) is for skilled trades, technicians, operations, clerical and hourly
 * work, which professional levels misdescribe: its steps follow O*NET's Job Zones
 * 1–3 (how much preparation the work needs) and then the lead hand who guides a
 * crew. S1 sits below P1 (no preparation at all), S2 beside P1, S3 (fully skilled,
 * journey level) beside P2 and S4 beside P3 and M1, under the supervisor's authority.
 */
export const LEVELS: readonly Level[] = [
  level({
    code: 'S1',
    rank: 0,
    title: 'Entry Support',
    summary: 'Follows instructions on routine work that an experienced worker can show in days or months.',
    scope: 'Own assigned tasks on a shift or crew',
    autonomy:
      'Follows set instructions and procedures; work is checked by an experienced worker or supervisor',
    complexity: 'Routine, repetitive tasks with set methods',
    impact: 'Own task outcomes',
    decisionRights: 'Chooses the order of assigned tasks within set procedures',
    leadership: 'Learns the job from experienced workers',
    experience: null,
    sources: ['onet-jz-1'],
    commonTitles: ['Helper', 'Trainee', 'Attendant', 'Laborer', 'Assistant'],
  }),
  level({
    code: 'S2',
    rank: 1,
    title: 'Support Specialist',
    summary:
      'Does the job independently once trained by working beside experienced employees for months to a year.',
    scope: 'A set of duties or a station within a team',
    autonomy: 'Works independently on regular duties; refers exceptions to a lead or supervisor',
    complexity: 'Routine problems that need some judgement and knowledge of the work',
    impact: 'Own duties and the customers or colleagues served',
    decisionRights: 'Decides how to handle standard cases within established rules',
    leadership: 'Helps newer workers with routine tasks',
    experience: { min: 0, max: 1 },
    experienceSources: ['onet-jz-2'],
    sources: ['onet-jz-2'],
    commonTitles: ['Clerk', 'Operator', 'Representative', 'Technician I', 'Installer'],
  }),
  level({
    code: 'S3',
    rank: 2,
    title: 'Skilled Support',
    summary:
      'Fully skilled (journey-level) worker after vocational training, apprenticeship or an associate degree.',
    scope: 'Complete jobs or processes, start to finish',
    autonomy: 'Plans and carries out own work without close supervision',
    complexity: 'Varied problems that call for trade or technical knowledge to diagnose and fix',
    impact: 'Quality and safety of completed work',
    decisionRights: 'Chooses methods, tools and materials for own jobs',
    leadership: 'Trains apprentices and less-experienced workers on the job',
    experience: { min: 1, max: 2 },
    experienceSources: ['onet-jz-3'],
    sources: ['onet-jz-3'],
    commonTitles: ['Journeyman', 'Technician', 'Senior Clerk', 'Mechanic', 'Specialist'],
  }),
  level({
    code: 'S4',
    rank: 3,
    title: 'Lead Support',
    summary: 'Leads the work of a crew or shift while doing it; the go-to expert for the hardest jobs.',
    scope: 'A crew, shift or work area',
    autonomy: "Organises the crew's work within plans set by a supervisor",
    complexity: 'Non-routine jobs and problems others escalate',
    impact: "The crew's output, quality and safety",
    decisionRights: "Assigns and checks the crew's tasks; recommends people decisions to the supervisor",
    leadership: 'Coordinates and trains others while contributing',
    experience: null,
    sources: ['onet-jz-3', 'onet-jz-4'],
    commonTitles: ['Lead', 'Lead Hand', 'Master', 'Senior Technician', 'Crew Leader'],
  }),
  level({
    code: 'P1',
    rank: 1,
    title: 'Entry Professional',
    summary: 'Learns the discipline on well-defined tasks with close guidance.',
    scope: 'Assigned tasks within a team',
    autonomy: 'Works from detailed instructions; work is reviewed closely',
    complexity: 'Routine problems with known solutions',
    impact: 'Own task outcomes',
    decisionRights: 'Chooses how to complete assigned tasks',
    leadership: 'Develops own skills',
    experience: null,
    commonTitles: ['Associate', 'Junior', 'Engineer I', 'Analyst I', 'Graduate'],
  }),
  level({
    code: 'P2',
    rank: 2,
    title: 'Professional',
    summary: 'Delivers independently within established practice on moderately complex work.',
    scope: 'Features or workstreams within a team',
    autonomy: 'Works from general goals; seeks help on novel problems',
    complexity: 'Moderately complex problems that need analysis of several factors',
    impact: 'Feature or workstream outcomes',
    decisionRights: 'Owns the approach for own workstream',
    leadership: 'Helps onboard newer colleagues',
    experience: null,
    commonTitles: ['Engineer II', 'Analyst II', 'Specialist'],
  }),
  level({
    code: 'P3',
    rank: 3,
    title: 'Senior Professional',
    summary: 'Fully qualified expert who owns systems or programmes end to end for a team.',
    scope: 'Systems or programmes owned for a team',
    autonomy: 'Sets own plan toward team goals',
    complexity: 'Diverse problems where methods must be chosen and adapted',
    impact: 'Team outcomes',
    decisionRights: 'Owns technical or functional decisions for owned areas',
    leadership: 'Mentors others; may lead small projects',
    experience: null,
    commonTitles: ['Senior Engineer', 'Senior Analyst', 'Senior Consultant'],
  }),
  level({
    code: 'P4',
    rank: 4,
    title: 'Staff Professional',
    summary: 'Leads cross-team work and sets direction for a domain without managing people.',
    scope: 'A domain spanning several teams',
    autonomy: 'Defines goals for the domain within functional strategy',
    complexity: 'Ambiguous cross-team problems with competing constraints',
    impact: 'Multi-team outcomes',
    decisionRights: 'Owns domain-level design and standards',
    leadership: 'Leads through influence across teams',
    experience: null,
    commonTitles: ['Staff Engineer', 'Lead Engineer', 'Staff Consultant', 'Solutions Architect'],
  }),
  level({
    code: 'P5',
    rank: 5,
    title: 'Principal Professional',
    summary: 'Recognised authority who shapes function-wide direction in a field.',
    scope: 'A function or a major platform',
    autonomy: 'Sets multi-year technical or functional direction with leadership',
    complexity: 'Novel, organisation-wide problems without precedent',
    impact: 'Function-wide outcomes',
    decisionRights: 'Sets standards that other teams adopt',
    leadership: 'Develops senior experts; influences executives',
    experience: null,
    commonTitles: ['Principal Engineer', 'Principal Architect', 'Principal Consultant'],
  }),
  level({
    code: 'P6',
    rank: 6,
    title: 'Distinguished Professional',
    summary: 'Company-level or industry-level authority whose judgement sets long-range direction.',
    scope: 'The company, or the industry in a field',
    autonomy: 'Defines direction; accountable to the executive team',
    complexity: 'Strategic problems with long-term effect on company success',
    impact: 'Company-wide and external',
    decisionRights: 'Shapes company technical strategy',
    leadership: 'Leads the expert community; represents the company externally',
    experience: null,
    commonTitles: ['Distinguished Engineer', 'Fellow', 'Chief Architect'],
  }),
  level({
    code: 'M1',
    rank: 3,
    title: 'Supervisor / Team Lead',
    summary: 'Leads a single team day to day while remaining close to the work.',
    scope: 'One team',
    autonomy: 'Plans team work within goals set by a manager',
    complexity: 'Team-level scheduling, quality and staffing issues',
    impact: 'Team outcomes',
    decisionRights: 'Assigns work; recommends people decisions',
    leadership: 'Leads individual contributors, often while contributing',
    experience: null,
    commonTitles: ['Team Lead', 'Supervisor', 'Lead'],
  }),
  level({
    code: 'M2',
    rank: 4,
    title: 'Manager',
    summary: 'Manages a team of professionals and owns its delivery and people outcomes.',
    scope: 'A team or a small group of teams',
    autonomy: 'Sets team goals within departmental plans',
    complexity: 'Delivery, hiring and performance trade-offs for a team',
    impact: 'Team and area outcomes',
    decisionRights: 'Owns hiring, performance and priorities for the team',
    leadership: 'Manages individual contributors',
    experience: null,
    commonTitles: ['Manager', 'Engineering Manager', 'Group Lead'],
  }),
  level({
    code: 'M3',
    rank: 5,
    title: 'Senior Manager',
    summary: 'Leads multiple teams or a sub-function; sets goals and owns cross-team execution.',
    scope: 'Multiple teams or a sub-function',
    autonomy: 'Sets goals within functional strategy',
    complexity: 'Multi-team execution and resourcing trade-offs',
    impact: 'Sub-function outcomes',
    decisionRights: 'Owns goals, budget input, and people decisions across teams',
    leadership: 'Manages managers and/or several teams',
    experience: { min: 8, max: 12 },
    experienceSources: ['canon-profile-m3'],
    commonTitles: ['Senior Manager', 'Senior Engineering Manager', 'Head of Engineering'],
  }),
  level({
    code: 'M4',
    rank: 6,
    title: 'Director',
    summary: 'Runs a department through managers and owns its strategy and budget.',
    scope: 'A department or function area',
    autonomy: 'Translates functional strategy into departmental plans',
    complexity: 'Cross-department priorities and multi-year plans',
    impact: 'Department outcomes',
    decisionRights: 'Owns departmental budget, headcount and roadmap',
    leadership: 'Manages managers',
    experience: null,
    commonTitles: ['Director', 'Director of Engineering', 'Head of'],
  }),
  level({
    code: 'M5',
    rank: 7,
    title: 'Senior Director',
    summary: 'Leads several departments and sets the methods and standards others follow.',
    scope: 'Several departments or a large function',
    autonomy: 'Shapes functional strategy with executives',
    complexity: 'Organisation-wide issues with division-level effect',
    impact: 'Function or division outcomes',
    decisionRights: 'Owns function-level budgets and standards',
    leadership: 'Leads directors and senior managers',
    experience: null,
    commonTitles: ['Senior Director', 'Senior Director of Engineering'],
  }),
  level({
    code: 'M6',
    rank: 8,
    title: 'Vice President',
    summary: 'Owns a major function or division; accountable for organization-wide outcomes.',
    scope: 'A major function or division',
    autonomy: 'Accountable for division strategy and outcomes',
    complexity: 'Enterprise priorities and external factors',
    impact: 'Division-wide / organization-wide',
    decisionRights: 'Owns strategy, budget, and org for a division',
    leadership: 'Leads the leadership of a division',
    experience: { min: 15, max: 25 },
    experienceSources: ['canon-profile-m6'],
    commonTitles: ['Vice President', 'VP of Engineering', 'VP of Technology'],
  }),
  level({
    code: 'E1',
    rank: 9,
    title: 'Senior Vice President',
    summary: 'Leads several functions or a business unit as a member of the executive team.',
    scope: 'Several functions or a business unit',
    autonomy: 'Sets strategy with the chief executive team',
    complexity: 'Company-level trade-offs across functions',
    impact: 'Business-unit and company outcomes',
    decisionRights: 'Owns multi-function strategy and budget',
    leadership: 'Leads vice presidents',
    experience: null,
    commonTitles: ['Senior Vice President', 'SVP of Engineering'],
  }),
  level({
    code: 'E2',
    rank: 10,
    title: 'Executive Vice President',
    summary: 'Runs a large share of the enterprise and deputises for the chief executive team.',
    scope: 'A large share of the enterprise',
    autonomy: 'Co-owns company strategy',
    complexity: 'Enterprise-wide, external and market factors',
    impact: 'Company outcomes',
    decisionRights: 'Owns enterprise-level strategy in a domain',
    leadership: 'Leads senior executives',
    experience: null,
    commonTitles: ['Executive Vice President', 'EVP'],
  }),
  level({
    code: 'E3',
    rank: 11,
    title: 'Chief Officer',
    summary: 'The senior-most executive for a domain, accountable to the CEO and the board.',
    scope: 'The whole company in a domain',
    autonomy: 'Accountable to the CEO and the board',
    complexity: 'Company direction, investors, regulators and markets',
    impact: 'Company success and external standing',
    decisionRights: 'Final authority for a domain company-wide',
    leadership: 'Leads the executive layer of a domain',
    experience: { min: 18, max: 25 },
    experienceSources: ['seed-exec-progression'],
    commonTitles: ['Chief Technology Officer', 'Chief Information Officer', 'Chief Product Officer'],
  }),
];

export function parseLevelCode(code: string): { code: string; track: Track; step: number } {
  const match = LEVEL_CODE.exec(code);
  const track = match?.[1] as Track | undefined;
  const step = Number(match?.[2]);
  if (!track || step > MAX_STEP[track]) {
    throw new CanonError('invalid_input', `Unknown level code ${quote(code)}: expected ${LEVEL_CODES_HINT}.`);
  }
  return { code, track, step };
}

/** What a valid level code looks like, for error messages. */
export const LEVEL_CODES_HINT = 'S1–S4, P1–P6, M1–M6 or E1–E3';

const BY_CODE = new Map(LEVELS.map((l) => [l.code, l]));

export function findLevel(code: string): Level | undefined {
  return BY_CODE.get(code);
}

export function getLevel(code: string): Level {
  const found = BY_CODE.get(code);
  if (!found) parseLevelCode(code);
  if (!found) throw new CanonError('not_found', `No level ${quote(code)}.`);
  return found;
}

/** Levels of one track from `from` to `to` inclusive, in order. */
export function levelRange(from: string, to: string): Level[] {
  const a = getLevel(from);
  const b = getLevel(to);
  if (a.track !== b.track || a.step > b.step) {
    throw new CanonError('invalid_input', `Level range ${from}–${to} must stay on one track and go upward.`);
  }
  return LEVELS.filter((l) => l.track === a.track && l.step >= a.step && l.step <= b.step);
}

export function formatYears(range: YearsRange | null): string {
  return range ? `${range.min}–${range.max} yrs` : 'years not yet sourced';
}
