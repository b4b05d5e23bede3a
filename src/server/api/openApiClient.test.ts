import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../testing/testApp.js';

/**
 * What a client generator makes of the document: openapi-typescript turns it into types (with
 * defaults left optional, as the README says to generate them), and small programs call the API
 * through openapi-fetch with them. The TypeScript compiler checks every program at once: the right
 * calls must compile, and each wrong one must not.
 */
const RIGHT = `
  const one = await client.GET('/resolve', { params: { query: { title: 'Senior Data Engineer', top: 2 } } });
  const level: string | undefined = one.data?.candidates[0]?.level.code;
  const review: boolean | undefined = one.data?.needsReview;
  const batch = await client.POST('/resolve', {
    body: { titles: ['Director of Engineering', { title: 'Engineering Manager', employer: 'Acme' }] },
  });
  const titles: string[] | undefined = batch.data?.results.map((r) => r.title);
  const draft = await client.POST('/profiles/{code}/draft', {
    params: { path: { code: 'TECHNO.TECHNOLO6B55.M3' } },
    body: { revision: 0, add: { aliases: [{ text: 'Head of Engineering', sources: ['canon-profile-m3'] }] } },
    headers: { authorization: 'Bearer key' },
  });
  const revision: number | undefined = draft.data?.revision;
  const failure: string | undefined = draft.error?.error.code;
  const confidence: components['schemas']['ProfileSummary']['confidence'] = null;
  const experience: components['schemas']['Level']['experience'] = { min: 8, max: 12 };
  return [level, review, titles, revision, failure, confidence, experience];`;

/** Wrong calls, and what the compiler must say about each. */
const WRONG: [string, string, RegExp][] = [
  [
    'a misspelt query parameter',
    `await client.GET('/resolve', { params: { query: { titel: 'Engineer' } } });`,
    /'titel' does not exist/,
  ],
  [
    'a missing required parameter',
    `await client.GET('/resolve', { params: { query: {} } });`,
    /'title' is missing/,
  ],
  ['a path the API lacks', `await client.GET('/resolver', {});`, /"\/resolver"/],
  [
    'a field the answer lacks',
    `return (await client.GET('/levels/{code}', { params: { path: { code: 'M3' } } })).data?.salary;`,
    /'salary' does not exist/,
  ],
  [
    'a body of the wrong shape',
    `await client.POST('/resolve', { body: { titles: 'Engineer' } });`,
    /'string' is not assignable/,
  ],
  [
    'a statement without sources',
    `await client.POST('/profiles/{code}/draft', { params: { path: { code: 'X' } }, body: { add: { aliases: [{ text: 'Head' }] } } });`,
    /'sources' is missing/,
  ],
  [
    'an enum value the API refuses',
    `await client.GET('/profiles', { params: { query: { track: 'X' } } });`,
    /'"X"' is not assignable/,
  ],
  [
    'null where the API never sends it',
    `const code: components['schemas']['Level']['code'] = null; return code;`,
    /'null' is not assignable to type 'string'/,
  ],
];

let ctx: Awaited<ReturnType<typeof testApp>>;
let dir: string;
/** The compiler's complaints, by program. */
const complaints = new Map<string, string[]>();
beforeAll(async () => {
  ctx = await testApp();
  const doc = await (await ctx.app.request('/api/openapi.json')).json();
  dir = await mkdtemp(join(tmpdir(), 'canon-client-'));
  const types = astToString(await openapiTS(doc, { silent: true, defaultNonNullable: false }));
  await writeFile(join(dir, 'canon.d.ts'), types);
  const programs = [['right', RIGHT], ...WRONG.map(([, call], i) => [`wrong${i}`, call])] as const;
  const files = new Map<string, string>();
  for (const [name, body] of programs) {
    const file = join(dir, `${name}.ts`);
    files.set(file, name);
    complaints.set(name, []);
    await writeFile(file, program(body));
  }
  const compiled = ts.createProgram([...files.keys()], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    paths: {
      'openapi-fetch': [dirname(createRequire(import.meta.url).resolve('openapi-fetch/package.json'))],
    },
  });
  for (const d of ts.getPreEmitDiagnostics(compiled)) {
    // A complaint about the generated types or a library would be every program's.
    const name = files.get(d.file?.fileName ?? '') ?? 'right';
    complaints.get(name)?.push(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await ctx.store.close();
});

function program(body: string): string {
  return `import createClient from 'openapi-fetch';
import type { components, paths } from './canon.js';
const client = createClient<paths>({ baseUrl: 'http://localhost:3000/api' });
export async function call() {
${body}
}
`;
}

describe('a client generated from the OpenAPI document', () => {
  it('type-checks calls that match the API: a read, a batch, a write, and nullable fields', () => {
    expect(complaints.get('right')).toEqual([]);
  });

  it.each(WRONG.map(([what, , reason], i) => [what, i, reason] as const))(
    'refuses %s',
    (_what, i, reason) => {
      expect(complaints.get(`wrong${i}`)).toEqual([expect.stringMatching(reason)]);
    },
  );
});
