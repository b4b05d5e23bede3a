import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse/parseDocument.js';
import { readLevelHeading, segmentLevels, wholeDocumentLevel, wholePageLevel } from './segmentLevels.js';

const parse = (markdown: string) =>
  parseDocument({ name: 'x.md', bytes: new TextEncoder().encode(markdown) });
const levelsOf = async (markdown: string) => segmentLevels(await parse(markdown));

describe('readLevelHeading', () => {
  it.each([
    ['E1: Director of Engineering', 'E1', ['Director of Engineering']],
    ['E3 Staff Engineer', 'E3', ['Staff Engineer']],
    ['D1 - Developer 1', 'D1', ['Developer 1']],
    ['Director of Engineering (Manager 7)', 'Manager 7', ['Director of Engineering']],
    // An alias with no number is one more name for the role, not the company's level code.
    ['CTO (Chief Technology Officer)', null, ['CTO', 'Chief Technology Officer']],
    ['M3this profile', 'M3', []],
    ['**E2: Senior Engineer**', 'E2', ['Senior Engineer']],
  ])('reads %j', (heading, code, titles) => {
    expect(readLevelHeading(heading)).toEqual({ label: heading.replaceAll('*', ''), code, titles });
  });

  it.each([
    'Summary',
    'Overview',
    'How promotions work',
    // Coded, or a role with an alias, but about the ladder rather than one level of it.
    'E2: Senior Engineer at a glance',
    'Director vs. VP (Manager 7)',
    'L4: Onboarding',
    'VP of Engineering',
    `E1: ${'Senior Principal Engineer '.repeat(5)}`,
  ])('reads no level in %j', (heading) => {
    expect(readLevelHeading(heading)).toBeNull();
  });
});

describe('segmentLevels', () => {
  it('takes the depth with most coded headings, and no level’s own sub-headings', async () => {
    const levels = await levelsOf(`# Engineering ladder

## Summary

## E1: Software Engineer

### Skills

### E9: Engineer on loan

## E2: Senior Software Engineer

### Skills
`);
    expect(levels.map((l) => [l.label, l.code, l.titles, l.path])).toEqual([
      ['E1: Software Engineer', 'E1', ['Software Engineer'], ['Engineering ladder', 'E1: Software Engineer']],
      [
        'E2: Senior Software Engineer',
        'E2',
        ['Senior Software Engineer'],
        ['Engineering ladder', 'E2: Senior Software Engineer'],
      ],
    ]);
    expect(levels[0]?.section.children.map((s) => s.title)).toEqual(['Skills', 'E9: Engineer on loan']);
  });

  it('takes a deeper depth when it holds more coded headings, under the parents that hold them', async () => {
    const levels = await levelsOf(`# Career ladders

## Engineering

### E1: Software Engineer

### E2: Senior Software Engineer

## Management

### M1: Engineering Manager

### Director of Engineering

## E5: Executive track

## Hiring

### Hiring Manager
`);
    expect(levels.map((l) => l.label)).toEqual([
      'E1: Software Engineer',
      'E2: Senior Software Engineer',
      'M1: Engineering Manager',
      'Director of Engineering',
    ]);
  });

  it('counts plain job-title headings as levels beside coded siblings', async () => {
    const levels = await levelsOf(`# Leadership

## Director of Engineering (Manager 7)

## VP of Engineering

## How promotions work

## Director vs. VP of Engineering

## Team rituals
`);
    expect(levels.map((l) => [l.label, l.code, l.titles])).toEqual([
      ['Director of Engineering (Manager 7)', 'Manager 7', ['Director of Engineering']],
      ['VP of Engineering', null, ['VP of Engineering']],
    ]);
  });

  it('takes two or more sibling job-title headings as levels on their own', async () => {
    const levels = await levelsOf(`# Handbook

## Culture

### Values

## Management

### Engineering Manager

Runs one team.

### Senior Engineering Manager

Runs a group of teams.
`);
    expect(levels.map((l) => [l.label, l.code, l.path])).toEqual([
      ['Engineering Manager', null, ['Handbook', 'Management', 'Engineering Manager']],
      ['Senior Engineering Manager', null, ['Handbook', 'Management', 'Senior Engineering Manager']],
    ]);
  });

  it('takes no level from one job-title heading alone', async () => {
    expect(await levelsOf('# Handbook\n\n## Engineering Manager\n\nRuns one team.\n')).toEqual([]);
  });

  it('reads a ladder kept as one table, a column per level and each row an attribute of it', async () => {
    const levels = await levelsOf(`# Developer ladder

| Attribute | Junior Developer | Senior Developer | Principal Developer |
|---|---|---|---|
| Scope | Tasks | Projects | The organization |
| Experience | 0-2 years | 5+ years | 10+ years |
`);
    expect(levels.map((l) => [l.label, l.code, l.titles, l.path])).toEqual([
      ['Junior Developer', null, ['Junior Developer'], ['Developer ladder', 'Junior Developer']],
      ['Senior Developer', null, ['Senior Developer'], ['Developer ladder', 'Senior Developer']],
      ['Principal Developer', null, ['Principal Developer'], ['Developer ladder', 'Principal Developer']],
    ]);
    expect(levels[1]?.section.children.map((s) => [s.title, s.blocks.map((b) => [b.kind, b.text])])).toEqual([
      ['Scope', [['item', 'Projects']]],
      ['Experience', [['item', '5+ years']]],
    ]);
  });

  it('reads bare level codes as a table’s levels', async () => {
    const levels = await levelsOf(
      '# Grid\n\n| | L3 | L4 | L5 |\n|---|---|---|---|\n| Scope | Tasks | Projects | Org |\n',
    );
    expect(levels.map((l) => [l.code, l.titles, l.seniority])).toEqual([
      ['L3', [], null],
      ['L4', [], null],
      ['L5', [], null],
    ]);
  });

  it('reads no levels from a table whose columns are plain job titles: they are tracks', async () => {
    const levels = await levelsOf(
      '# Tracks\n\n| | Developer | Tech Lead | Manager |\n|---|---|---|---|\n| Focus | Code | Design | People |\n',
    );
    expect(levels).toEqual([]);
  });

  it('reads titled columns as levels when two of them grade one track, whichever track the others are on', async () => {
    const levels = await levelsOf(
      '# Ladder\n\n| | Senior Engineer | Staff Engineer | Engineering Manager |\n|---|---|---|---|\n| Scope | Team | Group | People |\n',
    );
    expect(levels.map((l) => [l.label, l.seniority?.level])).toEqual([
      ['Senior Engineer', 'P3'],
      ['Staff Engineer', 'P4'],
      ['Engineering Manager', 'M2'],
    ]);
  });

  it('gives each level the reading of its most senior stated title, else its first', async () => {
    const levels = await levelsOf(`# Ladder

## Engineering Manager (Senior Director of Engineering)

## Software Engineer (Tech Lead)

## Software Engineer (Developer)

## M3this profile
`);
    expect(levels.map((l) => l.seniority)).toEqual([
      { title: 'Senior Director of Engineering', level: 'M5', stated: true, cues: ['senior director'] },
      { title: 'Tech Lead', level: 'P4', stated: true, cues: ['lead'] },
      { title: 'Software Engineer', level: 'P2', stated: false, cues: [] },
      null,
    ]);
  });
});

describe('wholeDocumentLevel', () => {
  it('names a job description’s level for the role its title is for', async () => {
    const tree = await parse(
      '# Key Responsibilities and Required Skills for Chief of Technology\n\n- Sets the technology strategy\n',
    );
    const level = wholeDocumentLevel(tree);
    expect(level).toMatchObject({
      label: 'Chief of Technology',
      code: null,
      titles: ['Chief of Technology'],
      path: [],
      seniority: { title: 'Chief of Technology', level: 'E3', stated: true },
    });
    expect(level?.section).toBe(tree.root);
  });

  it('prefers the front matter’s title', async () => {
    const tree = await parse('---\ntitle: Senior Data Engineer\n---\n# About the team\n\n- We ship data\n');
    expect(wholeDocumentLevel(tree)?.titles).toEqual(['Senior Data Engineer']);
  });

  it('keeps the level code a title gives', async () => {
    const tree = await parse('---\ntitle: "L3: Senior Engineer"\n---\n## Core\n\n- Leads projects\n');
    expect(wholeDocumentLevel(tree)).toMatchObject({
      label: 'L3: Senior Engineer',
      code: 'L3',
      titles: ['Senior Engineer'],
    });
  });

  it('finds no level when the title names no role', async () => {
    expect(wholeDocumentLevel(await parse('# Weekly notes\n\n- Lunch on Friday\n'))).toBeNull();
  });
});

describe('wholePageLevel', () => {
  const pageOf = async (text: string, name = 'page.txt') => {
    const tree = await parseDocument({ name, bytes: new TextEncoder().encode(text) });
    return { tree, page: wholePageLevel(tree, segmentLevels(tree)) };
  };

  it('widens a page’s only level, its title, to the whole page: copied text puts its sections beside the title', async () => {
    const { tree, page } = await pageOf(
      'Senior Engineer (L3)\n\nOwns projects.\n\nDelivery\n\n  • Leads incident response\n',
    );
    expect(tree.root.children.map((s) => s.title)).toEqual(['Senior Engineer (L3)', 'Delivery']);
    expect(page).toMatchObject({ label: 'Senior Engineer (L3)', code: 'L3', titles: ['Senior Engineer'] });
    expect(page?.section).toBe(tree.root);
  });

  it('leaves a ladder’s levels, a level that is not the title, and a page with text before its title', async () => {
    const ladder = await pageOf('# L1: Engineer\n\n- a\n\n# L2: Senior Engineer\n\n- b\n', 'l.md');
    expect(ladder.page).toBeNull();
    const below = await pageOf('# Engineering levels\n\n## L3: Senior Engineer\n\n- a\n', 'l.md');
    expect(below.page).toBeNull();
    const after = await pageOf('Our levels changed in May.\n\n# L3: Senior Engineer\n\n- a\n', 'l.md');
    expect(after.page).toBeNull();
  });
});
