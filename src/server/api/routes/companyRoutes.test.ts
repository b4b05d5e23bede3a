import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NORTHWIND_CSV } from '../../../company/fixtures/northwindXlsx.js';
import type { Actor } from '../../../core/roles.js';
import { appForCanon } from '../../../runtime/appForCanon.js';
import { type Canon, canonOn } from '../../../runtime/openCanon.js';
import { workspaces } from '../../../store/schema.js';
import { clonedStore } from '../../../testing/testStore.js';
import { createApiKey } from '../../../workflow/apiKeys.js';
import { JobMatchSchema } from '../schemas.js';

const OPERATOR: Actor = { id: 'cli:me', role: 'admin', operator: true };
const TOKEN = 'operator-token-for-tests';

let canon: Canon;
let app: ReturnType<typeof appForCanon>;
let taxonomyKey: string;
let northwind: Uint8Array;

beforeAll(async () => {
  canon = await canonOn(await clonedStore());
  app = appForCanon(canon, { operator: { token: TOKEN, actor: OPERATOR }, log: () => {} });
  await canon.store.db.insert(workspaces).values({ id: 'acme', name: 'Acme', createdBy: 'cli:me' });
  taxonomyKey = (await createApiKey(canon.store.db, OPERATOR, 'tess', 'editor')).key;
  northwind = await readFile(NORTHWIND_CSV);
});
afterAll(() => canon.close());

const as = (key: string | null, init: RequestInit = {}) => ({
  ...init,
  headers: {
    ...(key ? { authorization: `Bearer ${key}` } : {}),
    ...(init.headers as Record<string, string>),
  },
});
const form = (bytes: Uint8Array, name: string) => {
  const body = new FormData();
  body.append('file', new Blob([new Uint8Array(bytes)]), name);
  return body;
};

describe('/api/workspaces/{workspace}/… over HTTP', () => {
  it('needs a key of the workspace: none is 401, a taxonomy key learns nothing (404)', async () => {
    expect((await app.request('/api/workspaces/acme/mapping')).status).toBe(401);
    const other = await app.request('/api/workspaces/acme/mapping', as(taxonomyKey));
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({
      error: { code: 'not_found', message: 'No workspace "acme".' },
    });
  });

  it('previews, stores (multipart or raw body), and stores nothing for the same file again', async () => {
    const dry = await app.request(
      '/api/workspaces/acme/imports?dryRun=true',
      as(TOKEN, { method: 'POST', body: form(northwind, 'northwind.csv') }),
    );
    expect(dry.status).toBe(200);
    const preview = (await dry.json()) as {
      dryRun: boolean;
      import: unknown;
      summary: { read: number; problems: number; lines: number };
      jobs: unknown[];
    };
    expect(preview).toMatchObject({ dryRun: true, import: null });
    expect(preview.summary.read + preview.summary.problems).toBe(preview.summary.lines);
    expect(preview.jobs).toHaveLength(preview.summary.read);
    expect(await (await app.request('/api/workspaces/acme/imports', as(TOKEN))).json()).toEqual([]);

    const stored = await app.request(
      '/api/workspaces/acme/imports?file=northwind.csv',
      as(TOKEN, { method: 'POST', body: new Uint8Array(northwind), headers: { 'content-type': 'text/csv' } }),
    );
    expect(stored.status).toBe(200);
    const first = (await stored.json()) as {
      dryRun: boolean;
      import: { id: number };
      diff: { added: unknown[] };
    };
    expect(first.dryRun).toBe(false);
    expect(first.diff.added).toHaveLength(preview.summary.read);
    const again = (await (
      await app.request(
        '/api/workspaces/acme/imports',
        as(TOKEN, { method: 'POST', body: form(northwind, 'northwind.csv') }),
      )
    ).json()) as { import: { id: number }; diff: { unchanged: boolean } };
    expect(again).toMatchObject({ import: { id: first.import.id }, diff: { unchanged: true } });
    const list = (await (await app.request('/api/workspaces/acme/imports', as(TOKEN))).json()) as unknown[];
    expect(list).toHaveLength(1);
  });

  it('lists the review queue, takes a decision, and sets a grade; refuses bad input with its words', async () => {
    const queue = (await (await app.request('/api/workspaces/acme/review-queue', as(TOKEN))).json()) as {
      title: string;
      department: string;
    }[];
    const job = queue[0];
    if (!job) throw new Error('nothing to review');
    const mapping = (await (await app.request('/api/workspaces/acme/mapping', as(TOKEN))).json()) as {
      jobs: { match: { profile: { code: string } | null } }[];
      decided: { person: number };
    };
    const code = mapping.jobs.find((j) => j.match.profile)?.match.profile?.code;
    const json = (body: unknown, method = 'POST') =>
      as(TOKEN, { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const decided = await app.request(
      '/api/workspaces/acme/decisions',
      json({ title: job.title, department: job.department, profileCode: code }),
    );
    expect(decided.status).toBe(200);
    expect(((await decided.json()) as { decidedBy: string }[]).every((j) => j.decidedBy === 'person')).toBe(
      true,
    );
    const dictionary = (await (
      await app.request('/api/workspaces/acme/dictionary', as(TOKEN))
    ).json()) as unknown[];
    expect(dictionary).toHaveLength(1);
    const bad = await app.request(
      '/api/workspaces/acme/decisions',
      json({ title: job.title, profileCode: 'NOPE.X.P9' }),
    );
    expect(bad.status).toBe(400);

    const set = await app.request(
      '/api/workspaces/acme/grades',
      json({ grade: 'L5', levels: 'P4', reason: 'agreed' }, 'PUT'),
    );
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ settings: [{ grade: 'L5', levels: 'P4', reason: 'agreed' }] });
    const broken = await app.request(
      '/api/workspaces/acme/grades',
      json({ grade: 'L3', levels: 'P6', reason: 'x' }, 'PUT'),
    );
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({
      error: {
        message:
          '"L5" is set to P4 but "L3", a lower grade, to P6: a higher grade never corresponds to a lower level.',
      },
    });
    const read = (await (await app.request('/api/workspaces/acme/grades', as(TOKEN))).json()) as {
      settings: unknown[];
    };
    expect(read.settings).toHaveLength(1);
  });

  it("answers every job's match exactly as JobMatch documents it: the Northwind dry run's, and the mapping's after a decision", async () => {
    const dry = (await (
      await app.request(
        '/api/workspaces/acme/imports?dryRun=true',
        as(TOKEN, { method: 'POST', body: form(northwind, 'northwind.csv') }),
      )
    ).json()) as { jobs: { match: unknown }[] };
    const mapping = (await (await app.request('/api/workspaces/acme/mapping', as(TOKEN))).json()) as {
      jobs: { match: unknown; decidedBy: string }[];
    };
    const matches = [...dry.jobs, ...mapping.jobs].map((j) => j.match);
    expect(dry.jobs.length).toBeGreaterThan(0);
    expect(mapping.jobs.some((j) => j.decidedBy === 'person')).toBe(true);
    const refused = matches.flatMap((match) => {
      const parsed = JobMatchSchema.safeParse(match);
      return parsed.success ? [] : [{ match, issues: parsed.error.issues }];
    });
    expect(refused).toEqual([]);
    const statuses = new Set(matches.map((m) => JobMatchSchema.parse(m).status));
    expect([...statuses].sort()).toEqual(['matched', 'needs review', 'unmatched']);
    // Strict: a field the schema does not name is refused, so an answer cannot outgrow its documentation.
    expect(JobMatchSchema.safeParse({ ...(matches[0] as object), extra: 1 }).success).toBe(false);
  });

  it('exports the mapping as JSON and CSV, the matrix as XLSX and the level guide as Markdown', async () => {
    const mapping = (await (await app.request('/api/workspaces/acme/mapping', as(TOKEN))).json()) as {
      jobs: { title: string; match: { profile: { code: string } | null } }[];
    };
    const json = await app.request('/api/workspaces/acme/exports/mapping.json', as(TOKEN));
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const rows = (await json.json()) as { title: string; profile: string }[];
    expect(rows.map((r) => [r.title, r.profile])).toEqual(
      mapping.jobs.map((j) => [j.title, j.match.profile?.code ?? '']),
    );
    const csv = await (await app.request('/api/workspaces/acme/exports/mapping.csv', as(TOKEN))).text();
    expect(csv.split('\n').some((line) => /^[^,]*,[^,]*,"?'=HYPERLINK/.test(line))).toBe(true);
    const xlsx = await app.request('/api/workspaces/acme/exports/matrix.xlsx', as(TOKEN));
    expect(xlsx.headers.get('content-disposition')).toBe('attachment; filename="acme-matrix.xlsx"');
    expect([...new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);
    const guide = await (await app.request('/api/workspaces/acme/exports/level-guide.md', as(TOKEN))).text();
    expect(guide).toMatch(/^# Level guide: acme\n/);
    const unknown = await app.request('/api/workspaces/acme/exports/level-guide.csv', as(TOKEN));
    expect(unknown.status).toBe(400);
    expect((await app.request('/api/workspaces/acme/exports/matrix.csv', as(taxonomyKey))).status).toBe(404);
  });
});
