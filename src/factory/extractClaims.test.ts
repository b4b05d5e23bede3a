import { describe, expect, it } from 'vitest';
import type { Claim } from '../core/evidence.js';
import { stripMarks } from './documentTree.js';
import { extractClaims, yearsIn } from './extractClaims.js';
import { parseDocument } from './parse/parseDocument.js';
import { segmentLevels, wholeDocumentLevel } from './segmentLevels.js';

const parse = (name: string, text: string) => parseDocument({ name, bytes: new TextEncoder().encode(text) });

const LADDER = `# Engineering ladder

Our ladder has two levels.

## E1: Software Engineer

Builds features with guidance.

- Ships small features end to end
- Fixes bugs in **their** team's services
- Keeps a roadmap for the next 1-3 years

### Technical Skills

- TypeScript and SQL

### Soft Skills

- Clear written communication

### Education

- BSc in Computer Science or equivalent

### Experience

- 0-2 years of industry experience

### Compensation

- $90,000 - $120,000 base salary

### Next role

- Senior Software Engineer

## E2: Senior Software Engineer

Leads projects across a team. 5-8+ years of professional experience.

- Designs services used by other teams

### Key Shift from E1

Owns outcomes, not tasks.

### Typical Experience

Progression from E1 typically takes 2-4+ years.

## Typical timelines

| Transition | Typical Time |
|---|---|
| E1 → E2 | 2-4 years |
`;

const E1 = 'E1: Software Engineer';
const E2 = 'E2: Senior Software Engineer';

async function claimsOf(name: string, text: string) {
  const tree = await parse(name, text);
  return { tree, claims: extractClaims(tree, segmentLevels(tree)) };
}

/** The fields that say what a claim is, without its offsets. */
const brief = (c: Claim) => [c.kind, c.subtype, c.level, c.text];

describe('extractClaims from a ladder with a heading per level', () => {
  it('reads every claim of the ladder, in document order, each of its kind', async () => {
    const { claims } = await claimsOf('ladder.md', LADDER);
    expect(claims.map(brief)).toEqual([
      ['title', null, E1, 'Software Engineer'],
      ['level_definition', null, E1, 'Builds features with guidance.'],
      ['responsibility', null, E1, 'Ships small features end to end'],
      ['responsibility', null, E1, "Fixes bugs in their team's services"],
      ['responsibility', null, E1, 'Keeps a roadmap for the next 1-3 years'],
      ['skill', 'hard', E1, 'TypeScript and SQL'],
      ['skill', 'soft', E1, 'Clear written communication'],
      ['education', null, E1, 'BSc in Computer Science or equivalent'],
      ['experience', null, E1, '0-2 years of industry experience'],
      ['pay', null, E1, '$90,000 - $120,000 base salary'],
      ['career_path', 'advancement_to', E1, 'Senior Software Engineer'],
      ['title', null, E2, 'Senior Software Engineer'],
      ['experience', null, E2, 'Leads projects across a team. 5-8+ years of professional experience.'],
      ['level_definition', null, E2, 'Leads projects across a team. 5-8+ years of professional experience.'],
      ['responsibility', null, E2, 'Designs services used by other teams'],
      ['transition', null, E2, 'Owns outcomes, not tasks.'],
      ['transition', null, E2, 'Progression from E1 typically takes 2-4+ years.'],
      ['transition', null, null, 'E1 → E2 | 2-4 years'],
    ]);
  });

  it('gives every claim a span inside the text that holds what it says', async () => {
    const { tree, claims } = await claimsOf('ladder.md', LADDER);
    for (const c of claims) {
      expect(c.start).toBeGreaterThanOrEqual(0);
      expect(c.end).toBeGreaterThan(c.start);
      expect(c.end).toBeLessThanOrEqual(tree.text.length);
      expect(stripMarks(tree.text.slice(c.start, c.end))).toContain(c.text);
    }
    const at = (text: string) => claims.find((c) => c.text === text);
    const item = at('Ships small features end to end');
    expect(tree.text.slice(item?.start, item?.end)).toBe('Ships small features end to end');
    const marked = at("Fixes bugs in their team's services");
    expect(tree.text.slice(marked?.start, marked?.end)).toBe("Fixes bugs in **their** team's services");
    const title = claims.find((c) => c.kind === 'title' && c.level === E2);
    expect(tree.text.slice(title?.start, title?.end)).toBe('## E2: Senior Software Engineer');
  });

  it('places each claim on the path of section titles above it', async () => {
    const { claims } = await claimsOf('ladder.md', LADDER);
    expect(claims.find((c) => c.subtype === 'soft')?.sectionPath).toEqual([
      'Engineering ladder',
      E1,
      'Soft Skills',
    ]);
    expect(claims.at(-1)?.sectionPath).toEqual(['Engineering ladder', 'Typical timelines']);
  });

  it('reads years of experience, open-ended when a "+" follows, and not from a horizon', async () => {
    const { claims } = await claimsOf('ladder.md', LADDER);
    expect(claims.filter((c) => c.kind === 'experience').map((c) => [c.level, c.years])).toEqual([
      [E1, { min: 0, max: 2, openEnded: false }],
      [E2, { min: 5, max: 8, openEnded: true }],
    ]);
  });

  it('reads transitions: from a sub-heading, from a sentence with its years, from a table row', async () => {
    const { claims } = await claimsOf('ladder.md', LADDER);
    const transitions = claims
      .filter((c) => c.kind === 'transition')
      .map(({ level, from, to, years }) => ({ level, from, to, years }));
    expect(transitions).toEqual([
      { level: E2, from: 'E1', to: 'E2', years: undefined },
      { level: E2, from: 'E1', to: 'E2', years: { min: 2, max: 4, openEnded: true } },
      { level: null, from: 'E1', to: 'E2', years: { min: 2, max: 4, openEnded: false } },
    ]);
  });

  it('reads only the ladder-wide claims, each with level null, when no section is a level', async () => {
    const tree = await parse('ladder.md', LADDER);
    const claims = extractClaims(tree, []);
    expect(claims.map(brief)).toEqual([['transition', null, null, 'E1 → E2 | 2-4 years']]);
  });
});

describe('extractClaims from a ladder kept as one table', () => {
  const TABLE = `# Ladder

| Attribute | L1 | L2 | L3 |
|---|---|---|---|
| Scope | Tasks | Features | Systems |
| Experience | 0-2 years | 2-5 years | 5-8+ years |
`;

  it("reads each level's cell in each row, its kind from the row's first cell, its span the cell's", async () => {
    const { tree, claims } = await claimsOf('table.md', TABLE);
    expect(claims.map((c) => [c.kind, c.level, c.text, c.years])).toEqual([
      ['responsibility', 'L1', 'Tasks', undefined],
      ['experience', 'L1', '0-2 years', { min: 0, max: 2, openEnded: false }],
      ['responsibility', 'L2', 'Features', undefined],
      ['experience', 'L2', '2-5 years', { min: 2, max: 5, openEnded: false }],
      ['responsibility', 'L3', 'Systems', undefined],
      ['experience', 'L3', '5-8+ years', { min: 5, max: 8, openEnded: true }],
    ]);
    for (const c of claims) expect(tree.text.slice(c.start, c.end)).toContain(c.text);
  });
});

describe('extractClaims from a document that is one level', () => {
  const JD = `# Staff Data Engineer

Owns the data platform.

## Responsibilities

- Mentor engineers

## Entry points

- Senior Data Engineer

## Lateral moves

- Staff Software Engineer
`;

  it('points the title at where it first appears, and reads career paths by their sub-heading', async () => {
    const tree = await parse('jd.md', JD);
    const level = wholeDocumentLevel(tree);
    expect(level).not.toBeNull();
    const claims = extractClaims(tree, level ? [level] : []);
    expect(claims.map(brief)).toEqual([
      ['title', null, 'Staff Data Engineer', 'Staff Data Engineer'],
      ['level_definition', null, 'Staff Data Engineer', 'Owns the data platform.'],
      ['responsibility', null, 'Staff Data Engineer', 'Mentor engineers'],
      ['career_path', 'entry_from', 'Staff Data Engineer', 'Senior Data Engineer'],
      ['career_path', 'lateral', 'Staff Data Engineer', 'Staff Software Engineer'],
    ]);
    expect(claims[0]).toMatchObject({ start: 2, end: 21, sectionPath: [] });
  });
});

describe('yearsIn', () => {
  it.each([
    ['5-8+ years', { min: 5, max: 8, openEnded: true }],
    ['12–18 years', { min: 12, max: 18, openEnded: false }],
    ['3 to 5 years', { min: 3, max: 5, openEnded: false }],
    ['10+ years', { min: 10, max: null, openEnded: true }],
    ['1 year', { min: 1, max: null, openEnded: true }],
  ])('reads %j as %j', (text, years) => {
    expect(yearsIn(text)).toEqual(years);
  });

  it('reads nothing from a range that runs backwards or from text without years', () => {
    expect(yearsIn('8-5 years')).toBeNull();
    expect(yearsIn('a few months')).toBeNull();
  });
});
