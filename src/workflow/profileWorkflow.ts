import { isDeepStrictEqual } from 'node:util';
import { eq } from 'drizzle-orm';
import type { AuditEntry, AuditQuery } from '../core/audit.js';
import { Catalog } from '../core/catalog.js';
import { applyProposal, citedSources, type Proposal } from '../core/content/applyProposal.js';
import { diffContent, type SectionDiff } from '../core/content/diffContent.js';
import type { Draft, ProfileVersion } from '../core/content/history.js';
import { contentOf, type ProfileContent, withContent } from '../core/content/profileContent.js';
import { CanonError, quote } from '../core/errors.js';
import { type Review, reviewProfile } from '../core/review/reviewProfile.js';
import { type Actor, requireRole } from '../core/roles.js';
import type { ProfileStatus } from '../core/taxonomy.js';
import type { VersionRef } from '../core/versionRef.js';
import { readAudit } from '../store/auditRepository.js';
import { markProposalsApplied, readSourceProposals } from '../store/documentRepository.js';
import {
  deleteDraft,
  listDrafts,
  lockDraft,
  readDraft,
  saveDraft,
  setDraftStatus,
} from '../store/draftRepository.js';
import type { CanonDb } from '../store/openStore.js';
import { insertVersion, readVersion, readVersions } from '../store/profileVersionRepository.js';
import { profiles } from '../store/schema.js';
import { auditedWrite } from './auditedWrite.js';

export interface WorkflowDeps {
  db: CanonDb;
  catalog: () => Catalog;
  /** Re-reads the store into a new catalog snapshot after a write. */
  reload: () => Promise<void>;
}

export interface ReviewedDraft {
  draft: Draft;
  review: Review;
}

/**
 * The life of a profile: propose → draft → in review → approved (a new
 * immutable version) or retired. Every write checks the actor's role, runs in
 * one transaction with its audit entry, and swaps in a new catalog snapshot.
 */
export class ProfileWorkflow {
  private readonly draftReviews = new WeakMap<Catalog, Map<string, Review>>();
  /** Versions never change, so a pinned catalog lives as long as the snapshot it was built on. */
  private readonly pinned = new WeakMap<Catalog, Map<string, Promise<Catalog>>>();

  constructor(private readonly deps: WorkflowDeps) {}

  /**
   * Applies a proposal to the open draft, or to the current content in a new
   * draft. With `revision` — the draft revision the proposal was written
   * against, 0 for the current content when there was no draft — a draft that
   * changed meanwhile is a conflict; without it the proposal applies to the
   * draft as it is now. Either way it applies exactly once, and the draft
   * returned is the one it made, whoever wrote next.
   */
  async propose(
    actor: Actor,
    code: string,
    proposal: Proposal,
    options: { note?: string; revision?: number } = {},
  ): Promise<ReviewedDraft> {
    return this.changeDraft(actor, code, options.revision, async () => ({ proposal, note: options.note }));
  }

  /**
   * Turns the factory's open proposals for a profile (from one source, or from
   * all) into its draft. Statements the draft already has are left out rather
   * than refused; the proposals are marked applied in the same transaction, so
   * two callers at once cannot both apply them.
   */
  async proposeFromSources(actor: Actor, code: string, sourceId?: string): Promise<ReviewedDraft> {
    return this.changeDraft(actor, code, undefined, async (tx, base) => {
      const open = await readSourceProposals(tx, {
        profileCode: code,
        status: 'open',
        ...(sourceId ? { sourceId } : {}),
      });
      if (open.length === 0)
        throw new CanonError(
          'not_found',
          `No open proposals for ${code}${sourceId ? ` from ${quote(sourceId)}` : ''}; ingest a document that maps to it first.`,
        );
      const added = open.map((p) => p.proposal.add ?? {});
      const merged: Proposal = {
        add: {
          responsibilities: newOnly(
            base.responsibilities,
            added.flatMap((a) => a.responsibilities ?? []),
            (s) => s.text,
          ),
          aliases: newOnly(
            base.aliases,
            added.flatMap((a) => a.aliases ?? []),
            (s) => s.text,
          ),
          skills: newOnly(
            base.skills ?? [],
            added.flatMap((a) => a.skills ?? []),
            (s) => s.name.toLowerCase(),
          ),
        },
      };
      const experience = base.experience
        ? undefined
        : open.find((p) => p.proposal.set?.experience)?.proposal.set?.experience;
      if (experience) merged.set = { experience };
      await markProposalsApplied(
        tx,
        open.map((p) => p.id),
      );
      return { proposal: merged, note: open.map((p) => p.note).join('; ') };
    });
  }

  /** Puts the open draft in review, with the panel's verdict for the reviewers to read. */
  async submit(actor: Actor, code: string): Promise<ReviewedDraft> {
    requireRole(actor, 'editor');
    const draft = await this.openDraft(code);
    if (draft.status === 'in_review') return { draft, review: this.reviewDraft(draft) };
    const view = this.deps.catalog().getProfile(code);
    const submitted = await auditedWrite(this.deps.db, actor, 'editor', async (tx) => {
      const row = await setDraftStatus(tx, code, 'in_review');
      if (!row) throw gone(code);
      if (view.record.version === null) await setProfileStatus(tx, code, 'in_review');
      return {
        result: row,
        audit: {
          action: 'draft.submit',
          target: code,
          before: { status: draft.status, revision: draft.revision },
          after: { status: 'in_review', revision: row.revision },
          note: null,
        },
      };
    });
    await this.deps.reload();
    return { draft: submitted, review: this.reviewDraft(submitted) };
  }

  /**
   * Turns the draft in review into the next version. The panel must pass it;
   * when `revision` is given it must still be the draft's, so an approver
   * approves exactly what they read. Of two approvals racing, one wins and the
   * other gets a conflict.
   */
  async approve(
    actor: Actor,
    code: string,
    options: { note?: string; revision?: number } = {},
  ): Promise<ProfileVersion> {
    requireRole(actor, 'approver');
    this.deps.catalog().getProfile(code);
    // Nothing to approve is a conflict, not a missing resource: most often someone approved it a moment ago.
    const draft = await readDraft(this.deps.db, code);
    if (!draft)
      throw new CanonError(
        'conflict',
        `${code} has no draft to approve; if one was in review, it has just been approved or withdrawn — see its history.`,
      );
    if (draft.status !== 'in_review')
      throw new CanonError('conflict', `The draft of ${code} is not in review yet; submit it first.`);
    if (options.revision !== undefined && options.revision !== draft.revision)
      throw staleRevision(code, options.revision, draft.revision);
    const review = this.reviewDraft(draft);
    if (!review.passed) {
      const weakest = Object.entries(review.scores).sort((a, b) => a[1] - b[1])[0];
      throw new CanonError(
        'review_failed',
        `The review panel does not pass this draft of ${code}: lowest score ${review.minimum}${weakest ? ` (${weakest[0]})` : ''}, ${review.findings.length} finding(s). See its review before approving.`,
        { details: { review } },
      );
    }
    const version = await auditedWrite(this.deps.db, actor, 'approver', async (tx) => {
      const locked = await readDraft(tx, code, true);
      if (locked?.status !== 'in_review') throw gone(code);
      if (locked.revision !== draft.revision) throw staleRevision(code, draft.revision, locked.revision);
      const [previous = null] = await readVersions(tx, code, 1);
      const created = await insertVersion(tx, {
        profileCode: code,
        version: (previous?.version ?? 0) + 1,
        content: locked.content,
        review,
        approvedBy: actor.id,
        note: options.note ?? null,
      });
      await setProfileStatus(tx, code, 'approved');
      await deleteDraft(tx, code);
      return {
        result: created,
        audit: {
          action: 'profile.approve',
          target: code,
          before: previous ? { version: previous.version, content: previous.content } : null,
          after: { version: created.version, content: created.content },
          note: options.note ?? null,
        },
      };
    });
    await this.deps.reload();
    return version;
  }

  /**
   * Takes a profile out of use, closing its open draft; its versions stay readable. A new draft,
   * submitted and approved, brings it back.
   */
  async retire(actor: Actor, code: string, note?: string): Promise<void> {
    requireRole(actor, 'approver');
    const view = this.deps.catalog().getProfile(code);
    if (view.record.status === 'retired') throw new CanonError('conflict', `${code} is already retired.`);
    await auditedWrite(this.deps.db, actor, 'approver', async (tx) => {
      await setProfileStatus(tx, code, 'retired');
      // A retired profile has nothing to review: its open draft closes with it and leaves the queue.
      const draft = await readDraft(tx, code, true);
      if (draft) await deleteDraft(tx, code);
      return {
        result: undefined,
        audit: {
          action: 'profile.retire',
          target: code,
          before: {
            status: view.record.status,
            ...(draft ? { draft: { status: draft.status, revision: draft.revision } } : {}),
          },
          after: { status: 'retired' },
          note: note ?? null,
        },
      };
    });
    await this.deps.reload();
  }

  /**
   * The one way a draft's content changes. Under the profile's draft lock it
   * reads what the change applies to — the open draft, or else the newest
   * version in the store (fresher than a snapshot an approval has not replaced
   * yet) — checks the revision the caller expects, lets `change` build the
   * proposal (inside the transaction, where it may write rows of its own), and
   * saves the result with its audit entry.
   */
  private async changeDraft(
    actor: Actor,
    code: string,
    expected: number | undefined,
    change: (tx: CanonDb, base: ProfileContent) => Promise<{ proposal: Proposal; note: string | undefined }>,
  ): Promise<ReviewedDraft> {
    requireRole(actor, 'editor');
    const catalog = this.deps.catalog();
    const view = catalog.getProfile(code);
    const draft = await auditedWrite(this.deps.db, actor, 'editor', async (tx) => {
      await lockDraft(tx, code);
      // The row lock as well: submit and approve take only that one.
      const open = await readDraft(tx, code, true);
      const revision = open?.revision ?? 0;
      if (expected !== undefined && expected !== revision) throw staleRevision(code, expected, revision);
      const [latest] = open ? [] : await readVersions(tx, code, 1);
      const base = open?.content ?? latest?.content ?? contentOf(catalog.taxonomy, code);
      const { proposal, note } = await change(tx, base);
      const content = applyProposal(base, proposal);
      const unknown = citedSources(content).filter((id) => !catalog.findSource(id));
      if (unknown.length > 0)
        throw new CanonError(
          'invalid_input',
          `The proposal cites sources Canon does not hold: ${unknown.map((u) => quote(u)).join(', ')}. Add them first, or cite one of /api/sources.`,
        );
      const baseVersion = open ? open.baseVersion : (latest?.version ?? view.record.version);
      const saved = await saveDraft(tx, {
        profileCode: code,
        baseVersion,
        content,
        notes: [...(open?.notes ?? []), ...(note ? [note] : [])],
        actor: actor.id,
      });
      if (baseVersion === null) await setProfileStatus(tx, code, 'draft');
      return {
        result: saved,
        audit: {
          action: 'draft.save',
          target: code,
          before: open?.content ?? null,
          after: content,
          note: note ?? null,
        },
      };
    });
    await this.deps.reload();
    return { draft, review: this.reviewDraft(draft) };
  }

  async draft(code: string): Promise<ReviewedDraft> {
    const draft = await this.openDraft(code);
    return { draft, review: this.reviewDraft(draft) };
  }

  /** Open drafts, oldest change first, each with the panel's verdict. */
  async queue(): Promise<ReviewedDraft[]> {
    const catalog = this.deps.catalog();
    const drafts = (await listDrafts(this.deps.db)).filter((d) => catalog.findProfile(d.profileCode));
    return drafts.map((draft) => ({ draft, review: this.reviewDraft(draft) }));
  }

  async history(code: string): Promise<ProfileVersion[]> {
    this.deps.catalog().getProfile(code);
    return readVersions(this.deps.db, code);
  }

  async version(code: string, version: number): Promise<ProfileVersion> {
    this.deps.catalog().getProfile(code);
    const found = await readVersion(this.deps.db, code, version);
    if (!found) throw new CanonError('not_found', `${code} has no version ${version}.`);
    return found;
  }

  /** A catalog in which the profile reads as the given version: how the API pins `?version=`. */
  catalogAt(code: string, version: number): Promise<Catalog> {
    const current = this.deps.catalog();
    const pinned = this.pinned.get(current) ?? new Map<string, Promise<Catalog>>();
    this.pinned.set(current, pinned);
    const key = `${code}@${version}`;
    let found = pinned.get(key);
    if (!found) {
      found = this.version(code, version).then((v) => {
        const overlay = new Map([
          [code, { content: v.content, version: v.version, status: 'approved' as const }],
        ]);
        return new Catalog(withContent(current.taxonomy, overlay));
      });
      // A failed read (no such version) is not remembered.
      found.catch(() => pinned.delete(key));
      if (pinned.size > 100) pinned.clear();
      pinned.set(key, found);
    }
    return found;
  }

  async diff(code: string, from: VersionRef, to: VersionRef): Promise<SectionDiff[]> {
    const [a, b] = await Promise.all([this.contentAt(code, from), this.contentAt(code, to)]);
    return diffContent(a, b);
  }

  async audit(actor: Actor, query: AuditQuery): Promise<AuditEntry[]> {
    requireRole(actor, 'admin');
    return readAudit(this.deps.db, query);
  }

  private async contentAt(code: string, ref: VersionRef): Promise<ProfileContent> {
    return ref === 'draft' ? (await this.openDraft(code)).content : (await this.version(code, ref)).content;
  }

  private async openDraft(code: string): Promise<Draft> {
    this.deps.catalog().getProfile(code);
    const draft = await readDraft(this.deps.db, code);
    if (!draft)
      throw new CanonError('not_found', `${code} has no open draft; propose a change to start one.`);
    return draft;
  }

  /** The panel on the draft as if it were live, beside every other profile as they are. */
  private reviewDraft(draft: Draft): Review {
    const catalog = this.deps.catalog();
    const reviews = this.draftReviews.get(catalog) ?? new Map<string, Review>();
    this.draftReviews.set(catalog, reviews);
    const key = `${draft.profileCode}@${draft.revision}`;
    let review = reviews.get(key);
    if (!review) {
      // A draft that says what the snapshot already says (the built-in files open one for every
      // profile they call a draft: hundreds) is reviewed on the snapshot, with the indexes it
      // shares, instead of on a catalog of its own.
      const unchanged = isDeepStrictEqual(draft.content, contentOf(catalog.taxonomy, draft.profileCode));
      const overlay = new Map([[draft.profileCode, { content: draft.content }]]);
      review = reviewProfile(
        unchanged ? catalog : new Catalog(withContent(catalog.taxonomy, overlay)),
        draft.profileCode,
      );
      reviews.set(key, review);
    }
    return review;
  }
}

async function setProfileStatus(tx: CanonDb, code: string, status: ProfileStatus): Promise<void> {
  await tx.update(profiles).set({ status }).where(eq(profiles.code, code));
}

function gone(code: string): CanonError {
  return new CanonError('conflict', `The draft of ${code} was approved or withdrawn meanwhile.`);
}

/** The current revision goes in `details`, so a client can re-read and retry without parsing the message. */
function staleRevision(code: string, expected: number, actual: number): CanonError {
  return new CanonError(
    'conflict',
    `The draft of ${code} is at revision ${actual}${actual === 0 ? ' (there is no open draft)' : ''}, not ${expected}: it changed since it was read. Read it again.`,
    { details: { revision: actual } },
  );
}

/** The items of `incoming` whose key neither `existing` nor an earlier incoming item has. */
function newOnly<T>(existing: readonly T[], incoming: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set(existing.map(key));
  return incoming.filter((item) => !seen.has(key(item)) && Boolean(seen.add(key(item))));
}
