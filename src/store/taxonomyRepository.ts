import { createHash } from 'node:crypto';
import { and, eq, getTableColumns, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  type ContentOverlay,
  contentHash,
  profileContent,
  withContent,
} from '../core/content/profileContent.js';
import { keepStoredCodes } from '../core/keepStoredCodes.js';
import { findLevel } from '../core/levels.js';
import type { FocusLevelContent, SourceKind, Taxonomy } from '../core/taxonomy.js';
import { chunks } from './chunks.js';
import { type BuiltinDraft, listDrafts, saveBuiltinDrafts } from './draftRepository.js';
import type { CanonDb } from './openStore.js';
import { insertVersions, type NewVersion, readLatestVersions } from './profileVersionRepository.js';
import { focuses, focusLevels, functions, profiles, sources, storeMeta } from './schema.js';

const BUILTIN_HASH_KEY = 'builtin_taxonomy_hash';
/** Who approved what the built-in files say, in versions and the audit log. */
export const BUILTIN_ACTOR = 'builtin';
const SYNC_LOCK = 4_210_772;

/** What writing the built-in taxonomy changed: nothing, or its hash before and the versions it recorded. */
export type BuiltinWrite =
  | { changed: false; hash: string }
  | { changed: true; hash: string; before: string | null; versions: string[] };

/**
 * Makes the store hold exactly the given built-in taxonomy, inside the caller's
 * transaction (taking a lock, so two processes starting at once write it once).
 * Loading the same files twice changes nothing (their hash is remembered), and
 * rows that did not come from the built-in files are left alone.
 */
export async function writeBuiltinTaxonomy(tx: CanonDb, input: Taxonomy): Promise<BuiltinWrite> {
  const hash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${SYNC_LOCK})`);
  const [meta] = await tx.select().from(storeMeta).where(eq(storeMeta.key, BUILTIN_HASH_KEY));
  if (meta?.value === hash) return { changed: false, hash };

  const stored = await tx.select({ key: focuses.key, code: focuses.code }).from(focuses);
  const taxonomy = keepStoredCodes(input, new Map(stored.map((r) => [r.key, r.code])));

  if (taxonomy.sources.length > 0) {
    await tx
      .insert(sources)
      .values(taxonomy.sources)
      .onConflictDoUpdate({ target: sources.id, set: excluded(sources) });
  }
  await tx
    .insert(functions)
    .values(taxonomy.functions)
    .onConflictDoUpdate({ target: functions.code, set: excluded(functions) });
  // Many rows to a statement: the generated release has hundreds of focuses and over a thousand
  // profiles, and a statement each made the first start take twenty seconds.
  for (const rows of chunks(taxonomy.focuses.map(({ levels: _l, ...row }) => row))) {
    await tx
      .insert(focuses)
      .values(rows)
      .onConflictDoUpdate({ target: focuses.code, set: excluded(focuses) });
  }
  const focusCodes = taxonomy.focuses.map((f) => f.code);
  for (const codes of chunks(focusCodes, 1_000))
    await tx.delete(focusLevels).where(inArray(focusLevels.focusCode, codes));
  const levelRows = taxonomy.focuses.flatMap((f) =>
    Object.entries(f.levels).map(([levelCode, c]) => ({ focusCode: f.code, levelCode, ...c })),
  );
  for (const rows of chunks(levelRows)) await tx.insert(focusLevels).values(rows);
  for (const rows of chunks(taxonomy.profiles)) {
    // A profile's status belongs to its workflow once the row exists (e.g. retired by an approver).
    await tx
      .insert(profiles)
      .values(rows)
      .onConflictDoUpdate({ target: profiles.code, set: excluded(profiles, ['status', 'draftRevision']) });
  }

  // Built-in rows whose files were removed go too; children before parents.
  const stale: [PgTable, PgColumn, PgColumn, string[]][] = [
    [profiles, profiles.code, profiles.origin, taxonomy.profiles.map((p) => p.code)],
    [focuses, focuses.code, focuses.origin, taxonomy.focuses.map((f) => f.code)],
    [functions, functions.code, functions.origin, taxonomy.functions.map((f) => f.code)],
    [sources, sources.id, sources.origin, taxonomy.sources.map((x) => x.id)],
  ];
  for (const [table, key, origin, keep] of stale) await deleteStaleBuiltin(tx, table, key, origin, keep);

  const versioned = await recordBuiltinVersions(tx, taxonomy);

  await tx
    .insert(storeMeta)
    .values({ key: BUILTIN_HASH_KEY, value: hash })
    .onConflictDoUpdate({ target: storeMeta.key, set: { value: hash } });
  return { changed: true, hash, before: meta?.value ?? null, versions: versioned };
}

/**
 * Brings the workflow tables in line with the files. A profile the files call
 * approved (or retired) gets a new version when its content changed; one they
 * call a draft gets an open draft, refreshed while no person has saved it. A
 * profile whose newest version was approved in Canon is left alone: Canon's
 * workflow owns it from then on.
 */
async function recordBuiltinVersions(tx: CanonDb, taxonomy: Taxonomy): Promise<string[]> {
  const [latest, drafts] = await Promise.all([readLatestVersions(tx), listDrafts(tx)]);
  const draftByCode = new Map(drafts.map((d) => [d.profileCode, d]));
  const recorded: string[] = [];
  const versions: NewVersion[] = [];
  const newDrafts: BuiltinDraft[] = [];
  const focusByCode = new Map(taxonomy.focuses.map((f) => [f.code, f]));
  for (const p of taxonomy.profiles) {
    const level = focusByCode.get(p.focusCode)?.levels[p.levelCode];
    if (!level) continue;
    const content = profileContent(p, level);
    const last = latest.get(p.code);
    if (last && (last.approvedBy !== BUILTIN_ACTOR || last.contentHash === contentHash(content))) continue;
    if (p.status === 'draft' || p.status === 'in_review') {
      // A draft a person has saved is theirs; the files only refresh their own.
      const draft = draftByCode.get(p.code);
      const stale =
        !draft || (draft.updatedBy === BUILTIN_ACTOR && contentHash(draft.content) !== contentHash(content));
      if (!last && stale) newDrafts.push({ profileCode: p.code, status: p.status, content });
      continue;
    }
    const version = last ? last.version + 1 : (p.version ?? 1);
    versions.push({
      profileCode: p.code,
      version,
      content,
      review: null,
      approvedBy: BUILTIN_ACTOR,
      note: last ? 'built-in files changed' : 'loaded from the built-in files',
    });
    recorded.push(`${p.code} v${version}`);
  }
  await insertVersions(tx, versions);
  await saveBuiltinDrafts(tx, newDrafts, BUILTIN_ACTOR);
  return recorded;
}

/** Reads the whole taxonomy, ordered for display: by name, and profiles by level rank. */
export async function readTaxonomy(db: CanonDb): Promise<Taxonomy> {
  const [sourceRows, functionRows, focusRows, levelRows, profileRows, latest] = await Promise.all([
    db.select().from(sources).orderBy(sources.title),
    db.select().from(functions).orderBy(functions.name),
    db.select().from(focuses).orderBy(focuses.name),
    db.select().from(focusLevels),
    db.select().from(profiles),
    readLatestVersions(db),
  ]);
  const levelsByFocus = new Map<string, Record<string, FocusLevelContent>>();
  for (const { focusCode, levelCode, responsibilities, rubric, career, skills, experience } of levelRows) {
    const entry = levelsByFocus.get(focusCode) ?? {};
    entry[levelCode] = {
      responsibilities,
      rubric,
      career,
      ...(skills ? { skills } : {}),
      ...(experience ? { experience } : {}),
    };
    levelsByFocus.set(focusCode, entry);
  }
  const focusOrder = new Map(focusRows.map((f, i) => [f.code, i]));
  const rank = (code: string) => findLevel(code)?.rank ?? 0;
  const base: Taxonomy = {
    sources: sourceRows.map(({ origin: _o, ...s }) => ({ ...s, kind: s.kind as SourceKind })),
    functions: functionRows.map(({ origin: _o, ...f }) => f),
    focuses: focusRows.map(({ origin: _o, ...f }) => ({ ...f, levels: levelsByFocus.get(f.code) ?? {} })),
    profiles: profileRows
      .map(({ origin: _o, draftRevision: _r, ...p }) => p)
      .sort(
        (a, b) =>
          (focusOrder.get(a.focusCode) ?? 0) - (focusOrder.get(b.focusCode) ?? 0) ||
          rank(a.levelCode) - rank(b.levelCode),
      ),
  };
  // The newest approved version is what a profile says; the base rows only hold what the files said.
  const overlays = new Map<string, ContentOverlay>();
  for (const [code, v] of latest) overlays.set(code, { content: v.content, version: v.version });
  return withContent(base, overlays);
}

/** Deletes the rows of a table that came from the built-in files but are no longer in them. */
async function deleteStaleBuiltin(
  tx: Pick<CanonDb, 'delete'>,
  table: PgTable,
  key: PgColumn,
  origin: PgColumn,
  keep: string[],
) {
  // notInArray needs a non-empty list; '' matches no real key.
  await tx.delete(table).where(and(eq(origin, 'builtin'), notInArray(key, [...keep, ''])));
}

/** `SET col = excluded.col` for every column but the key, the origin and any kept, for upserts. */
function excluded(table: PgTable, keep: string[] = []): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const [name, column] of Object.entries(getTableColumns(table))) {
    if (column.primary || name === 'origin' || keep.includes(name)) continue;
    set[name] = sql.raw(`excluded."${column.name}"`);
  }
  return set;
}
