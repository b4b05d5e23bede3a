/**
 * One tree for every input format. Each block keeps the offsets of its text in
 * the original input (for DOCX: in the HTML the converter produced from it), so
 * that evidence can always point back at what the document said.
 */
export type DocumentFormat = 'markdown' | 'html' | 'docx' | 'text';

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'row';

export interface Block {
  kind: BlockKind;
  /** The block's text without markup, whitespace collapsed. */
  text: string;
  /** Heading level 1–6; list nesting for items (0 outermost); 0 otherwise. */
  depth: number;
  start: number;
  end: number;
  /** A table row's cells, and each cell's offsets. */
  cells?: string[];
  cellSpans?: [number, number][];
}

export interface Section {
  /** The heading's text; the document's title for the root. */
  title: string;
  depth: number;
  heading: Block | null;
  /** Blocks directly under the heading, before any sub-heading. */
  blocks: Block[];
  children: Section[];
}

export interface DocumentTree {
  format: DocumentFormat;
  /** The text the offsets refer to. */
  text: string;
  /** YAML front matter (Markdown), when present. */
  meta: Record<string, unknown>;
  title: string;
  root: Section;
}

/** Nests a flat run of blocks into sections by heading level. */
export function buildSections(blocks: readonly Block[], title: string): Section {
  const root: Section = { title, depth: 0, heading: null, blocks: [], children: [] };
  const open: Section[] = [root];
  for (const block of blocks) {
    if (block.kind !== 'heading') {
      (open.at(-1) ?? root).blocks.push(block);
      continue;
    }
    while (open.length > 1 && (open.at(-1)?.depth ?? 0) >= block.depth) open.pop();
    const section: Section = {
      title: block.text,
      depth: block.depth,
      heading: block,
      blocks: [],
      children: [],
    };
    (open.at(-1) ?? root).children.push(section);
    open.push(section);
  }
  return root;
}

/** Every section below (and including) this one, depth first, with its path of titles. */
export function* walkSections(section: Section, path: string[] = []): Generator<[Section, string[]]> {
  const here = section.heading ? [...path, section.title] : path;
  yield [section, here];
  for (const child of section.children) yield* walkSections(child, here);
}

/** Links a page copied from a site starts with, which name nothing. */
const NAVIGATION = /^(?:back to\b|home$|menu$|skip to\b)/i;

/** The first heading of the document, else its first line: what a person would call it. */
export function documentTitle(blocks: readonly Block[], fallback: string): string {
  const heading = blocks.find((b) => b.kind === 'heading' && !NAVIGATION.test(b.text));
  return (heading ?? blocks[0])?.text.slice(0, 200) || fallback;
}

export const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Text without the emphasis marks plain text keeps from Markdown ("**Responsibilities:**"):
 * asterisks and backticks anywhere, underscores only at the edges of words (snake_case stays).
 */
export const stripMarks = (text: string) => collapse(text.replace(/[*`]+|\b_+|_+\b/g, ''));
