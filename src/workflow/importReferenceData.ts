import type { ProfilePayRecord } from '../core/payBands.js';
import type { Actor } from '../core/roles.js';
import type { OnetRelease } from '../importers/onet/onetRelease.js';
import type { OccupationPay } from '../importers/pay/readOews.js';
import { writeOnetRelease } from '../store/occupationRepository.js';
import type { CanonDb } from '../store/openStore.js';
import { type DatasetMeta, writeOccupationPay, writeProfilePay } from '../store/payRepository.js';
import { auditedWrite } from './auditedWrite.js';

/**
 * Reference data replaced whole, one audited transaction per dataset (admin): an O*NET release, a
 * public pay survey by occupation, a company's pay by profile. A failure leaves the data before it.
 * A running server sees the change through the store's revision and reloads.
 */
export async function importOnetRelease(
  db: CanonDb,
  actor: Actor,
  release: OnetRelease,
  source: string,
  onChunk?: (table: string, done: number) => void,
): Promise<Record<string, number>> {
  return auditedWrite(db, actor, 'admin', async (tx) => {
    const counts = await writeOnetRelease(tx, release, source, onChunk);
    return {
      result: counts,
      audit: { action: 'import.onet', target: 'onet', before: null, after: { source, counts }, note: null },
    };
  });
}

export async function importOccupationPay(
  db: CanonDb,
  actor: Actor,
  meta: DatasetMeta,
  rows: readonly OccupationPay[],
): Promise<number> {
  return auditedWrite(db, actor, 'admin', async (tx) => {
    const n = await writeOccupationPay(tx, meta, rows);
    return {
      result: n,
      audit: {
        action: 'import.pay',
        target: meta.dataset,
        before: null,
        after: { source: meta.source, counts: { occupations: n } },
        note: null,
      },
    };
  });
}

export async function importProfilePay(
  db: CanonDb,
  actor: Actor,
  dataset: string,
  source: string,
  records: readonly Omit<ProfilePayRecord, 'dataset' | 'source'>[],
): Promise<void> {
  await auditedWrite(db, actor, 'admin', async (tx) => {
    await writeProfilePay(tx, dataset, source, records);
    return {
      result: undefined,
      audit: {
        action: 'import.pay',
        target: dataset,
        before: null,
        after: { source, counts: { profiles: records.length } },
        note: null,
      },
    };
  });
}
