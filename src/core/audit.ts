/** The audit log's entries as plain records: who did what to which target, before and after. */

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

export interface AuditQuery {
  target?: string;
  actor?: string;
  /** Entries older than this id, for paging backwards. */
  beforeId?: number;
  limit: number;
}
