import type { Context } from 'hono';

/**
 * A file to download. The name is the user's words in part (a workspace, an upload's name), so
 * anything but letters, digits, dots, hyphens and underscores becomes "_": a quote or a line break
 * could otherwise end the header's value.
 */
export function attachment(
  c: Context,
  body: string | Uint8Array,
  contentType: string,
  filename: string,
): Response {
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
  });
}
