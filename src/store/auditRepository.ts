import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { CanonDb } from './openStore.js';
import { auditLog } from './schema.js';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
  note: string | null;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

/** Appends to the log; call it inside the write's own transaction so both land or neither does. */
export async function appendAudit(db: CanonDb, entry: NewAuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}

export interface AuditQuery {
  target?: string;
  actor?: string;
  /** Entries older than this id, for paging backwards. */
  beforeId?: number;
  limit: number;
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
