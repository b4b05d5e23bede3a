import { and, desc, eq, lt, max, type SQL, sql } from 'drizzle-orm';
import type { AuditEntry, AuditQuery, NewAuditEntry } from '../core/audit.js';
import type { CanonDb } from './openStore.js';
import { auditLog, storeMeta } from './schema.js';

const REVISION_KEY = 'revision';

/**
 * Appends to the log; call it inside the write's own transaction so both land
 * or neither does. Every audited write also advances the store's revision,
 * which each server polls to learn that its snapshot is stale.
 */
export async function appendAudit(db: CanonDb, entry: NewAuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
  await db
    .insert(storeMeta)
    .values({ key: REVISION_KEY, value: '1' })
    .onConflictDoUpdate({
      target: storeMeta.key,
      set: { value: sql`(${storeMeta.value}::bigint + 1)::text` },
    });
}

/** The store's revision: it changes whenever an audited write lands. */
export async function readRevision(db: CanonDb): Promise<string> {
  const [row] = await db.select().from(storeMeta).where(eq(storeMeta.key, REVISION_KEY));
  return row?.value ?? '0';
}

/**
 * The id of a target's newest audit entry, or 0: it moves with every write to that target, each
 * audited in the write's own transaction, so a reader can tell its copy is still current.
 */
export async function readTargetRevision(db: CanonDb, target: string): Promise<number> {
  const [row] = await db
    .select({ id: max(auditLog.id) })
    .from(auditLog)
    .where(eq(auditLog.target, target));
  return Number(row?.id ?? 0);
}

/** Newest first. */
export async function readAudit(db: CanonDb, query: AuditQuery): Promise<AuditEntry[]> {
  const where: SQL[] = [];
  if (query.target) where.push(eq(auditLog.target, query.target));
  if (query.actor) where.push(eq(auditLog.actor, query.actor));
  if (query.beforeId !== undefined) where.push(lt(auditLog.id, query.beforeId));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(query.limit);
}
