import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { formatDiff } from '../../../core/content/diffContent.js';
import { parseVersionRef } from '../../../core/versionRef.js';
import type { BulkJobs } from '../../../workflow/bulkJobs.js';
import type { CompanyWorkspace } from '../../../workflow/companyWorkspace.js';
import type { ProfileWorkflow } from '../../../workflow/profileWorkflow.js';
import { ProposalSchema } from '../../../workflow/proposalSchema.js';
import type { SourceDocuments } from '../../../workflow/sourceDocuments.js';
import { type Access, declareAccess } from '../../access.js';
import {
  type ApiDeps,
  jsonError,
  jsonResponse,
  optionalJsonBody,
  rateLimited,
  readErrors,
  roleErrors,
} from '../apiDeps.js';
import {
  AuditEntrySchema,
  DiffSchema,
  DraftSchema,
  listOf,
  ProfileCodeParam,
  QueueItemSchema,
  VersionSchema,
  VersionSummarySchema,
} from '../schemas.js';
import { draftDto, queueItemDto, versionDto, versionSummaryDto } from '../toDto.js';

export interface WorkflowDeps {
  workflow: ProfileWorkflow;
  access: Access;
  documents?: SourceDocuments;
  jobs?: BulkJobs;
  company?: CompanyWorkspace;
}

const code = ProfileCodeParam;
const writeErrors = {
  ...roleErrors,
  404: jsonError('No such profile, or no open draft'),
  ...rateLimited,
};
/** A version reference read as every edge reads one (core/versionRef.ts): "2", "v2" or "draft". */
const versionRef = (name: string, example: string) =>
  z
    .string()
    .transform((value) => parseVersionRef(value, name))
    .openapi({
      type: 'string',
      description: 'A version number ("2" or "v2"), or "draft" for the open draft',
      example,
    });

const note = z.string().trim().max(2_000).optional().openapi({
  description: 'Why, for the audit log and the version (up to 2,000 characters)',
  example: 'Reviewed with HR',
});

const versions = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}/versions',
  operationId: 'listVersions',
  tags: ['Workflow'],
  summary: "A profile's approved versions, newest first",
  description:
    "Every approved, immutable version of the profile, newest first, with who approved it, when, and the panel's verdict then.",
  request: { params: code },
  responses: {
    200: jsonResponse(
      listOf(VersionSummarySchema, 'VersionList', "A profile's approved versions, newest first"),
      'Versions',
    ),
    400: jsonError('A malformed code'),
    404: jsonError('No such profile'),
    ...readErrors,
  },
});

const version = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}/versions/{version}',
  operationId: 'getVersion',
  tags: ['Workflow'],
  summary: 'One approved version with the content it froze',
  description: 'One approved version of the profile by its number, with the content it froze.',
  request: {
    params: code.extend({
      version: z.coerce
        .number()
        .int()
        .min(1)
        .openapi({
          param: { name: 'version', in: 'path', description: 'The version number, 1 first' },
          example: 1,
        }),
    }),
  },
  responses: {
    200: jsonResponse(VersionSchema, 'The version'),
    400: jsonError('A malformed code, or a version that is not a whole number from 1'),
    404: jsonError('No such profile or version'),
    ...readErrors,
  },
});

const diff = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}/diff',
  operationId: 'diffVersions',
  tags: ['Workflow'],
  summary: 'What changed between two versions (or a version and the open draft)',
  description:
    'The content of two versions, or of a version and the open draft, compared section by section: each line the same, added or removed, and the whole as unified-style text.',
  request: {
    params: code,
    query: z.object({ from: versionRef('from', '1'), to: versionRef('to', 'draft') }),
  },
  responses: {
    200: jsonResponse(DiffSchema, 'Section by section'),
    400: jsonError('A malformed code or version reference'),
    404: jsonError('No such version, or no open draft'),
    ...readErrors,
  },
});

const getDraft = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}/draft',
  operationId: 'getDraft',
  tags: ['Workflow'],
  summary: "The profile's open draft with the review panel's verdict on it",
  description:
    "The open draft: its content, revision, notes and who changed it, with the review panel's verdict on the content as it stands.",
  request: { params: code },
  responses: {
    200: jsonResponse(DraftSchema, 'The draft'),
    400: jsonError('A malformed code'),
    404: jsonError('No such profile, or no open draft'),
    ...readErrors,
  },
});

const propose = createRoute({
  method: 'post',
  ...declareAccess('editor'),
  path: '/profiles/{code}/draft',
  operationId: 'proposeChange',
  tags: ['Workflow'],
  summary: 'Propose a change: applied to the open draft, or to the live content in a new draft (editor)',
  description:
    'Applies a proposal to the open draft, or opens a draft from the live content and applies it there. Send the `revision` you read to be refused (409) if someone changed the draft meanwhile.',
  request: {
    params: code,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: ProposalSchema,
          example: {
            note: 'Adds the title recruiters use',
            revision: 0,
            add: {
              aliases: [{ text: 'Head of Engineering', sources: ['canon-profile-m3'] }],
            },
          },
        },
      },
    },
  },
  responses: {
    200: jsonResponse(DraftSchema, 'The draft after the change'),
    400: jsonError('A malformed code or proposal'),
    ...writeErrors,
    409: jsonError(
      'The draft is not at the given revision any more; `error.details.revision` is where it is',
    ),
  },
});

const fromSources = createRoute({
  method: 'post',
  ...declareAccess('editor'),
  path: '/profiles/{code}/draft/from-sources',
  operationId: 'proposeFromSources',
  tags: ['Workflow'],
  summary: "Apply the factory's open proposals for this profile to its draft (editor)",
  description:
    "Applies what ingested documents propose for this profile — all of them, or one source's — to its draft, and marks those proposals applied.",
  request: {
    params: code,
    body: optionalJsonBody(
      z
        .strictObject({
          source: z.string().min(1).max(100).optional().openapi({
            description: 'Only the proposals of this ingested source',
            example: 'doc-2880ee7d0a9d',
          }),
        })
        .openapi('FromSourcesRequest', { description: "Which sources' proposals to apply; all when empty" }),
    ),
  },
  responses: {
    200: jsonResponse(DraftSchema, 'The draft after the proposals'),
    400: jsonError('A malformed code or body'),
    ...writeErrors,
  },
});

const submit = createRoute({
  method: 'post',
  ...declareAccess('editor'),
  path: '/profiles/{code}/draft/submit',
  operationId: 'submitDraft',
  tags: ['Workflow'],
  summary: 'Put the open draft in review (editor)',
  description: 'Moves the open draft into review, where an approver may approve it. It takes no body.',
  request: { params: code },
  responses: {
    200: jsonResponse(DraftSchema, 'The draft, in review'),
    400: jsonError('A malformed code'),
    ...writeErrors,
    409: jsonError('Changed meanwhile'),
  },
});

const approve = createRoute({
  method: 'post',
  ...declareAccess('approver'),
  path: '/profiles/{code}/approve',
  operationId: 'approveDraft',
  tags: ['Workflow'],
  summary: 'Approve the draft in review into the next immutable version (approver)',
  description:
    'Makes the draft in review the next immutable version, if the review panel passes it. Send the `revision` you reviewed to be refused (409) if it changed since.',
  request: {
    params: code,
    body: optionalJsonBody(
      z
        .strictObject({
          note,
          revision: z.number().int().min(1).optional().openapi({
            description: 'The draft revision you reviewed; a different one gets 409',
            example: 3,
          }),
        })
        .openapi('ApproveRequest', { description: 'An approval: its note, and the revision reviewed' }),
    ),
  },
  responses: {
    201: jsonResponse(VersionSchema, 'The new version'),
    400: jsonError('A malformed code or body'),
    ...writeErrors,
    409: jsonError('Not in review, changed since read, or approved by someone else first'),
    422: jsonError('The review panel does not pass the draft'),
  },
});

const retire = createRoute({
  method: 'post',
  ...declareAccess('approver'),
  path: '/profiles/{code}/retire',
  operationId: 'retireProfile',
  tags: ['Workflow'],
  summary: 'Retire a profile; its versions stay readable (approver)',
  description:
    'Marks the profile retired, with a note for the audit log; its approved versions stay readable.',
  request: {
    params: code,
    body: optionalJsonBody(
      z.strictObject({ note }).openapi('RetireRequest', { description: 'Why the profile is retired' }),
    ),
  },
  responses: {
    204: { description: 'Retired' },
    400: jsonError('A malformed code or body'),
    ...writeErrors,
    409: jsonError('Already retired'),
  },
});

const queue = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/review-queue',
  operationId: 'getReviewQueue',
  tags: ['Workflow'],
  summary: 'Open drafts, oldest change first, with the panel verdict on each',
  description:
    "Every open draft, in review or not, oldest change first, with the review panel's verdict in short.",
  responses: {
    200: jsonResponse(
      listOf(QueueItemSchema, 'ReviewQueue', 'Open drafts, oldest change first'),
      'The queue',
    ),
    ...readErrors,
  },
});

const audit = createRoute({
  method: 'get',
  ...declareAccess('admin'),
  path: '/audit',
  operationId: 'listAuditEntries',
  tags: ['Workflow'],
  summary: 'The audit log of every write, newest first (admin)',
  description:
    'Every write — who, what, to what, when, the state before and after — newest first, filtered by target and actor; page back with `before`.',
  request: {
    query: z.object({
      target: z.string().max(100).optional().openapi({
        description: 'Only entries about this: a profile code, or key:<id>',
        example: 'TECHNO.TECHNOLO6B55.M3',
      }),
      actor: z.string().max(200).optional().openapi({
        description: 'Only entries by this actor, as the log writes it',
        example: 'key:3f9a2c1d (alice)',
      }),
      before: z.coerce
        .number()
        .int()
        .min(1)
        .optional()
        .openapi({ description: 'Only entries older than this id', example: 100 }),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(500)
        .default(50)
        .openapi({ description: 'How many entries (1–500)', example: 20 }),
    }),
  },
  responses: {
    200: jsonResponse(listOf(AuditEntrySchema, 'AuditLog', 'Audit entries, newest first'), 'Entries'),
    400: jsonError('A filter or limit out of range'),
    ...roleErrors,
  },
});

const NO_STORE = { 'cache-control': 'no-store' };

/** Reads of drafts and the log change with every write, so none of them is cached. */
export function registerWorkflowRoutes(
  app: OpenAPIHono,
  deps: ApiDeps,
  { workflow, access }: WorkflowDeps,
): void {
  app.openapi(versions, async (c) => {
    const items = (await workflow.history(c.req.valid('param').code)).map(versionSummaryDto);
    return c.json({ items }, 200);
  });
  app.openapi(version, async (c) => {
    const p = c.req.valid('param');
    return c.json(versionDto(await workflow.version(p.code, p.version)), 200);
  });
  app.openapi(diff, async (c) => {
    const { code: profile } = c.req.valid('param');
    const { from, to } = c.req.valid('query');
    const sections = await workflow.diff(profile, from, to);
    return c.json({ code: profile, from, to, sections, text: formatDiff(sections) }, 200, NO_STORE);
  });
  app.openapi(getDraft, async (c) =>
    c.json(draftDto(await workflow.draft(c.req.valid('param').code)), 200, NO_STORE),
  );
  app.openapi(propose, async (c) => {
    const actor = await access.actor(c);
    const { note, revision, ...proposal } = c.req.valid('json');
    const profile = c.req.valid('param').code;
    const draft = await workflow.propose(actor, profile, proposal, { note, revision });
    return c.json(draftDto(draft), 200, NO_STORE);
  });
  app.openapi(fromSources, async (c) => {
    const actor = await access.actor(c);
    const profile = c.req.valid('param').code;
    const draft = await workflow.proposeFromSources(actor, profile, c.req.valid('json').source);
    return c.json(draftDto(draft), 200, NO_STORE);
  });
  app.openapi(submit, async (c) => {
    const actor = await access.actor(c);
    return c.json(draftDto(await workflow.submit(actor, c.req.valid('param').code)), 200, NO_STORE);
  });
  app.openapi(approve, async (c) => {
    const actor = await access.actor(c);
    return c.json(
      versionDto(await workflow.approve(actor, c.req.valid('param').code, c.req.valid('json'))),
      201,
    );
  });
  app.openapi(retire, async (c) => {
    const actor = await access.actor(c);
    await workflow.retire(actor, c.req.valid('param').code, c.req.valid('json').note);
    return c.body(null, 204);
  });
  app.openapi(queue, async (c) => {
    const catalog = deps.catalog();
    const items = (await workflow.queue()).map((q) => queueItemDto(q, catalog));
    return c.json({ items }, 200, NO_STORE);
  });
  app.openapi(audit, async (c) => {
    const actor = await access.actor(c);
    const { before, ...query } = c.req.valid('query');
    const items = await workflow.audit(actor, { ...query, ...(before ? { beforeId: before } : {}) });
    return c.json({ items }, 200, NO_STORE);
  });
}
