import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CanonError, quote } from '../../../core/errors.js';
import { CLAIM_KINDS, MAX_DOCUMENT_BYTES } from '../../../core/evidence.js';
import type { SourceDocuments } from '../../../workflow/sourceDocuments.js';
import { type Access, declareAccess } from '../../access.js';
import { jsonError, jsonResponse } from '../apiDeps.js';
import { documentUpload, TextBody } from '../documentUpload.js';
import { PaginationQuery } from '../schemas.js';

const Level = z.object({
  label: z.string(),
  titles: z.array(z.string()),
  canonical: z.object({ code: z.string(), track: z.string(), rank: z.number(), title: z.string() }),
  confidence: z.number(),
  reason: z.string(),
});

const Summary = z
  .object({
    source: z.object({ id: z.string(), title: z.string(), kind: z.string() }),
    levels: z.array(Level),
    claims: z.record(z.enum(CLAIM_KINDS), z.number().int()),
    warnings: z.array(z.string()),
    stored: z.boolean().openapi({ description: 'False when the same content was stored before' }),
    proposals: z.array(
      z.object({
        profileCode: z.string(),
        responsibilities: z.number().int(),
        aliases: z.number().int(),
        skills: z.number().int(),
        experience: z.boolean(),
      }),
    ),
  })
  .openapi('IngestedSource');

const ingest = createRoute({
  method: 'post',
  ...declareAccess('editor'),
  path: '/sources',
  tags: ['Provenance'],
  summary: 'Read a ladder or job description into a source with evidence (editor)',
  description: `JSON {name, text[, ladder]} or multipart/form-data with one or more "file" fields (and "ladder"). Up to ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB per request.`,
  request: {
    body: {
      // Each content type is checked by the handler; the schemas here document them.
      required: false,
      content: {
        'application/json': { schema: TextBody },
        'multipart/form-data': {
          schema: z.object({ file: z.any().optional(), ladder: z.string().optional() }),
        },
      },
    },
  },
  responses: {
    201: jsonResponse(
      z.object({
        items: z.array(Summary),
        skipped: z.array(z.object({ name: z.string(), warnings: z.array(z.string()) })),
      }),
      'What was read and stored',
    ),
    400: jsonError('Empty, binary, wrongly encoded, or no level found (nothing stored)'),
    401: jsonError('No API key'),
    403: jsonError('Not an editor'),
    413: jsonError('Over the size limit'),
  },
});

const SourceId = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'doc-2880ee7d0a9d' }),
});

const evidence = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/sources/{id}/evidence',
  tags: ['Provenance'],
  summary: "An ingested source's levels and the claims read from it, with their spans, a page at a time",
  request: { params: SourceId, query: PaginationQuery },
  responses: {
    200: jsonResponse(
      z.object({
        source: z.string(),
        name: z.string(),
        format: z.string(),
        ladder: z.string().nullable(),
        levels: z.array(Level),
        warnings: z.array(z.string()),
        total: z.number().int().openapi({ description: 'Claims in the whole document' }),
        limit: z.number().int(),
        offset: z.number().int(),
        items: z.array(
          z.object({
            kind: z.enum(CLAIM_KINDS),
            subtype: z.string().nullable(),
            text: z.string(),
            level: z.string().nullable(),
            canonicalLevel: z.string().nullable(),
            sectionPath: z.array(z.string()),
            start: z.number().int(),
            end: z.number().int(),
            details: z.unknown(),
          }),
        ),
      }),
      'Levels and a page of evidence, in document order',
    ),
    404: jsonError('No such ingested source'),
  },
});

export function registerDocumentRoutes(app: OpenAPIHono, documents: SourceDocuments, access: Access): void {
  app.openapi(ingest, async (c) => {
    const actor = await access.actor(c);
    const { inputs, ladder } = await documentUpload(c);
    const result = await documents.ingest(actor, inputs, { ladder });
    return c.json({ items: result.sources, skipped: result.skipped }, 201);
  });
  app.openapi(evidence, async (c) => {
    const { id } = c.req.valid('param');
    const page = c.req.valid('query');
    const doc = await documents.document(id);
    if (!doc) throw new CanonError('not_found', `No ingested source with id ${quote(id)}.`);
    const [rows, total] = await Promise.all([documents.evidence(id, page), documents.countEvidence(id)]);
    return c.json(
      {
        source: id,
        name: doc.name,
        format: doc.format,
        ladder: doc.ladder,
        levels: doc.levels,
        warnings: doc.warnings,
        total,
        ...page,
        items: rows.map((r) => ({
          kind: r.kind,
          subtype: r.subtype,
          text: r.text,
          level: r.levelLabel,
          canonicalLevel: r.canonicalLevel,
          sectionPath: r.sectionPath,
          start: r.startOffset,
          end: r.endOffset,
          details: r.details,
        })),
      },
      200,
    );
  });
}
