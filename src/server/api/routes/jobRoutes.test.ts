import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../../builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../../../config/readConfig.js';
import { MAX_JOB_BYTES, MAX_JOB_ROWS } from '../../../core/bulkJob.js';
import { pgBossQueue } from '../../../jobs/pgBossQueue.js';
import { OUTPUT_COLUMNS } from '../../../resolve/codeTitleRows.js';
import { appForCanon } from '../../../runtime/appForCanon.js';
import { canonOn } from '../../../runtime/openCanon.js';
import { jobDatabase, resultIds, titleCsv, untilFinished } from '../../../testing/bulkJobFixture.js';
import { reportSkip } from '../../../testing/reportSkip.js';
import { testApp } from '../../../testing/testApp.js';
import { postgresTarget } from '../../../testing/testStore.js';
import { createApiKey } from '../../../workflow/apiKeys.js';
import { syncBuiltinTaxonomy } from '../../../workflow/syncBuiltinTaxonomy.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
let editor: string;
let viewer: string;
beforeAll(async () => {
  ctx = await testApp();
  editor = (await createApiKey(ctx.store.db, { id: 'test', role: 'admin' }, 'ed', 'editor')).key;
  viewer = (await createApiKey(ctx.store.db, { id: 'test', role: 'admin' }, 'vi', 'viewer')).key;
});
afterAll(() => ctx.canon.close());

/** The chunks the in-process worker stored, as their job's count of chunks done. */
const storedChunks: number[] = [];
let working: Promise<void> | null = null;
/** Starts the in-process worker once: the first test looks at a job before any worker runs. */
const ensureWorking = () => {
  working ??= ctx.canon.work({
    concurrency: 1,
    onEvent: (e) => {
      if (e.kind === 'stored') storedChunks.push(e.job.chunksDone);
    },
  });
  return working;
};

const auth = (key: string | null): Record<string, string> => (key ? { authorization: `Bearer ${key}` } : {});

const submit = (body: BodyInit, query = 'column=job_title', key: string | null = editor, type = 'text/csv') =>
  ctx.app.request(`/api/jobs?${query}`, {
    method: 'POST',
    headers: { ...auth(key), 'content-type': type },
    body,
  });

const read = async (id: string) =>
  (await ctx.app.request(`/api/jobs/${id}`, { headers: auth(editor) })).json();

/** Jobs and chunks stored: a refused upload must leave none. */
const stored = async () => {
  const { rows } = (await ctx.store.db.execute(
    sql`SELECT (SELECT count(*) FROM bulk_jobs)::integer AS jobs, (SELECT count(*) FROM bulk_job_chunks)::integer AS chunks`,
  )) as unknown as { rows: { jobs: number; chunks: number }[] };
  return rows[0];
};

describe('bulk jobs over the API', () => {
  it('takes a CSV, reports progress while workers code it, and serves every row once, in order', async () => {
    const before = await stored();
    const res = await submit(titleCsv(25_000), 'column=job_title&employerColumn=employer&name=staff.csv');
    expect(res.status).toBe(202);
    const job = await res.json();
    expect(res.headers.get('location')).toBe(`/api/jobs/${job.id}`);
    expect(job).toMatchObject({
      status: 'queued',
      name: 'staff.csv',
      column: 'job_title',
      employerColumn: 'employer',
      rows: 25_000,
      rowsDone: 0,
      chunks: { total: 3, done: 0, retried: 0 },
      percent: 0,
      createdBy: expect.stringMatching(/^key:/),
      result: null,
    });
    expect(await stored()).toEqual({ jobs: (before?.jobs ?? 0) + 1, chunks: (before?.chunks ?? 0) + 3 });

    const early = await ctx.app.request(`/api/jobs/${job.id}/result`, { headers: auth(editor) });
    expect(early.status).toBe(409);
    expect((await early.json()).error.message).toMatch(/is queued: 0 of 25,000 rows coded/);

    await ensureWorking();
    const done = await untilFinished(() => read(job.id));
    expect(done).toMatchObject({
      status: 'done',
      rowsDone: 25_000,
      chunks: { total: 3, done: 3, retried: 0 },
      percent: 100,
      result: `/api/jobs/${job.id}/result`,
      badRows: 0,
    });
    expect(storedChunks.slice(0, 3)).toEqual([1, 2, 3]);

    const result = await ctx.app.request(`/api/jobs/${job.id}/result`, { headers: auth(editor) });
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csv = await result.text();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(['id', 'job_title', 'employer', ...OUTPUT_COLUMNS].join(','));
    expect(resultIds(csv)).toEqual(Array.from({ length: 25_000 }, (_, i) => i + 1));
    const nurse = lines.find((l) => l.startsWith('1,Registered Nurse,'));
    expect(nurse?.split(',')[3]).toBe('29-1141');
  });

  it('takes the CSV as a multipart form with the columns as form fields', async () => {
    await ensureWorking();
    const form = new FormData();
    form.append('file', new File([titleCsv(3)], 'team.csv', { type: 'text/csv' }));
    form.append('column', 'job_title');
    const res = await ctx.app.request('/api/jobs', { method: 'POST', headers: auth(editor), body: form });
    expect(res.status).toBe(202);
    const job = await res.json();
    expect(job).toMatchObject({ name: 'team.csv', column: 'job_title', employerColumn: null, rows: 3 });
    expect(await untilFinished(() => read(job.id))).toMatchObject({ status: 'done', rowsDone: 3 });
  });

  it('reports formula-looking cells by line and neutralises them in the result', async () => {
    await ensureWorking();
    const csv = 'id,job_title\n1,"=HYPERLINK(""http://x"")"\n2,Staff Accountant\n3,@SUM(A1)\n';
    const res = await submit(csv);
    expect(res.status).toBe(202);
    const { id } = await res.json();
    const done = await untilFinished(() => read(id));
    expect(done.problems).toEqual([
      { line: 2, message: expect.stringMatching(/"job_title" starts like a formula/) },
      { line: 4, message: expect.stringMatching(/"job_title" starts like a formula/) },
    ]);
    expect(done.problemsTotal).toBe(2);
    const out = await (await ctx.app.request(`${done.result}`, { headers: auth(editor) })).text();
    const rows = out.trimEnd().split('\r\n');
    expect(rows[1]).toMatch(/^1,"'=HYPERLINK\(""http:\/\/x""\)",/);
    expect(rows[3]).toMatch(/^3,'@SUM\(A1\),/);
  });

  it('reports rows that could not be coded by line, and codes the rest', async () => {
    await ensureWorking();
    const res = await submit(`id,job_title\n1,Staff Accountant\n2,${'x'.repeat(301)}\n`);
    const { id } = await res.json();
    const done = await untilFinished(() => read(id));
    expect(done).toMatchObject({ status: 'done', badRows: 1, problemsTotal: 1 });
    expect(done.problems[0]).toEqual({ line: 3, message: expect.stringMatching(/at most 300 characters/) });
  });

  it.each([
    [
      'a column the header lacks',
      'id,title\n1,Nurse\n',
      'column=job_title',
      /has no column "job_title"; its columns are "id", "title"/,
    ],
    [
      'an employer column the header lacks',
      titleCsv(2),
      'column=job_title&employerColumn=company',
      /has no column "company"/,
    ],
    ['no column named', titleCsv(2), '', /Name the column holding the titles/],
    [
      'a ragged row',
      'id,job_title\n1,Nurse\n2,Nurse,extra\n',
      'column=job_title',
      /upload\.csv:3: the row has 3 cells; the header has 2/,
    ],
    [
      'a quote left open',
      'id,job_title\n1,"Nurse\n',
      'column=job_title',
      /upload\.csv:2: a quote opened here is never closed/,
    ],
    ['an empty body', '', 'column=job_title', /empty/],
    ['a header alone', 'id,job_title\n', 'column=job_title', /has no rows below its header/],
    [
      'a NUL character',
      'id,job_title\n1,Nurse\n2,Nu\0rse\n',
      'column=job_title',
      /upload\.csv:3: the file holds a NUL character/,
    ],
  ])('refuses %s with 400 and stores nothing', async (_what, body, query, message) => {
    const before = await stored();
    const res = await submit(body, query);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(message);
    expect(await stored()).toEqual(before);
  });

  it('refuses bytes that are not UTF-8, naming the line, also when a character is split across pieces', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('id,job_title\n1,Nurse\n2,Caf'), 0xe9, 0x0a]);
    const res = await submit(latin1);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/upload\.csv:3: the file is not UTF-8 text/);

    const pieces = [
      new TextEncoder().encode('id,job_title\n1,Caf'),
      new Uint8Array([0xc3]),
      new Uint8Array([0xa9, 0x0a, 0x32, 0x2c, 0xc3, 0x28, 0x0a]),
    ];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const p of pieces) controller.enqueue(p);
        controller.close();
      },
    });
    const split = await ctx.app.request('/api/jobs?column=job_title', {
      method: 'POST',
      headers: { ...auth(editor), 'content-type': 'text/csv' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(split.status).toBe(400);
    expect((await split.json()).error.message).toMatch(/upload\.csv:3: the file is not UTF-8 text/);
  });

  it(`refuses more than ${MAX_JOB_ROWS.toLocaleString('en-US')} rows with 413, storing nothing`, async () => {
    const before = await stored();
    const res = await submit(`job_title\n${'Nurse\n'.repeat(MAX_JOB_ROWS + 1)}`);
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(
      /more than 1,000,000 rows; a bulk job may have up to that many/,
    );
    expect(await stored()).toEqual(before);
  }, 180_000);

  it(`refuses a body declared over ${MAX_JOB_BYTES / 1024 / 1024} MB before reading it`, async () => {
    const res = await ctx.app.request('/api/jobs?column=job_title', {
      method: 'POST',
      headers: { ...auth(editor), 'content-type': 'text/csv', 'content-length': String(MAX_JOB_BYTES + 1) },
      body: titleCsv(2),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/may be up to 256 MB/);
  });

  it('needs an editor key to submit, follow or read a job', async () => {
    const res = await submit(titleCsv(2));
    const { id } = await res.json();
    for (const key of [null, viewer]) {
      const status = key ? 403 : 401;
      expect((await submit(titleCsv(2), 'column=job_title', key)).status).toBe(status);
      expect((await ctx.app.request(`/api/jobs/${id}`, { headers: auth(key) })).status).toBe(status);
      expect((await ctx.app.request(`/api/jobs/${id}/result`, { headers: auth(key) })).status).toBe(status);
    }
    expect((await ctx.app.request('/api/jobs/job-none', { headers: auth(editor) })).status).toBe(404);
    expect((await ctx.app.request('/api/jobs/job-none/result', { headers: auth(editor) })).status).toBe(404);
  });

  it('refuses a body that is neither CSV nor a form', async () => {
    const res = await submit(JSON.stringify({ rows: [] }), 'column=job_title', editor, 'application/json');
    expect(res.status).toBe(400);
  });

  it('documents each operation with an id, a summary, a description and the Jobs tag', async () => {
    const doc = await (await ctx.app.request('/api/openapi.json')).json();
    const ops = [doc.paths['/jobs'].post, doc.paths['/jobs/{id}'].get, doc.paths['/jobs/{id}/result'].get];
    expect(ops.map((o) => o.operationId)).toEqual(['submitBulkJob', 'getBulkJob', 'getBulkJobResult']);
    for (const op of ops) {
      expect(op.tags).toEqual(['Jobs']);
      expect(op.summary).toBeTruthy();
      expect(op.description).toBeTruthy();
      expect(op['x-canon-access']).toBe('editor');
    }
  });
});

const target = await postgresTarget();
if ('skip' in target) reportSkip('bulk jobs over the API on PostgreSQL', target.skip);

describe.skipIf('skip' in target)('bulk jobs over the API on PostgreSQL', () => {
  it('queues the chunks in pg-boss, codes them with a worker, and serves every row once, in order', async () => {
    if ('skip' in target) return;
    const { store, url, drop } = await jobDatabase(target);
    const queue = pgBossQueue({ url, expireSeconds: 30 });
    const canon = await canonOn(store, false, { queue });
    try {
      await syncBuiltinTaxonomy(store.db, await loadTaxonomy(join(PROJECT_ROOT, 'data')));
      await canon.reload();
      const app = appForCanon(canon);
      const key = (await createApiKey(store.db, { id: 'test', role: 'admin' }, 'ed', 'editor')).key;
      const res = await app.request('/api/jobs?column=job_title&employerColumn=employer', {
        method: 'POST',
        headers: { ...auth(key), 'content-type': 'text/csv' },
        body: titleCsv(10_001),
      });
      expect(res.status).toBe(202);
      const { id } = await res.json();
      await canon.work({ concurrency: 2 });
      const read = async () => (await app.request(`/api/jobs/${id}`, { headers: auth(key) })).json();
      expect(await untilFinished(read)).toMatchObject({
        status: 'done',
        rowsDone: 10_001,
        chunks: { total: 2, done: 2 },
      });
      const csv = await (await app.request(`/api/jobs/${id}/result`, { headers: auth(key) })).text();
      expect(resultIds(csv)).toEqual(Array.from({ length: 10_001 }, (_, i) => i + 1));
    } finally {
      // The store is closed by drop(); the queue is all else this Canon started (its readers start on first use).
      await queue.stop();
      await drop();
    }
  });
});
