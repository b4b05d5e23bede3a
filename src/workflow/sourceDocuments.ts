import type { Actor } from '../core/roles.js';
import type { DocumentInput } from '../factory/parse/parseDocument.js';
import type { ReadDocument } from '../factory/readDocument.js';
import {
  countEvidence,
  type EvidenceRow,
  type EvidenceSpan,
  readEvidence,
  readEvidenceSpans,
  readStoredDocument,
  type StoredDocument,
} from '../store/documentRepository.js';
import { type IngestDeps, type IngestResult, ingestSources } from './ingestSources.js';

/** Ingested documents as the HTTP layer sees them: read without storing, ingest, and read back with their evidence. */
export interface SourceDocuments {
  read(input: DocumentInput): Promise<ReadDocument>;
  ingest(actor: Actor, inputs: DocumentInput[], ladder: string | null): Promise<IngestResult>;
  document(sourceId: string): Promise<StoredDocument | null>;
  /** One page of the evidence, in document order. */
  evidence(sourceId: string, page: { limit: number; offset: number }): Promise<EvidenceRow[]>;
  countEvidence(sourceId: string): Promise<number>;
  /** Where every claim sits, in document order. */
  spans(sourceId: string): Promise<EvidenceSpan[]>;
}

export function sourceDocuments(deps: IngestDeps): SourceDocuments {
  return {
    read: deps.read,
    ingest: (actor, inputs, ladder) => ingestSources(deps, actor, inputs, { ladder }),
    document: (id) => readStoredDocument(deps.db, id),
    evidence: (id, page) => readEvidence(deps.db, id, page),
    countEvidence: (id) => countEvidence(deps.db, id),
    spans: (id) => readEvidenceSpans(deps.db, id),
  };
}
