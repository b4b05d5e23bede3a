import { eq, inArray } from 'drizzle-orm';
import type { OccupationPayRecord } from '../core/payBands.js';
import type { CanonDb } from './openStore.js';
import { storeMeta } from './schema.js';

/** The digest of the built-in files the store last loaded (builtin/builtinFilesStamp.ts). */
const STAMP_KEY = 'builtin_files_stamp';
/** The built-in release's wages, kept so a start that finds the files unchanged need not parse them. */
const WAGES_KEY = 'builtin_wages';

export interface BuiltinFiles {
  stamp: string;
  wages: readonly OccupationPayRecord[];
}

/** The digest of the built-in files last loaded, or null when none was recorded. */
export async function readBuiltinStamp(db: CanonDb): Promise<string | null> {
  const [row] = await db.select().from(storeMeta).where(eq(storeMeta.key, STAMP_KEY));
  return row?.value ?? null;
}

/** The wages of the built-in release last loaded; none before the first load. */
export async function readBuiltinWages(db: CanonDb): Promise<OccupationPayRecord[]> {
  const [row] = await db.select().from(storeMeta).where(eq(storeMeta.key, WAGES_KEY));
  return row ? (JSON.parse(row.value) as OccupationPayRecord[]) : [];
}

/** Records, inside the caller's transaction, which built-in files were loaded and the wages they carry. */
export async function writeBuiltinFiles(tx: CanonDb, files: BuiltinFiles): Promise<void> {
  await tx.delete(storeMeta).where(inArray(storeMeta.key, [STAMP_KEY, WAGES_KEY]));
  await tx.insert(storeMeta).values([
    { key: STAMP_KEY, value: files.stamp },
    { key: WAGES_KEY, value: JSON.stringify(files.wages) },
  ]);
}
