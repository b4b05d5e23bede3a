import { Spectral } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../testing/testApp.js';
import { ACCESS_FIELD, API_KEY_SCHEME } from '../access.js';
import { API_TAGS } from './openApiDocument.js';
import { type ApiDocument, operationsOf, type SchemaObject } from './openApiTypes.js';

/** The document every route of a full app (writes and uploads too) puts together, as clients fetch it. */
let ctx: Awaited<ReturnType<typeof testApp>>;
let doc: ApiDocument;
beforeAll(async () => {
  ctx = await testApp();
  doc = (await (await ctx.app.request('/api/openapi.json')).json()) as ApiDocument;
});
afterAll(() => ctx.store.close());

/** Spectral's standard `oas` ruleset, as `spectral lint` runs it with `extends: spectral:oas`. */
async function lint(document: object): Promise<string[]> {
  const spectral = new Spectral();
  spectral.setRuleset({ extends: [[oas as never, 'recommended']] });
  const results = await spectral.run(JSON.stringify(document, null, 2));
  return results.map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`);
}

const each = () => operationsOf(doc).map(({ path, method, op }) => ({ at: `${method} ${path}`, op }));

describe('the OpenAPI document', () => {
  it("passes Spectral's oas ruleset with no error, warning, hint or note", async () => {
    expect(operationsOf(doc).length).toBeGreaterThanOrEqual(34);
    expect(await lint(doc)).toEqual([]);
  });

  it('is linted for what it is checked for: a nameless, undescribed operation and an example its schema refuses', async () => {
    const broken = structuredClone(doc);
    const resolve = broken.paths['/resolve']?.get;
    const ok = resolve?.responses['200']?.content?.['application/json'];
    if (!resolve || !ok) throw new Error('GET /resolve has no JSON answer');
    delete resolve.operationId;
    delete resolve.description;
    ok.example = { title: 42 };
    const codes = (await lint(broken)).map((line) => line.split(' ')[0]);
    expect(codes).toEqual(
      expect.arrayContaining(['operation-operationId', 'operation-description', 'oas3-valid-media-example']),
    );
  });

  it('names every operation by a unique camelCase operationId, with a summary and a description', () => {
    const ids = each().map(({ op }) => op.operationId);
    expect(ids.filter((id) => !/^[a-z][a-zA-Z0-9]*$/.test(id ?? ''))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const undescribed = each().filter(({ op }) => !op.summary || (op.description?.length ?? 0) < 40);
    expect(undescribed.map((o) => o.at)).toEqual([]);
  });

  it('tags every operation with tags declared at the top, each with a description, each used', () => {
    const declared = new Set((doc.tags ?? []).map((t) => t.name));
    expect((doc.tags ?? []).filter((t) => !t.description)).toEqual([]);
    expect([...declared]).toEqual(API_TAGS.map((t) => t.name));
    const stray = each().flatMap(({ at, op }) =>
      (op.tags?.length ? op.tags : ['(none)']).filter((t) => !declared.has(t)).map((t) => `${at}: ${t}`),
    );
    expect(stray).toEqual([]);
    const used = new Set(each().flatMap(({ op }) => op.tags ?? []));
    expect([...declared].filter((t) => !used.has(t))).toEqual([]);
  });

  it('says what each operation needs: a key of its role, or for a read none unless reads are private', () => {
    expect(doc.components?.securitySchemes?.[API_KEY_SCHEME]).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    const key = { [API_KEY_SCHEME]: [] };
    const wrong = each().filter(({ op }) => {
      const read = op[ACCESS_FIELD] === 'read';
      const expected = read ? [{}, key] : [key];
      const failures = read ? ['401'] : ['401', '403'];
      return (
        JSON.stringify(op.security) !== JSON.stringify(expected) ||
        failures.some((status) => !op.responses[status])
      );
    });
    expect(wrong.map((o) => o.at)).toEqual([]);
  });

  it('describes every parameter with its type and an example, and the range of numbers', () => {
    const bare = each().flatMap(({ at, op }) =>
      (op.parameters ?? [])
        .filter((p) => {
          const s = p.schema ?? {};
          const number = s.type === 'integer' || s.type === 'number';
          return !p.description || !s.type || s.example === undefined || (number && s.minimum === undefined);
        })
        .map((p) => `${at}: ${p.name}`),
    );
    expect(bare).toEqual([]);
  });

  it('gives every body and answer a schema and an example (the JSON one, or else one of another type), and every answer a description', () => {
    type Content = Record<string, { schema?: unknown; example?: unknown }>;
    // JSON where there is JSON; a CSV-only body or answer shows its CSV instead.
    const shown = (content: Content | undefined) => {
      const json = content?.['application/json'];
      const all = json ? [json] : Object.values(content ?? {});
      return all.some((c) => c.schema !== undefined && c.example !== undefined);
    };
    const missing = each().flatMap(({ at, op }) => {
      const answers = Object.entries(op.responses).map(([status, r]) => ({ status, r }));
      return [
        ...(op.requestBody && !shown(op.requestBody.content) ? [`${at}: request body`] : []),
        ...answers
          .filter(({ status, r }) => !r.description || (status !== '204' && !shown(r.content)))
          .map(({ status }) => `${at}: ${status}`),
      ];
    });
    expect(missing).toEqual([]);
  });

  it('answers every operation with a named schema, and every failure with the Error schema', () => {
    const wrong = each().flatMap(({ at, op }) =>
      Object.entries(op.responses).flatMap(([status, r]) => {
        const ref = r.content?.['application/json']?.schema?.$ref;
        // A CSV or document answer is the file itself, not a schema of fields.
        if (status === '204' || (Number(status) < 400 && !r.content?.['application/json'])) return [];
        const expected =
          Number(status) >= 400 ? '#/components/schemas/Error' : ref?.startsWith('#/components/');
        return (Number(status) >= 400 ? ref === expected : expected) ? [] : [`${at}: ${status}`];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('describes every named schema and every field of it', () => {
    const undescribed: string[] = [];
    const walk = (schema: SchemaObject, at: string) => {
      for (const [name, field] of Object.entries(schema.properties ?? {})) {
        // A named schema describes itself; a field may add its own words beside the reference.
        const described = field.description || field.$ref || field.allOf?.some((part) => part.description);
        if (!described) undescribed.push(`${at}.${name}`);
        walk(field, `${at}.${name}`);
      }
      for (const part of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])])
        walk(part, at);
      if (schema.items) walk(schema.items, `${at}[]`);
      if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties, `${at}{}`);
    };
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
      if (!schema.description) undescribed.push(name);
      walk(schema, name);
    }
    expect(undescribed).toEqual([]);
  });
});
