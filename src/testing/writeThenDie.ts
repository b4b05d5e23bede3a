/**
 * A child process for the fault tests: opens a store, prepares a write, stalls it
 * inside its transaction (a trigger sleeps on the audit insert, the write's last
 * statement), prints STALLED and waits to be killed with SIGKILL.
 *
 *   node --import tsx src/testing/writeThenDie.ts '<store options JSON>' approve|ingest|import
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { loadTaxonomy } from '../builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { readOnetRelease } from '../importers/onet/readOnetRelease.js';
import { openDataset } from '../importers/openDataset.js';
import { canonOn, ingestDeps } from '../runtime/openCanon.js';
import { openStore, type StoreOptions } from '../store/openStore.js';
import { importOnetRelease } from '../workflow/importReferenceData.js';
import { ingestSources } from '../workflow/ingestSources.js';
import { syncBuiltinTaxonomy } from '../workflow/syncBuiltinTaxonomy.js';
import { FAULT_DOCUMENT, FAULT_PROFILE } from './faultWrites.js';
import { writeOnetFixture } from './onetFixture.js';

const STALLED = 'STALLED';

const [optionsJson = '{}', op = 'approve'] = process.argv.slice(2);
const store = await openStore(JSON.parse(optionsJson) as StoreOptions);
await syncBuiltinTaxonomy(store.db, await loadTaxonomy(join(PROJECT_ROOT, 'data')));
const canon = await canonOn(store);
const actor = { id: 'fault:child', role: 'admin' } as const;
const action = op === 'approve' ? 'profile.approve' : op === 'import' ? 'import.onet' : 'source.ingest';
const fixture = await writeOnetFixture(await mkdtemp(join(tmpdir(), 'canon-fault-onet-')));
const release = await readOnetRelease(await openDataset(fixture), null, null);
// The release a later import must leave intact.
if (op === 'import') await importOnetRelease(store.db, actor, release, 'first import');
await store.db.execute(
  sql.raw(`CREATE OR REPLACE FUNCTION canon_test_stall() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN IF NEW.action = '${action}' THEN PERFORM pg_sleep(3); END IF; RETURN NEW; END $$`),
);
await store.db.execute(sql.raw('DROP TRIGGER IF EXISTS canon_test_stall ON audit_log'));
await store.db.execute(
  sql.raw(
    'CREATE TRIGGER canon_test_stall BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION canon_test_stall()',
  ),
);
if (op === 'approve') {
  await canon.workflow.propose(actor, FAULT_PROFILE, {
    add: {
      responsibilities: [
        {
          text: 'Owns the fault-injection budget for 3-5 engineering teams and reports on it monthly.',
          sources: ['canon-profile-m3'],
        },
      ],
    },
  });
  await canon.workflow.submit(actor, FAULT_PROFILE);
}
process.stdout.write(`${STALLED}\n`);
// Give the parent the line before the stall begins; it kills this process during the sleep.
setTimeout(() => {
  const write =
    op === 'approve'
      ? canon.workflow.approve(actor, FAULT_PROFILE)
      : op === 'import'
        ? importOnetRelease(
            store.db,
            actor,
            { ...release, occupations: release.occupations.slice(0, 1) },
            'second import',
          )
        : ingestSources(ingestDeps(canon), actor, [
            { name: FAULT_DOCUMENT.name, bytes: new TextEncoder().encode(FAULT_DOCUMENT.text) },
          ]);
  write.then(
    () => process.stdout.write('FINISHED\n'),
    (e: unknown) => process.stdout.write(`FAILED ${(e as Error).message}\n`),
  );
}, 50);
