import type { Block } from '../factory/documentTree.js';

/** Blocks of a document tree for tests of what the tree's shape decides; offsets play no part there. */
export const block = (kind: Block['kind'], text: string, depth = 0): Block => ({
  kind,
  text,
  depth,
  start: 0,
  end: text.length,
});
export const heading = (depth: number, text: string) => block('heading', text, depth);
export const paragraph = (text: string) => block('paragraph', text);
export const item = (text: string) => block('item', text);
