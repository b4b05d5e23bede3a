import { expect, it } from 'vitest';
import { clockTick, storeContract } from '../testing/storeContract.js';
import {
  insertDryRun,
  keepUpload,
  type NewDryRun,
  pruneDryRuns,
  readDryRun,
  readDryRunInFlight,
  readUpload,
  updateDryRun,
} from './companyUploadRepository.js';
import type { CanonDb } from './openStore.js';
import { workspaces } from './schema.js';

const bytes = (text: string) => new TextEncoder().encode(text);

async function workspace(db: CanonDb, id: string): Promise<void> {
  await db.insert(workspaces).values({ id, name: id, createdBy: 'cli:test' });
}

const upload = (hash: string, text: string, ws = 'acme') => ({
  workspace: ws,
  hash,
  file: `${hash}.csv`,
  bytes: bytes(text),
  uploadedBy: 'key:a (alice)',
});

const run = (id: string, over: Partial<NewDryRun> = {}): NewDryRun => ({
  id,
  workspace: 'acme',
  uploadHash: 'h1',
  file: 'h1.csv',
  options: { sheet: 'Jobs', columns: [['title', 'Business Title']] },
  confirmed: false,
  owner: 'pid 1 on a',
  createdBy: 'key:a (alice)',
  ...over,
});

await storeContract('companyUploadRepository', (store) => {
  it('keeps an upload once by its hash, bytes as given, and a workspace sees only its own', async () => {
    const { db } = store();
    await workspace(db, 'acme');
    await workspace(db, 'globex');
    const binary = new Uint8Array([0, 1, 2, 255, 0x5c, 0x27]);
    await keepUpload(db, { ...upload('h1', ''), bytes: binary }, 1_000);
    await keepUpload(db, { ...upload('h1', ''), bytes: binary, file: 'again.csv' }, 1_000);
    expect(await readUpload(db, 'acme', 'h1')).toEqual({ file: 'again.csv', bytes: binary });
    expect(await readUpload(db, 'globex', 'h1')).toBeNull();
  });

  it('drops the oldest uploads past the budget, but never one a run in flight reads', async () => {
    const { db } = store();
    await workspace(db, 'acme');
    await keepUpload(db, upload('h1', 'a'.repeat(40)), 100);
    await insertDryRun(db, run('r1'));
    await clockTick();
    await keepUpload(db, upload('h2', 'b'.repeat(40)), 100);
    await clockTick();
    await keepUpload(db, upload('h3', 'c'.repeat(40)), 100);
    // Over budget: h1 is the oldest but in flight, so h2 goes.
    expect(await readUpload(db, 'acme', 'h1')).not.toBeNull();
    expect(await readUpload(db, 'acme', 'h2')).toBeNull();
    await updateDryRun(db, 'r1', { states: ['previewing'] }, { state: 'failed' });
    await clockTick();
    await keepUpload(db, upload('h4', 'd'.repeat(40)), 100);
    expect(await readUpload(db, 'acme', 'h1')).toBeNull();
    expect(await readUpload(db, 'acme', 'h3')).not.toBeNull();
  });

  it('records a run, one in flight per workspace, and changes it only from the states and owner named', async () => {
    const { db } = store();
    await workspace(db, 'acme');
    await workspace(db, 'globex');
    expect(await insertDryRun(db, run('r1'))).toBe(true);
    expect(await insertDryRun(db, run('r2'))).toBe(false);
    expect(await insertDryRun(db, run('r3', { workspace: 'globex' }))).toBe(true);
    expect((await readDryRunInFlight(db, 'acme'))?.id).toBe('r1');
    expect(await readDryRun(db, 'globex', 'r1')).toBeNull();

    const progress = { stage: 'matching titles', done: 500, total: 1000 };
    expect(await updateDryRun(db, 'r1', { states: ['previewing'], owner: 'pid 2 on b' }, { progress })).toBe(
      false,
    );
    expect(await updateDryRun(db, 'r1', { states: ['previewing'], owner: 'pid 1 on a' }, { progress })).toBe(
      true,
    );
    const stored = {
      import: {
        id: 7,
        workspace: 'acme',
        file: 'h1.csv',
        fileHash: 'x',
        createdBy: 'key:a (alice)',
        createdAt: new Date().toISOString(),
        summary: { lines: 3, read: 2, problems: 1, duplicates: 0, matched: 2, needsReview: 0, unmatched: 0 },
        decided: { person: 0, dictionary: 0, automatic: 2 },
      },
      diff: { unchanged: false, added: 2, removed: 0, changed: 0 },
    };
    await updateDryRun(
      db,
      'r1',
      { states: ['previewing'] },
      { state: 'previewed', basis: 'b1', hasCurrent: true },
    );
    // A run made in flight while another of its workspace is: refused, not thrown.
    expect(await insertDryRun(db, run('r4'))).toBe(true);
    expect(await updateDryRun(db, 'r1', { states: ['previewed'] }, { state: 'storing' })).toBe(false);
    await updateDryRun(
      db,
      'r4',
      { states: ['previewing'] },
      { state: 'failed', error: { code: 'invalid_input', message: 'bad' } },
    );
    expect(await updateDryRun(db, 'r1', { states: ['previewed'] }, { state: 'storing' })).toBe(true);
    await updateDryRun(db, 'r1', { states: ['storing'] }, { state: 'stored', stored });

    const read = await readDryRun(db, 'acme', 'r1');
    expect(read).toMatchObject({
      state: 'stored',
      progress,
      basis: 'b1',
      hasCurrent: true,
      stored,
      options: { sheet: 'Jobs', columns: [['title', 'Business Title']] },
      error: null,
    });
    expect(read?.quietSeconds).toBeGreaterThanOrEqual(0);
    expect(read?.quietSeconds).toBeLessThan(60);
    expect((await readDryRun(db, 'acme', 'r4'))?.error).toEqual({ code: 'invalid_input', message: 'bad' });
  });

  it('prunes finished runs past the most recent ones, keeping a run in flight', async () => {
    const { db } = store();
    await workspace(db, 'acme');
    for (const id of ['a', 'b', 'c']) {
      await insertDryRun(db, run(id));
      await updateDryRun(db, id, { states: ['previewing'] }, { state: 'previewed' });
      await clockTick();
    }
    await insertDryRun(db, run('live'));
    await pruneDryRuns(db, 'acme', 2);
    expect(await readDryRun(db, 'acme', 'a')).toBeNull();
    expect(await readDryRun(db, 'acme', 'b')).toBeNull();
    expect(await readDryRun(db, 'acme', 'c')).not.toBeNull();
    expect(await readDryRun(db, 'acme', 'live')).not.toBeNull();
  });
});
