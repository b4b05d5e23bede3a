import { createHash } from 'node:crypto';
import type { Catalog } from '../core/catalog.js';
import type { CrosswalkEntry, DocumentInput, SynthesizedProposal } from '../core/evidence.js';
import type { TitleResolver } from '../resolve/titleResolver.js';
import { crosswalkLevels } from './crosswalkLevels.js';
import { ladderOrder } from './ladderOrder.js';
import { isSingleRole, type ReadDocument, readDocument } from './readDocument.js';
import type { SourceLevel } from './segmentLevels.js';
import { synthesizeProposals } from './synthesizeProposals.js';

/** One document through the whole pipeline: read, its levels crosswalked, identified, and its proposals. */
export interface SourceReading {
  read: ReadDocument;
  /** Each of `read.levels` on Canon's framework, in the same order. */
  crosswalk: CrosswalkEntry[];
  /** `doc-` and the first 12 hex digits of the content hash: the same bytes are always the same source. */
  sourceId: string;
  contentHash: string;
  title: string;
  kind: 'ladder' | 'job_description';
  /** Changes for built-in profiles the levels land on; none when no taxonomy was given to propose to. */
  proposals: SynthesizedProposal[];
}

export interface ReadSources {
  sources: SourceReading[];
  /** Documents in which no level was found, with why: nothing about them would be evidence of anything. */
  skipped: { name: string; warnings: string[] }[];
}

export interface ReadSourcesOptions {
  /** The ladder's name when the documents are its files, read together; null when each stands alone. */
  ladder: string | null;
  /** Reads one document (parse → segment → extract); the server and CLI pass their reader threads. */
  read?: (input: DocumentInput) => Promise<ReadDocument>;
  /** The taxonomy to propose changes to, and the resolver that finds a level's focus in it. */
  propose?: { catalog: Catalog; resolver: TitleResolver };
}

/**
 * The document pipeline, every step once: read → segment → extract (per document, in `read`) →
 * crosswalk → identify → synthesize. A ladder's files that each describe one level are crosswalked
 * as one sequence, in the order ladderOrder.ts finds (level codes, titles, file names, front-matter
 * `weight`, as given), which each one's reason names; any other document is crosswalked on its own.
 */
export async function readSources(
  inputs: readonly DocumentInput[],
  options: ReadSourcesOptions,
): Promise<ReadSources> {
  const reads = await readEach(inputs, options.read ?? readDocument);
  const crosswalks = crosswalkAll(reads, options.ladder !== null);
  const sources: SourceReading[] = [];
  const skipped: ReadSources['skipped'] = [];
  reads.forEach((read, i) => {
    if (read.levels.length === 0) {
      skipped.push({ name: read.name, warnings: read.warnings });
      return;
    }
    const contentHash = createHash('sha256')
      .update(inputs[i]?.bytes ?? new Uint8Array())
      .digest('hex');
    const sourceId = `doc-${contentHash.slice(0, 12)}`;
    const crosswalk = crosswalks[i] ?? [];
    sources.push({
      read,
      crosswalk,
      sourceId,
      contentHash,
      title: read.tree.title,
      kind: isSingleRole(read) && options.ladder === null ? 'job_description' : 'ladder',
      proposals: options.propose
        ? synthesizeProposals(
            { ...read, crosswalk },
            sourceId,
            options.propose.catalog,
            options.propose.resolver,
          )
        : [],
    });
  });
  return { sources, skipped };
}

/** Every document's crosswalk, computed once: jointly for a ladder's one-level files, else per document. */
function crosswalkAll(reads: readonly ReadDocument[], ladder: boolean): CrosswalkEntry[][] {
  const joint = (r: ReadDocument) => ladder && r.levels.length === 1;
  const out = reads.map((r) => (joint(r) ? [] : crosswalkLevels(r.levels, r.claims)));
  const single = reads.flatMap((doc, i) => (joint(doc) ? [{ doc, i }] : []));
  if (single.length === 0) return out;
  const { order, by } = ladderOrder(
    single.map(({ doc }) => ({ name: doc.name, level: doc.levels[0] as SourceLevel, meta: doc.tree.meta })),
  );
  const steps = order.map((k) => single[k] as (typeof single)[number]);
  const entries = crosswalkLevels(
    steps.map(({ doc }) => doc.levels[0] as SourceLevel),
    steps.flatMap(({ doc }) => doc.claims),
  );
  steps.forEach(({ i }, k) => {
    const entry = entries[k] as CrosswalkEntry;
    out[i] = [
      steps.length > 1
        ? { ...entry, reason: `${entry.reason}; the ladder's files in order by ${by}` }
        : entry,
    ];
  });
  return out;
}

/** At most this many documents of one request are handed to the readers at once. */
const READ_AT_ONCE = 4;

/**
 * Reads documents a few at a time, keeping their order: the readers' waiting
 * line is shared by every request, and one upload of many files must not fill it
 * by itself (it would be refused, however often it was sent again).
 */
async function readEach(
  inputs: readonly DocumentInput[],
  read: (input: DocumentInput) => Promise<ReadDocument>,
): Promise<ReadDocument[]> {
  const docs: ReadDocument[] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < inputs.length; i = next++) docs[i] = await read(inputs[i] as DocumentInput);
  };
  await Promise.all(Array.from({ length: Math.min(READ_AT_ONCE, inputs.length) }, lane));
  return docs;
}
