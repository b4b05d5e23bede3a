import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { NORTHWIND_CSV } from '../../../company/fixtures/northwindXlsx.js';
import type { Actor } from '../../../core/roles.js';
import { companyStore } from '../../../testing/companyPagesApp.js';
import { HeldImports } from '../../../testing/heldImports.js';
import { CompanyUploads } from '../../../workflow/companyUploads.js';
import { type ImportRun, ImportRuns } from './importRuns.js';

const editor: Actor = { id: 'web:editor', role: 'editor', workspace: 'northwind' };
const WS = 'northwind';

/** The page tests' held dry runs, and a store that waits too while `storeHold` is set. */
class StoreHeldImports extends HeldImports {
  storeHold: Promise<void> | null = null;
  override async store(...args: Parameters<HeldImports['store']>) {
    if (this.storeHold) await this.storeHold;
    return super.store(...args);
  }
}

/** A pid of this machine that no process holds any more: a child that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;

describe('the import page’s runs, kept in the store, seen by every server on it', () => {
  let deps: Awaited<ReturnType<typeof companyStore>>;
  /** A "server": its own company mapping, uploads and runs over the one store. */
  const server = (process?: string) => {
    const company = new StoreHeldImports(deps);
    const uploads = new CompanyUploads(deps.db, process ? { process } : {});
    return { company, runs: new ImportRuns({ company, uploads, catalog: deps.catalog }) };
  };
  const csv = new Uint8Array(readFileSync(NORTHWIND_CSV));

  /** The run as `runs` reads it once `done` holds. */
  async function once(runs: ImportRuns, id: string, done: (run: ImportRun) => boolean): Promise<ImportRun> {
    for (let attempt = 0; attempt < 3_000; attempt++) {
      const run = await runs.get(editor, WS, id);
      if (done(run)) return run;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`run ${id} never got there`);
  }
  const settled = (run: ImportRun) => run.state !== 'previewing' && run.state !== 'storing';

  beforeAll(async () => {
    deps = await companyStore();
  });

  it('is started on one server, polled and stored through another that never had the file, storing what the first showed', async () => {
    const a = server();
    const b = server();
    const started = await a.runs.start(editor, WS, 'northwind-catalog.csv', csv);
    const seen = await once(b.runs, started.id, settled);
    expect(seen.state).toBe('previewed');
    const shown = await a.runs.previewOf(editor, seen);
    // B reads the dry run again from the stored upload: the same rows, matched the same way.
    const again = await b.runs.previewOf(editor, seen);
    expect(again.plan.summary).toEqual(shown.plan.summary);
    expect(again.jobs).toEqual(shown.jobs);

    await b.runs.store(editor, seen);
    const stored = await once(b.runs, started.id, settled);
    expect(stored.state).toBe('stored');
    expect(stored.error).toBeNull();
    expect(stored.stored?.import.summary).toEqual(shown.plan.summary);
    expect(stored.stored?.import.decided).toEqual(shown.decided);
    const mapping = await b.company.mapping(editor, WS);
    expect(mapping.jobs.map((j) => [j.line, j.title, j.match.profile?.code ?? null])).toEqual(
      shown.jobs.map((j) => [j.line, j.title, j.match.profile?.code ?? null]),
    );

    // A server started afresh finds the run as it was left.
    expect((await server().runs.get(editor, WS, started.id)).state).toBe('stored');
    // And the dry run, stored once, is not storable again: the workspace moved on.
    await expect(a.runs.store(editor, stored)).rejects.toThrow(/only a finished dry run/);
  });

  it('refuses a second dry run on another server while one works, and shows the first one’s progress there', async () => {
    const a = server();
    const b = server();
    let release = () => {};
    a.company.hold = new Promise((resolve) => {
      release = resolve;
    });
    const started = await a.runs.start(editor, WS, 'northwind-catalog.csv', csv);
    const working = await once(b.runs, started.id, (run) => run.progress !== null);
    expect(working.state).toBe('previewing');
    expect(working.progress).toEqual({ stage: 'matching titles', done: 250, total: 1000 });
    await expect(b.runs.start(editor, WS, 'other.csv', csv)).rejects.toThrow(
      'A dry run of "northwind-catalog.csv" is still working in this workspace',
    );
    a.company.hold = null;
    release();
    expect((await once(b.runs, started.id, settled)).state).toBe('previewed');
  });

  it('reports a dry run whose server stopped as interrupted, not working for ever, and lets the next one start', async () => {
    let release = () => {};
    const gone = server(`pid ${deadPid()} on ${hostname()}`);
    gone.company.hold = new Promise((resolve) => {
      release = resolve;
    });
    const started = await gone.runs.start(editor, WS, 'northwind-catalog.csv', csv);
    const b = server();
    const seen = await b.runs.get(editor, WS, started.id);
    expect(seen.state).toBe('failed');
    expect(seen.error?.message).toMatch(
      /^The dry run of "northwind-catalog.csv" was interrupted: the server working it \(pid \d+ on .+\) stopped/,
    );
    const next = await b.runs.start(editor, WS, 'northwind-catalog.csv', csv);
    expect((await once(b.runs, next.id, settled)).state).toBe('previewed');
    // The stopped server's late outcome changes nothing.
    gone.company.hold = null;
    release();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await b.runs.get(editor, WS, started.id)).state).toBe('failed');
  });

  it('reports as interrupted a run of another machine that has been silent for over a minute', async () => {
    let release = () => {};
    const elsewhere = server('pid 1 on another-machine');
    elsewhere.company.hold = new Promise((resolve) => {
      release = resolve;
    });
    const started = await elsewhere.runs.start(editor, WS, 'northwind-catalog.csv', csv);
    const b = server();
    expect((await once(b.runs, started.id, (run) => run.progress !== null)).state).toBe('previewing');
    await deps.db.execute(
      sql`UPDATE company_dry_runs SET updated_at = now() - interval '2 minutes' WHERE id = ${started.id}`,
    );
    const seen = await b.runs.get(editor, WS, started.id);
    expect(seen.state).toBe('failed');
    expect(seen.error?.message).toContain('(pid 1 on another-machine) stopped before it finished');
    elsewhere.company.hold = null;
    release();
  });

  it('leaves the dry run of a store whose server stopped storable again, saying why', async () => {
    const a = server();
    const started = await a.runs.start(editor, WS, 'northwind-catalog.csv', csv);
    const previewed = await once(a.runs, started.id, settled);
    let release = () => {};
    const gone = server(`pid ${deadPid()} on ${hostname()}`);
    gone.company.storeHold = new Promise((resolve) => {
      release = resolve;
    });
    await gone.runs.store(editor, previewed);
    const seen = await a.runs.get(editor, WS, started.id);
    expect(seen.state).toBe('previewed');
    expect(seen.error?.message).toMatch(/^The store of "northwind-catalog.csv" was interrupted/);
    await a.runs.store(editor, seen);
    expect((await once(a.runs, started.id, settled)).state).toBe('stored');
    // The stopped server's store, let go, finds the run moved on and the workspace changed: nothing of it lands.
    gone.company.storeHold = null;
    release();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await a.runs.get(editor, WS, started.id)).state).toBe('stored');
  });
});
