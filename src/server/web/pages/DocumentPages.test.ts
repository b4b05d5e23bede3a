import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDeps } from '../../../runtime/openCanon.js';
import { readTaxonomy } from '../../../store/taxonomyRepository.js';
import { docxBomb, docxWithParts } from '../../../testing/docxFixture.js';
import { testApp } from '../../../testing/testApp.js';
import { ingestSources } from '../../../workflow/ingestSources.js';

const LADDER =
  '# Data ladder\n\n## D1 - Data Engineer 1\n\n- Builds <pipelines> for one team\n\n## D2 - Senior Data Engineer\n\n- Designs the warehouse for 4 teams\n';

let ctx: Awaited<ReturnType<typeof testApp>>;
let id: string;
beforeAll(async () => {
  ctx = await testApp();
  const result = await ingestSources(ingestDeps(ctx.canon), { id: 'test', role: 'editor' }, [
    { name: 'data.md', bytes: new TextEncoder().encode(LADDER) },
  ]);
  id = result.sources[0]?.source.id ?? '';
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
