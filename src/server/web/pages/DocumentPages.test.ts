import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDeps } from '../../../runtime/openCanon.js';
import { readTaxonomy } from '../../../store/taxonomyRepository.js';
import { docxBomb, docxWithParts } from '../../../testing/docxFixture.js';
import { testApp } from '../../../testing/testApp.js';
import { ingestSources } from '../../../workflow/ingestSources.js';
import { sourceDocuments } from '../../../workflow/sourceDocuments.js';
import { createApp } from '../../createApp.js';

const LADDER =
  '# Data ladder\n\n## D1 - Data Engineer 1\n\n- Builds <pipelines> for one team\n\n## D2 - Senior Data Engineer\n\n- Designs the warehouse for 4 teams\n';

/** A ladder of 600 duties: more marked spans than one page of a document shows. */
const duty = (level: number, n: number) => `Builds pipeline ${level}.${n} for the analytics team every week`;
const BIG = `# Big ladder\n\n${[1, 2]
  .map(
    (level) =>
      `## D${level} - Data Engineer ${level}\n\n${Array.from({ length: 300 }, (_, n) => `- ${duty(level, n)}`).join('\n')}\n`,
  )
  .join('\n')}`;

let ctx: Awaited<ReturnType<typeof testApp>>;
let id: string;
let bigId: string;
beforeAll(async () => {
  ctx = await testApp();
  const result = await ingestSources(ingestDeps(ctx.canon), { id: 'test', role: 'editor' }, [
    { name: 'data.md', bytes: new TextEncoder().encode(LADDER) },
    { name: 'big.md', bytes: new TextEncoder().encode(BIG) },
  ]);
  id = result.sources[0]?.source.id ?? '';
  bigId = result.sources[1]?.source.id ?? '';
});
afterAll(() => ctx.store.close());

describe('document pages', () => {
  it('shows an ingested source with its crosswalk and its evidence marked by kind, text escaped', async () => {
    const html = await (await ctx.app.request(`/sources/${id}`)).text();
    expect(html).toContain('D1 - Data Engineer 1');
    expect(html).toMatch(
      /<mark id="ev-\d+" class="ev ev-responsibility"[^>]*><span class="visually-hidden">\[Responsibility\] <\/span>Builds &lt;pipelines&gt; for one team<\/mark>/,
    );
    expect(html).toMatch(/<th scope="row">P1 — Entry Professional<\/th><td>D1 - Data Engineer 1<\/td>/);
  });

  it('maps a pasted ladder without storing it, and says why when it cannot', async () => {
    const stored = async () => (await readTaxonomy(ctx.store.db)).sources.length;
    const before = await stored();
    const form = new FormData();
    form.append('text', LADDER.replace('Data', 'Web'));
    const res = await ctx.app.request('/ingest', { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Web ladder');
    expect(html).toContain('D2 - Senior Data Engineer');
    expect(await stored()).toBe(before);

    const empty = new FormData();
    empty.append('text', '   ');
    const bad = await ctx.app.request('/ingest', { method: 'POST', body: empty });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('is empty');

    // The form's body is capped before it is read, like the API's.
    const huge = new FormData();
    huge.append('file', new File(['x'.repeat(3 * 1024 * 1024)], 'huge.md'));
    const tooBig = await ctx.app.request('/ingest', { method: 'POST', body: huge });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.text()).toContain('documents may be up to that');
  });

  it('shows a large document a page at a time, with links between the pages', async () => {
    const first = await (await ctx.app.request(`/sources/${bigId}`)).text();
    expect(first).toContain('Page 1 of 2');
    expect(first).toContain('href="?page=2"');
    expect(first).toContain('Responsibility 600');
    expect(first).toContain(duty(1, 0));
    expect(first).not.toContain(duty(2, 299));
    expect(first.match(/<mark /g)).toHaveLength(500);
    const second = await (await ctx.app.request(`/sources/${bigId}?page=2`)).text();
    expect(second).toContain('href="?page=1"');
    expect(second).toContain(duty(2, 299));
    expect(second).not.toContain(duty(1, 0));
    expect((await ctx.app.request(`/sources/${bigId}?page=3`)).status).toBe(404);
    expect((await ctx.app.request(`/sources/${bigId}?page=two`)).status).toBe(400);
    expect((await ctx.app.request(`/sources/${id}?page=2`)).status).toBe(404);
  });

  it("sends a citation of a span on to the document's page that shows it", async () => {
    const second = await (await ctx.app.request(`/sources/${bigId}?page=2`)).text();
    const last = [...second.matchAll(/id="ev-(\d+)"/g)].at(-1)?.[1];
    const res = await ctx.app.request(`/sources/${bigId}?ev=${last}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/sources/${bigId}?page=2#ev-${last}`);
    expect((await ctx.app.request(`/sources/${id}?ev=${last}`)).status).toBe(404);
  });

  it('reads and renders a source page once, whatever other parameters requests carry', async () => {
    const documents = sourceDocuments(ingestDeps(ctx.canon));
    let reads = 0;
    const app = createApp({
      catalog: () => ctx.canon.catalog,
      documents: {
        ...documents,
        document: (source) => {
          reads++;
          return documents.document(source);
        },
      },
    });
    const etags = new Set<string | null>();
    for (let n = 0; n < 20; n++) {
      const res = await app.request(`/sources/${bigId}?junk=${n}&utm_source=x${n}`);
      expect(res.status).toBe(200);
      etags.add(res.headers.get('etag'));
    }
    expect((await app.request(`/sources/${bigId}?page=1&junk=1`)).status).toBe(200);
    expect(reads).toBe(1);
    expect(etags.size).toBe(1);
  });

  it.each([
    ['a DOCX zip bomb', () => docxBomb(1024), '&quot;bomb.docx&quot; is too large once unzipped'],
    ['a DOCX of too many parts', () => docxWithParts(1_000), '&quot;bomb.docx&quot; holds 1,005 files'],
  ])('refuses %s on the form with 413 and why', async (_name, bytes, message) => {
    const form = new FormData();
    form.append('file', new File([bytes()], 'bomb.docx'));
    const res = await ctx.app.request('/ingest', { method: 'POST', body: form });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain(message);
  });
});
