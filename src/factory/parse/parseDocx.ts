import mammoth from 'mammoth';
import type { DocumentTree } from '../documentTree.js';
import { parseHtml } from './parseHtml.js';

/**
 * DOCX through mammoth, which maps Word's heading and list styles to HTML; the
 * tree's offsets are into that HTML, which is kept as the source's text.
 */
export async function parseDocx(bytes: Uint8Array, name: string): Promise<DocumentTree> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return parseHtml(value, name, 'docx');
}
