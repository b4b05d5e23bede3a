/**
 * A bulk job end to end on PostgreSQL: `canon serve` takes a CSV of job titles over HTTP, `canon
 * worker` processes code it, and the result is read back and checked (every row once, in order).
 * Prints the submit time, the coding time and rate, and the result's time and size.
 *
 *   npm run bench:jobs [-- ROWS [WORKERS]]     (default 1,000,000 rows, 2 workers)
 *
 * Titles and employers are the H1B dev file's (../shared), cycled with a unique id per row.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { loadTaxonomy } from '../src/builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../src/config/readConfig.js';
import { toCsv } from '../src/core/toCsv.js';
import { openStore } from '../src/store/openStore.js';
import { startCanonProcess } from '../src/testing/canonProcess.js';
import { createApiKey } from '../src/workflow/apiKeys.js';
import { syncBuiltinTaxonomy } from '../src/workflow/syncBuiltinTaxonomy.js';
import { readH1bRows } from './h1bTitles.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const WORKERS = Number(process.argv[3] ?? 2);
const ADMIN_URL = process.env.CANON_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const children: ChildProcess[] = [];

async function canon(args: string[], url: string, ready: RegExp): Promise<string> {
  const started = startCanonProcess(args, {
    from: 'source',
    env: { DATABASE_URL: url, CANON_LOG_LEVEL: 'silent' },
  });
  children.push(started.child);
  const found = await started.printed(ready);
  return found[1] ?? found[0];
}

const schema = `canon_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
const url = new URL(ADMIN_URL);
url.searchParams.set('options', `-c search_path=${schema}`);
try {
  const store = await openStore({ kind: 'postgres', url: url.toString() });
  await syncBuiltinTaxonomy(store.db, await loadTaxonomy(join(PROJECT_ROOT, 'data')));
  const { key } = await createApiKey(store.db, { id: 'bench', role: 'admin' }, 'bench', 'editor');
  await store.close();

  const titles = await readH1bRows();
  const rows: (string | number)[][] = [['id', 'job_title', 'employer']];
  for (let i = 1; i <= ROWS; i++) {
    const t = titles[i % titles.length];
    rows.push([i, t?.title ?? '', t?.employer ?? '']);
  }
  const body = Buffer.from(toCsv(rows));
  console.log(
    `${ROWS.toLocaleString('en-US')} rows (${titles.length.toLocaleString('en-US')} distinct H1B titles, cycled), ${(body.length / 1024 / 1024).toFixed(1)} MB; ${WORKERS} workers`,
  );

  const base = await canon(['serve', '--port', '0'], url.toString(), /Canon is serving (http:\/\/\S+)/);
  await Promise.all(
    Array.from({ length: WORKERS }, () => canon(['worker'], url.toString(), /Canon worker is taking chunks/)),
  );
  const headers = { authorization: `Bearer ${key}` };

  let started = performance.now();
  const submitted = await fetch(`${base}/api/jobs?column=job_title&employerColumn=employer&name=h1b.csv`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv' },
    body,
  });
  const job = await submitted.json();
  if (submitted.status !== 202)
    throw new Error(`submit answered ${submitted.status}: ${JSON.stringify(job)}`);
  console.log(
    `submit (upload, check, store ${job.chunks.total} chunks, queue): ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  started = performance.now();
  let status = job;
  while (status.status !== 'done' && status.status !== 'failed') {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    status = await (await fetch(`${base}/api/jobs/${job.id}`, { headers })).json();
  }
  const coding = (performance.now() - started) / 1000;
  if (status.status !== 'done') throw new Error(`the job failed: ${status.error}`);
  console.log(
    `coding: ${coding.toFixed(1)} s, ${Math.round(ROWS / coding).toLocaleString('en-US')} rows/s; rows that could not be coded: ${status.badRows}; chunks taken twice: ${status.chunks.retried}`,
  );

  started = performance.now();
  const text = await (await fetch(`${base}${status.result}`, { headers })).text();
  const lines = text.trimEnd().split('\r\n');
  const inOrder = lines.slice(1).every((line, i) => line.startsWith(`${i + 1},`));
  console.log(
    `result: ${((performance.now() - started) / 1000).toFixed(1)} s, ${(text.length / 1024 / 1024).toFixed(1)} MB, ${(lines.length - 1).toLocaleString('en-US')} rows, every row once in order: ${inOrder && lines.length - 1 === ROWS}`,
  );
} finally {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((resolve) => c.once('exit', resolve))));
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.query(`DROP SCHEMA IF EXISTS ${schema}_pgboss CASCADE`);
  await admin.end();
}
