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
  createdAt: string;
  revokedAt: string | null;
}

export async function insertKey(db: CanonDb, key: Pick<StoredKey, 'id' | 'name' | 'role' | 'salt' | 'hash'>) {
  await db.insert(apiKeys).values(key);
}

/** A key that has not been revoked, by its public id. */
export async function findActiveKey(db: CanonDb, id: string): Promise<StoredKey | null> {
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
  return row ?? null;
}

export async function listKeys(db: CanonDb): Promise<StoredKey[]> {
  return db.select().from(apiKeys).orderBy(asc(apiKeys.createdAt));
}

/** Marks a key revoked; returns false when no active key has that id. */
export async function revokeKey(db: CanonDb, id: string): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}
