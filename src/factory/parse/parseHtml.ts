import type { Element, Nodes, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import {
  type Block,
  buildSections,
  collapse,
  type DocumentFormat,
  type DocumentTree,
  documentTitle,
} from '../documentTree.js';
import { htmlChrome } from './htmlChrome.js';
import { withoutPageChrome } from './pageChrome.js';

const processor = unified().use(rehypeParse);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg']);

/**
 * HTML through parse5 (rehype), keeping each element's offsets in the source. A page saved from a
 * website is read for its own content: its `<main>` or `<article>` when it has one, and never its
 * navigation, banners, sidebars, footers or menus (htmlChrome.ts, pageChrome.ts).
 */
export function parseHtml(text: string, name: string, format: DocumentFormat = 'html'): DocumentTree {
  const tree = processor.parse(text) as Root;
  const { content, chrome } = htmlChrome(tree);
  const blocks: Block[] = [];
  /** Blocks of the site's chrome, or outside the page's main content. */
  const site = new Set<Block>();
  let pageTitle = '';
  // parse5 can place the end of an element left open at the end of the text one past it ("<td>1</ ").
  const span = (n: Nodes) => ({
    start: Math.min(n.position?.start.offset ?? 0, text.length),
    end: Math.min(n.position?.end.offset ?? 0, text.length),
  });
  const push = (block: Block, outside: boolean) => {
    blocks.push(block);
    if (outside) site.add(block);
  };
  const visit = (node: Nodes, listDepth: number, outside: boolean) => {
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      const tag = node.tagName;
      if (tag === 'title') pageTitle = collapse(plain(node));
      if (SKIP.has(tag)) return;
      if (chrome.has(node)) outside = true;
      else if (node === content) outside = false;
      const heading = /^h([1-6])$/.exec(tag);
      if (heading) {
        push(
          { kind: 'heading', text: collapse(plain(node)), depth: Number(heading[1]), ...span(node) },
          outside,
        );
        return;
      }
      if (tag === 'p') {
        const t = collapse(plain(node));
        if (t) push({ kind: 'paragraph', text: t, depth: 0, ...span(node) }, outside);
        return;
      }
      if (tag === 'li') {
        const own = node.children.filter(
          (c) => !(c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol')),
        );
        const t = collapse(own.map((c) => plain(c)).join(''));
        if (t) push({ kind: 'item', text: t, depth: listDepth, ...span(node) }, outside);
        for (const c of node.children)
          if (c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol'))
            visit(c, listDepth + 1, outside);
        return;
      }
      if (tag === 'tr') {
        const tds = node.children.filter(
          (c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'),
        );
        const cells = tds.map((c) => collapse(plain(c)));
        const cellSpans = tds.map((c) => {
          const s = span(c);
          return [s.start, s.end] as [number, number];
        });
        if (cells.some(Boolean))
          push({ kind: 'row', text: cells.join(' | '), cells, cellSpans, depth: 0, ...span(node) }, outside);
        return;
      }
    }
    for (const child of node.children) visit(child as Nodes, listDepth, outside);
  };
  visit(tree, 0, content !== null);
  const own = withoutPageChrome(blocks, site);
  const title = documentTitle(own, pageTitle || name);
  return { format, text, meta: {}, title, root: buildSections(own, title) };
}

function plain(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') {
    if (SKIP.has(node.tagName)) return '';
    const inner = node.children.map((c) => plain(c as Nodes)).join('');
    return node.tagName === 'br'
      ? ' '
      : /^(p|div|li|td|th|tr|h[1-6])$/.test(node.tagName)
        ? ` ${inner} `
        : inner;
  }
  if (node.type === 'root') return node.children.map((c) => plain(c as Nodes)).join('');
  return '';
}
