import { zipSync } from 'fflate';
import mammoth from 'mammoth';
import { CanonError, quote } from '../../core/errors.js';
import { unzipWithin, type ZipLimits } from '../../core/zipArchive.js';
import type { DocumentTree } from '../documentTree.js';
import { parseHtml } from './parseHtml.js';

/**
 * Word's XML compresses about ten to one, so a DOCX at the 2 MB upload limit
 * holds some 20 MB of parts; a real one has a few dozen files. A zip bomb
 * (a 1.8 MB DOCX that inflates to 450 MB took the server's heap down) is
 * refused after inflating 20 MB, never more.
 */
export const DOCX_LIMITS: ZipLimits = {
  kind: 'DOCX file',
  entries: 1_000,
  entryBytes: 20 * 1024 * 1024,
  totalBytes: 20 * 1024 * 1024,
};

/** The HTML kept as a DOCX's text may be as long as a text upload: 2 M characters. */
export const MAX_DOCX_TEXT = 2 * 1024 * 1024;

// An image's bytes are evidence of nothing; inlined as a data URI they would swell the kept text.
const NO_IMAGE_DATA = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/**
 * DOCX through mammoth, which maps Word's heading and list styles to HTML; the
 * tree's offsets are into that HTML, which is kept as the source's text.
 * mammoth reads the parts as inflated here, within DOCX_LIMITS, never the upload
 * itself, so it cannot meet a part that was not counted.
 */
export async function parseDocx(bytes: Uint8Array, name: string): Promise<DocumentTree> {
  const parts = await unzipWithin(bytes, name, DOCX_LIMITS);
  // fflate copies the parts into a plain object, where a part named "__proto__" would replace its
  // prototype; no part Word writes or mammoth reads has that name, so it is left out.
  const stored = zipSync(Object.fromEntries([...parts].filter(([path]) => path !== '__proto__')), {
    level: 0,
  });
  const { value } = await mammoth.convertToHtml(
    { buffer: Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength) },
    { convertImage: NO_IMAGE_DATA },
  );
  if (value.length > MAX_DOCX_TEXT)
    throw new CanonError(
      'too_large',
      `${quote(name)} converts to ${value.length.toLocaleString('en-US')} characters of text; a document's text may be up to ${MAX_DOCX_TEXT.toLocaleString('en-US')} characters, as much as a 2 MB upload.`,
    );
  return parseHtml(value, name, 'docx');
}
