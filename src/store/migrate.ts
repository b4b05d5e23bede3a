import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Raw SQL access inside one transaction, as both drivers provide it. */
export interface RawTransaction {
  exec(text: string): Promise<void>;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
// Any constant works; it only has to be the same for every Canon process sharing a database.
const MIGRATION_LOCK = 4_210_771;

/**
 * Applies the SQL files in migrations/ that this database has not seen, in name
 * order and in one transaction, holding an advisory lock so that several
 * servers starting together do not race.
 */
export async function migrate(
  transaction: <T>(fn: (tx: RawTransaction) => Promise<T>) => Promise<T>,
): Promise<string[]> {
  const names = (await readdir(MIGRATIONS_DIR)).filter((n) => n.endsWith('.sql')).sort();
  const texts = await Promise.all(names.map((n) => readFile(`${MIGRATIONS_DIR}${n}`, 'utf8')));
  return transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS canon_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await tx.query<{ name: string }>('SELECT name FROM canon_migrations')).map((r) => r.name),
    );
    const applied: string[] = [];
    for (const [i, name] of names.entries()) {
      if (done.has(name)) continue;
      await tx.exec(texts[i] ?? '');
      await tx.query('INSERT INTO canon_migrations (name) VALUES ($1)', [name]);
      applied.push(name);
    }
    return applied;
  });
}
