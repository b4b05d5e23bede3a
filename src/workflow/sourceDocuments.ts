import type { Actor } from '../core/roles.js';
import type { DocumentInput } from '../factory/parse/parseDocument.js';
import {
  type EvidenceRow,
  type EvidenceSpan,
  readEvidence,
  readEvidenceSpans,
  readStoredDocument,
  type StoredDocument,
} from '../store/documentRepository.js';
import { type IngestDeps, type IngestResult, ingestSources } from './ingestSources.js';

/** Ingested documents as the HTTP layer sees them: ingest, and read back with their evidence. */
export interface SourceDocuments {
  ingest(actor: Actor, inputs: DocumentInput[], ladder: string | null): Promise<IngestResult>;
  document(sourceId: string): Promise<StoredDocument | null>;
  evidence(sourceId: string): Promise<EvidenceRow[]>;
  /** Where every claim sits, in document order. */
  spans(sourceId: string): Promise<EvidenceSpan[]>;
}

export function sourceDocuments(deps: IngestDeps): SourceDocuments {
  return {
    ingest: (actor, inputs, ladder) => ingestSources(deps, actor, inputs, { ladder }),
    document: (id) => readStoredDocument(deps.db, id),
    evidence: (id) => readEvidence(deps.db, id),
    spans: (id) => readEvidenceSpans(deps.db, id),
  };
}
