import { describe, expect, it } from 'vitest';
import { normalizeTitle } from '../resolve/normalizeTitle.js';
import { readSeniority } from '../resolve/readSeniority.js';
import type { Section } from './documentTree.js';
import { type LadderFile, ladderOrder } from './ladderOrder.js';
import { readLevelHeading, type SourceLevel } from './segmentLevels.js';

const root: Section = { title: '', depth: 0, heading: null, blocks: [], children: [] };

/** A one-level file named `name` whose title is `title`, read as segmentLevels reads one. */
function file(name: string, title: string, meta: Record<string, unknown> = {}): LadderFile {
  const reading = readLevelHeading(title) ?? { label: title, code: null, titles: [title] };
  const first = reading.titles[0] ?? title;
  const s = readSeniority(normalizeTitle(first).words);
  const level: SourceLevel = {
    ...reading,
    section: root,
    path: [],
    seniority: { title: first, level: s.level.code, stated: s.stated, cues: s.cues },
  };
  return { name, level, meta };
}
const names = (files: LadderFile[]) => ladderOrder(files).order.map((i) => files[i]?.name);

describe('ladderOrder', () => {
  it('orders by the level codes the pages give, before anything else', () => {
    const files = [
      file('a.html', 'Engineer (L3)', { weight: 1 }),
      file('b.html', 'Engineer (L1)', { weight: 2 }),
      file('c.html', 'Engineer (L2)', { weight: 3 }),
    ];
    expect(names(files)).toEqual(['b.html', 'c.html', 'a.html']);
    expect(ladderOrder(files).by).toBe('their level codes (L1 < L2 < L3)');
  });

  it('orders by how senior the titles read when the codes do not tell (none, or of two kinds)', () => {
    const files = [
      file('staff.md', 'Staff Engineer (IC4)'),
      file('engineer.md', 'Engineer'),
      file('senior.md', 'Senior Engineer (L3)'),
    ];
    expect(names(files)).toEqual(['engineer.md', 'senior.md', 'staff.md']);
    expect(ladderOrder(files).by).toBe(
      'the seniority their titles read as (Engineer < Senior Engineer < Staff Engineer)',
    );
  });

  it('orders by the numbers in the file names when titles do not tell the levels apart', () => {
    // Neither title says how senior it is: both read as P2.
    const files = [file('se-2.html', 'Software Engineer'), file('se-1.html', 'Developer')];
    expect(names(files)).toEqual(['se-1.html', 'se-2.html']);
    expect(ladderOrder(files).by).toBe('the numbers in their file names (se-1.html < se-2.html)');
    const numbered = [file('10-lead.md', 'Tech Lead'), file('02-dev.md', 'Developer')];
    expect(names(numbered)).toEqual(['02-dev.md', '10-lead.md']);
  });

  it('orders by front-matter weight next, and as given when nothing tells', () => {
    const weighted = [
      file('associate.md', 'Software Engineer', { weight: 100 }),
      file('engineer.md', 'Developer', { weight: '99' }),
    ];
    expect(names(weighted)).toEqual(['engineer.md', 'associate.md']);
    expect(ladderOrder(weighted).by).toBe('their front-matter weight (99 < 100)');
    const given = [
      file('associate.md', 'Software Engineer'),
      file('engineer.md', 'Developer', { weight: 1 }),
    ];
    expect(ladderOrder(given)).toEqual({ order: [0, 1], by: 'the order they were given in' });
  });

  it('reads an Associate title below the plain one, whatever the files are called', () => {
    const files = [file('se-1.html', 'Engineer'), file('se-2.html', 'Associate Engineer')];
    expect(names(files)).toEqual(['se-2.html', 'se-1.html']);
    expect(ladderOrder(files).by).toBe('the seniority their titles read as (Associate Engineer < Engineer)');
  });

  it('passes over a way that gives two files the same place', () => {
    const files = [file('2-b.md', 'Senior Engineer (L3)'), file('1-a.md', 'Senior Engineer (L3)')];
    expect(names(files)).toEqual(['1-a.md', '2-b.md']);
  });
});
