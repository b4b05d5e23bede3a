import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { CanonError, quote } from '../../core/errors.js';
import type { DocumentInput } from '../../core/evidence.js';

/** A document sent as JSON: its name (whose extension picks the format) and its text. */
export const TextBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .openapi({ example: 'ladder.md', description: 'Its extension picks the format' }),
  text: z.string().min(1).openapi({ description: "The document's text", example: '# Engineering ladder' }),
  ladder: z.string().trim().min(1).max(100).optional().openapi({
    description: 'The ladder this document belongs to',
    example: 'Acme engineering',
  }),
});

export interface DocumentUpload {
  inputs: DocumentInput[];
  ladder: string | null;
}

/**
 * The documents of a request, as the API and the /ingest form send them: a multipart form with one
 * or more non-empty "file" fields (else its "text" field, as pasted.txt) and an optional "ladder", or
 * JSON {name, text[, ladder]}. Anything else is refused, quoting what came.
 */
export async function documentUpload(c: Context): Promise<DocumentUpload> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.formData();
    const files = form.getAll('file').filter((f): f is File => typeof f !== 'string' && f.size > 0);
    const text = form.get('text');
    const inputs =
      files.length > 0
        ? await Promise.all(
            files.map(async (f) => ({
              name: f.name || 'upload',
              bytes: new Uint8Array(await f.arrayBuffer()),
            })),
          )
        : typeof text === 'string'
          ? [{ name: 'pasted.txt', bytes: new TextEncoder().encode(text) }]
          : [];
    if (inputs.length === 0)
      throw new CanonError('invalid_input', 'Send the document as a "file" field of the form.');
    const l = form.get('ladder');
    return { inputs, ladder: typeof l === 'string' && l.trim() ? l.trim().slice(0, 100) : null };
  }
  if (!/^application\/json\s*(?:;|$)/i.test(type))
    throw new CanonError(
      'invalid_input',
      `Send the document as JSON {"name", "text"} (Content-Type: application/json) or as a multipart upload; got Content-Type ${quote(type || 'none')}.`,
    );
  const body = TextBody.safeParse(await c.req.json().catch(() => null));
  if (!body.success) {
    const issue = body.error.issues[0];
    throw new CanonError(
      'invalid_input',
      `Expected {"name", "text"}: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'bad input'}.`,
    );
  }
  return {
    inputs: [{ name: body.data.name, bytes: new TextEncoder().encode(body.data.text) }],
    ladder: body.data.ladder ?? null,
  };
}
