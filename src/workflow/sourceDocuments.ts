import type { DocumentInput, EvidenceRow, EvidenceSpan, StoredDocument } from '../core/evidence.js';
import type { Actor } from '../core/roles.js';
import {
  countEvidence,
  readEvidence,
  readEvidenceSpans,
  readStoredDocument,
} from '../store/documentRepository.js';
import { type IngestDeps, type IngestOptions, type IngestResult, ingestSources } from './ingestSources.js';

/** Ingested documents as the HTTP layer sees them: ingest (or only read), and read back with their evidence. */
export interface SourceDocuments {
  /** Reads documents and, unless `store` is false, stores them: see ingestSources. */
  ingest(actor: Actor, inputs: DocumentInput[], options: IngestOptions): Promise<IngestResult>;
  document(sourceId: string): Promise<StoredDocument | null>;
  /** One page of the evidence, in document order. */
  evidence(sourceId: string, page: { limit: number; offset: number }): Promise<EvidenceRow[]>;
  countEvidence(sourceId: string): Promise<number>;
  /** Where every claim sits, in document order. */
  spans(sourceId: string): Promise<EvidenceSpan[]>;
}

export function sourceDocuments(deps: IngestDeps): SourceDocuments {
  return {
    ingest: (actor, inputs, options) => ingestSources(deps, actor, inputs, options),
    document: (id) => readStoredDocument(deps.db, id),
    evidence: (id, page) => readEvidence(deps.db, id, page),
    countEvidence: (id) => countEvidence(deps.db, id),
    spans: (id) => readEvidenceSpans(deps.db, id),
  };
}
