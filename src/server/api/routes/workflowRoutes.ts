import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { formatDiff } from '../../../core/content/diffContent.js';
import { parseVersionRef } from '../../../core/versionRef.js';
import type { BulkJobs } from '../../../workflow/bulkJobs.js';
import type { ProfileWorkflow } from '../../../workflow/profileWorkflow.js';
import { ProposalSchema } from '../../../workflow/proposalSchema.js';
import type { SourceDocuments } from '../../../workflow/sourceDocuments.js';
import { type Access, declareAccess } from '../../access.js';
import { type ApiDeps, jsonError, jsonResponse, optionalJsonBody } from '../apiDeps.js';
import {
  AuditEntrySchema,
  CodeParam,
  DiffSchema,
  DraftSchema,
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
}

const code = CodeParam('TECHNO.TECHNOLO6B55.M3');
const writeErrors = {
  401: jsonError('No API key, or an unknown or revoked one'),
  403: jsonError("The key's role may not do this"),
  404: jsonError('No such profile, or no open draft'),
};
/** A version reference read as every edge reads one (core/versionRef.ts): "2", "v2" or "draft". */
const versionRef = (name: string) =>
  z
    .string()
    .transform((value) => parseVersionRef(value, name))
    .openapi({ description: 'A version number ("2" or "v2"), or "draft" for the open draft', example: '1' });

const versions = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}/versions',
  tags: ['Workflow'],
  summary: "A profile's approved versions, newest first",
  request: { params: code },
  responses: {
    200: jsonResponse(z.object({ items: z.array(VersionSummarySchema) }), 'Versions'),
    404: jsonError('No such profile'),
  },
});

const version = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}/versions/{version}',
  tags: ['Workflow'],
  summary: 'One approved version with the content it froze',
  request: { params: code.extend({ version: z.coerce.number().int().min(1) }) },
  responses: {
    200: jsonResponse(VersionSchema, 'The version'),
    404: jsonError('No such profile or version'),
  },
});

const diff = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}/diff',
  tags: ['Workflow'],
  summary: 'What changed between two versions (or a version and the open draft)',
  request: { params: code, query: z.object({ from: versionRef('from'), to: versionRef('to') }) },
  responses: {
    200: jsonResponse(DiffSchema, 'Section by section'),
    400: jsonError('Bad query'),
    404: jsonError('No such version'),
  },
});

const getDraft = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/profiles/{code}/draft',
  tags: ['Workflow'],
  summary: "The profile's open draft with the review panel's verdict on it",
  request: { params: code },
  responses: {
    200: jsonResponse(DraftSchema, 'The draft'),
    404: jsonError('No such profile, or no open draft'),
  },
});

const propose = createRoute({
  method: 'post',
  ...declareAccess('editor'),
  path: '/profiles/{code}/draft',
  tags: ['Workflow'],
  summary: 'Propose a change: applied to the open draft, or to the live content in a new draft (editor)',
  request: {
    params: code,
    body: { required: true, content: { 'application/json': { schema: ProposalSchema } } },
  },
  responses: {
    200: jsonResponse(DraftSchema, 'The draft after the change'),
    400: jsonError('Bad proposal'),
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
  tags: ['Workflow'],
  summary: "Apply the factory's open proposals for this profile to its draft (editor)",
  request: {
    params: code,
    body: optionalJsonBody(
      z.strictObject({
        source: z.string().min(1).max(100).optional().openapi({ description: 'Only this source' }),
      }),
    ),
  },
  responses: { 200: jsonResponse(DraftSchema, 'The draft after the proposals'), ...writeErrors },
});

const submit = createRoute({
  method: 'post',
  ...declareAccess('editor'),
  path: '/profiles/{code}/draft/submit',
  tags: ['Workflow'],
  summary: 'Put the open draft in review (editor)',
  request: { params: code },
  responses: {
    200: jsonResponse(DraftSchema, 'The draft, in review'),
    ...writeErrors,
    409: jsonError('Changed meanwhile'),
  },
});

const approve = createRoute({
  method: 'post',
  ...declareAccess('approver'),
  path: '/profiles/{code}/approve',
  tags: ['Workflow'],
  summary: 'Approve the draft in review into the next immutable version (approver)',
  request: {
    params: code,
    body: optionalJsonBody(
      z.strictObject({
        note: z.string().trim().max(2_000).optional(),
        revision: z.number().int().min(1).optional().openapi({
          description: 'The draft revision you reviewed; a different one gets 409',
        }),
      }),
    ),
  },
  responses: {
    201: jsonResponse(VersionSchema, 'The new version'),
    ...writeErrors,
    409: jsonError('Not in review, changed since read, or approved by someone else first'),
    422: jsonError('The review panel does not pass the draft'),
  },
});

const retire = createRoute({
  method: 'post',
  ...declareAccess('approver'),
  path: '/profiles/{code}/retire',
  tags: ['Workflow'],
  summary: 'Retire a profile; its versions stay readable (approver)',
  request: {
    params: code,
    body: optionalJsonBody(z.strictObject({ note: z.string().trim().max(2_000).optional() })),
  },
  responses: { 204: { description: 'Retired' }, ...writeErrors, 409: jsonError('Already retired') },
});

const queue = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/review-queue',
  tags: ['Workflow'],
  summary: 'Open drafts, oldest change first, with the panel verdict on each',
  responses: { 200: jsonResponse(z.object({ items: z.array(QueueItemSchema) }), 'The queue') },
});

const audit = createRoute({
  method: 'get',
  ...declareAccess('admin'),
  path: '/audit',
  tags: ['Workflow'],
  summary: 'The audit log of every write, newest first (admin)',
  request: {
    query: z.object({
      target: z.string().max(100).optional().openapi({ description: 'A profile code, or key:<id>' }),
      actor: z.string().max(200).optional(),
      before: z.coerce
        .number()
        .int()
        .min(1)
        .optional()
        .openapi({ description: 'Only entries older than this id' }),
      limit: z.coerce.number().int().min(1).max(500).default(50),
    }),
  },
  responses: {
    200: jsonResponse(z.object({ items: z.array(AuditEntrySchema) }), 'Entries'),
    400: jsonError('Bad query'),
    401: writeErrors[401],
    403: writeErrors[403],
  },
});

const NO_STORE = { 'cache-control': 'no-store' };

/** Reads of drafts and the log change with every write, so none of them is cached. */
export function registerWorkflowRoutes(
  app: OpenAPIHono,
  deps: ApiDeps,
  { workflow, access }: WorkflowDeps,
): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key from `canon keys create`',
  });
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
