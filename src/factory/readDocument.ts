import { CanonError, quote } from '../core/errors.js';
import { type CrosswalkEntry, crosswalkLevels } from './crosswalkLevels.js';
import type { DocumentTree } from './documentTree.js';
import { CLAIM_KINDS, type Claim, type ClaimKind, extractClaims } from './extractClaims.js';
import { type DocumentInput, parseDocument } from './parse/parseDocument.js';
import { type SourceLevel, segmentLevels, wholeDocumentLevel } from './segmentLevels.js';

/** A document read end to end: its tree, its levels mapped to Canon's, and its claims. */
export interface ReadDocument {
  name: string;
  tree: DocumentTree;
  levels: SourceLevel[];
  crosswalk: CrosswalkEntry[];
  claims: Claim[];
  warnings: string[];
}

/**
 * The largest real ladder read so far yields 71 claims; one company's every
 * track at every level, a few thousand. Tens of thousands are not a ladder, and
 * the crosswalk's cost grows with levels × claims, so such a document is refused
 * whole rather than cut: evidence and proposals from whichever claims came first
 * would misstate the document without saying so.
 */
const MAX_CLAIMS = 5_000;

/** parse → segment → extract → crosswalk, for one document on its own. */
export async function readDocument(input: DocumentInput): Promise<ReadDocument> {
  const tree = await parseDocument(input);
  const { levels, warnings } = levelsOf(tree, input.name);
  const claims = extractClaims(tree, levels);
  if (claims.length > MAX_CLAIMS)
    throw new CanonError(
      'too_large',
      `${quote(input.name)} yields ${claims.length.toLocaleString('en-US')} claims; a document may yield at most ${MAX_CLAIMS.toLocaleString('en-US')} (a ladder of every track has a few thousand).`,
    );
  return { name: input.name, tree, levels, claims, crosswalk: crosswalkLevels(levels, claims), warnings };
}

/**
 * Several files that form one ladder. Files with level headings of their own
 * keep them (and their own order); files that each describe one level are
 * ordered by their front-matter `weight` when they have one, else as given,
 * and crosswalked as one sequence. `read` reads each file (off the main thread
 * in the server and CLI: see readerPool.ts); only the joint crosswalk runs here.
 */
export async function readLadder(
  inputs: readonly DocumentInput[],
  read: (input: DocumentInput) => Promise<ReadDocument> = readDocument,
): Promise<ReadDocument[]> {
  const docs = await readEach(inputs, read);
  const single = docs
    .map((doc, i) => ({ doc, i, weight: Number(doc.tree.meta.weight) }))
    .filter(({ doc }) => isSingleRole(doc))
    .sort((a, b) => (Number.isNaN(a.weight) || Number.isNaN(b.weight) ? a.i - b.i : a.weight - b.weight));
  if (single.length > 1) {
    const levels = single.map(({ doc }) => doc.levels[0] as SourceLevel);
    const crosswalk = crosswalkLevels(
      levels,
      single.flatMap(({ doc }) => doc.claims),
    );
    single.forEach(({ doc }, k) => {
      doc.crosswalk = [crosswalk[k] as CrosswalkEntry];
    });
  }
  return docs;
}

/** At most this many documents of one request are handed to the readers at once. */
const READ_AT_ONCE = 4;

/**
 * Reads documents a few at a time, keeping their order: the readers' waiting
 * line is shared by every request, and one upload of many files must not fill it
 * by itself (it would be refused, however often it was sent again).
 */
export async function readEach(
  inputs: readonly DocumentInput[],
  read: (input: DocumentInput) => Promise<ReadDocument>,
): Promise<ReadDocument[]> {
  const docs: ReadDocument[] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < inputs.length; i = next++) docs[i] = await read(inputs[i] as DocumentInput);
  };
  await Promise.all(Array.from({ length: Math.min(READ_AT_ONCE, inputs.length) }, lane));
  return docs;
}

function levelsOf(tree: DocumentTree, name: string): { levels: SourceLevel[]; warnings: string[] } {
  const levels = segmentLevels(tree);
  if (levels.length > 0) return { levels, warnings: [] };
  const whole = wholeDocumentLevel(tree);
  if (whole) return { levels: [whole], warnings: [] };
  return {
    levels: [],
    warnings: [
      `${name}: no level found — no heading names a level ("E1: Director", "Director (Manager 7)", "D1 - Developer 1") and the title names no role`,
    ],
  };
}

/** Claims counted by kind, every kind present (0 when none), for summaries. */
export function countClaims(claims: readonly Claim[]): Record<ClaimKind, number> {
  const counts = Object.fromEntries(CLAIM_KINDS.map((k) => [k, 0])) as Record<ClaimKind, number>;
  for (const c of claims) counts[c.kind]++;
  return counts;
}

/** A document that is one level as a whole: a job description, or one file of a one-file-per-level ladder. */
export function isSingleRole(doc: ReadDocument): boolean {
  return doc.levels.length === 1 && doc.levels[0]?.section === doc.tree.root;
}
