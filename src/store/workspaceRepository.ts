import { asc, eq } from 'drizzle-orm';
import type { CanonDb } from './openStore.js';
import { workspaces } from './schema.js';

/** A workspace as stored: where one company's data lives. */
export interface StoredWorkspace {
  id: string;
  name: string;
  createdBy: string;
  createdAt: string;
}

/** Inserts a workspace; false when its id is taken (the row there is left as it was). */
export async function insertWorkspace(
  db: CanonDb,
  workspace: Pick<StoredWorkspace, 'id' | 'name' | 'createdBy'>,
): Promise<boolean> {
  const rows = await db
    .insert(workspaces)
    .values(workspace)
    .onConflictDoNothing({ target: workspaces.id })
    .returning({ id: workspaces.id });
  return rows.length > 0;
}

export async function findWorkspace(db: CanonDb, id: string): Promise<StoredWorkspace | null> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, id));
  return row ?? null;
}

/** Every workspace, by id. */
export async function listWorkspaces(db: CanonDb): Promise<StoredWorkspace[]> {
  return db.select().from(workspaces).orderBy(asc(workspaces.id));
}
