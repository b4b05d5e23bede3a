import { Readable } from 'node:stream';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CHUNK_ROWS, MAX_JOB_BYTES, MAX_JOB_ROWS } from '../../../core/bulkJob.js';
import type { BulkJobs, BulkJobView } from '../../../workflow/bulkJobs.js';
import { type Access, declareAccess } from '../../access.js';
import { jsonError, jsonResponse } from '../apiDeps.js';
import { jobUpload } from '../jobUpload.js';

const Column = z.string().trim().min(1).max(200);

const JobSchema = z
  .object({
    id: z.string().openapi({ description: "The job's id, for its progress and result" }),
    status: z.enum(['queued', 'running', 'done', 'failed']).openapi({
      description: 'queued until a worker takes a chunk, running while chunks are coded, then done or failed',
    }),
    name: z.string().openapi({ description: "The uploaded file's name" }),
    column: z.string().openapi({ description: "The header of the titles' column" }),
    employerColumn: z
      .string()
      .nullable()
      .openapi({ description: "The header of the employers' column, if any" }),
    rows: z.number().int().openapi({ description: 'Rows below the header' }),
    rowsDone: z.number().int().openapi({ description: 'Rows coded and stored' }),
    badRows: z.number().int().openapi({ description: 'Rows coded with canon_error filled' }),
    chunks: z
      .object({
        total: z.number().int().openapi({ description: 'Chunks the job was stored in' }),
        done: z.number().int().openapi({ description: 'Chunks coded and stored' }),
        retried: z.number().int().openapi({
          description:
            'Chunks taken more than once (their worker died, failed or ran out of time); each is stored once',
        }),
      })
      .openapi({ description: 'The chunks of rows workers take one at a time' }),
    percent: z.number().int().openapi({ description: 'Of the rows, in whole percent; 100 only when done' }),
    createdBy: z.string().openapi({ description: 'Who submitted it, as the audit log names them' }),
    createdAt: z.string().openapi({ description: 'When it was submitted (ISO 8601)' }),
    startedAt: z.string().nullable().openapi({ description: 'When a worker first took a chunk' }),
    finishedAt: z
      .string()
      .nullable()
      .openapi({ description: 'When its last chunk was stored, or it failed' }),
    error: z.string().nullable().openapi({ description: 'Why the job failed' }),
    problems: z
      .array(
        z.object({
          line: z.number().int().openapi({ description: "The row's line in the file" }),
          message: z.string().openapi({ description: 'What went wrong coding it' }),
        }),
      )
      .openapi({ description: 'The first 100 rows coded with a problem, by their line in the file' }),
    problemsTotal: z.number().int().openapi({ description: 'All rows coded with a problem' }),
    result: z.string().nullable().openapi({ description: "The result's path, once the job is done" }),
  })
  .openapi('BulkJob', { description: 'A CSV of job titles being coded in bulk, and how far it has got' });

const JobId = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({
      param: { name: 'id', in: 'path', description: "The job's id, as submitting it returned" },
      example: 'job-0b7f2c9e-4f1a-4d2b-9a51-3c1f0e6d8a21',
    }),
});

const submit = createRoute({
  method: 'post',
  ...declareAccess('editor'),
  path: '/jobs',
  operationId: 'submitBulkJob',
  tags: ['Jobs'],
  summary: 'Submit a CSV of job titles to be coded in bulk (editor)',
  description: `The CSV as the body (Content-Type: text/csv, streamed) or as the "file" field of a multipart form; \`column\` names the titles' column, \`employerColumn\` an optional column of employer names. Up to ${MAX_JOB_ROWS.toLocaleString('en-US')} rows and ${MAX_JOB_BYTES / 1024 / 1024} MB, UTF-8, every row as wide as the header. The job is stored in chunks of ${CHUNK_ROWS.toLocaleString('en-US')} rows that workers code; follow it at the Location returned.`,
  request: {
    query: z.object({
      column: Column.optional().openapi({
        description: 'The header of the column holding the titles',
        example: 'job_title',
      }),
      employerColumn: Column.optional().openapi({
        description: 'The header of a column naming employers',
        example: 'employer',
      }),
      name: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .optional()
        .openapi({ description: "The file's name, for messages", example: 'staff.csv' }),
    }),
    body: {
      required: false,
      content: {
        'text/csv': { schema: z.string(), example: 'id,job_title\n1,Senior Data Engineer\n' },
        'multipart/form-data': {
          schema: z.object({
            file: z.any().optional(),
            column: Column.optional(),
            employerColumn: Column.optional(),
          }),
        },
      },
    },
  },
  responses: {
    202: jsonResponse(JobSchema, 'The job, stored and queued'),
    400: jsonError(
      'No column named, a column the header lacks, or a bad line: not UTF-8, a NUL, a row wider or narrower than the header, a quote left open (nothing stored)',
    ),
    401: jsonError('No API key'),
    403: jsonError('Not an editor'),
    413: jsonError(`Over ${MAX_JOB_ROWS.toLocaleString('en-US')} rows or ${MAX_JOB_BYTES / 1024 / 1024} MB`),
  },
});

// A job's rows are its submitter's data (people's titles and employers): reading them needs the
// submitter's role, even where the taxonomy is public.
const status = createRoute({
  method: 'get',
  ...declareAccess('editor'),
  path: '/jobs/{id}',
  operationId: 'getBulkJob',
  tags: ['Jobs'],
  summary: "A bulk job's progress",
  description:
    'Where the job stands while workers code it: rows and chunks done, percent, the first rows coded with a problem by their line, and why it failed if it did.',
  request: { params: JobId },
  responses: {
    200: jsonResponse(JobSchema, 'The job'),
    401: jsonError('No API key'),
    403: jsonError('Not an editor'),
    404: jsonError('No such job'),
  },
});

const result = createRoute({
  method: 'get',
  ...declareAccess('editor'),
  path: '/jobs/{id}/result',
  operationId: 'getBulkJobResult',
  tags: ['Jobs'],
  summary: "A finished bulk job's coded CSV",
  description:
    "The input's columns with the canon_* columns appended, every row once and in the input's order. Cells that start with =, +, -, @ or a tab are written with a leading apostrophe, so a spreadsheet shows them rather than running them.",
  request: { params: JobId },
  responses: {
    200: {
      description: 'The coded CSV',
      content: {
        'text/csv': {
          schema: z.string(),
          example: `id,job_title,canon_soc_1,…,canon_error\n1,Senior Data Engineer,15-1252,…,\n`,
        },
      },
    },
    401: jsonError('No API key'),
    403: jsonError('Not an editor'),
    404: jsonError('No such job'),
    409: jsonError('The job is not done yet, or failed'),
  },
});

export function registerJobRoutes(app: OpenAPIHono, jobs: BulkJobs, access: Access): void {
  app.openapi(submit, async (c) => {
    const actor = await access.actor(c);
    const form = c.req.valid('form');
    const upload = await jobUpload(c, c.req.valid('query'), typeof form === 'object' ? form : {});
    const job = await jobs.submit(actor, upload);
    c.header('Location', `/api/jobs/${job.id}`);
    return c.json(jobDto(job), 202);
  });
  app.openapi(status, async (c) => c.json(jobDto(await jobs.status(c.req.valid('param').id)), 200));
  app.openapi(result, async (c) => {
    const { job, csv } = await jobs.result(c.req.valid('param').id);
    const bytes = Readable.from(
      (async function* () {
        for await (const text of csv) yield Buffer.from(text, 'utf8');
      })(),
    );
    return c.body(Readable.toWeb(bytes) as ReadableStream, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${job.id}.csv"`,
    });
  });
}

function jobDto(job: BulkJobView): z.infer<typeof JobSchema> {
  return {
    id: job.id,
    status: job.status,
    name: job.sourceName,
    column: job.titleColumn,
    employerColumn: job.employerColumn,
    rows: job.rows,
    rowsDone: job.rowsDone,
    badRows: job.badRows,
    chunks: { total: job.chunksTotal, done: job.chunksDone, retried: job.retriedChunks },
    percent: job.percent,
    createdBy: job.createdBy,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    error: job.error,
    problems: job.problems,
    problemsTotal: job.problemsTotal,
    result: job.status === 'done' ? `/api/jobs/${job.id}/result` : null,
  };
}
