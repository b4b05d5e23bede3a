import type { z } from '@hono/zod-openapi';
import type { Catalog, ProfileView } from '../../core/catalog.js';
import type { ProfileVersion } from '../../core/content/history.js';
import { type Level, TRACKS } from '../../core/levels.js';
import { reviewProfile } from '../../core/review/reviewProfile.js';
import type { Focus, TaxonomyFunction } from '../../core/taxonomy.js';
import type { KeySummary } from '../../workflow/apiKeys.js';
import type { ReviewedDraft } from '../../workflow/profileWorkflow.js';
import type { Workspace } from '../../workflow/workspaces.js';
import type {
  AdjacentSchema,
  DraftSchema,
  FocusSchema,
  FunctionSchema,
  LevelSchema,
  ProfileSchema,
  ProfileSummarySchema,
  QueueItemSchema,
  VersionSchema,
  VersionSummarySchema,
} from './schemas.js';

/** Domain values → the API's wire shapes. */

export function levelDto(level: Level): z.infer<typeof LevelSchema> {
  return {
    ...level,
    trackName: TRACKS[level.track],
    experienceSources: [...level.experienceSources],
    sources: [...level.sources],
    commonTitles: [...level.commonTitles],
  };
}

export function functionDto(fn: TaxonomyFunction, catalog: Catalog): z.infer<typeof FunctionSchema> {
  return { ...fn, focuses: catalog.focusesOf(fn.code).map((f) => f.code) };
}

export function focusDto(focus: Focus): z.infer<typeof FocusSchema> {
  return {
    ...focus,
    profiles: focus.levelCodes.map((level) => `${focus.functionCode}.${focus.code}.${level}`),
  };
}

export function profileSummaryDto(view: ProfileView, catalog: Catalog): z.infer<typeof ProfileSummarySchema> {
  return {
    code: view.code,
    title: view.title,
    functionCode: view.fn.code,
    focusCode: view.focus.code,
    levelCode: view.level.code,
    track: view.level.track,
    status: view.record.status,
    version: view.record.version,
    region: view.record.region,
    confidence: reviewProfile(catalog, view.code).confidence,
  };
}

export function profileDto(view: ProfileView, catalog: Catalog): z.infer<typeof ProfileSchema> {
  const own = view.ladder.find((s) => s.current);
  return {
    ...profileSummaryDto(view, catalog),
    functionName: view.fn.name,
    focusName: view.focus.name,
    description: view.focus.description,
    level: levelDto(view.level),
    responsibilities: own?.content.responsibilities ?? [],
    rubric: own?.content.rubric ?? {
      knowledge: '',
      complexity: '',
      collaboration: '',
      degreeYears: '',
      sources: [],
    },
    responsibilitiesByLevel: view.ladder.map((s) => ({
      levelCode: s.level.code,
      profileCode: s.profileCode,
      current: s.current,
      responsibilities: s.content.responsibilities,
    })),
    skills: view.focus.skills,
    differential: view.focus.differential,
    pay: view.record.pay,
    aliases: view.record.aliases,
    mappings: view.focus.mappings,
    review: reviewProfile(catalog, view.code),
    adjacent: adjacentDto(view.code, catalog),
    sources: view.sources,
  };
}

export function adjacentDto(
  code: string,
  catalog: Catalog,
  limit?: number,
): z.infer<typeof AdjacentSchema>[] {
  return catalog.adjacent(code, limit).map((n) => ({ ...n, title: catalog.getProfile(n.code).title }));
}

export function versionSummaryDto(v: ProfileVersion): z.infer<typeof VersionSummarySchema> {
  return {
    code: v.profileCode,
    version: v.version,
    approvedBy: v.approvedBy,
    approvedAt: v.approvedAt,
    note: v.note,
    contentHash: v.contentHash,
    review: v.review
      ? { minimum: v.review.minimum, passed: v.review.passed, findings: v.review.findings.length }
      : null,
  };
}

export function versionDto(v: ProfileVersion): z.infer<typeof VersionSchema> {
  return { ...versionSummaryDto(v), content: v.content };
}

export function draftDto({ draft, review }: ReviewedDraft): z.infer<typeof DraftSchema> {
  const { profileCode, ...rest } = draft;
  return { code: profileCode, ...rest, review };
}

export function queueItemDto(
  { draft, review }: ReviewedDraft,
  catalog: Catalog,
): z.infer<typeof QueueItemSchema> {
  return {
    code: draft.profileCode,
    title: catalog.getProfile(draft.profileCode).title,
    status: draft.status,
    revision: draft.revision,
    updatedBy: draft.updatedBy,
    updatedAt: draft.updatedAt,
    minimum: review.minimum,
    passed: review.passed,
    findings: review.findings.length,
  };
}

/** A workspace as the API answers it, and the CLI prints it. */
export const workspaceDto = (w: Workspace) => ({ id: w.id, name: w.name, created: w.createdAt });
/** A key as the API lists it, and the CLI prints it. */
export const keyDto = (k: KeySummary) => ({
  id: k.id,
  name: k.name,
  role: k.role,
  workspace: k.workspace,
  createdAt: k.createdAt,
  revokedAt: k.revokedAt,
});
