import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxBomb, docxWithParts } from '../../../testing/docxFixture.js';
import { OBJECT_MEMBER_WORDS } from '../../../testing/objectMemberWords.js';
import { testApp } from '../../../testing/testApp.js';
import { storesWithTaxonomy } from '../../../testing/testStore.js';
import { createApiKey } from '../../../workflow/apiKeys.js';

const LADDER = `# Platform ladder

## E1: Director of Platform

Owns the platform domain.

- Sets the platform roadmap for 5 teams

### Typical Experience

12-18+ years of professional experience in technology.

## E2: Senior Director of Platform

- Runs platform and infrastructure across 3 domains
`;

let ctx: Awaited<ReturnType<typeof testApp>>;
let editor: string;
let viewer: string;
beforeAll(async () => {
  ctx = await testApp();
  editor = (await createApiKey(ctx.store.db, { id: 'test', role: 'admin' }, 'ed', 'editor')).key;
  viewer = (await createApiKey(ctx.store.db, { id: 'test', role: 'admin' }, 'vi', 'viewer')).key;
});
afterAll(() => ctx.store.close());

const post = (body: BodyInit, key: string | null, type?: string, app = ctx.app) =>
  app.request('/api/sources', {
    method: 'POST',
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(type ? { 'content-type': type } : {}),
    },
    body,
  });

describe('POST /api/sources', () => {
  it('reads a ladder into a source with evidence, once', async () => {
    const res = await post(JSON.stringify({ name: 'platform.md', text: LADDER }), editor, 'application/json');
    expect(res.status).toBe(201);
    const { items } = await res.json();
    expect(items[0]).toMatchObject({
      source: { kind: 'ladder', title: 'Platform ladder' },
      stored: true,
      claims: { experience: 1 },
    });
    expect(items[0].levels.map((l: { label: string }) => l.label)).toEqual([
      'E1: Director of Platform',
      'E2: Senior Director of Platform',
    ]);
    const id = items[0].source.id;

    const again = await (
      await post(JSON.stringify({ name: 'copy.md', text: LADDER }), editor, 'application/json')
    ).json();
    expect(again.items[0]).toMatchObject({ source: { id }, stored: false });

    expect((await (await ctx.app.request(`/api/sources/${id}`)).json()).title).toBe('Platform ladder');
    const ev = await (await ctx.app.request(`/api/sources/${id}/evidence`)).json();
    const duty = ev.items.find((e: { kind: string }) => e.kind === 'responsibility');
    expect(LADDER.slice(duty.start, duty.end)).toBe('Sets the platform roadmap for 5 teams');
    expect(duty).toMatchObject({
      level: 'E1: Director of Platform',
      canonicalLevel: ev.levels[0].canonical.code,
    });
  });

  it.each(OBJECT_MEMBER_WORDS)('reads a ladder whose level is headed "E3: %s Associate"', async (word) => {
    const text = `# Ladder\n\n## E1: Director of Platform\n\n- Runs 3 teams\n\n## E3: ${word} Associate\n\n- Owns ${word} work\n`;
    const res = await post(JSON.stringify({ name: 'ladder.md', text }), editor, 'application/json');
    expect(res.status).toBe(201);
    const { items } = await res.json();
    expect(items[0].levels.map((l: { label: string }) => l.label)).toEqual([
      'E1: Director of Platform',
      // Underscores at a word's edge read as emphasis marks, in any word.
      `E3: ${word.replace(/^_+|_+$/g, '')} Associate`,
    ]);
  });

  it('answers the evidence a page at a time', async () => {
    const created = await post(JSON.stringify({ name: 'p.md', text: LADDER }), editor, 'application/json');
    const id = (await created.json()).items[0].source.id;
    const evidence = async (query: string) => ctx.app.request(`/api/sources/${id}/evidence${query}`);
    const all = await (await evidence('')).json();
    expect(all).toMatchObject({ limit: 50, offset: 0, total: all.items.length });
    expect(all.total).toBeGreaterThan(3);
    const page = await (await evidence('?offset=1&limit=2')).json();
    expect(page).toMatchObject({ limit: 2, offset: 1, total: all.total, levels: all.levels });
    expect(page.items).toEqual(all.items.slice(1, 3));
    expect((await evidence('?limit=501')).status).toBe(400);
    expect((await evidence('?offset=-1')).status).toBe(400);
  });

  it('takes file uploads', async () => {
    const form = new FormData();
    form.append('file', new File([LADDER.replace('Platform', 'Data')], 'data.md'));
    const res = await post(form, editor);
    expect(res.status).toBe(201);
    expect((await res.json()).items[0].source.title).toBe('Data ladder');
  });

  it('reads a JSON body only when it says it is JSON, so the UTF-8 check cannot be stepped around', async () => {
    const res = await post(
      new Uint8Array([
        ...new TextEncoder().encode('{"name":"a.md","text":"# E1: Director \n- Bad '),
        0xff,
        0x22,
        0x7d,
      ]),
      editor,
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/Content-Type "application\/x-www-form-urlencoded"/);
  });

  it('takes an upload of more files than the readers let wait at once', async () => {
    const form = new FormData();
    for (let i = 0; i < 40; i++)
      form.append(
        'file',
        new File([`# Data Engineer ${i}\n\n- Builds pipelines for team ${i}\n`], `jd-${i}.md`),
      );
    const res = await post(form, editor);
    expect(res.status).toBe(201);
    expect((await res.json()).items).toHaveLength(40);
  });

  it('refuses what it cannot use, storing nothing', async () => {
    const before = (await (await ctx.app.request('/api/sources')).json()).items.length;
    const none = await post(
      JSON.stringify({ name: 'notes.md', text: '# Notes\n\n- lunch\n' }),
      editor,
      'application/json',
    );
    expect(none.status).toBe(400);
    expect((await none.json()).error.message).toMatch(/No level found in the document; nothing was stored/);
    const huge = await post(
      JSON.stringify({ name: 'big.md', text: 'x'.repeat(3 * 1024 * 1024) }),
      editor,
      'application/json',
    );
    expect(huge.status).toBe(413);
    const binary = new FormData();
    binary.append('file', new File([new Uint8Array([0, 1, 2, 0])], 'x.txt'));
    expect((await post(binary, editor)).status).toBe(400);
    expect(
      (await post(JSON.stringify({ name: 'x.md', text: LADDER }), null, 'application/json')).status,
    ).toBe(401);
    expect(
      (await post(JSON.stringify({ name: 'x.md', text: LADDER }), viewer, 'application/json')).status,
    ).toBe(403);
    expect((await (await ctx.app.request('/api/sources')).json()).items.length).toBe(before);
    expect((await ctx.app.request('/api/sources/doc-000000000000/evidence')).status).toBe(404);
  });

  it.each([
    // 1 MB on the wire, a gigabyte inflated.
    ['a DOCX zip bomb', () => docxBomb(1024), /^"bomb\.docx" is too large once unzipped: .*more than 20 MB/],
    [
      'a DOCX of too many parts',
      () => docxWithParts(1_000),
      /^"bomb\.docx" holds 1,005 files; .*at most 1,000/,
    ],
  ])('refuses %s with 413, storing nothing', async (_name, bytes, message) => {
    const before = (await (await ctx.app.request('/api/sources')).json()).items.length;
    const form = new FormData();
    form.append('file', new File([bytes()], 'bomb.docx'));
    const res = await post(form, editor);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(message),
    });
    expect((await (await ctx.app.request('/api/sources')).json()).items.length).toBe(before);
  });

  it('keeps answering /healthz while a document reads', async () => {
    // 1 MB of notes naming no level: seconds of reading, then nothing to store.
    const notes = `# Team notes\n\n${'The team met on Friday to plan the offsite and its budget, again.\n\n'.repeat(15_000)}`;
    let reading = true;
    const upload = Promise.resolve(
      post(JSON.stringify({ name: 'notes.md', text: notes }), editor, 'application/json'),
    ).finally(() => {
      reading = false;
    });
    let answered = 0;
    while (reading) {
      if ((await ctx.app.request('/healthz')).ok) answered++;
      // app.request settles in microtasks: without a turn of the loop, the reader's answer could never land.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await upload).status).toBe(400);
    // Read on the main thread, the parse is one unbroken task: /healthz would wait it out.
    expect(answered).toBeGreaterThan(20);
  });
});

describe.each(await storesWithTaxonomy('sources API'))('the same upload at once, on %s', (_name, open) => {
  it.skipIf(!open)('answers every upload 201 with the one source, stored once', async () => {
    if (!open) return;
    const { store, drop } = await open();
    try {
      const { app } = await testApp({ store });
      const key = (await createApiKey(store.db, { id: 'test', role: 'admin' }, 'ed', 'editor')).key;
      // Verify the key first (scrypt is slow on purpose), so the uploads really race: a body it refuses.
      expect((await post('{}', key, 'application/json', app)).status).toBe(400);
      const body = JSON.stringify({ name: 'platform.md', text: LADDER });
      const responses = await Promise.all(
        Array.from({ length: 6 }, () => post(body, key, 'application/json', app)),
      );
      expect(responses.map((r) => r.status)).toEqual(responses.map(() => 201));
      const items: { source: { id: string }; stored: boolean }[] = await Promise.all(
        responses.map(async (r) => (await r.json()).items[0]),
      );
      expect(new Set(items.map((i) => i.source.id)).size).toBe(1);
      expect(items.filter((i) => i.stored)).toHaveLength(1);
    } finally {
      await drop();
    }
  });
});
