import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CanonError, quote } from '../../../core/errors.js';
import { CLAIM_KINDS, MAX_DOCUMENT_BYTES } from '../../../core/evidence.js';
import type { SourceDocuments } from '../../../workflow/sourceDocuments.js';
import { type Access, declareAccess } from '../../access.js';
import { jsonError, jsonResponse, rateLimited, readErrors, roleErrors } from '../apiDeps.js';
import { documentUpload, TextBody } from '../documentUpload.js';
import { PaginationQuery } from '../schemas.js';

const Level = z
  .object({
    label: z
      .string()
      .openapi({ description: 'The level as the document names it', example: 'Senior Engineer' }),
    titles: z
      .array(z.string())
      .openapi({ description: 'Titles the document gives it', example: ['Senior Engineer'] }),
    canonical: z
      .object({
        code: z.string().openapi({ description: 'The canonical level', example: 'P3' }),
        track: z.string().openapi({ description: 'Its track', example: 'P' }),
        rank: z.number().openapi({ description: 'Its rank', example: 3 }),
        title: z.string().openapi({ description: 'Its title', example: 'Senior Professional' }),
      })
      .openapi({ description: 'The canonical level it maps to' }),
    confidence: z.number().openapi({ description: 'How sure the mapping is, 0–1', example: 0.9 }),
    reason: z.string().openapi({ description: 'Why it maps there' }),
  })
  .openapi('SourceLevel', {
    description: 'A level of an ingested document and the canonical level it maps to',
  });

const count = (description: string) => z.number().int().openapi({ description, example: 3 });
const warnings = z.array(z.string()).openapi({ description: 'What could not be read, and why' });

const Summary = z
  .object({
    source: z
      .object({
        id: z.string().openapi({ description: "The source's id", example: 'doc-2880ee7d0a9d' }),
        title: z.string().openapi({ description: "The source's title", example: 'ladder.md' }),
        kind: z.string().openapi({ description: 'What kind of document', example: 'ladder' }),
      })
      .openapi({ description: 'The source made of the document' }),
    levels: z.array(Level).openapi({ description: 'The levels found, in document order' }),
    claims: z
      .record(z.enum(CLAIM_KINDS), z.number().int().openapi({ description: 'Claims of this kind' }))
      .openapi({ description: 'Claims read, by kind', example: { responsibility: 12, skill: 5 } }),
    warnings,
    stored: z.boolean().openapi({ description: 'False when the same content was stored before' }),
    proposals: z
      .array(
        z.object({
          profileCode: z.string().openapi({ description: 'The profile', example: 'TECHNO.TECHNOLO6B55.M3' }),
          responsibilities: count('Responsibilities proposed'),
          aliases: count('Aliases proposed'),
          skills: count('Skills proposed'),
          experience: z.boolean().openapi({ description: 'Whether years of experience are proposed' }),
        }),
      )
      .openapi({ description: 'What the document proposes for built-in profiles' }),
  })
  .openapi('IngestedSource', { description: 'A document read into a source with evidence' });

// The handler reads the form itself (documentUpload.ts); this schema accepts what it may hold.
const UploadForm = z
  .object({
    file: z.any().optional().openapi({
      type: 'string',
      format: 'binary',
      description: 'A document (Markdown, plain text, HTML or DOCX); repeat the field for a ladder of files',
    }),
    text: z
      .string()
      .optional()
      .openapi({ description: 'The document as pasted text, read as pasted.txt when no file is sent' }),
    ladder: z
      .string()
      .optional()
      .openapi({ description: 'The ladder the files belong to', example: 'Acme engineering' }),
  })
  .openapi('DocumentUpload', { description: 'Documents as a multipart upload' });

const ingest = createRoute({
  method: 'post',
  ...declareAccess('editor'),
  path: '/sources',
  operationId: 'ingestSources',
  tags: ['Provenance'],
  summary: 'Read a ladder or job description into a source with evidence (editor)',
  description: `Reads documents into sources: their levels mapped to canonical ones, the claims found with their spans, and proposals for built-in profiles. Send JSON {name, text[, ladder]} or multipart/form-data with one or more "file" fields (and "ladder"); up to ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB per request. Content stored before is not stored again.`,
  request: {
    body: {
      // Each content type is checked by the handler; the schemas here document them.
      required: false,
      content: {
        'application/json': {
          schema: TextBody.openapi('TextDocument', { description: 'A document sent as JSON text' }),
          example: {
            name: 'ladder.md',
            text: '# Engineering ladder\n\n## Senior Engineer\n\n- Owns the design of a service end to end.\n',
            ladder: 'Acme engineering',
          },
        },
        'multipart/form-data': { schema: UploadForm },
      },
    },
  },
  responses: {
    201: jsonResponse(
      z
        .object({
          items: z.array(Summary).openapi({ description: 'One per document read' }),
          skipped: z
            .array(
              z.object({
                name: z.string().openapi({ description: 'The file', example: 'notes.txt' }),
                warnings,
              }),
            )
            .openapi({ description: 'Documents not read, and why' }),
        })
        .openapi('IngestResult', { description: 'What was read and stored' }),
      'What was read and stored',
    ),
    400: jsonError('Empty, binary, wrongly encoded, or no level found (nothing stored)'),
    ...roleErrors,
    413: jsonError('Over the size limit'),
    ...rateLimited,
  },
});

const SourceId = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({
      param: { name: 'id', in: 'path', description: "The ingested source's id" },
      example: 'doc-2880ee7d0a9d',
    }),
});

const Claim = z
  .object({
    kind: z.enum(CLAIM_KINDS).openapi({ description: 'What the claim states' }),
    subtype: z.string().nullable().openapi({ description: 'A finer kind, where there is one' }),
    text: z
      .string()
      .openapi({ description: 'The claim', example: 'Owns the design of a service end to end.' }),
    level: z
      .string()
      .nullable()
      .openapi({ description: 'The level as the document names it', example: 'Senior Engineer' }),
    canonicalLevel: z.string().nullable().openapi({ description: 'The canonical level', example: 'P3' }),
    sectionPath: z
      .array(z.string())
      .openapi({ description: 'The headings above it', example: ['Engineering ladder', 'Senior Engineer'] }),
    start: z.number().int().openapi({ description: 'Where its span starts in the text', example: 44 }),
    end: z.number().int().openapi({ description: 'Where it ends', example: 85 }),
    details: z
      .unknown()
      .openapi({ description: 'What the reader found, by kind (e.g. years for experience)' }),
  })
  .openapi('EvidenceClaim', { description: 'A claim read from a document, with its span' });

const evidence = createRoute({
  method: 'get',
  ...declareAccess('read'),
  path: '/sources/{id}/evidence',
  operationId: 'listSourceEvidence',
  tags: ['Provenance'],
  summary: "An ingested source's levels and the claims read from it, with their spans, a page at a time",
  description:
    'The levels found in an ingested document and the claims read from it in document order, each with its span in the text, a page at a time.',
  request: { params: SourceId, query: PaginationQuery },
  responses: {
    200: jsonResponse(
      z
        .object({
          source: z.string().openapi({ description: "The source's id", example: 'doc-2880ee7d0a9d' }),
          name: z.string().openapi({ description: 'The file name', example: 'ladder.md' }),
          format: z.string().openapi({ description: 'How it was read', example: 'markdown' }),
          ladder: z
            .string()
            .nullable()
            .openapi({ description: 'The ladder it belongs to', example: 'Acme engineering' }),
          levels: z.array(Level).openapi({ description: 'The levels found' }),
          warnings,
          total: z.number().int().openapi({ description: 'Claims in the whole document', example: 17 }),
          limit: z.number().int().openapi({ description: 'The page size asked for', example: 50 }),
          offset: z.number().int().openapi({ description: 'How many were skipped', example: 0 }),
          items: z.array(Claim).openapi({ description: 'The claims of this page, in document order' }),
        })
        .openapi('SourceEvidence', { description: "An ingested source's levels and a page of its claims" }),
      'Levels and a page of evidence, in document order',
    ),
    400: jsonError('An id over 100 characters, or a limit or offset out of range'),
    404: jsonError('No such ingested source'),
    ...readErrors,
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
