/**
 * The canonical taxonomy as plain data: what the store persists, what the
 * catalog indexes and what every page renders. Every statement carries the ids
 * of the sources that support it.
 */

export type SourceKind = 'profile_page' | 'ladder' | 'job_description' | 'taxonomy' | 'survey' | 'reference';

export interface Source {
  id: string;
  title: string;
  kind: SourceKind;
  publisher: string | null;
  url: string | null;
  note: string | null;
}

export interface Statement {
  text: string;
  sources: string[];
  /** The spans of ingested documents that support it, when it came from one. */
  evidence?: EvidenceRef[];
  /** The rows of reference files it was generated from, when it was. */
  rows?: SourceRow[];
}

/**
 * One row of a reference file: the exact place a generated statement came from,
 * e.g. source "onet-29-3", file "Task Statements.txt", key "8823" (the Task ID).
 * Keys that need several columns join them with " · " in the file's column order
 * ("29-1141.00 · 2.C.1.a" for a Knowledge rating).
 */
export interface SourceRow {
  source: string;
  file: string;
  key: string;
}

/** One span of evidence: its row in an ingested source. */
export interface EvidenceRef {
  source: string;
  id: number;
}

export interface RubricRow {
  knowledge: string;
  complexity: string;
  collaboration: string;
  degreeYears: string;
  sources: string[];
  rows?: SourceRow[];
}

export type SkillKind = 'hard' | 'soft';

/** The four columns of the level-guidelines rubric, with their display labels. */
export const RUBRIC_DIMENSIONS = [
  ['Knowledge & Application', 'knowledge'],
  ['Complexity & Problem Solving', 'complexity'],
  ['Collaboration & Interaction', 'collaboration'],
  ['Typical Degree & Years', 'degreeYears'],
] as const satisfies readonly (readonly [string, keyof RubricRow])[];

export interface Skill {
  name: string;
  application: string;
  kind: SkillKind;
  sources: string[];
  evidence?: EvidenceRef[];
  rows?: SourceRow[];
}

export type ClassificationSystem = 'onet-soc' | 'isco' | 'esco';

export const CLASSIFICATION_LABELS: Readonly<Record<ClassificationSystem, string>> = {
  'onet-soc': 'O*NET / SOC',
  isco: 'ISCO-08',
  esco: 'ESCO',
};

export interface ClassificationMapping {
  system: ClassificationSystem;
  code: string;
  title: string | null;
  /** Which process produced the mapping, e.g. "canon.data" for hand-curated ones. */
  origin: string;
  confidence: number | null;
  sources: string[];
  rows?: SourceRow[];
  /**
   * Where this occupation's entry-level work sits in the focus (generated focuses,
   * which may hold a ladder of occupations: nursing assistants at S2, registered nurses at P1).
   */
  entryLevel?: string;
}

export interface PayObservation {
  currency: string;
  period: 'annual' | 'hourly';
  region: string;
  median: number;
  low: number | null;
  high: number | null;
  basis: string;
  asOf: string | null;
  sources: string[];
  rows?: SourceRow[];
}

export type ProfileStatus = 'draft' | 'in_review' | 'approved' | 'retired';

export const STATUS_LABELS: Readonly<Record<ProfileStatus, string>> = {
  draft: 'draft',
  in_review: 'in review',
  approved: 'approved',
  retired: 'retired',
};

export interface Confidence {
  score: number;
  sources: string[];
}

/** Titles a person comes from, moves up to, or moves across to, as a source states them. */
export interface CareerLinks {
  entryFrom: Statement[];
  advancementTo: Statement[];
  lateral: Statement[];
}

export interface FocusLevelContent {
  responsibilities: Statement[];
  rubric: RubricRow;
  career: CareerLinks;
  /** Skills this level adds to the focus's, when a source states them for it. */
  skills?: Skill[];
  /** Years of experience a source states for this focus at this level. */
  experience?: LevelExperience;
}

export interface LevelExperience {
  min: number;
  max: number | null;
  openEnded: boolean;
  /** The source's own words. */
  text: string;
  sources: string[];
  evidence?: EvidenceRef[];
}

export interface YearsEstimate {
  min: number;
  max: number;
  /** "3–5+ years": the upper bound is often exceeded. */
  openEnded: boolean;
}

/** A sourced step between two levels of a focus, in the manner of a progression guide. */
export interface Transition {
  from: string;
  to: string;
  keyShift: string;
  typicalYears: YearsEstimate | null;
  sources: string[];
}

export interface ProfileRecord {
  code: string;
  functionCode: string;
  focusCode: string;
  levelCode: string;
  status: ProfileStatus;
  /** Approved version number; null until a first version is approved. */
  version: number | null;
  region: string;
  confidence: Confidence | null;
  aliases: Statement[];
  pay: PayObservation[];
}

export interface DistinctFrom {
  focusKey: string;
  how: string;
}

export interface Focus {
  code: string;
  key: string;
  functionCode: string;
  name: string;
  description: string;
  distinctFrom: DistinctFrom[];
  /** The focus differs materially from the function baseline in pay and/or skills. */
  differential: { pay: boolean; skill: boolean; sources: string[] };
  levelCodes: string[];
  levels: Record<string, FocusLevelContent>;
  skills: Skill[];
  mappings: ClassificationMapping[];
  transitions: Transition[];
  /** Lower-case phrases that, found in a job title, point to this focus. */
  titleCues: string[];
  sources: string[];
}

export interface TaxonomyFunction {
  code: string;
  key: string;
  name: string;
  description: string;
  sources: string[];
}

export interface Taxonomy {
  sources: Source[];
  functions: TaxonomyFunction[];
  focuses: Focus[];
  profiles: ProfileRecord[];
}

export type ConfidenceBand = 'high' | 'medium' | 'low';

/** Bands used wherever a 0–1 confidence is shown. */
export function confidenceBand(score: number): ConfidenceBand {
  if (score >= 0.8) return 'high';
  if (score >= 0.5) return 'medium';
  return 'low';
}
