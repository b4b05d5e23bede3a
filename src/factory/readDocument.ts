import { CanonError, quote } from '../core/errors.js';
import type { Claim, DocumentInput } from '../core/evidence.js';
import type { DocumentTree } from './documentTree.js';
import { extractClaims } from './extractClaims.js';
import { parseDocument } from './parse/parseDocument.js';
import { type SourceLevel, segmentLevels, wholeDocumentLevel, wholePageLevel } from './segmentLevels.js';

/**
 * One document read on its own: its tree, its levels (each title's seniority read) and its claims.
 * How its levels map onto Canon's is decided with the other files of its ladder, in readSources.ts.
 */
export interface ReadDocument {
  name: string;
  tree: DocumentTree;
  levels: SourceLevel[];
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

/** parse → segment → extract, for one document: the part of the pipeline that runs in a reader thread. */
export async function readDocument(input: DocumentInput): Promise<ReadDocument> {
  const tree = await parseDocument(input);
  const { levels, warnings } = levelsOf(tree, input.name);
  const claims = extractClaims(tree, levels);
  if (claims.length > MAX_CLAIMS)
    throw new CanonError(
      'too_large',
      `${quote(input.name)} yields ${claims.length.toLocaleString('en-US')} claims; a document may yield at most ${MAX_CLAIMS.toLocaleString('en-US')} (a ladder of every track has a few thousand).`,
    );
  return { name: input.name, tree, levels, claims, warnings };
}

function levelsOf(tree: DocumentTree, name: string): { levels: SourceLevel[]; warnings: string[] } {
  const levels = segmentLevels(tree);
  const page = wholePageLevel(tree, levels);
  if (page) return { levels: [page], warnings: [] };
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

/** A document that is one level as a whole: a job description, or one file of a one-file-per-level ladder. */
export function isSingleRole(doc: ReadDocument): boolean {
  return doc.levels.length === 1 && doc.levels[0]?.section === doc.tree.root;
}
