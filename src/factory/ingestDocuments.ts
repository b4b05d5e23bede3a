import { createHash } from 'node:crypto';
import type { ClaimKind } from './extractClaims.js';
import type { DocumentInput } from './parse/parseDocument.js';
import { countClaims, type ReadDocument, readDocument, readLadder } from './readDocument.js';

/** What `canon ingest --json` prints for a source, and what the API answers. */
export interface IngestSummary {
  source: { id: string; title: string; kind: string };
  levels: {
    label: string;
    titles: string[];
    canonical: { code: string; track: string; rank: number; title: string };
    confidence: number;
    reason: string;
  }[];
  claims: Record<ClaimKind, number>;
  warnings: string[];
  /** False when the same content was stored before (nothing changed). */
  stored: boolean;
  /** Proposals made for canonical profiles (none when the content was stored before). */
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
 * Reads documents (together, as one ladder, when `ladder` is given) and gives
 * each its source id and content hash. Documents with no level are kept out
 * with a warning: nothing about them would be evidence of anything.
 */
export async function prepareDocuments(
  inputs: readonly DocumentInput[],
  ladder: string | null,
): Promise<{ prepared: PreparedDocument[]; skipped: ReadDocument[] }> {
  const reads = ladder ? await readLadder(inputs) : await Promise.all(inputs.map((i) => readDocument(i)));
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
    const single = read.levels.length === 1 && read.levels[0]?.section === read.tree.root;
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

export function summarize(p: PreparedDocument, stored: boolean): IngestSummary {
  return {
    source: { id: p.sourceId, title: p.title, kind: p.kind },
    levels: p.read.crosswalk,
    claims: countClaims(p.read.claims),
    warnings: p.read.warnings,
    stored,
    proposals: [],
  };
}
