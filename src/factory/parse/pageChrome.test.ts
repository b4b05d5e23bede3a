import { describe, expect, it } from 'vitest';
import { block, heading, item, paragraph } from '../../testing/documentBlocks.js';
import type { Block } from '../documentTree.js';
import { isChromeLine, isLinkLine, isLinkList, withoutPageChrome } from './pageChrome.js';

const row = (...cells: string[]): Block => ({ ...block('row', cells.join(' | ')), cells });
const texts = (blocks: readonly Block[]) => blocks.map((b) => b.text);

describe('isChromeLine', () => {
  it.each([
    'Skip to content',
    'Home',
    'On this page',
    'Back to Home',
    'Edit this page',
    'Privacy policy',
    '© 2024 Lumen Labs. Levels are reviewed every January.',
    'Copyright 2024 Lumen Labs',
    '← Engineer II (L2)',
    'Staff Engineer (L4) →',
    'Next »',
  ])('reads %j as chrome', (line) => {
    expect(isChromeLine(line)).toBe(true);
  });

  it.each([
    'Home office setup',
    'Search engineering',
    'Copyright law for engineers',
    'Back to basics: engineers at this level write the tests before the code and review every change they ship.',
    'Senior Engineer (L3)',
  ])('reads %j as content', (line) => {
    expect(isChromeLine(line)).toBe(false);
  });
});

describe('isLinkList and isLinkLine', () => {
  it('takes a list for a menu when more than half its items are a link each', () => {
    const crumbs = [
      { text: 'Home', linkText: 'Home' },
      { text: 'Engineering', linkText: 'Engineering' },
      { text: 'Senior Engineer', linkText: '' },
    ];
    expect(isLinkList(crumbs)).toBe(true);
    const duties = [
      { text: 'Reviews designs against the architecture guide', linkText: 'architecture guide' },
      { text: 'Runs the on-call rota', linkText: '' },
    ];
    expect(isLinkList(duties)).toBe(false);
    expect(isLinkList([{ text: 'Home', linkText: 'Home' }])).toBe(false);
  });

  it('takes a line for chrome when it is links with at most four words besides, or one link alone', () => {
    expect(isLinkLine('Home › Engineering › Senior Engineer', ['Home', 'Engineering'])).toBe(true);
    expect(isLinkLine('© 2024 Lumen Labs · Privacy · Terms', ['Privacy', 'Terms'])).toBe(true);
    expect(isLinkLine('Lumen Labs', ['Lumen Labs'])).toBe(true);
    expect(
      isLinkLine('Follows the style guide and the review checklist on every change', [
        'style guide',
        'review checklist',
      ]),
    ).toBe(false);
    expect(isLinkLine('Read the style guide before the first review', ['style guide'])).toBe(false);
  });
});

describe('withoutPageChrome', () => {
  it('drops what the parser knew was chrome, and the heading that labelled only that', () => {
    const menu = [item('Engineer I (L1)'), item('Engineer II (L2)')];
    const blocks = [
      heading(4, 'Engineering management'),
      ...menu,
      heading(1, 'Senior Engineer (L3)'),
      item('Leads incident response'),
    ];
    expect(texts(withoutPageChrome(blocks, new Set(menu)))).toEqual([
      'Senior Engineer (L3)',
      'Leads incident response',
    ]);
  });

  it('drops an "On this page" list and a row of tabs that name the page’s own headings', () => {
    const blocks = [
      heading(1, 'Senior Engineer (L3)'),
      paragraph('Owns projects from design to release.'),
      paragraph('On this page'),
      item('Scope and impact'),
      item('Competencies'),
      heading(2, 'Scope and impact'),
      paragraph('Leads projects across two teams.'),
      heading(2, 'Competencies'),
      row('Technical skills', 'Delivery'),
      paragraph('Technical skills Delivery'),
      heading(3, 'Technical skills'),
      item('Writes design documents'),
      heading(3, 'Delivery'),
      item('Plans a quarter-long project'),
    ];
    expect(texts(withoutPageChrome(blocks))).toEqual([
      'Senior Engineer (L3)',
      'Owns projects from design to release.',
      'Scope and impact',
      'Leads projects across two teams.',
      'Competencies',
      'Technical skills',
      'Writes design documents',
      'Delivery',
      'Plans a quarter-long project',
    ]);
  });

  it('drops a list of three levels or more (a menu of the ladder), breadcrumbs and footers', () => {
    const blocks = [
      item('Engineer I (L1)'),
      item('Engineer II (L2)'),
      item('Staff Engineer (L4)'),
      paragraph('Home › Engineering › Senior Engineer'),
      heading(1, 'Senior Engineer (L3)'),
      item('Mentors two engineers'),
      paragraph('© 2024 Lumen Labs'),
    ];
    expect(texts(withoutPageChrome(blocks))).toEqual(['Senior Engineer (L3)', 'Mentors two engineers']);
  });

  it('keeps what says something: a short list of next roles, a table, and lists beside a menu', () => {
    const blocks = [
      heading(1, 'Senior Engineer (L3)'),
      heading(2, 'Next roles'),
      item('Staff Engineer (L4)'),
      item('Engineering Manager (M1)'),
      heading(2, 'Levels'),
      row('L3', 'Senior Engineer'),
      row('L4', 'Staff Engineer'),
      heading(2, 'Skills'),
      item('Testing'),
      item('Incident review'),
    ];
    expect(texts(withoutPageChrome(blocks))).toEqual(texts(blocks));
  });
});
