import { beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../core/catalog.js';
import { LEVELS } from '../../core/levels.js';
import { SEARCH_QUERY_LIMIT } from '../../core/searchIndex.js';
import type { ProfileStatus, SourceRow } from '../../core/taxonomy.js';
import { buildCatalog } from '../../testing/buildTaxonomy.js';
import { largeTaxonomy, ONET_SOURCE } from '../../testing/largeTaxonomy.js';
import { createApp } from '../createApp.js';
import { SHOWN_RESULTS } from './pages/TaxonomyPage.js';

/** The page's text with tags dropped and HTML's escapes read back. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;
const BADGES: Record<ProfileStatus, string> = {
  approved: '✓ approved',
  in_review: '◷ in review',
  draft: '✎ draft',
  retired: '⊘ retired',
};

describe('taxonomy pages at full size', () => {
  let catalog: Catalog;
  let app: ReturnType<typeof createApp>;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await app.request(path, { headers });
    return { status: res.status, html: await res.text(), etag: res.headers.get('etag') };
  };
  beforeAll(() => {
    catalog = new Catalog(largeTaxonomy());
    app = createApp({ catalog: () => catalog, log: () => {} });
  });

  it('lists every function with its counts on a home page that lists no profile', async () => {
    expect(catalog.taxonomy.profiles).toHaveLength(3000);
    const { status, html } = await get('/');
    expect(status).toBe(200);
    expect(text(html)).toContain('25 functions · 500 focuses · 3,000 profiles');
    for (const s of catalog.functionSummaries()) {
      expect(html).toContain(`href="/functions/${s.fn.code}"`);
      const { approved, in_review, draft, retired } = s.byStatus;
      expect(approved + in_review + draft + retired).toBe(s.profiles);
      expect(text(html)).toContain(
        `${s.fn.code} ${s.focuses} ${s.profiles} ${approved} approved ${in_review} in review ${draft} draft ${retired} retired`,
      );
    }
    expect(html).not.toContain('href="/profiles/');
    expect(html).toContain('data-section="status-legend"');
    for (const badge of ['✓ approved', '◷ in review', '✎ draft', '⊘ retired'])
      expect(text(html)).toContain(badge);
  });

  it('shows a function of 60 focuses as a grid of named, status-marked cells in track order', async () => {
    const fn = catalog.functions[0];
    if (!fn) throw new Error('no function');
    const { status, html } = await get(`/functions/${fn.code}`);
    expect(status).toBe(200);
    const focuses = catalog.focusesOf(fn.code);
    expect(focuses).toHaveLength(60);
    expect(count(html, /<tr id="focus-/g)).toBe(60);
    const columns = [...html.matchAll(/<th scope="col" data-level="([A-Z]\d)"/g)].map((m) => m[1]);
    const order = LEVELS.map((l) => l.code).filter((c) => columns.includes(c));
    expect(columns).toEqual(order);
    expect(new Set(columns.map((c) => c?.[0]))).toEqual(new Set(['S', 'P', 'M', 'E']));
    // Each filled cell links its profile by name and carries its status in words; an empty one holds no link.
    const profiles = focuses.flatMap((f) =>
      f.levelCodes.map((l) => catalog.getProfile(`${fn.code}.${f.code}.${l}`)),
    );
    for (const view of profiles) {
      const cell = new RegExp(
        `<td class="cell cell-${view.record.status}"><a href="/profiles/${view.code.replace(/\./g, '\\.')}"><span class="visually-hidden">${view.focus.name} — </span>${view.level.title}</a>`,
      );
      expect(html, view.code).toMatch(cell);
    }
    expect(count(html, /<td class="cell cell-/g)).toBe(profiles.length);
    expect(count(html, /<td class="cell empty">/g)).toBe(60 * columns.length - profiles.length);
    expect(count(html, /<td class="cell empty"><span class="visually-hidden">[^<]*<\/span><\/td>/g)).toBe(
      60 * columns.length - profiles.length,
    );
    for (const status of ['approved', 'in_review', 'draft', 'retired'])
      expect(count(html, new RegExp(`<td class="cell cell-${status}"`, 'g'))).toBe(
        profiles.filter((v) => v.record.status === status).length,
      );
    expect(text(html)).toContain(`SOC ${focuses[0]?.mappings[0]?.code}`);
  });

  it('finds profiles by SOC code in both forms, by alias, by name, and by profile code, best first', async () => {
    const focus = catalog.taxonomy.focuses[7];
    const soc = focus?.mappings[0]?.code ?? '';
    for (const q of [soc, `${soc}.00`]) {
      const hits = catalog.search(q).hits;
      expect(
        hits.map((h) => h.view.focus.code),
        q,
      ).toEqual(focus?.levelCodes.map(() => focus.code));
      const t = text((await get(`/?q=${q}`)).html);
      expect(t).toContain(`${hits.length} profiles match “${q}”`);
      expect(t).toContain(`SOC code “${q}”`);
    }
    const record = catalog.taxonomy.profiles[100];
    const alias = record?.aliases[1]?.text ?? '';
    const [best] = catalog.search(alias).hits;
    expect(best?.view.code).toBe(record?.code);
    expect(best?.matched).toEqual({ field: 'alias', text: alias });
    const byAlias = text((await get(`/?q=${encodeURIComponent(alias)}`)).html);
    expect(byAlias).toMatch(new RegExp(`match “${alias}” ${best?.view.name} .*title alias “${alias}”`));
    const code = catalog.taxonomy.profiles[5]?.code ?? '';
    expect(catalog.search(code).hits[0]?.view.code).toBe(code);
  });

  it('shows the best results of a broad search with a note of how many more there are', async () => {
    const total = catalog.search('nurse').hits.length;
    expect(total).toBeGreaterThan(SHOWN_RESULTS);
    const { html } = await get('/?q=nurse');
    expect(count(html, /<li><a href="\/profiles\//g)).toBe(SHOWN_RESULTS);
    expect(text(html)).toContain(
      `Showing the best ${SHOWN_RESULTS} of ${total}; add a word to narrow the search.`,
    );
  });

  it('answers a query of any script up to the limit, and refuses a longer one quoting it', async () => {
    for (const q of [
      '看護師長',
      'مدير التمريض',
      'Ärztin',
      'x'.repeat(SEARCH_QUERY_LIMIT),
      '🙂'.repeat(100),
      '\u0000',
    ]) {
      const res = await get(`/?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(text(res.html), q).toMatch(/profiles? match/);
    }
    const over = 'ü'.repeat(SEARCH_QUERY_LIMIT + 1);
    const refused = await get(`/?q=${encodeURIComponent(over)}`);
    expect(refused.status).toBe(400);
    expect(text(refused.html)).toContain(`The search "${'ü'.repeat(80)}…" is 201 characters long`);
    const api = await app.request(`/api/profiles?q=${encodeURIComponent(over)}`);
    expect(api.status).toBe(400);
    expect((await api.json()).error.message).toContain(`"${'ü'.repeat(80)}…" is 201 characters long`);
  });

  it('searches through the API, ranked, with the other filters', async () => {
    const soc = catalog.taxonomy.focuses[3]?.mappings[0]?.code ?? '';
    const res = await app.request(`/api/profiles?q=${soc}&track=E&level=E1`);
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.items.map((p: { code: string }) => p.code)).toEqual([
      `${catalog.taxonomy.focuses[3]?.functionCode}.${catalog.taxonomy.focuses[3]?.code}.E1`,
    ]);
    const support = await (await app.request('/api/profiles?level=S2&limit=500')).json();
    expect(support.total).toBeGreaterThan(0);
  });

  it('links each row a statement cites, beside its source number, to the row page', async () => {
    const record = catalog.taxonomy.profiles[8];
    if (!record) throw new Error('no profile');
    const { html } = await get(`/profiles/${record.code}`);
    const rows = [
      ...(record.aliases.flatMap((a) => a.rows ?? []) as SourceRow[]),
      ...(catalog
        .findFocus(record.focusCode)
        ?.levels[record.levelCode]?.responsibilities.flatMap((r) => r.rows ?? []) ?? []),
    ];
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) {
      const href = `/sources/${row.source}/row?file=${encodeURIComponent(row.file)}&amp;key=${encodeURIComponent(row.key)}`;
      expect(html).toContain(`href="${href}"`);
    }
    expect(text(html)).toMatch(/duty 1 of a [^.]+\.\s*2 Task Statements\.txt · \d+/);
  });

  it('shows a row with its source, file, key, every statement citing it and O*NET OnLine', async () => {
    const focus = catalog.taxonomy.focuses[0];
    const soc = focus?.mappings[0]?.code ?? '';
    const key = `${soc}.00`;
    const { status, html } = await get(`/sources/${ONET_SOURCE.id}/row?file=Job+Zones.txt&key=${key}`);
    expect(status).toBe(200);
    const t = text(html);
    for (const fact of [
      ONET_SOURCE.title,
      ONET_SOURCE.publisher ?? '',
      ONET_SOURCE.url ?? '',
      'Job Zones.txt',
      key,
    ])
      expect(t).toContain(fact);
    expect(t).toContain(`Statements citing this row (${focus?.levelCodes.length})`);
    for (const levelCode of focus?.levelCodes ?? [])
      expect(html).toContain(`href="/profiles/${focus?.functionCode}.${focus?.code}.${levelCode}"`);
    expect(html).toContain(`href="https://www.onetonline.org/link/summary/${key}"`);
    const task = await get(`/sources/${ONET_SOURCE.id}/row?file=Task%20Statements.txt&key=10000`);
    expect(task.status).toBe(200);
    // The key holds no code, but the statement's focus maps to one.
    expect(task.html).toContain(`href="https://www.onetonline.org/link/summary/${key}"`);
  });

  it('answers an unknown source, file or key with a 404 page quoting it, and a missing one with 400', async () => {
    const cases: [string, number, string][] = [
      ['/sources/no-such/row?file=a&key=b', 404, 'No source with id "no-such".'],
      [
        `/sources/${ONET_SOURCE.id}/row?file=Tasks.txt&key=1`,
        404,
        'No statement cites a row of "Tasks.txt" in "onet-29-3".',
      ],
      [
        `/sources/${ONET_SOURCE.id}/row?file=Task+Statements.txt&key=%3Cscript%3E`,
        404,
        'No statement cites the row "<script>" of "Task Statements.txt" in "onet-29-3".',
      ],
      [
        `/sources/${ONET_SOURCE.id}/row?file=Task+Statements.txt`,
        400,
        'got file "Task Statements.txt", key ""',
      ],
    ];
    for (const [path, status, message] of cases) {
      const res = await get(path);
      expect(res.status, path).toBe(status);
      expect(text(res.html), path).toContain(message);
      expect(res.html).not.toContain('<script>');
    }
  });

  it('picks profiles for a comparison or a progression by code, offering only the levels of the focus', async () => {
    expect(count((await get('/compare')).html, /<option/g)).toBe(0);
    const [a, b] = catalog.taxonomy.profiles;
    const compared = await get(`/compare?codes=${a?.code},${b?.code}`);
    expect(compared.status).toBe(200);
    expect(compared.html).toContain(`name="p" type="text" value="${a?.code}"`);
    for (const record of [a, b])
      expect(text(compared.html)).toContain(`${record?.code} ${BADGES[record?.status ?? 'approved']}`);
    const from = catalog.getProfile(a?.code ?? '');
    const guide = await get(`/progression?from=${from.code}&to=${from.ladder[2]?.profileCode}`);
    const options = [...guide.html.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
    expect(options).toEqual(from.ladder.filter((s) => !s.current).map((s) => s.profileCode));
    expect(guide.html).toContain(`<option value="${from.ladder[2]?.profileCode}" selected="">`);
  });

  it('marks the status of every profile on a career page', async () => {
    const view = catalog.getProfile(catalog.taxonomy.profiles[13]?.code ?? '');
    const { html } = await get(`/profiles/${view.code}/career`);
    const linked = [
      ...html.matchAll(
        /<li class="step[^"]*"><a href="\/profiles\/([^"]+)">[^<]*<\/a> <span class="status status-([a-z_]+)">/g,
      ),
    ];
    expect(linked.length).toBeGreaterThan(0);
    for (const [, code, status] of linked) expect(catalog.getProfile(code ?? '').record.status).toBe(status);
  });

  it('serves the pages from the response cache, with ETags', async () => {
    for (const path of [
      '/',
      `/functions/${catalog.functions[1]?.code}`,
      `/profiles/${catalog.taxonomy.profiles[9]?.code}`,
    ]) {
      const first = await get(path);
      expect(first.etag, path).toBeTruthy();
      expect((await app.request(path, { headers: { 'if-none-match': first.etag ?? '' } })).status, path).toBe(
        304,
      );
    }
  });
});

describe('row citations on every kind of statement', () => {
  const row = (key: string): SourceRow => ({ source: ONET_SOURCE.id, file: 'Rows.txt', key });
  const cited = (text: string, key: string) => ({ text, sources: [ONET_SOURCE.id], rows: [row(key)] });
  const catalog = buildCatalog(
    [
      {
        code: 'HEALTH',
        focuses: [
          {
            key: 'nursing',
            name: 'Nursing',
            skills: [
              {
                name: 'Triage',
                application: 'Sorts patients.',
                kind: 'hard',
                sources: [],
                rows: [row('skill')],
              },
            ],
            mappings: [
              {
                system: 'onet-soc',
                code: '29-1141',
                title: 'Registered Nurses',
                origin: 'test',
                confidence: null,
                sources: [ONET_SOURCE.id],
                rows: [row('mapping')],
              },
            ],
            levels: {
              S3: {
                responsibilities: [cited('Takes vital signs.', 'duty')],
                aliases: [cited('Charge Nurse', 'alias')],
                rubricRows: [row('rubric')],
                career: {
                  entryFrom: [cited('Nursing Assistant', 'entry')],
                  advancementTo: [cited('Nurse Manager', 'up')],
                  lateral: [cited('Case Manager', 'across')],
                },
                pay: [
                  {
                    currency: 'USD',
                    period: 'annual',
                    region: 'US',
                    median: 86_070,
                    low: null,
                    high: null,
                    basis: 'OEWS May 2023',
                    asOf: null,
                    sources: [ONET_SOURCE.id],
                    rows: [row('pay')],
                  },
                ],
              },
            },
          },
        ],
      },
    ],
    [ONET_SOURCE],
  );
  const app = createApp({ catalog: () => catalog, log: () => {} });
  const code = catalog.taxonomy.profiles[0]?.code ?? '';

  it('shows each row on the profile page and lists the statement on the row page', async () => {
    const html = await (await app.request(`/profiles/${code}`)).text();
    expect(text(html)).toContain('Career moves the sources name');
    for (const [key, part] of [
      ['duty', 'responsibility'],
      ['alias', 'title alias'],
      ['rubric', 'level guidelines'],
      ['entry', 'entry from'],
      ['up', 'advancement to'],
      ['across', 'lateral move'],
      ['skill', 'skill'],
      ['mapping', 'classification mapping'],
      ['pay', 'pay'],
    ] as const) {
      expect(html, key).toContain(`href="/sources/${ONET_SOURCE.id}/row?file=Rows.txt&amp;key=${key}"`);
      const page = await app.request(`/sources/${ONET_SOURCE.id}/row?file=Rows.txt&key=${key}`);
      expect(page.status, key).toBe(200);
      const shown = await page.text();
      expect(text(shown), key).toContain(`Statements citing this row (1) ${part}`);
      expect(shown, key).toContain('href="https://www.onetonline.org/link/summary/29-1141.00"');
    }
  });
});
