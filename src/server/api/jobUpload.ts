import { Readable } from 'node:stream';
import type { ReadableStream as WebStream } from 'node:stream/web';
import type { Context } from 'hono';
import { CanonError } from '../../core/errors.js';
import type { JobUpload } from '../../workflow/bulkJobs.js';

export interface JobFields {
  column?: string | undefined;
  employerColumn?: string | undefined;
  name?: string | undefined;
}

const CSV_TYPE = /^text\/csv\s*(?:;|$)/i;

/**
 * A bulk job's CSV as the API takes it: the request body itself (Content-Type: text/csv), streamed
 * as it arrives, with `column` and `employerColumn` in the query; or a multipart form's "file" field,
 * with those two as form fields or in the query.
 */
export async function jobUpload(
  c: Context,
  query: JobFields,
  form: Record<string, unknown>,
): Promise<JobUpload> {
  const type = c.req.header('content-type') ?? '';
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const column = query.column ?? text(form.column);
  if (!column)
    throw new CanonError(
      'invalid_input',
      'Name the column holding the titles: ?column=NAME (or a "column" field of the form).',
    );
  const employerColumn = query.employerColumn ?? text(form.employerColumn);
  if (type.toLowerCase().startsWith('multipart/form-data')) {
    const file = form.file;
    if (!(file instanceof File) || file.size === 0)
      throw new CanonError('invalid_input', 'Send the CSV as a non-empty "file" field of the form.');
    return {
      name: file.name || 'upload.csv',
      column,
      employerColumn,
      body: Readable.fromWeb(file.stream() as WebStream<Uint8Array>),
    };
  }
  const body = c.req.raw.body;
  if (!CSV_TYPE.test(type) || !body)
    throw new CanonError(
      'invalid_input',
      'Send the CSV as the request body with Content-Type: text/csv, or as the "file" field of a multipart form.',
    );
  return {
    name: query.name ?? 'upload.csv',
    column,
    employerColumn,
    body: Readable.fromWeb(body as WebStream<Uint8Array>),
  };
}
