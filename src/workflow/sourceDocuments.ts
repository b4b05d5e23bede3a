import type { Actor } from '../core/roles.js';
import type { DocumentInput } from '../factory/parse/parseDocument.js';
import type { ReadDocument } from '../factory/readDocument.js';
import {
  type EvidenceRow,
  readEvidence,
  readStoredDocument,
  type StoredDocument,
} from '../store/documentRepository.js';
import { type IngestDeps, type IngestResult, ingestSources } from './ingestSources.js';

/** Ingested documents as the HTTP layer sees them: read without storing, ingest, and read back with their evidence. */
export interface SourceDocuments {
  read(input: DocumentInput): Promise<ReadDocument>;
  ingest(actor: Actor, inputs: DocumentInput[], ladder: string | null): Promise<IngestResult>;
  document(sourceId: string): Promise<StoredDocument | null>;
  evidence(sourceId: string): Promise<EvidenceRow[]>;
}

export function sourceDocuments(deps: IngestDeps): SourceDocuments {
  return {
    read: deps.read,
    ingest: (actor, inputs, ladder) => ingestSources(deps, actor, inputs, { ladder }),
    document: (id) => readStoredDocument(deps.db, id),
    evidence: (id) => readEvidence(deps.db, id),
  };
}
