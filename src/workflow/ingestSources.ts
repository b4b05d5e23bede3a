import type { Catalog } from '../core/catalog.js';
import { CanonError } from '../core/errors.js';
import { countClaims, type DocumentInput, type IngestSummary } from '../core/evidence.js';
import type { Actor } from '../core/roles.js';
import { requireRole } from '../core/roles.js';
import type { ReadDocument } from '../factory/readDocument.js';
import { readSources, type SourceReading } from '../factory/readSources.js';
import type { TitleResolver } from '../resolve/titleResolver.js';
import { saveDocument } from '../store/documentRepository.js';
import type { CanonDb } from '../store/openStore.js';
import { auditedWrite } from './auditedWrite.js';

export interface IngestDeps {
  db: CanonDb;
  reload: () => Promise<void>;
  catalog: () => Catalog;
  resolver: () => Promise<TitleResolver>;
  /** Reads one document: parse → segment → extract, off the main thread (runtime/openCanon.ts). */
  read: (input: DocumentInput) => Promise<ReadDocument>;
}

export interface IngestOptions {
  /** The ladder's name when the documents are its files, read together. */
  ladder?: string | null;
  /**
   * False to read without storing (the /ingest form): any reader may, nothing is written and
   * nothing audited. True (the default) stores each document, and needs an editor.
   */
  store?: boolean;
  onProgress?: (done: number, total: number, name: string) => void;
}

export interface IngestResult {
  sources: IngestSummary[];
  /** Documents in which no level was found, with why; none of them was stored. */
  skipped: { name: string; warnings: string[] }[];
}

/**
 * The one way a document enters Canon, for the CLI, the API and the /ingest form: the factory's
 * pipeline (readSources.ts) reads every document, then each is stored as a source with its evidence
 * and proposals, one audited write per document (a failure keeps the ones before it), and the
 * catalog reloads. Storing refuses when no document has a level, so a bad upload stores
 * nothing at all.
 */
export async function ingestSources(
  deps: IngestDeps,
  actor: Actor,
  inputs: readonly DocumentInput[],
  options: IngestOptions = {},
): Promise<IngestResult> {
  const store = options.store ?? true;
  requireRole(actor, store ? 'editor' : 'viewer');
  const read = await readSources(inputs, {
    ladder: options.ladder ?? null,
    read: deps.read,
    propose: { catalog: deps.catalog(), resolver: await deps.resolver() },
  });
  if (!store)
    return { sources: read.sources.map((s) => summarize(s, false, s.proposals)), skipped: read.skipped };
  if (read.sources.length === 0)
    throw new CanonError(
      'invalid_input',
      `No level found in ${inputs.length === 1 ? 'the document' : `any of the ${inputs.length} documents`}; nothing was stored. ${read.skipped[0]?.warnings[0] ?? ''}`.trim(),
      { details: { skipped: read.skipped } },
    );
  const sources: IngestSummary[] = [];
  for (const [i, s] of read.sources.entries()) {
    const created = await auditedWrite(deps.db, actor, 'editor', async (tx) => {
      const saved = await saveDocument(tx, actor.id, {
        sourceId: s.sourceId,
        contentHash: s.contentHash,
        name: s.read.name,
        title: s.title,
        kind: s.kind,
        format: s.read.tree.format,
        ladder: options.ladder ?? null,
        body: s.read.tree.text,
        levels: s.crosswalk,
        warnings: s.read.warnings,
        claims: s.read.claims,
        proposals: s.proposals,
      });
      return {
        result: saved.created,
        audit: saved.created
          ? {
              action: 'source.ingest',
              target: s.sourceId,
              before: null,
              after: {
                name: s.read.name,
                levels: s.crosswalk.map((l) => `${l.label} → ${l.canonical.code}`),
                claims: saved.claims,
              },
              note: null,
            }
          : null,
      };
    });
    // Content stored before keeps the proposals it made then; none are stored (or reported) again.
    sources.push(summarize(s, created, created ? s.proposals : []));
    options.onProgress?.(i + 1, read.sources.length, s.read.name);
  }
  if (sources.some((s) => s.stored)) await deps.reload();
  return { sources, skipped: read.skipped };
}

function summarize(s: SourceReading, stored: boolean, proposals: SourceReading['proposals']): IngestSummary {
  return {
    source: { id: s.sourceId, title: s.title, kind: s.kind },
    levels: s.crosswalk,
    claims: countClaims(s.read.claims),
    warnings: s.read.warnings,
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
