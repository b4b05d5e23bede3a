import { describe, expect, it } from 'vitest';
import { readXlsxSheets } from './readXlsxSheets.js';
import { writeXlsx } from './writeXlsx.js';

describe('writeXlsx', () => {
  it('writes text and numbers that read back as written, with formula-looking text neutralised and never a formula', async () => {
    const bytes = writeXlsx([
      {
        name: 'Mapping',
        rows: [
          ['Title', 'Pay', 'Note'],
          ['=HYPERLINK("http://x.example","Analyst")', 85000, '+44 20 7946 0000'],
          ['@SUM(A1)', -5, { inline: '-cmd' }],
          ['R&D <Platform> "core"', 1.5, 'tab\there, bell\u0007 and _x000B_ as text'],
        ],
      },
    ]);
    const [sheet] = await readXlsxSheets(bytes, 'export.xlsx');
    expect(sheet?.formulas).toEqual([]);
    expect(sheet?.rows.map((r) => r.cells)).toEqual([
      ['Title', 'Pay', 'Note'],
      [`'=HYPERLINK("http://x.example","Analyst")`, '85000', `'+44 20 7946 0000`],
      [`'@SUM(A1)`, '-5', `'-cmd`],
      ['R&D <Platform> "core"', '1.5', 'tab\there, bell\u0007 and _x000B_ as text'],
    ]);
  });
});
