import { extname } from 'node:path';
import { CanonError, quote } from '../../core/errors.js';
import { type DocumentInput, MAX_DOCUMENT_BYTES } from '../../core/evidence.js';
import type { DocumentFormat, DocumentTree } from '../documentTree.js';
import { parseDocx } from './parseDocx.js';
import { parseHtml } from './parseHtml.js';
import { parseMarkdown } from './parseMarkdown.js';
import { parseText } from './parseText.js';

/**
 * Any supported document into one tree. Refuses, with a reason, what is not a
 * document: nothing, too much, binary data, text in an encoding other than
 * UTF-8/UTF-16, or a DOCX that does not open.
 */
export async function parseDocument({ name, bytes }: DocumentInput): Promise<DocumentTree> {
  if (bytes.length > MAX_DOCUMENT_BYTES)
    throw new CanonError(
      'too_large',
      `${quote(name)} is ${Math.ceil(bytes.length / 1024)} KB; documents may be up to ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`,
    );
  if (isZip(bytes)) {
    if (extname(name).toLowerCase() !== '.docx' && !name.endsWith('docx'))
      throw new CanonError(
        'invalid_input',
        `${quote(name)} is a zip archive, not a document Canon reads (Markdown, HTML, DOCX, text).`,
      );
    try {
      return nonEmpty(await parseDocx(bytes, name), name);
    } catch (cause) {
      if (cause instanceof CanonError) throw cause;
      throw new CanonError(
        'invalid_input',
        `${quote(name)} is not a readable DOCX file: ${(cause as Error).message}`,
        { cause },
      );
    }
  }
  const text = decode(bytes, name);
  if (!text.trim()) throw new CanonError('invalid_input', `${quote(name)} is empty.`);
  const format = formatOf(name, text);
  const tree =
    format === 'markdown'
      ? parseMarkdown(text, name)
      : format === 'html'
        ? parseHtml(text, name)
        : parseText(text, name);
  return nonEmpty(tree, name);
}

function formatOf(name: string, text: string): Exclude<DocumentFormat, 'docx'> {
  const ext = extname(name).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.html' || ext === '.htm') return 'html';
  // Text copied from a Markdown page keeps its "#" headings: read it as Markdown then.
  if (ext === '.txt') return (text.match(/^#{1,6} \S/gm)?.length ?? 0) >= 2 ? 'markdown' : 'text';
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (
    head.startsWith('<!doctype html') ||
    head.startsWith('<html') ||
    /^<(?:h[1-6]|p|ul|div|body)\b/.test(head)
  )
    return 'html';
  if (head.startsWith('---\n') || /^#{1,6} /m.test(text.slice(0, 2000))) return 'markdown';
  return 'text';
}

function decode(bytes: Uint8Array, name: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0))
    throw new CanonError(
      'invalid_input',
      `${quote(name)} looks binary (it contains NUL bytes), not like a text document.`,
    );
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (cause) {
    throw new CanonError(
      'invalid_input',
      `${quote(name)} is not UTF-8 text. Save it as UTF-8 (or UTF-16 with a byte-order mark) and try again.`,
      { cause },
    );
  }
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function nonEmpty(tree: DocumentTree, name: string): DocumentTree {
  const hasText = tree.root.blocks.length > 0 || tree.root.children.length > 0;
  if (!hasText) throw new CanonError('invalid_input', `${quote(name)} has no readable text.`);
  return tree;
}
