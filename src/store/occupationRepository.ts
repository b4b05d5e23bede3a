import { eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { OnetRelease } from '../importers/onet/onetRelease.js';
import type { CanonDb } from './openStore.js';
import {
  imports,
  occupations,
  occupationTasks,
  occupationTechnologies,
  occupationTitles,
  relatedOccupations,
  socCodes,
} from './schema.js';

const CHUNK = 1000;

/**
 * Replaces the stored O*NET release with another, inside the caller's
 * transaction: a failure anywhere leaves the previous release exactly as it
 * was, and importing the same files twice leaves the same rows.
 */
export async function writeOnetRelease(
  tx: CanonDb,
  release: OnetRelease,
  source: string,
  onChunk: (table: string, done: number) => void = () => {},
): Promise<Record<string, number>> {
  const counts = {
    socCodes: release.socCodes.length,
    occupations: release.occupations.length,
    titles: release.titles.length,
    tasks: release.tasks.length,
    related: release.related.length,
    technologies: release.technologies.length,
  };
  // Children cascade from occupations.
  await tx.delete(occupations);
  await tx.delete(socCodes);
  const insert = async (name: string, table: PgTable, rows: object[]) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await tx.insert(table).values(rows.slice(i, i + CHUNK) as never);
      onChunk(name, Math.min(i + CHUNK, rows.length));
    }
  };
  await insert('SOC codes', socCodes, release.socCodes);
  await insert('occupations', occupations, release.occupations);
  await insert('titles', occupationTitles, release.titles);
  await insert('tasks', occupationTasks, release.tasks);
  await insert('related occupations', relatedOccupations, release.related);
  await insert('technologies', occupationTechnologies, release.technologies);
  await tx
    .insert(imports)
    .values({ dataset: 'onet', source, counts })
    .onConflictDoUpdate({ target: imports.dataset, set: { source, counts, importedAt: sql`now()` } });
  return counts;
}

/** When the O*NET release the store holds was imported, or null when none was: it tells releases apart. */
export async function readOccupationRelease(db: CanonDb): Promise<string | null> {
  const [row] = await db.select({ at: imports.importedAt }).from(imports).where(eq(imports.dataset, 'onet'));
  return row?.at ?? null;
}

/** What the resolver indexes: occupations with their titles, and SOC titles. */
export interface OccupationIndexData {
  occupations: { onetCode: string; socCode: string; title: string; jobZone: number | null }[];
  titles: { onetCode: string; title: string; kind: string }[];
  socTitles: { code: string; title: string }[];
}

export async function readOccupationIndexData(db: CanonDb): Promise<OccupationIndexData> {
  const [occ, titles, soc] = await Promise.all([
    db
      .select({
        onetCode: occupations.onetCode,
        socCode: occupations.socCode,
        title: occupations.title,
        jobZone: occupations.jobZone,
      })
      .from(occupations),
    db
      .select({
        onetCode: occupationTitles.onetCode,
        title: occupationTitles.title,
        kind: occupationTitles.kind,
      })
      .from(occupationTitles),
    db.select({ code: socCodes.code, title: socCodes.title }).from(socCodes),
  ]);
  return { occupations: occ, titles, socTitles: soc };
}
