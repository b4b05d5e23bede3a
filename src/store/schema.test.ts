import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { emptyStore } from '../testing/testStore.js';
import { schema } from './schema.js';

interface ColumnShape {
  type: string;
  notNull: boolean;
  hasDefault: boolean;
}

/** Drizzle's names for types that information_schema spells out. */
const SQL_TYPES = new Map([
  ['timestamp with time zone', 'timestamp with time zone'],
  ['bigserial', 'bigint'],
  ['serial', 'integer'],
  ['double precision', 'double precision'],
]);

describe('schema.ts', () => {
  it('says of every table and column what the migrated database has', async () => {
    const store = await emptyStore();
    try {
      const rows = (await store.db.execute(
        sql`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = current_schema()`,
      )) as unknown as { rows: Record<string, string | null>[] };
      const migrated = new Map<string, ColumnShape>();
      for (const r of rows.rows) {
        migrated.set(`${r.table_name}.${r.column_name}`, {
          type: r.data_type ?? '',
          notNull: r.is_nullable === 'NO',
          hasDefault: r.column_default !== null,
        });
      }
      const declared = new Map<string, ColumnShape>();
      const tables = new Set<string>();
      for (const table of Object.values(schema) as PgTable[]) {
        const name = getTableName(table);
        tables.add(name);
        for (const column of Object.values(getTableColumns(table))) {
          const type = column.getSQLType();
          declared.set(`${name}.${column.name}`, {
            type: SQL_TYPES.get(type) ?? type,
            notNull: column.notNull,
            hasDefault: column.hasDefault || type.endsWith('serial'),
          });
        }
      }
      // Migration bookkeeping is not part of the schema Drizzle reads.
      const inMigrated = new Map([...migrated].filter(([key]) => tables.has(key.split('.')[0] ?? '')));
      const differing = [...new Set([...declared.keys(), ...inMigrated.keys()])]
        .filter((key) => JSON.stringify(declared.get(key)) !== JSON.stringify(inMigrated.get(key)))
        .map((key) => ({
          column: key,
          schemaTs: declared.get(key) ?? null,
          migrated: inMigrated.get(key) ?? null,
        }));
      expect(differing).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
