import type { Proposal } from './content/applyProposal.js';

/**
 * What reading a document leaves behind, in the shapes every layer shares: the factory makes them,
 * the store keeps them, the workflow, pages, API and CLI show them.
 */

/** Ladders and job descriptions are a few pages; anything far larger is not one. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

/** A document as it arrives: from a file, an upload or a form. */
export interface DocumentInput {
  /** A file name or label; its extension picks the format when it has a known one. */
  name: string;
  bytes: Uint8Array;
}

export const CLAIM_KINDS = [
  'responsibility',
  'skill',
  'experience',
  'education',
  'pay',
  'title',
  'career_path',
  'level_definition',
  'transition',
] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export interface YearsValue {
  min: number;
  max: number | null;
  /** "12-18+ years": the upper bound is often exceeded. */
  openEnded: boolean;
}

/** One thing a document states, with where it says it. */
export interface Claim {
  kind: ClaimKind;
  /** skill: hard | soft; career_path: entry_from | advancement_to | lateral; else null. */
  subtype: string | null;
  text: string;
  /** The source level's label; null for claims about the ladder as a whole. */
  level: string | null;
  sectionPath: string[];
  start: number;
  end: number;
  years?: YearsValue;
  /** transition: the two levels, as the document names them. */
  from?: string;
  to?: string;
}

/** Claims counted by kind, every kind present (0 when none), for summaries. */
export function countClaims(claims: readonly Claim[]): Record<ClaimKind, number> {
  const counts = Object.fromEntries(CLAIM_KINDS.map((k) => [k, 0])) as Record<ClaimKind, number>;
  for (const c of claims) counts[c.kind]++;
  return counts;
}

/** One level of a source document mapped onto Canon's framework, and why. */
export interface CrosswalkEntry {
  label: string;
  titles: string[];
  canonical: { code: string; track: string; rank: number; title: string };
  confidence: number;
  reason: string;
}

/** The claims (by index in the document's claims) behind each statement a proposal suggests, in its order. */
export interface StatementClaims {
  responsibilities: number[];
  aliases: number[];
  skills: number[];
  experience: number | null;
}

/** A suggested change to one canonical profile, drawn from a document's evidence. */
export interface SynthesizedProposal {
  profileCode: string;
  proposal: Proposal;
  /** The claim behind each suggested statement, to link it to its evidence once stored. */
  statementClaims: StatementClaims;
  note: string;
}

/** What `canon ingest --json` prints for a source, what the API answers and the /ingest page shows. */
export interface IngestSummary {
  source: { id: string; title: string; kind: string };
  levels: CrosswalkEntry[];
  claims: Record<ClaimKind, number>;
  warnings: string[];
  /** False when the same content was stored before, or when it was only read (nothing changed). */
  stored: boolean;
  /** Proposals for canonical profiles: stored ones, or when only read, the ones storing would make. */
  proposals: {
    profileCode: string;
    responsibilities: number;
    aliases: number;
    skills: number;
    experience: boolean;
  }[];
}

/** An ingested document as stored: its text, its levels' crosswalk and who brought it in. */
export interface StoredDocument {
  sourceId: string;
  contentHash: string;
  name: string;
  format: string;
  ladder: string | null;
  body: string;
  levels: CrosswalkEntry[];
  warnings: string[];
  ingestedBy: string;
  ingestedAt: string;
}

/** One stored claim of a document, with where it sits and the canonical level of its source level. */
export interface EvidenceRow {
  id: number;
  sourceId: string;
  kind: ClaimKind;
  subtype: string | null;
  text: string;
  levelLabel: string | null;
  canonicalLevel: string | null;
  sectionPath: string[];
  startOffset: number;
  endOffset: number;
  details: Record<string, unknown> | null;
}

/** Where a claim sits in its document: all a page needs to mark it. */
export type EvidenceSpan = Pick<EvidenceRow, 'id' | 'kind' | 'startOffset' | 'endOffset'>;

/** A stored proposal of a document for one profile, open until applied to its draft. */
export interface SourceProposal {
  id: number;
  sourceId: string;
  profileCode: string;
  proposal: Proposal;
  note: string;
  status: 'open' | 'applied';
  createdAt: string;
}
