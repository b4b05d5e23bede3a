import {
  bigint,
  bigserial,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { DecidedBy } from '../company/companyJob.js';
import type { JobMatch, SharedMatch } from '../company/matchJobs.js';
import type { ImportSummary } from '../company/planCompanyImport.js';
import type { BulkJobStatus, ChunkInput, RowProblem } from '../core/bulkJob.js';
import type { Proposal } from '../core/content/applyProposal.js';
import type { ProfileContent } from '../core/content/profileContent.js';
import type { ClaimKind, CrosswalkEntry } from '../core/evidence.js';
import type { Review } from '../core/review/reviewProfile.js';
import type { Role } from '../core/roles.js';
import type {
  CareerLinks,
  ClassificationMapping,
  Confidence,
  DistinctFrom,
  LevelExperience,
  PayObservation,
  ProfileStatus,
  RubricRow,
  Skill,
  Statement,
  Transition,
} from '../core/taxonomy.js';
import type {
  DryRunError,
  DryRunOptions,
  DryRunProgress,
  DryRunState,
  DryRunStored,
} from './companyUploadRepository.js';

/** Drizzle's view of the tables that migrations/ creates; the SQL files are the source of truth. */

export const sources = pgTable('sources', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  kind: text('kind').notNull(),
  publisher: text('publisher'),
  url: text('url'),
  note: text('note'),
  origin: text('origin').notNull().default('builtin'),
});

export const functions = pgTable('functions', {
  code: text('code').primaryKey(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  sources: jsonb('sources').$type<string[]>().notNull(),
  origin: text('origin').notNull().default('builtin'),
});

export const focuses = pgTable('focuses', {
  code: text('code').primaryKey(),
  key: text('key').notNull().unique(),
  functionCode: text('function_code').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  distinctFrom: jsonb('distinct_from').$type<DistinctFrom[]>().notNull(),
  differential: jsonb('differential').$type<{ pay: boolean; skill: boolean; sources: string[] }>().notNull(),
  levelCodes: jsonb('level_codes').$type<string[]>().notNull(),
  skills: jsonb('skills').$type<Skill[]>().notNull(),
  mappings: jsonb('mappings').$type<ClassificationMapping[]>().notNull(),
  transitions: jsonb('transitions').$type<Transition[]>().notNull().default([]),
  titleCues: jsonb('title_cues').$type<string[]>().notNull().default([]),
  sources: jsonb('sources').$type<string[]>().notNull(),
  origin: text('origin').notNull().default('builtin'),
});

export const focusLevels = pgTable(
  'focus_levels',
  {
    focusCode: text('focus_code').notNull(),
    levelCode: text('level_code').notNull(),
    responsibilities: jsonb('responsibilities').$type<Statement[]>().notNull(),
    rubric: jsonb('rubric').$type<RubricRow>().notNull(),
    career: jsonb('career')
      .$type<CareerLinks>()
      .notNull()
      .default({ entryFrom: [], advancementTo: [], lateral: [] }),
    skills: jsonb('skills').$type<Skill[]>(),
    experience: jsonb('experience').$type<LevelExperience>(),
  },
  (t) => [primaryKey({ columns: [t.focusCode, t.levelCode] })],
);

export const profiles = pgTable('profiles', {
  code: text('code').primaryKey(),
  functionCode: text('function_code').notNull(),
  focusCode: text('focus_code').notNull(),
  levelCode: text('level_code').notNull(),
  status: text('status').$type<ProfileStatus>().notNull(),
  version: integer('version'),
  region: text('region').notNull(),
  confidence: jsonb('confidence').$type<Confidence | null>(),
  aliases: jsonb('aliases').$type<Statement[]>().notNull(),
  pay: jsonb('pay').$type<PayObservation[]>().notNull(),
  origin: text('origin').notNull().default('builtin'),
  /** The last revision any draft of this profile reached; a new draft counts on from it. */
  draftRevision: integer('draft_revision').notNull().default(0),
});

export const storeMeta = pgTable('store_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const socCodes = pgTable('soc_codes', {
  code: text('code').primaryKey(),
  title: text('title').notNull(),
  grp: text('grp').$type<'major' | 'minor' | 'broad' | 'detailed'>().notNull(),
  definition: text('definition'),
});

export const occupations = pgTable('occupations', {
  onetCode: text('onet_code').primaryKey(),
  socCode: text('soc_code').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  jobZone: integer('job_zone'),
});

export const occupationTitles = pgTable(
  'occupation_titles',
  {
    onetCode: text('onet_code').notNull(),
    title: text('title').notNull(),
    kind: text('kind').$type<'alternate' | 'short' | 'reported'>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.onetCode, t.title, t.kind] })],
);

export const occupationTasks = pgTable(
  'occupation_tasks',
  {
    onetCode: text('onet_code').notNull(),
    taskId: integer('task_id').notNull(),
    task: text('task').notNull(),
    taskType: text('task_type'),
  },
  (t) => [primaryKey({ columns: [t.onetCode, t.taskId] })],
);

export const relatedOccupations = pgTable(
  'related_occupations',
  {
    onetCode: text('onet_code').notNull(),
    relatedCode: text('related_code').notNull(),
    tier: text('tier').notNull(),
    rank: integer('rank').notNull(),
  },
  (t) => [primaryKey({ columns: [t.onetCode, t.relatedCode] })],
);

export const occupationTechnologies = pgTable(
  'occupation_technologies',
  {
    onetCode: text('onet_code').notNull(),
    example: text('example').notNull(),
    commodity: text('commodity').notNull(),
    hot: boolean('hot').notNull(),
    inDemand: boolean('in_demand').notNull(),
  },
  (t) => [primaryKey({ columns: [t.onetCode, t.example] })],
);

export const imports = pgTable('imports', {
  dataset: text('dataset').primaryKey(),
  source: text('source').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  counts: jsonb('counts').$type<Record<string, number>>().notNull(),
});

export const payObservations = pgTable('pay_observations', {
  dataset: text('dataset').notNull(),
  socCode: text('soc_code'),
  profileCode: text('profile_code'),
  region: text('region').notNull(),
  currency: text('currency').notNull(),
  period: text('period').$type<'annual' | 'hourly'>().notNull(),
  p10: doublePrecision('p10'),
  p25: doublePrecision('p25'),
  median: doublePrecision('median'),
  p75: doublePrecision('p75'),
  p90: doublePrecision('p90'),
  mean: doublePrecision('mean'),
  topCoded: jsonb('top_coded').$type<string[]>().notNull().default([]),
  topCode: doublePrecision('top_code'),
  employment: integer('employment'),
  asOf: text('as_of'),
  source: text('source').notNull(),
  line: integer('line').notNull(),
});

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const profileVersions = pgTable(
  'profile_versions',
  {
    profileCode: text('profile_code').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<ProfileContent>().notNull(),
    contentHash: text('content_hash').notNull(),
    review: jsonb('review').$type<Review>(),
    approvedBy: text('approved_by').notNull(),
    approvedAt: at('approved_at').notNull().defaultNow(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.profileCode, t.version] })],
);

export const profileDrafts = pgTable('profile_drafts', {
  profileCode: text('profile_code').primaryKey(),
  baseVersion: integer('base_version'),
  status: text('status').$type<'draft' | 'in_review'>().notNull(),
  content: jsonb('content').$type<ProfileContent>().notNull(),
  notes: jsonb('notes').$type<string[]>().notNull().default([]),
  revision: integer('revision').notNull().default(1),
  createdBy: text('created_by').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

export const workspaces = pgTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
});

export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role').$type<Role>().notNull(),
    salt: text('salt').notNull(),
    hash: text('hash').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    revokedAt: at('revoked_at'),
    /** The workspace the key is scoped to; null for the shared taxonomy's keys. */
    workspaceId: text('workspace_id').references(() => workspaces.id),
  },
  (t) => [index('api_keys_workspace').on(t.workspaceId)],
);

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: at('at').notNull().defaultNow(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  target: text('target').notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
  note: text('note'),
});

export const documents = pgTable('documents', {
  sourceId: text('source_id').primaryKey(),
  contentHash: text('content_hash').notNull().unique(),
  name: text('name').notNull(),
  format: text('format').notNull(),
  ladder: text('ladder'),
  body: text('body').notNull(),
  levels: jsonb('levels').$type<CrosswalkEntry[]>().notNull(),
  warnings: jsonb('warnings').$type<string[]>().notNull(),
  ingestedBy: text('ingested_by').notNull(),
  ingestedAt: at('ingested_at').notNull().defaultNow(),
});

export const evidence = pgTable('evidence', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  sourceId: text('source_id').notNull(),
  kind: text('kind').$type<ClaimKind>().notNull(),
  subtype: text('subtype'),
  text: text('text').notNull(),
  levelLabel: text('level_label'),
  canonicalLevel: text('canonical_level'),
  sectionPath: jsonb('section_path').$type<string[]>().notNull(),
  startOffset: integer('start_offset').notNull(),
  endOffset: integer('end_offset').notNull(),
  details: jsonb('details').$type<Record<string, unknown>>(),
});

export const sourceProposals = pgTable('source_proposals', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  sourceId: text('source_id').notNull(),
  profileCode: text('profile_code').notNull(),
  proposal: jsonb('proposal').$type<Proposal>().notNull(),
  note: text('note').notNull(),
  status: text('status').$type<'open' | 'applied'>().notNull().default('open'),
  createdAt: at('created_at').notNull().defaultNow(),
});

export const bulkJobs = pgTable('bulk_jobs', {
  id: text('id').primaryKey(),
  status: text('status').$type<BulkJobStatus>().notNull(),
  sourceName: text('source_name').notNull(),
  titleColumn: text('title_column').notNull(),
  employerColumn: text('employer_column'),
  header: jsonb('header').$type<string[]>().notNull(),
  rows: integer('rows').notNull(),
  rowsDone: integer('rows_done').notNull().default(0),
  badRows: integer('bad_rows').notNull().default(0),
  chunksTotal: integer('chunks_total').notNull(),
  chunksDone: integer('chunks_done').notNull().default(0),
  createdBy: text('created_by').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  startedAt: at('started_at'),
  finishedAt: at('finished_at'),
  error: text('error'),
});

export const bulkJobChunks = pgTable(
  'bulk_job_chunks',
  {
    jobId: text('job_id').notNull(),
    chunk: integer('chunk').notNull(),
    input: jsonb('input').$type<ChunkInput>().notNull(),
    rows: integer('rows').notNull(),
    output: jsonb('output').$type<(string | number)[][]>(),
    problems: jsonb('problems').$type<RowProblem[]>(),
    state: text('state').$type<'queued' | 'done'>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    codedAt: at('coded_at'),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.chunk] })],
);

export const companyImports = pgTable('company_imports', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  file: text('file').notNull(),
  fileHash: text('file_hash').notNull(),
  options: jsonb('options').$type<Record<string, unknown>>().notNull(),
  summary: jsonb('summary').$type<ImportSummary>().notNull(),
  decided: jsonb('decided').$type<Record<DecidedBy, number>>().notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
});

export const companyJobs = pgTable(
  'company_jobs',
  {
    workspaceId: text('workspace_id').notNull(),
    line: integer('line').notNull(),
    importId: bigint('import_id', { mode: 'number' }).notNull(),
    jobCode: text('job_code').notNull(),
    title: text('title').notNull(),
    department: text('department').notNull(),
    titleKey: text('title_key').notNull(),
    departmentKey: text('department_key').notNull(),
    grade: text('grade').notNull(),
    location: text('location').notNull(),
    employeeId: text('employee_id').notNull(),
    headcount: integer('headcount').notNull(),
    basePay: doublePrecision('base_pay'),
    currency: text('currency').notNull(),
    status: text('status').$type<JobMatch['status']>().notNull(),
    decidedBy: text('decided_by').$type<DecidedBy>().notNull(),
    duplicateOf: integer('duplicate_of'),
    matchKey: text('match_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.line] })],
);

/** A match as jobs matched alike share it: every field of `JobMatch` but the row's line and the row it repeats. */
export const companyMatches = pgTable(
  'company_matches',
  {
    workspaceId: text('workspace_id').notNull(),
    matchKey: text('match_key').notNull(),
    match: json('match').$type<SharedMatch>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.matchKey] })],
);

export const companyDictionary = pgTable(
  'company_dictionary',
  {
    workspaceId: text('workspace_id').notNull(),
    titleKey: text('title_key').notNull(),
    departmentKey: text('department_key').notNull(),
    title: text('title').notNull(),
    department: text('department').notNull(),
    profileCode: text('profile_code').notNull(),
    decidedBy: text('decided_by').notNull(),
    decidedAt: at('decided_at').notNull().defaultNow(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.titleKey, t.departmentKey] })],
);

export const companyGrades = pgTable(
  'company_grades',
  {
    workspaceId: text('workspace_id').notNull(),
    grade: text('grade').notNull(),
    levels: text('levels').notNull(),
    reason: text('reason').notNull(),
    setBy: text('set_by').notNull(),
    setAt: at('set_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.grade] })],
);

export const companyImportRuns = pgTable('company_import_runs', {
  workspaceId: text('workspace_id').primaryKey(),
  runId: text('run_id').notNull(),
  holder: text('holder').notNull(),
  process: text('process').notNull(),
  file: text('file').notNull(),
  startedAt: at('started_at').notNull().defaultNow(),
  expiresAt: at('expires_at').notNull(),
});

/** PostgreSQL's bytea as the bytes themselves (both drivers hand back a Uint8Array or a Buffer). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const companyUploads = pgTable(
  'company_uploads',
  {
    workspaceId: text('workspace_id').notNull(),
    hash: text('hash').notNull(),
    file: text('file').notNull(),
    bytes: bytea('bytes').notNull(),
    size: integer('size').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: at('uploaded_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.hash] })],
);

export const companyDryRuns = pgTable(
  'company_dry_runs',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    uploadHash: text('upload_hash').notNull(),
    file: text('file').notNull(),
    options: jsonb('options').$type<DryRunOptions>().notNull(),
    confirmed: boolean('confirmed').notNull(),
    state: text('state').$type<DryRunState>().notNull(),
    progress: jsonb('progress').$type<DryRunProgress>(),
    basis: text('basis'),
    hasCurrent: boolean('has_current').notNull().default(false),
    stored: jsonb('stored').$type<DryRunStored>(),
    error: jsonb('error').$type<DryRunError>(),
    owner: text('owner').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('company_dry_runs_workspace').on(t.workspaceId, t.createdAt)],
);

export const schema = {
  sources,
  functions,
  focuses,
  focusLevels,
  profiles,
  storeMeta,
  socCodes,
  occupations,
  occupationTitles,
  occupationTasks,
  relatedOccupations,
  occupationTechnologies,
  imports,
  payObservations,
  profileVersions,
  profileDrafts,
  workspaces,
  apiKeys,
  auditLog,
  documents,
  evidence,
  sourceProposals,
  bulkJobs,
  bulkJobChunks,
  companyImports,
  companyJobs,
  companyDictionary,
  companyGrades,
  companyImportRuns,
  companyUploads,
  companyDryRuns,
};
