import type { Actor } from '../core/roles.js';
import type { DocumentInput } from '../factory/parse/parseDocument.js';
import {
  type EvidenceRow,
  readEvidence,
  readStoredDocument,
  type StoredDocument,
} from '../store/documentRepository.js';
import type { CanonDb } from '../store/openStore.js';
import { type IngestResult, ingestSources } from './ingestSources.js';

/** Ingested documents as the HTTP layer sees them: ingest, and read back with their evidence. */
export interface SourceDocuments {
  ingest(actor: Actor, inputs: DocumentInput[], ladder: string | null): Promise<IngestResult>;
  document(sourceId: string): Promise<StoredDocument | null>;
  evidence(sourceId: string): Promise<EvidenceRow[]>;
}

export function sourceDocuments(db: CanonDb, reload: () => Promise<void>): SourceDocuments {
  return {
    ingest: (actor, inputs, ladder) => ingestSources({ db, reload }, actor, inputs, { ladder }),
    document: (id) => readStoredDocument(db, id),
    evidence: (id) => readEvidence(db, id),
  };
}
