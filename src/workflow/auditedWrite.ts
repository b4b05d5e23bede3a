import type { NewAuditEntry } from '../core/audit.js';
import {
  type Actor,
  type Role,
  requireRole,
  requireWorkspaceRole,
  type WorkspaceNeed,
} from '../core/roles.js';
import { appendAudit } from '../store/auditRepository.js';
import type { CanonDb } from '../store/openStore.js';

/** What a write did, and the audit entry that says so; null when it changed nothing (nothing is logged). */
export interface AuditedChange<T> {
  result: T;
  audit: Omit<NewAuditEntry, 'actor'> | null;
}

/**
 * The one shape of every write in Canon: the actor's role is checked (in a workspace, for a company's data), then the change and its audit
 * entry land in one transaction, or neither does. Repositories only persist, inside the transaction
 * they are given; the caller reloads the catalog afterwards when the change shows in it.
 */
export async function auditedWrite<T>(
  db: CanonDb,
  actor: Actor,
  need: Role | WorkspaceNeed,
  change: (tx: CanonDb) => Promise<AuditedChange<T>>,
): Promise<T> {
  if (typeof need === 'string') requireRole(actor, need);
  else requireWorkspaceRole(actor, need);
  return db.transaction(async (tx) => {
    const { result, audit } = await change(tx);
    if (audit) await appendAudit(tx, { actor: actor.id, ...audit });
    return result;
  });
}
