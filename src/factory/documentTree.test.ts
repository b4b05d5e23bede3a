import { describe, expect, it } from 'vitest';
import { block, heading, paragraph } from '../testing/documentBlocks.js';
import {
  buildSections,
  collapse,
  documentTitle,
  type Section,
  stripMarks,
  walkSections,
} from './documentTree.js';

/** Each section as its title and the texts of its own blocks, children nested. */
type Outline = [string, string[], Outline[]];
const outline = (section: Section): Outline => [
  section.title,
  section.blocks.map((b) => b.text),
  section.children.map(outline),
];

describe('buildSections', () => {
  it('nests blocks under the nearest heading above them, by heading level', () => {
    const root = buildSections(
      [
        paragraph('Preamble'),
        heading(1, 'Ladder'),
        paragraph('About the ladder'),
        heading(2, 'E1'),
        block('item', 'Ships features'),
        heading(3, 'Skills'),
        block('item', 'TypeScript', 1),
        heading(2, 'E2'),
        paragraph('Leads projects'),
      ],
      'Doc',
    );
    expect(outline(root)).toEqual([
      'Doc',
      ['Preamble'],
      [
        [
          'Ladder',
          ['About the ladder'],
          [
            ['E1', ['Ships features'], [['Skills', ['TypeScript'], []]]],
            ['E2', ['Leads projects'], []],
          ],
        ],
      ],
    ]);
  });

  it('closes deeper sections when a shallower heading comes, even after a skipped level', () => {
    const root = buildSections(
      [heading(1, 'A'), heading(4, 'A.deep'), heading(2, 'B'), heading(1, 'C')],
      'Doc',
    );
    expect(outline(root)).toEqual([
      'Doc',
      [],
      [
        [
          'A',
          [],
          [
            ['A.deep', [], []],
            ['B', [], []],
          ],
        ],
        ['C', [], []],
      ],
    ]);
  });

  it('keeps the heading block and its depth on the section', () => {
    const h = heading(2, 'Scope');
    const [section] = buildSections([h], 'Doc').children;
    expect(section).toEqual({ title: 'Scope', depth: 2, heading: h, blocks: [], children: [] });
  });

  it('gives a root with no heading and no blocks for no blocks', () => {
    expect(buildSections([], 'Empty')).toEqual({
      title: 'Empty',
      depth: 0,
      heading: null,
      blocks: [],
      children: [],
    });
  });
});

describe('walkSections', () => {
  it('visits every section depth first with the titles of the headings above it', () => {
    const root = buildSections(
      [heading(1, 'Ladder'), heading(2, 'E1'), heading(3, 'Skills'), heading(2, 'E2')],
      'Doc',
    );
    expect([...walkSections(root)].map(([s, path]) => [s.title, path])).toEqual([
      ['Doc', []],
      ['Ladder', ['Ladder']],
      ['E1', ['Ladder', 'E1']],
      ['Skills', ['Ladder', 'E1', 'Skills']],
      ['E2', ['Ladder', 'E2']],
    ]);
  });

  it('starts the paths from the path it is given', () => {
    const root = buildSections([heading(2, 'Skills')], 'Doc');
    expect([...walkSections(root, ['Ladder'])].map(([, path]) => path)).toEqual([
      ['Ladder'],
      ['Ladder', 'Skills'],
    ]);
  });
});

describe('documentTitle', () => {
  it('takes the first heading, passing over navigation links', () => {
    const blocks = [
      paragraph('Intro'),
      heading(2, 'Back to Home'),
      heading(2, 'Menu'),
      heading(1, 'Engineering Ladder'),
    ];
    expect(documentTitle(blocks, 'file.md')).toBe('Engineering Ladder');
  });

  it('takes the first block when no heading names the document, and the fallback when nothing does', () => {
    expect(documentTitle([paragraph('Staff Engineer'), paragraph('More')], 'file.md')).toBe('Staff Engineer');
    expect(documentTitle([heading(1, 'Home')], 'file.md')).toBe('Home');
    expect(documentTitle([], 'file.md')).toBe('file.md');
  });

  it('cuts a title at 200 characters', () => {
    expect(documentTitle([heading(1, 'x'.repeat(250))], 'file.md')).toBe('x'.repeat(200));
  });
});

describe('collapse and stripMarks', () => {
  it('collapses runs of whitespace to one space and trims', () => {
    expect(collapse('  Ships\n\tsmall   features  ')).toBe('Ships small features');
  });

  it('drops emphasis marks but keeps underscores inside words', () => {
    expect(stripMarks('**Responsibilities:**')).toBe('Responsibilities:');
    expect(stripMarks('Uses `git` and _really_ cares')).toBe('Uses git and really cares');
    expect(stripMarks('Reads snake_case names')).toBe('Reads snake_case names');
    expect(stripMarks('* Fixes  bugs *')).toBe('Fixes bugs');
  });
});
