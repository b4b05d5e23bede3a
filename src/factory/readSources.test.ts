import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countClaims, type DocumentInput } from '../core/evidence.js';
import { readDocument } from './readDocument.js';
import { readSources } from './readSources.js';

const doc = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
/** One document through the whole pipeline, with its crosswalk beside what it read. */
async function readOne(input: DocumentInput) {
  const s = (await readSources([input], { ladder: null })).sources[0];
  if (!s) throw new Error(`${input.name}: no level found`);
  return { ...s.read, crosswalk: s.crosswalk };
}
const mapping = (d: Awaited<ReturnType<typeof readOne>>) =>
  d.crosswalk.map((c) => [c.label, c.canonical.code]);

const EXECUTIVE = `# Executive ladder

## The levels at a glance

| Level | Title |
|---|---|
| E1 | Director |

## E1: Director of Engineering

Owns a technology domain end to end.

### What success looks like

- A domain roadmap tied to revenue targets for the next 2 years
- Managers who grow into heads of engineering

### Typical Experience

12-18+ years of professional experience in technology. Progression from M3 typically takes 3-5+ years.

## E2: Senior Director of Engineering

### What success looks like

- Engineering-wide practices adopted across 4+ domains

### Typical Experience

15-20+ years of professional experience in technology.

## E3: Chief Technology Officer

### Key Shift from E2

From shaping engineering to answering for technology to the board.

### Typical Experience

18-25+ years of professional experience in technology.

## Typical timelines

| Transition | Typical Time |
|---|---|
| M3 → E1 | 3-5+ years |
| E1 → E2 | 3-5+ years |
`;

const JD = `Back to Home

Key Responsibilities and Required Skills for Head of Platform Engineering

Career Progression

Entry Point From:

  • Engineering Manager
  • Staff Engineer

Advancement To:

  • Director of Engineering

Lateral Moves:

  • Head of Infrastructure

Core Responsibilities

  • Runs the platform roadmap for 6 product teams and reports uptime to the CTO monthly.
  • Hires and coaches 3-4 engineering managers.

Hard Skills (Technical)

  • Kubernetes operations at scale

Soft Skills

  • Negotiating priorities with product leaders

Education & Experience

Minimum Education:

  • Bachelor's degree in Computer Science or equivalent experience

Typical Experience Range:

  • 10+ years in engineering with 4+ years managing managers
`;

describe('readSources, one document at a time', () => {
  it('reads an executive ladder: levels in order, their years, and the transitions between them', async () => {
    const d = await readOne(doc('exec.md', EXECUTIVE));
    expect(d.levels.map((l) => [l.code, l.titles])).toEqual([
      ['E1', ['Director of Engineering']],
      ['E2', ['Senior Director of Engineering']],
      ['E3', ['Chief Technology Officer']],
    ]);
    const ranks = d.crosswalk.map((c) => c.canonical.rank);
    expect(ranks[0]).toBeLessThan(ranks[1] as number);
    expect(ranks[1]).toBeLessThan(ranks[2] as number);
    expect(d.crosswalk[2]?.canonical.code).toBe('E3');
    const years = d.claims.filter((c) => c.kind === 'experience').map((c) => [c.level, c.years]);
    expect(years).toEqual([
      ['E1: Director of Engineering', { min: 12, max: 18, openEnded: true }],
      ['E2: Senior Director of Engineering', { min: 15, max: 20, openEnded: true }],
      ['E3: Chief Technology Officer', { min: 18, max: 25, openEnded: true }],
    ]);
    const transitions = d.claims
      .filter((c) => c.kind === 'transition')
      .map((c) => [c.from ?? null, c.to, c.years?.min ?? null]);
    expect(transitions).toEqual([
      ['M3', 'E1', 3],
      ['E2', 'E3', null],
      ['M3', 'E1', 3],
      ['E1', 'E2', 3],
    ]);
    // "for the next 2 years" is a horizon, not experience.
    expect(d.claims.some((c) => c.kind === 'experience' && c.text.includes('next 2 years'))).toBe(false);
    const duty = d.claims.find((c) => c.kind === 'responsibility');
    expect(duty).toMatchObject({
      level: 'E1: Director of Engineering',
      sectionPath: ['Executive ladder', 'E1: Director of Engineering', 'What success looks like'],
    });
    expect(EXECUTIVE.slice(duty?.start, duty?.end)).toBe(duty?.text);
  });

  it('reads company level names in parentheses and keeps a top-down ladder the right way up', async () => {
    const bottomUp =
      '# Path\n\n## Director of Engineering (Manager 7)\n\n- Runs 3 teams\n\n## VP of Engineering (Executive VPs)\n\n- Runs the org\n\n## CTO (C-Suite)\n\n- Owns technology\n';
    const topDown =
      '# Path\n\n## CTO (C-Suite)\n\n- Owns technology\n\n## VP of Engineering\n\n- Runs the org\n\n## Director of Engineering (Manager 7)\n\n- Runs 3 teams\n';
    const up = await readOne(doc('up.md', bottomUp));
    expect(up.levels.map((l) => l.code)).toEqual(['Manager 7', null, null]);
    expect(mapping(up)).toEqual([
      ['Director of Engineering (Manager 7)', 'M4'],
      ['VP of Engineering (Executive VPs)', 'M6'],
      ['CTO (C-Suite)', 'E3'],
    ]);
    expect(up.levels[2]?.titles).toEqual(['CTO', 'C-Suite']);
    const down = await readOne(doc('down.md', topDown));
    expect(mapping(down).map(([, code]) => code)).toEqual(['E3', 'M6', 'M4']);
  });

  it('never inverts a ladder: a level listed higher never maps lower, and says why it moved', async () => {
    const d = await readOne(
      doc(
        'odd.md',
        '# L\n\n## L1 - Senior Engineer\n\n- a\n\n## L2 - Engineer\n\n- b\n\n## L3 - Staff Engineer\n\n- c\n',
      ),
    );
    const [first, second, third] = d.crosswalk;
    expect(first?.canonical.code).toBe('P3');
    expect(second?.canonical.rank).toBeGreaterThan(first?.canonical.rank as number);
    expect(third?.canonical.rank).toBeGreaterThan(second?.canonical.rank as number);
    expect(third?.reason).toMatch(/to keep its order/);
  });

  it('reads a job description as one role with its paths, skills, education and years', async () => {
    const d = await readOne(doc('jd.txt', JD));
    expect(d.levels.map((l) => l.label)).toEqual(['Head of Platform Engineering']);
    // "Head of" is director level (issue 16), whatever this company's ladder calls it.
    expect(d.crosswalk[0]?.canonical.code).toBe('M4');
    const paths = d.claims.filter((c) => c.kind === 'career_path').map((c) => [c.subtype, c.text]);
    expect(paths).toEqual([
      ['entry_from', 'Engineering Manager'],
      ['entry_from', 'Staff Engineer'],
      ['advancement_to', 'Director of Engineering'],
      ['lateral', 'Head of Infrastructure'],
    ]);
    expect(d.claims.filter((c) => c.kind === 'skill').map((c) => c.subtype)).toEqual(['hard', 'soft']);
    expect(d.claims.find((c) => c.kind === 'experience')?.years).toEqual({
      min: 10,
      max: null,
      openEnded: true,
    });
    expect(countClaims(d.claims)).toMatchObject({ responsibility: 2, education: 1, title: 1 });
  });

  it.each([
    [
      'markdown',
      'grid.md',
      '# Grid\n\n| | L1 - Engineer | L2 - Senior Engineer | L3 - Staff Engineer |\n|---|---|---|---|\n| Scope | Owns tasks within one team | Owns features across 2 teams | Sets direction for 3+ teams |\n| Experience | 0-2 years of experience | 3-5 years of experience | 6-9+ years of experience |\n| Skills | Testing | System design | Architecture |\n',
    ],
    [
      'html',
      'grid.html',
      '<h1>Grid</h1><table><tr><th></th><th>L1 - Engineer</th><th>L2 - Senior Engineer</th><th>L3 - Staff Engineer</th></tr><tr><td>Scope</td><td>Owns tasks within one team</td><td>Owns features across 2 teams</td><td>Sets direction for 3+ teams</td></tr><tr><td>Experience</td><td>0-2 years of experience</td><td>3-5 years of experience</td><td>6-9+ years of experience</td></tr><tr><td>Skills</td><td>Testing</td><td>System design</td><td>Architecture</td></tr></table>',
    ],
  ])('reads a %s ladder kept as one table with a column per level', async (_format, name, text) => {
    const d = await readOne(doc(name, text));
    expect(d.levels.map((l) => l.code)).toEqual(['L1', 'L2', 'L3']);
    expect(d.crosswalk.map((c) => c.canonical.code)).toEqual(['P1', 'P3', 'P4']);
    const l2 = d.claims.filter((c) => c.level === 'L2 - Senior Engineer');
    expect(l2.map((c) => [c.kind, c.text])).toEqual([
      ['title', 'Senior Engineer'],
      ['responsibility', 'Owns features across 2 teams'],
      ['experience', '3-5 years of experience'],
      ['skill', 'System design'],
    ]);
    const duty = l2[1];
    expect(text.slice(duty?.start, duty?.end)).toContain('Owns features across 2 teams');
  });
});

describe('readSources, the files of one ladder', () => {
  it('orders one-file-per-level ladders by front-matter weight and crosswalks them together', async () => {
    const file = (title: string, weight: number) =>
      doc(
        `${title}.md`,
        `---\ntitle: "${title}"\nweight: ${weight}\n---\n\n## Core\n\n* Does ${title} work\n`,
      );
    const { sources } = await readSources(
      [
        file('Staff Engineer', 103),
        file('Associate Engineer', 100),
        file('Engineer', 101),
        file('Senior Engineer', 102),
      ],
      { ladder: 'engineering' },
    );
    const codes = Object.fromEntries(
      sources.map((s) => [s.read.levels[0]?.label, s.crosswalk[0]?.canonical.code]),
    );
    expect(codes).toEqual({
      'Associate Engineer': 'P1',
      Engineer: 'P2',
      'Senior Engineer': 'P3',
      'Staff Engineer': 'P4',
    });
  });
});

describe('readSources, many documents', () => {
  it('reads many documents a few at a time, in their order', async () => {
    let reading = 0;
    let most = 0;
    const read = async (input: { name: string; bytes: Uint8Array }) => {
      most = Math.max(most, ++reading);
      await new Promise((resolve) => setTimeout(resolve, 1));
      reading--;
      return readDocument(input);
    };
    const inputs = Array.from({ length: 40 }, (_, i) =>
      doc(`jd-${i}.md`, `# Data Engineer ${i}\n\n- Builds pipelines\n`),
    );
    const { sources } = await readSources(inputs, { ladder: null, read });
    expect(sources.map((s) => s.read.name)).toEqual(inputs.map((i) => i.name));
    expect(most).toBe(4);
  });
});

/** Pages of a made-up company's career framework, saved as HTML, copied as text, saved as Markdown. */
const SITE = join(import.meta.dirname, 'fixtures', 'career-site');
const page = (path: string) => ({
  name: path.split('/').at(-1) as string,
  bytes: readFileSync(join(SITE, path)),
});
/** Each page: its file, level code, title, canonical level, and how many claims its body makes besides its title. */
const PAGES = [
  ['engineer-i', 'L1', 'Engineer I', 'P1', 11],
  ['engineer-ii', 'L2', 'Engineer II', 'P2', 11],
  ['senior-engineer', 'L3', 'Senior Engineer', 'P3', 12],
  ['staff-engineer', 'L4', 'Staff Engineer', 'P4', 11],
] as const;
const FORMATS = [
  ['html', 'html'],
  ['text', 'txt'],
  ['markdown', 'md'],
] as const;
/** What the site puts around every page: none of it may become a level or a claim. */
const CHROME =
  /Lumen Labs|Careers|Blog|Individual contributors|Engineering management|\(L\d\)|\(M\d\)|On this page|Home|Privacy|Terms|Edit this page|Technical skills Delivery/;

describe('readSources, pages saved from a career-framework site', () => {
  it.each(
    FORMATS.flatMap(([dir, ext]) =>
      PAGES.map(([slug, code, title, , said]) => [`${dir}/${slug}.${ext}`, code, title, said] as const),
    ),
  )('reads %s as its one level, with claims from its body only', async (path, code, title, said) => {
    const input = page(path);
    const { sources, skipped } = await readSources([input], { ladder: null });
    expect(skipped).toEqual([]);
    const [s] = sources;
    expect(s?.read.levels.map((l) => [l.label, l.code, l.titles])).toEqual([
      [`${title} (${code})`, code, [title]],
    ]);
    expect(s?.kind).toBe('job_description');
    const claims = s?.read.claims ?? [];
    expect(countClaims(claims)).toMatchObject({ title: 1, experience: 1 });
    expect(claims.filter((c) => c.kind !== 'title')).toHaveLength(said);
    const text = new TextDecoder().decode(input.bytes);
    const body = text.indexOf(`${title} (${code})`, text.indexOf(`${title} (${code})`) + 1);
    for (const c of claims) {
      expect(c.text).not.toMatch(CHROME);
      // Every span lies in the page's body: after the menu's own link to the page, before the footer.
      expect(c.start).toBeGreaterThanOrEqual(body);
      expect(c.end).toBeLessThan(text.indexOf('© 2024'));
    }
  });

  it.each(FORMATS)(
    'reads the senior engineer’s page (%s) for the claims its body makes',
    async (dir, ext) => {
      const { sources } = await readSources([page(`${dir}/senior-engineer.${ext}`)], { ladder: null });
      const claims = sources[0]?.read.claims ?? [];
      expect(claims.map((c) => c.text)).toEqual([
        'Senior Engineer',
        'A Senior Engineer owns projects from design to release and raises the quality bar for the whole team.',
        'Leads projects that span several services and up to two teams.',
        'Writes design documents that weigh at least two alternatives',
        'Chooses when to pay down technical debt and argues the case for it',
        'Sets up monitoring and alerting for the services the team runs',
        'Plans a quarter-long project into milestones and keeps it on track',
        'Unblocks other engineers before their own tickets',
        'Leads incident response for the team’s services',
        'Mentors one or two engineers through regular one-to-ones',
        'Interviews candidates and writes calibrated feedback',
        'Works with design and product to shape the roadmap',
        'Usually 5+ years of professional software engineering experience.',
      ]);
      expect(claims.filter((c) => c.kind === 'skill' && c.subtype === 'hard')).toHaveLength(3);
      expect(sources[0]?.crosswalk.map((c) => c.canonical.code)).toEqual(['P3']);
    },
  );

  it('reads a page of an older site, its menu of headings in a sidebar and its tabs as links, as one level', async () => {
    const { sources } = await readSources([page('legacy/senior-engineer.html')], { ladder: null });
    const [s] = sources;
    expect(s?.read.levels.map((l) => l.label)).toEqual(['Senior Engineer']);
    expect(s?.crosswalk.map((c) => c.canonical.code)).toEqual(['P3']);
    expect(countClaims(s?.read.claims ?? [])).toMatchObject({
      title: 1,
      level_definition: 1,
      responsibility: 6,
      experience: 1,
    });
    for (const c of s?.read.claims ?? []) expect(c.text).not.toMatch(CHROME);
  });

  it.each(FORMATS)(
    'reads the %s pages given as one ladder in the order of their level codes, whatever order they come in',
    async (dir, ext) => {
      const inputs = PAGES.map(([slug]) => page(`${dir}/${slug}.${ext}`));
      for (const order of [
        [0, 1, 2, 3],
        [3, 2, 1, 0],
        [2, 0, 3, 1],
      ]) {
        const { sources } = await readSources(
          order.map((i) => inputs[i] as DocumentInput),
          { ladder: 'lumen-engineering' },
        );
        const byName = new Map(sources.map((s) => [s.read.name, s.crosswalk]));
        for (const [slug, , , canonical] of PAGES) {
          const [entry] = byName.get(`${slug}.${ext}`) ?? [];
          expect(entry?.canonical.code).toBe(canonical);
          expect(entry?.reason).toMatch(
            /the ladder's files in order by their level codes \(L1 < L2 < L3 < L4\)$/,
          );
        }
      }
    },
  );

  it.each(['html', 'md', 'txt'])(
    'reads a ladder of four levels on one page (%s) as its levels, not its menu’s',
    async (ext) => {
      const { sources } = await readSources([page(`data-science-levels.${ext}`)], { ladder: null });
      const [s] = sources;
      expect(s?.read.levels.map((l) => l.code)).toEqual(['D1', 'D2', 'D3', 'D4']);
      expect(s?.crosswalk.map((c) => c.canonical.code)).toEqual(['P1', 'P2', 'P3', 'P4']);
      expect(s?.kind).toBe('ladder');
      for (const c of s?.read.claims ?? []) expect(c.text).not.toMatch(CHROME);
    },
  );

  it.each(['html', 'md'])('gives each level of the one-page ladder (%s) its own claims', async (ext) => {
    const { sources } = await readSources([page(`data-science-levels.${ext}`)], { ladder: null });
    const d2 = sources[0]?.read.claims.filter((c) => c.level === 'D2 - Data Scientist II') ?? [];
    expect(d2.map((c) => [c.kind, c.text])).toEqual([
      ['title', 'Data Scientist II'],
      ['level_definition', 'Frames the question as well as answering it.'],
      ['responsibility', 'Designs experiments with a product manager before launch'],
      ['responsibility', 'Builds the features a forecasting model needs'],
      ['skill', 'Regression and causal inference'],
    ]);
  });
});
