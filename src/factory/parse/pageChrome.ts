import { type Block, collapse } from '../documentTree.js';
import { readLevelHeading } from '../segmentLevels.js';

/**
 * Lines a page saved or copied from a website carries around its content: skip links, the "On this
 * page" label, footers, sign-in and legal links. Whole short lines only: "Home" is chrome, "Home
 * office setup" is not, nor is a paragraph that begins "Back to basics, …".
 */
const CHROME_LINE =
  /^(?:skip to (?:the )?(?:main )?content|skip navigation|back to\b.*|on this page|in this (?:section|article|page)|(?:table of )?contents|edit (?:this page|on github)|print(?: this page)?|share(?: this page)?|menu|search|home|sign (?:in|up|out)|log ?(?:in|out)|privacy(?: policy| notice)?|terms(?: of (?:use|service))?|cookies?(?: (?:settings|policy|preferences))?|all rights reserved\.?|(?:©|\(c\)|copyright (?:©|\(c\)|\d{4})).*)$/i;
const CHROME_WORDS = 12;

/** Arrows and bullets that pagers and menus put around a link's text. */
const DECORATION = /^[\s←→‹›«»<>|·•]+|[\s←→‹›«»<>|·•]+$/g;
/** Separators of a breadcrumb trail written on one line: "Home › Engineering › Senior Engineer". */
const CRUMB = /\s+[›»>/|]\s+|\s*[›»]\s*/;

const plainText = (text: string) => collapse(text.replace(DECORATION, '')).toLowerCase();

/** A pager's link to the page before or after: "← Engineer II (L2)", "Staff Engineer (L4) →". */
const PAGER = /^[←‹«]|[→›»]$/;

/** Whether one line is site chrome by its words alone. */
export function isChromeLine(text: string): boolean {
  const t = collapse(text);
  if (t.split(' ').length > CHROME_WORDS) return false;
  return PAGER.test(t) || CHROME_LINE.test(collapse(t.replace(DECORATION, '')));
}

/** A list of links (a site's menu, an "On this page" list, breadcrumbs): more than half its items are a link each. */
export function isLinkList(items: readonly { text: string; linkText: string }[]): boolean {
  if (items.length < 2) return false;
  const links = items.filter((i) => i.linkText && plainText(i.linkText) === plainText(i.text)).length;
  return links * 2 > items.length;
}

/**
 * A line of links with little else: breadcrumbs ("Home › Engineering › Senior Engineer"), a footer's
 * "© 2024 Acme · Privacy · Terms" — two links or more, and at most four words outside them — or a
 * line that is one link and nothing else (a site's name at the top of the page, "Read the guide").
 */
export function isLinkLine(text: string, linkTexts: readonly string[]): boolean {
  if (linkTexts.length === 1) return plainText(linkTexts[0] ?? '') === plainText(text);
  if (linkTexts.length < 2) return false;
  let rest = text;
  for (const link of linkTexts) rest = rest.replace(link, ' ');
  return (rest.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) <= 4;
}

/**
 * The page's content without its site's chrome. `known` are the blocks the parser found to be
 * navigation from the page's markup (HTML elements, Markdown links, text menus); to them are added:
 * chrome lines ("Skip to content", "© 2024 …"); lists and lone table rows whose entries mostly
 * name a heading of the page (an "On this page" list, a row of tabs), a level ("Engineer II (L2)",
 * a menu of the ladder), or are chrome; breadcrumb trails written on one line; a line that is two or
 * more of the page's headings one after another (tabs: "Technical skills Delivery Collaboration"); and headings whose
 * section held only chrome ("On this page", a menu's "Engineering management").
 */
export function withoutPageChrome(blocks: readonly Block[], known: ReadonlySet<Block> = new Set()): Block[] {
  const chrome = new Set(known);
  const headings = new Set(
    blocks.filter((b) => b.kind === 'heading' && !known.has(b)).map((b) => plainText(b.text)),
  );
  const byFirstWord = new Map<string, string[]>();
  for (const h of headings) {
    const first = h.split(' ')[0] ?? '';
    const alike = byFirstWord.get(first);
    if (alike) alike.push(h);
    else byFirstWord.set(first, [h]);
  }
  /** An entry of a list or row that points somewhere rather than saying something. */
  const navigational = (text: string, many: boolean) =>
    isChromeLine(text) ||
    headings.has(plainText(text)) ||
    (many && Boolean(readLevelHeading(collapse(text.replace(DECORATION, '')))?.code));
  for (const run of runsOf(blocks, known)) {
    const entries =
      run.length === 1 && run[0]?.kind === 'row' ? (run[0].cells ?? []) : run.map((b) => b.text);
    const many = entries.length >= 3;
    if (entries.length >= 2 && entries.filter((e) => navigational(e, many)).length * 2 > entries.length)
      for (const b of run) chrome.add(b);
  }
  for (const b of blocks)
    if (
      isChromeLine(b.text) ||
      ((b.kind === 'paragraph' || b.kind === 'heading') && isCrumbTrail(b.text)) ||
      (b.kind === 'paragraph' && isHeadingRun(plainText(b.text), byFirstWord))
    )
      chrome.add(b);
  markChromeSections(blocks, chrome);
  return blocks.filter((b) => !chrome.has(b));
}

/**
 * Runs of consecutive list items, and lone table rows (a table's rows, two or more together, are
 * data), among the blocks not yet known to be chrome.
 */
function runsOf(blocks: readonly Block[], known: ReadonlySet<Block>): Block[][] {
  const runs: Block[][] = [];
  let items: Block[] = [];
  blocks.forEach((b, i) => {
    if (b.kind === 'item' && !known.has(b)) items.push(b);
    else {
      if (items.length) runs.push(items);
      items = [];
    }
    if (b.kind === 'row' && !known.has(b) && blocks[i - 1]?.kind !== 'row' && blocks[i + 1]?.kind !== 'row')
      runs.push([b]);
  });
  if (items.length) runs.push(items);
  return runs;
}

/** Whether `text` is two or more of the headings, one after another and nothing else. */
function isHeadingRun(text: string, byFirstWord: ReadonlyMap<string, string[]>, count = 0): boolean {
  if (!text) return count >= 2;
  if (count === 0 && text.split(' ').length > 12) return false;
  for (const heading of byFirstWord.get(text.split(' ')[0] ?? '') ?? [])
    if (text === heading || text.startsWith(`${heading} `))
      if (isHeadingRun(text.slice(heading.length).trimStart(), byFirstWord, count + 1)) return true;
  return false;
}

function isCrumbTrail(text: string): boolean {
  const parts = text.split(CRUMB).map((p) => p.trim());
  return parts.length >= 3 && parts.every((p) => p && p.split(/\s+/).length <= 4 && !/[.!?;:,]$/.test(p));
}

/**
 * A heading whose section (up to the next heading as high or higher) holds chrome and nothing else is
 * the label of that chrome, and goes with it, as do the headings under it.
 */
function markChromeSections(blocks: readonly Block[], chrome: Set<Block>): void {
  const sections: [number, number][] = [];
  const open: number[] = [];
  const close = (end: number, depth: number) => {
    while (open.length && (blocks[open.at(-1) as number]?.depth ?? 0) >= depth)
      sections.push([open.pop() as number, end]);
  };
  blocks.forEach((b, i) => {
    if (b.kind !== 'heading') return;
    close(i, b.depth);
    open.push(i);
  });
  close(blocks.length, 0);
  // Outermost first, so a chrome section takes the headings under it before they are looked at.
  for (const [start, end] of sections.sort((a, b) => a[0] - b[0])) {
    const heading = blocks[start] as Block;
    if (chrome.has(heading)) continue;
    const section = blocks.slice(start + 1, end);
    const content = section.filter((b) => b.kind !== 'heading');
    if (content.length > 0 && content.every((b) => chrome.has(b)))
      for (const b of [heading, ...section]) chrome.add(b);
  }
}
