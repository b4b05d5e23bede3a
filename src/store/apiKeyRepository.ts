import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Role } from '../core/roles.js';
import type { CanonDb } from './openStore.js';
import { apiKeys } from './schema.js';

export interface StoredKey {
  id: string;
  name: string;
  role: Role;
  salt: string;
  hash: string;
  /** The workspace the key is scoped to; null for the shared taxonomy's keys. */
  workspace: string | null;
  createdAt: string;
  revokedAt: string | null;
}

const COLUMNS = {
  id: apiKeys.id,
  name: apiKeys.name,
  role: apiKeys.role,
  salt: apiKeys.salt,
  hash: apiKeys.hash,
  workspace: apiKeys.workspaceId,
  createdAt: apiKeys.createdAt,
  revokedAt: apiKeys.revokedAt,
};

export async function insertKey(
  db: CanonDb,
  key: Pick<StoredKey, 'id' | 'name' | 'role' | 'salt' | 'hash'> & { workspace?: string | null },
) {
  const { workspace = null, ...rest } = key;
  await db.insert(apiKeys).values({ ...rest, workspaceId: workspace });
}

/** A key that has not been revoked, by its public id. */
export async function findActiveKey(db: CanonDb, id: string): Promise<StoredKey | null> {
  const [row] = await db
    .select(COLUMNS)
    .from(apiKeys)
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
  return row ?? null;
}

/** Every key, revoked ones too, oldest first; with a workspace, only that workspace's. */
export async function listKeys(db: CanonDb, workspace?: string): Promise<StoredKey[]> {
  return db
    .select(COLUMNS)
    .from(apiKeys)
    .where(workspace === undefined ? undefined : eq(apiKeys.workspaceId, workspace))
    .orderBy(asc(apiKeys.createdAt));
}

/**
 * Marks a key revoked; returns false when no active key has that id (in `workspace`, when one is given:
 * a key of another workspace or of the shared taxonomy is not there).
 */
export async function revokeKey(db: CanonDb, id: string, workspace?: string): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: new Date().toISOString() })
    .where(
      and(
        eq(apiKeys.id, id),
        isNull(apiKeys.revokedAt),
        workspace === undefined ? undefined : eq(apiKeys.workspaceId, workspace),
      ),
    )
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}
