import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../testing/testApp.js';
import { type ApiDocument, operationsOf } from '../../api/openApiTypes.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
let doc: ApiDocument;
let html: string;
beforeAll(async () => {
  ctx = await testApp();
  doc = (await (await ctx.app.request('/api/openapi.json')).json()) as ApiDocument;
  const res = await ctx.app.request('/api/docs');
  expect(res.status).toBe(200);
  html = await res.text();
});
afterAll(() => ctx.store.close());

/** The HTML of one operation's article, found by its operationId. */
function article(id: string): string {
  const start = html.indexOf(`<article class="operation" id="${id}"`);
  expect(start, id).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</article>', start));
}

describe('the API reference page', () => {
  it('shows every operation of the document, with its authentication and every answer', () => {
    for (const { op } of operationsOf(doc)) {
      const part = article(op.operationId ?? '');
      expect(part).toContain('Authentication');
      for (const status of Object.keys(op.responses))
        expect(part, op.operationId).toContain(`>${status}</th>`);
    }
  });

  it('shows each request body with its fields and an example', () => {
    const withBodies = operationsOf(doc).filter(({ op }) => op.requestBody?.content['application/json']);
    expect(withBodies.length).toBeGreaterThanOrEqual(7);
    for (const { op } of withBodies) {
      const part = article(op.operationId ?? '');
      expect(part, op.operationId).toContain('Request body');
      expect(part, op.operationId).toContain('Example body');
    }
    const batch = article('resolveTitles');
    expect(batch).toContain('<code>titles</code>');
    expect(batch).toContain('Director of Engineering');
  });

  it("says who may call an operation: anyone where reads are public, else the key's role", () => {
    expect(article('getProfile')).toContain('None — unless this server keeps reads private');
    expect(article('approveDraft')).toContain('An API key with the approver role or a stronger one.');
    expect(html).toContain('Authorization: Bearer &lt;key&gt;');
  });

  it('reads types as a person would, and gives ranges and defaults of parameters', () => {
    const summary = html.slice(html.indexOf('id="schema-ProfileSummary"'));
    expect(summary).toMatch(/<code>version<\/code>[\s\S]*?<code class="type">integer \| null<\/code>/);
    const diff = html.slice(html.indexOf('id="schema-Diff"'));
    expect(diff).toMatch(/<code>from<\/code>[\s\S]*?<code class="type">integer \| &quot;draft&quot;<\/code>/);
    expect(article('listProfiles')).toContain('1–500 · default 50');
    expect(article('listLevels')).toContain('<a href="#schema-LevelList">LevelList</a>');
  });

  it('lists the fields of every named schema, those it extends too', () => {
    expect(html).not.toMatch(/Fields:\s*<\/p>/);
    const version = html.slice(html.indexOf('id="schema-Version"'), html.indexOf('id="schema-VersionList"'));
    expect(version).toContain('<a href="#schema-VersionSummary">VersionSummary</a>');
    expect(version).toContain('<code>content</code>');
    for (const name of Object.keys(doc.components?.schemas ?? {}))
      expect(html).toContain(`id="schema-${name}"`);
  });

  it('runs no script and loads nothing from elsewhere', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(?:src|href)="https?:/);
  });
});
