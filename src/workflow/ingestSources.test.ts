import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appForCanon } from '../runtime/appForCanon.js';
import { canonOn, ingestDeps } from '../runtime/openCanon.js';
import { readEvidence, readSourceProposals, readStoredDocument } from '../store/documentRepository.js';
import type { Store } from '../store/openStore.js';
import { documents, sources } from '../store/schema.js';
import { clonedStore, storesWithTaxonomy } from '../testing/testStore.js';
import { ingestSources } from './ingestSources.js';

const M4 = 'TECHNO.TECHNOLO6B55.M4';
const editor = { id: 'test:ed', role: 'editor' } as const;
const doc = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const LADDER = `# Platform leadership

## Director of Engineering (Manager 7)

- Sets the yearly platform roadmap for 4-6 engineering teams and reports progress to the VP each quarter.
- Owns the platform budget and vendor contracts across the department.

### Skills

- Vendor negotiation — runs the yearly contract review with finance
- Capacity planning: sizes clusters a year ahead

### Typical Experience

10-15+ years of professional experience in technology.

## VP of Engineering

- Runs engineering for the whole company and presents technology strategy to the board twice a year.
`;

let store: Store;
let canon: Awaited<ReturnType<typeof canonOn>>;
beforeAll(async () => {
  store = await clonedStore();
  canon = await canonOn(store);
});
afterAll(() => store.close());

describe('ingestSources', () => {
  it('stores the document with its evidence and proposes changes without touching approved content', async () => {
    const before = canon.catalog.getProfile(M4).ladder.find((s) => s.current)?.content;
    const { sources, skipped } = await ingestSources(ingestDeps(canon), editor, [
      doc('platform.md', LADDER),
      doc('notes.md', '# Notes\n\n- lunch\n'),
    ]);
    expect(skipped).toEqual([{ name: 'notes.md', warnings: [expect.stringMatching(/no level found/)] }]);
    const [s] = sources;
    expect(s?.proposals).toContainEqual({
      profileCode: M4,
      responsibilities: 2,
      aliases: 1,
      skills: 2,
      experience: true,
    });
    const id = s?.source.id ?? '';
    expect(await readStoredDocument(store.db, id)).toMatchObject({ name: 'platform.md', format: 'markdown' });
    expect((await readEvidence(store.db, id, { limit: 500, offset: 0 })).length).toBeGreaterThan(3);
    expect(canon.catalog.getProfile(M4).ladder.find((x) => x.current)?.content).toEqual(before);
    expect(canon.catalog.findSource(id)?.title).toBe('Platform leadership');

    const again = await ingestSources(ingestDeps(canon), editor, [doc('copy.md', LADDER)]);
    expect(again.sources[0]).toMatchObject({ stored: false, source: { id }, proposals: [] });
    expect(await readSourceProposals(store.db, { sourceId: id })).toHaveLength(s?.proposals.length ?? 0);

    // Two editors at once: the proposals land once, and the other is told none are left.
    const settled = await Promise.allSettled([
      canon.workflow.proposeFromSources(editor, M4, id),
      canon.workflow.proposeFromSources(editor, M4, id),
    ]);
    const applied = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(applied).toHaveLength(1);
    expect(settled.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'not_found' } });
    const { draft } = applied[0] ?? expect.unreachable();
    expect(draft.revision).toBe(1);
    expect(draft.content.responsibilities.filter((r) => r.sources.includes(id))).toHaveLength(2);
    expect(draft.content.aliases.map((a) => a.text)).toContain('Director of Engineering');
    // Each suggested statement points at the span it came from.
    const spans = new Map(
      (await readEvidence(store.db, id, { limit: 500, offset: 0 })).map((e) => [e.id, e.text]),
    );
    for (const r of draft.content.responsibilities.filter((x) => x.sources.includes(id)))
      expect(spans.get(r.evidence?.[0]?.id ?? 0)).toBe(r.text);

    expect(canon.catalog.getProfile(M4).record.version).toBe(1);

    expect(draft.content.skills?.map((x) => [x.name, x.application, x.kind])).toEqual([
      ['Vendor negotiation', 'runs the yearly contract review with finance', 'hard'],
      ['Capacity planning', 'sizes clusters a year ahead', 'hard'],
    ]);
    expect(draft.content.experience).toMatchObject({ min: 10, max: 15, openEnded: true, sources: [id] });
    expect(spans.get(draft.content.experience?.evidence?.[0]?.id ?? 0)).toBe(draft.content.experience?.text);

    await canon.workflow.submit(editor, M4);
    await canon.workflow.approve({ id: 'test:ap', role: 'approver' }, M4);
    const app = appForCanon(canon);
    const html = await (await app.request(`/profiles/${M4}`)).text();
    const link = html.match(new RegExp(`href="(/sources/${id}\\?ev=(\\d+))"`));
    // The link names the span; the source page sends it on to the page of the document that shows it.
    const span = await app.request(link?.[1] ?? '');
    expect(span.status).toBe(302);
    expect(span.headers.get('location')).toBe(`/sources/${id}?page=1#ev-${link?.[2]}`);
    expect(html).toContain('Vendor negotiation');
    expect(html).toMatch(/in this focus 10–15\+ years/);
  });

  it('keeps documents stored before a failure, and nothing of the one that failed', async () => {
    await store.db.execute(
      sql.raw(`CREATE FUNCTION fail_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.text LIKE '%poison%' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`),
    );
    await store.db.execute(
      sql.raw(
        'CREATE TRIGGER fail_evidence BEFORE INSERT ON evidence FOR EACH ROW EXECUTE FUNCTION fail_evidence()',
      ),
    );
    const good = doc(
      'good.md',
      '# Good\n\n## E1: Director of Data\n\n- Owns the data platform for 3 teams\n',
    );
    const bad = doc('bad.md', '# Bad\n\n## E1: Director of Risk\n\n- A poison statement for 2 teams\n');
    await expect(ingestSources(ingestDeps(canon), editor, [good, bad])).rejects.toThrow();
    const names = (await store.db.select({ name: documents.name }).from(documents)).map((r) => r.name);
    expect(names).toContain('good.md');
    expect(names).not.toContain('bad.md');
    const titles = (await store.db.select({ title: sources.title }).from(sources)).map((r) => r.title);
    expect(titles).toContain('Good');
    expect(titles).not.toContain('Bad');
    await store.db.execute(sql.raw('DROP TRIGGER fail_evidence ON evidence'));
  });

  it('refuses viewers and documents with no level at all', async () => {
    await expect(
      ingestSources(ingestDeps(canon), { id: 'v', role: 'viewer' }, [doc('a.md', LADDER)]),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(ingestSources(ingestDeps(canon), editor, [doc('n.md', '# Notes\n')])).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/nothing was stored/),
    });
  });
});

describe.each(await storesWithTaxonomy('ingest'))(
  'the same document uploaded at once, on %s',
  (_name, open) => {
    it.skipIf(!open)(
      'is stored once; every other upload gets that source back, as a re-upload does',
      async () => {
        if (!open) return;
        const { store: own, drop } = await open();
        try {
          const deps = ingestDeps(await canonOn(own));
          const results = await Promise.all(
            Array.from({ length: 6 }, (_, i) => ingestSources(deps, editor, [doc(`copy-${i}.md`, LADDER)])),
          );
          const summaries = results.map((r) => r.sources[0]);
          const id = summaries[0]?.source.id;
          expect(summaries.map((s) => s?.source.id)).toEqual(summaries.map(() => id));
          expect(summaries.filter((s) => s?.stored)).toHaveLength(1);
          expect(
            await own.db
              .select({ id: sources.id })
              .from(sources)
              .where(eq(sources.id, id ?? '')),
          ).toHaveLength(1);
        } finally {
          await drop();
        }
      },
    );
  },
);
