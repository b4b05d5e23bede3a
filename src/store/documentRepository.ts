import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Proposal } from '../core/content/applyProposal.js';
import type {
  Claim,
  CrosswalkEntry,
  EvidenceRow,
  EvidenceSpan,
  SourceProposal,
  StatementClaims,
  StoredDocument,
} from '../core/evidence.js';
import type { EvidenceRef, SourceKind } from '../core/taxonomy.js';
import type { CanonDb } from './openStore.js';
import { documents, evidence, sourceProposals, sources } from './schema.js';

export interface NewDocument {
  sourceId: string;
  contentHash: string;
  name: string;
  title: string;
  kind: SourceKind;
  format: string;
  ladder: string | null;
  body: string;
  levels: CrosswalkEntry[];
  warnings: string[];
  claims: Claim[];
  proposals: {
    profileCode: string;
    proposal: Proposal;
    statementClaims: StatementClaims;
    note: string;
  }[];
}

/** Evidence rows per INSERT: some 30 ms each in the embedded store. */
const EVIDENCE_BATCH = 100;

/**
 * Stores a read document as a source with its evidence, inside the caller's
 * transaction. A document whose content hash is already stored changes nothing
 * — also when it is being stored by another transaction at this moment.
 */
export async function saveDocument(
  tx: CanonDb,
  actor: string,
  doc: NewDocument,
): Promise<{ created: boolean; claims: number }> {
  // The id comes from the content hash, so a taken id is this document: stored before, or by an
  // upload of the same bytes still in flight (the insert waits for it to commit). A check before
  // the insert could not see that one.
  const [inserted] = await tx
    .insert(sources)
    .values({
      id: doc.sourceId,
      title: doc.title,
      kind: doc.kind,
      publisher: null,
      url: null,
      note: `Ingested from ${doc.name}${doc.ladder ? ` (ladder ${doc.ladder})` : ''}`,
      origin: 'ingested',
    })
    .onConflictDoNothing({ target: sources.id })
    .returning({ id: sources.id });
  if (!inserted) return { created: false, claims: 0 };
  await tx.insert(documents).values({
    sourceId: doc.sourceId,
    contentHash: doc.contentHash,
    name: doc.name,
    format: doc.format,
    ladder: doc.ladder,
    body: doc.body,
    levels: doc.levels,
    warnings: doc.warnings,
    ingestedBy: actor,
  });
  const canonical = new Map(doc.levels.map((l) => [l.label, l.canonical.code]));
  const rows = doc.claims.map((c) => ({
    sourceId: doc.sourceId,
    kind: c.kind,
    subtype: c.subtype,
    text: c.text,
    levelLabel: c.level,
    canonicalLevel: c.level ? (canonical.get(c.level) ?? null) : null,
    sectionPath: c.sectionPath,
    startOffset: c.start,
    endOffset: c.end,
    details:
      c.years || c.from || c.to ? { years: c.years ?? null, from: c.from ?? null, to: c.to ?? null } : null,
  }));
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += EVIDENCE_BATCH) {
    // The embedded store runs on the server's one thread and answers in microtasks: without a turn
    // of the event loop before each batch, a thousand claims would hold every other request for 0.5 s.
    await new Promise((resolve) => setImmediate(resolve));
    ids.push(
      ...(
        await tx
          .insert(evidence)
          .values(rows.slice(i, i + EVIDENCE_BATCH))
          .returning({ id: evidence.id })
      ).map((r) => r.id),
    );
  }
  if (doc.proposals.length > 0)
    await tx.insert(sourceProposals).values(
      doc.proposals.map((p) => ({
        sourceId: doc.sourceId,
        profileCode: p.profileCode,
        proposal: withEvidence(p.proposal, p.statementClaims, (i) => ids[i], doc.sourceId),
        note: p.note,
      })),
    );
  return { created: true, claims: rows.length };
}

export async function readStoredDocument(db: CanonDb, sourceId: string): Promise<StoredDocument | null> {
  const [row] = await db.select().from(documents).where(eq(documents.sourceId, sourceId));
  return row ?? null;
}

/** One page of a source's evidence, in document order. */
export async function readEvidence(
  db: CanonDb,
  sourceId: string,
  page: { limit: number; offset: number },
): Promise<EvidenceRow[]> {
  return db
    .select()
    .from(evidence)
    .where(eq(evidence.sourceId, sourceId))
    .orderBy(asc(evidence.startOffset), asc(evidence.id))
    .limit(page.limit)
    .offset(page.offset);
}

/**
 * Where each claim of a source sits, without its text and details: what marking a document
 * needs, read in about half the time of whole rows.
 */
export async function readEvidenceSpans(db: CanonDb, sourceId: string): Promise<EvidenceSpan[]> {
  return db
    .select({
      id: evidence.id,
      kind: evidence.kind,
      startOffset: evidence.startOffset,
      endOffset: evidence.endOffset,
    })
    .from(evidence)
    .where(eq(evidence.sourceId, sourceId))
    .orderBy(asc(evidence.startOffset), asc(evidence.id));
}

export async function countEvidence(db: CanonDb, sourceId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(evidence).where(eq(evidence.sourceId, sourceId));
  return row?.n ?? 0;
}

export async function readSourceProposals(
  db: CanonDb,
  where: { sourceId?: string; profileCode?: string; status?: 'open' | 'applied' },
): Promise<SourceProposal[]> {
  const conditions = [
    ...(where.sourceId ? [eq(sourceProposals.sourceId, where.sourceId)] : []),
    ...(where.profileCode ? [eq(sourceProposals.profileCode, where.profileCode)] : []),
    ...(where.status ? [eq(sourceProposals.status, where.status)] : []),
  ];
  return db
    .select()
    .from(sourceProposals)
    .where(and(...conditions))
    .orderBy(asc(sourceProposals.id));
}

export async function markProposalsApplied(db: CanonDb, ids: number[]): Promise<void> {
  if (ids.length > 0)
    await db.update(sourceProposals).set({ status: 'applied' }).where(inArray(sourceProposals.id, ids));
}

/** The proposal with each suggested statement pointing at the evidence row of the claim it came from. */
function withEvidence(
  proposal: Proposal,
  claims: StatementClaims,
  idOf: (claimIndex: number) => number | undefined,
  source: string,
): Proposal {
  const link = <T extends { evidence?: EvidenceRef[] }>(item: T, index: number | undefined): T => {
    const id = index === undefined ? undefined : idOf(index);
    return id === undefined ? item : { ...item, evidence: [{ source, id }] };
  };
  const add = proposal.add ?? {};
  const experience = proposal.set?.experience;
  return {
    ...proposal,
    ...(experience
      ? { set: { ...proposal.set, experience: link(experience, claims.experience ?? undefined) } }
      : {}),
    add: {
      ...(add.responsibilities
        ? { responsibilities: add.responsibilities.map((s, k) => link(s, claims.responsibilities[k])) }
        : {}),
      ...(add.aliases ? { aliases: add.aliases.map((s, k) => link(s, claims.aliases[k])) } : {}),
      ...(add.skills ? { skills: add.skills.map((s, k) => link(s, claims.skills[k])) } : {}),
    },
  };
}
