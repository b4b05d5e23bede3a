import { type Block, buildSections, collapse, type DocumentTree, documentTitle } from '../documentTree.js';
import { withoutPageChrome } from './pageChrome.js';

const BULLET = /^(\s*)(?:[•·▪◦‣∙*–-]|\d{1,2}[.)])\s+/;
const MARKDOWN_HEADING = /^(#{1,6})\s+/;
const SENTENCE_END = /[.!?,;]$/;
/**
 * Short lines standing alone are headings, but four or more in a row of a few words each, with
 * nothing under them, are a menu copied with the page: its header, a sidebar of every role and
 * level, breadcrumbs.
 */
const MENU_RUN = 4;
const MENU_WORDS = 5;

/**
 * Plain text as copied from a web page: headings without markup (short lines
 * standing alone, "Label:" lines), bullets as "•", "-" or "1.", tables as
 * tab-separated runs of cells. Markdown-style "#" headings are honoured too. The site's chrome copied
 * with the page — menus, breadcrumbs, "On this page", footers — is left out (pageChrome.ts).
 */
export function parseText(text: string, name: string): DocumentTree {
  const lines: { text: string; start: number; end: number }[] = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    lines.push({ text: raw.replace(/\r$/, ''), start: at, end: at + raw.replace(/\r$/, '').length });
    at += raw.length + 1;
  }
  const blocks: Block[] = [];
  /** Headings read from bare lines of a few words (not "#" headings, not "Label:" lines). */
  const bare = new Set<Block>();
  const blank = (i: number) => (lines[i]?.text.trim() ?? '') === '';
  let paragraph: { text: string; start: number; end: number } | null = null;
  const flush = () => {
    if (paragraph)
      blocks.push({
        kind: 'paragraph',
        text: collapse(paragraph.text),
        depth: 0,
        start: paragraph.start,
        end: paragraph.end,
      });
    paragraph = null;
  };
  for (const [i, line] of lines.entries()) {
    const trimmed = line.text.trim();
    const lead = line.text.length - line.text.trimStart().length;
    const start = line.start + lead;
    if (!trimmed || /^(?:-{3,}|\*{3,}|_{3,})$/.test(trimmed)) {
      flush();
      continue;
    }
    const md = MARKDOWN_HEADING.exec(trimmed);
    const bullet = BULLET.exec(line.text);
    if (md) {
      flush();
      blocks.push({
        kind: 'heading',
        text: collapse(trimmed.slice(md[0].length)),
        depth: md[1]?.length ?? 1,
        start,
        end: line.end,
      });
    } else if (bullet) {
      flush();
      const indent = (bullet[1] ?? '').replace(/\t/g, '    ').length;
      blocks.push({
        kind: 'item',
        text: collapse(line.text.slice(bullet[0].length)),
        depth: Math.floor(indent / 4),
        start: line.start + bullet[0].length,
        end: line.end,
      });
    } else if (line.text.includes('\t') || /\s\|\s/.test(trimmed)) {
      flush();
      const cells = trimmed
        .split(/\t+|\s\|\s/)
        .map(collapse)
        .filter(Boolean);
      // Each cell's offsets: found in order along the line (cells are its words, whitespace collapsed).
      let cursor = line.start;
      const cellSpans = cells.map((cell): [number, number] => {
        const word = cell.split(' ')[0] ?? cell;
        const at = text.indexOf(word, cursor);
        const from = at >= 0 && at < line.end ? at : cursor;
        cursor = Math.min(line.end, from + cell.length);
        return [from, cursor];
      });
      blocks.push({ kind: 'row', text: cells.join(' | '), cells, cellSpans, depth: 0, start, end: line.end });
    } else if (
      looksLikeHeading(
        trimmed,
        blank(i - 1) || i === 0 || paragraph === null,
        blank(i + 1) || BULLET.test(lines[i + 1]?.text ?? ''),
      )
    ) {
      flush();
      // "Label:" lines head the list under them, one level below free-standing headings.
      const label = trimmed.endsWith(':');
      const heading: Block = {
        kind: 'heading',
        text: collapse(trimmed.replace(/:$/, '')),
        depth: label ? 4 : 3,
        start,
        end: line.end,
      };
      blocks.push(heading);
      if (!label && (heading.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) <= MENU_WORDS) bare.add(heading);
    } else if (paragraph) {
      paragraph.text += ` ${trimmed}`;
      paragraph.end = line.end;
    } else {
      paragraph = { text: trimmed, start, end: line.end };
    }
  }
  flush();
  const own = withoutPageChrome(blocks, menuRuns(blocks, bare));
  const title = documentTitle(own, name);
  return { format: 'text', text, meta: {}, title, root: buildSections(own, title) };
}

/**
 * The bare headings of every run of MENU_RUN or more in a row, but its last when anything follows
 * it: a page's title copied right after the site's menu is still its title.
 */
function menuRuns(blocks: readonly Block[], bare: ReadonlySet<Block>): Set<Block> {
  const menu = new Set<Block>();
  let run: Block[] = [];
  const end = (next: Block | undefined) => {
    if (run.length >= MENU_RUN) {
      const last = next ? run.length - 1 : run.length;
      for (const b of run.slice(0, last)) menu.add(b);
    }
    run = [];
  };
  for (const b of blocks) {
    if (bare.has(b)) run.push(b);
    else end(b);
  }
  end(undefined);
  return menu;
}

function looksLikeHeading(line: string, aloneBefore: boolean, aloneAfter: boolean): boolean {
  if (!aloneBefore || !aloneAfter) return false;
  if (line.length > 80 || line.split(/\s+/).length > 10) return false;
  if (line.endsWith(':')) return true;
  return !SENTENCE_END.test(line) && !/^[a-z]/.test(line);
}
