import type { List, Nodes, Paragraph, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { type Block, buildSections, collapse, type DocumentTree, documentTitle } from '../documentTree.js';
import { isLinkLine, isLinkList, withoutPageChrome } from './pageChrome.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/**
 * Markdown (CommonMark + GFM tables, YAML front matter) with remark's source positions. Markdown
 * saved from a web page keeps the site's menus as lists of links and its breadcrumbs and footer as
 * lines of links: those are the site's, not the page's (pageChrome.ts).
 */
export function parseMarkdown(text: string, name: string): DocumentTree {
  const tree = processor.parse(text) as Root;
  const blocks: Block[] = [];
  const site = new Set<Block>();
  let meta: Record<string, unknown> = {};
  const span = (n: Nodes) => ({ start: n.position?.start.offset ?? 0, end: n.position?.end.offset ?? 0 });
  const visit = (node: Nodes, listDepth: number) => {
    if ((node.type === 'list' && isLinkList(node.children.map(itemLinks))) || isLinkParagraph(node)) {
      const from = blocks.length;
      visitAll(node, listDepth);
      for (const b of blocks.slice(from)) site.add(b);
      return;
    }
    visitAll(node, listDepth);
  };
  const visitAll = (node: Nodes, listDepth: number) => {
    switch (node.type) {
      case 'yaml': {
        const data = safeYaml(node.value);
        if (data) meta = data;
        return;
      }
      case 'heading':
        blocks.push({ kind: 'heading', text: collapse(plain(node)), depth: node.depth, ...span(node) });
        return;
      case 'paragraph': {
        const text = collapse(plain(node));
        if (text) blocks.push({ kind: 'paragraph', text, depth: 0, ...span(node) });
        return;
      }
      case 'listItem': {
        // The item's own text is its first paragraph; nested lists become deeper items.
        const [first, ...rest] = node.children;
        if (first?.type === 'paragraph')
          blocks.push({ kind: 'item', text: collapse(plain(first)), depth: listDepth, ...span(first) });
        for (const child of first?.type === 'paragraph' ? rest : node.children) visit(child, listDepth + 1);
        return;
      }
      case 'list':
        for (const item of node.children) visit(item, listDepth);
        return;
      case 'table':
        for (const row of node.children) {
          const cells = row.children.map((c) => collapse(plain(c)));
          const cellSpans = row.children.map((c) => {
            const s = span(c);
            return [s.start, s.end] as [number, number];
          });
          blocks.push({ kind: 'row', text: cells.join(' | '), cells, cellSpans, depth: 0, ...span(row) });
        }
        return;
      case 'root':
      case 'blockquote':
        for (const child of node.children) visit(child, listDepth);
        return;
      default:
        // Raw HTML (pictures, comments), code and thematic breaks carry no claims.
        return;
    }
  };
  visit(tree, 0);
  const own = withoutPageChrome(blocks, site);
  const fallback = typeof meta.title === 'string' ? meta.title : name;
  const title = typeof meta.title === 'string' ? meta.title : documentTitle(own, fallback);
  return { format: 'markdown', text, meta, title, root: buildSections(own, title) };
}

/** A list item's text, and the text of its links, for telling a menu from a list that says something. */
function itemLinks(item: List['children'][number]): { text: string; linkText: string } {
  const [first] = item.children;
  if (first?.type !== 'paragraph') return { text: '', linkText: '' };
  return { text: collapse(plain(first)), linkText: collapse(linksOf(first).join(' ')) };
}

function isLinkParagraph(node: Nodes): node is Paragraph {
  return node.type === 'paragraph' && isLinkLine(collapse(plain(node)), linksOf(node));
}

function linksOf(node: Nodes): string[] {
  if (node.type === 'link' || node.type === 'linkReference') return [collapse(plain(node))];
  return 'children' in node ? node.children.flatMap((c) => linksOf(c as Nodes)) : [];
}

function plain(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.type === 'html' ? '' : node.value;
  if ('children' in node)
    return node.children.map((c) => plain(c as Nodes)).join(node.type === 'tableRow' ? ' | ' : '');
  return node.type === 'break' ? ' ' : '';
}

function safeYaml(text: string): Record<string, unknown> | null {
  try {
    const data: unknown = parseYaml(text);
    return data && typeof data === 'object' && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : null;
  } catch {
    // Broken front matter is ignored rather than failing the document: the body still reads.
    return null;
  }
}
