import { createHash } from 'node:crypto';
import type { CrosswalkEntry } from './crosswalkLevels.js';
import type { ClaimKind } from './extractClaims.js';
import type { DocumentInput } from './parse/parseDocument.js';
import { countClaims, isSingleRole, type ReadDocument, readEach, readLadder } from './readDocument.js';
import type { SynthesizedProposal } from './synthesizeProposals.js';

/** What `canon ingest --json` prints for a source, and what the API answers. */
export interface IngestSummary {
  source: { id: string; title: string; kind: string };
  levels: CrosswalkEntry[];
  claims: Record<ClaimKind, number>;
  warnings: string[];
  /** False when the same content was stored before (nothing changed). */
  stored: boolean;
  /** Proposals stored for canonical profiles (none when the content was stored before). */
  proposals: {
    profileCode: string;
    responsibilities: number;
    aliases: number;
    skills: number;
    experience: boolean;
  }[];
}

export interface PreparedDocument {
  read: ReadDocument;
  sourceId: string;
  contentHash: string;
  title: string;
  kind: 'ladder' | 'job_description';
}

/**
 * Reads documents with `read` (together, as one ladder, when `ladder` is
 * given) and gives each its source id and content hash. Documents with no
 * level are kept out with a warning: nothing about them would be evidence of anything.
 */
export async function prepareDocuments(
  inputs: readonly DocumentInput[],
  ladder: string | null,
  read: (input: DocumentInput) => Promise<ReadDocument>,
): Promise<{ prepared: PreparedDocument[]; skipped: ReadDocument[] }> {
  const reads = ladder ? await readLadder(inputs, read) : await readEach(inputs, read);
  const prepared: PreparedDocument[] = [];
  const skipped: ReadDocument[] = [];
  reads.forEach((read, i) => {
    if (read.levels.length === 0) {
      skipped.push(read);
      return;
    }
    const contentHash = createHash('sha256')
      .update(inputs[i]?.bytes ?? new Uint8Array())
      .digest('hex');
    const single = isSingleRole(read);
    prepared.push({
      read,
      sourceId: `doc-${contentHash.slice(0, 12)}`,
      contentHash,
      title: read.tree.title,
      kind: single && !ladder ? 'job_description' : 'ladder',
    });
  });
  return { prepared, skipped };
}

export function summarize(
  p: PreparedDocument,
  stored: boolean,
  proposals: SynthesizedProposal[],
): IngestSummary {
  return {
    source: { id: p.sourceId, title: p.title, kind: p.kind },
    levels: p.read.crosswalk,
    claims: countClaims(p.read.claims),
    warnings: p.read.warnings,
    stored,
    proposals: proposals.map((x) => ({
      profileCode: x.profileCode,
      responsibilities: x.proposal.add?.responsibilities?.length ?? 0,
      aliases: x.proposal.add?.aliases?.length ?? 0,
      skills: x.proposal.add?.skills?.length ?? 0,
      experience: Boolean(x.proposal.set?.experience),
    })),
  };
}
