import type { Context } from 'hono';
import { CanonError } from '../core/errors.js';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Refuses a JSON body that is not valid UTF-8 (RFC 8259 §8.1). A plain
 * Request.json() would turn the bad bytes into U+FFFD and store the mangled
 * text as if the client had sent it.
 */
export async function requireUtf8Json(c: Context): Promise<void> {
  const type = c.req.header('content-type');
  if (!type || !JSON_TYPE.test(type)) return;
  // Hono keeps the bytes, so the validator's later c.req.json() reads the same body.
  const bytes = await c.req.arrayBuffer();
  try {
    STRICT_UTF8.decode(bytes);
  } catch (cause) {
    throw new CanonError(
      'invalid_input',
      'The JSON body is not valid UTF-8; send it encoded as UTF-8 (RFC 8259).',
      {
        cause,
      },
    );
  }
}
