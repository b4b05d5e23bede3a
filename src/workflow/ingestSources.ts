import type { Catalog } from '../core/catalog.js';
import { CanonError } from '../core/errors.js';
import type { Actor } from '../core/roles.js';
import { requireRole } from '../core/roles.js';
import { type IngestSummary, prepareDocuments, summarize } from '../factory/ingestDocuments.js';
import type { DocumentInput } from '../factory/parse/parseDocument.js';
import type { ReadDocument } from '../factory/readDocument.js';
import { synthesizeProposals } from '../factory/synthesizeProposals.js';
import type { TitleResolver } from '../resolve/titleResolver.js';
import { saveDocument } from '../store/documentRepository.js';
import type { CanonDb } from '../store/openStore.js';

export interface IngestDeps {
  db: CanonDb;
  reload: () => Promise<void>;
  catalog: () => Catalog;
  resolver: () => Promise<TitleResolver>;
  /** Reads one document: parse → crosswalk, off the main thread (runtime/openCanon.ts). */
  read: (input: DocumentInput) => Promise<ReadDocument>;
}

export interface IngestResult {
  sources: IngestSummary[];
  /** Documents in which no level was found, with why; none of them was stored. */
  skipped: { name: string; warnings: string[] }[];
}

/**
 * Reads documents and stores each as a source with its evidence, one
 * transaction per document (a failure keeps the ones before it). Refuses when
 * no document has a level, so a bad upload stores nothing at all.
 */
export async function ingestSources(
  deps: IngestDeps,
  actor: Actor,
  inputs: readonly DocumentInput[],
  options: { ladder?: string | null; onProgress?: (done: number, total: number, name: string) => void } = {},
): Promise<IngestResult> {
  requireRole(actor, 'editor');
  const { prepared, skipped } = await prepareDocuments(inputs, options.ladder ?? null, deps.read);
  const skippedOut = skipped.map((s) => ({ name: s.name, warnings: s.warnings }));
  if (prepared.length === 0)
    throw new CanonError(
      'invalid_input',
      `No level found in ${inputs.length === 1 ? 'the document' : `any of the ${inputs.length} documents`}; nothing was stored. ${skipped[0]?.warnings[0] ?? ''}`.trim(),
      { details: { skipped: skippedOut } },
    );
  const sources: IngestSummary[] = [];
  const resolver = await deps.resolver();
  for (const [i, p] of prepared.entries()) {
    const proposals = synthesizeProposals(p.read, p.sourceId, deps.catalog(), resolver);
    const { created } = await saveDocument(deps.db, actor.id, {
      sourceId: p.sourceId,
      contentHash: p.contentHash,
      name: p.read.name,
      title: p.title,
      kind: p.kind,
      format: p.read.tree.format,
      ladder: options.ladder ?? null,
      body: p.read.tree.text,
      levels: p.read.crosswalk,
      warnings: p.read.warnings,
      claims: p.read.claims,
      proposals,
    });
    // Content stored before keeps the proposals it made then; none are stored (or reported) again.
    sources.push(summarize(p, created, created ? proposals : []));
    options.onProgress?.(i + 1, prepared.length, p.read.name);
  }
  if (sources.some((s) => s.stored)) await deps.reload();
  return { sources, skipped: skippedOut };
}
