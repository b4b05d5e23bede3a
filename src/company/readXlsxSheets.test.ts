import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipBomb } from '../testing/zipBomb.js';
import { readXlsxSheets } from './readXlsxSheets.js';
import { writeXlsx } from './writeXlsx.js';

describe('readXlsxSheets', () => {
  it('reads every sheet in order, with row numbers, values as Excel shows them and merged cells filled', async () => {
    const bytes = writeXlsx([
      { name: 'About', rows: [['Notes only']] },
      {
        name: 'Jobs',
        rows: [
          ['Northwind export'],
          ['Job', null, 'Pay'],
          ['Title', 'Code', 'Base'],
          ['Data Engineer', { inline: 'NW-7' }, 118000],
          [],
          [
            { formula: '=HYPERLINK("https://x.example/1","Analyst")', cached: 'Analyst' },
            'NW-8',
            { formula: '=1+1' },
          ],
        ],
        merges: ['A1:C1', 'A2:B2'],
      },
      { name: 'Lookups', hidden: true, rows: [['x']] },
    ]);
    const [about, jobs, lookups] = await readXlsxSheets(bytes, 'jobs.xlsx');
    expect(about).toMatchObject({ name: 'About', hidden: false, rows: [{ line: 1, cells: ['Notes only'] }] });
    expect(lookups).toMatchObject({ name: 'Lookups', hidden: true });
    expect(jobs?.rows).toEqual([
      { line: 1, cells: ['Northwind export', 'Northwind export', 'Northwind export'] },
      { line: 2, cells: ['Job', 'Job', 'Pay'] },
      { line: 3, cells: ['Title', 'Code', 'Base'] },
      { line: 4, cells: ['Data Engineer', 'NW-7', '118000'] },
      { line: 6, cells: ['Analyst', 'NW-8', ''] },
    ]);
    expect(jobs?.merged.map((m) => m.ref)).toEqual(['A1:C1', 'A2:B2']);
    expect(jobs?.formulas).toEqual([
      { line: 6, column: 0, formula: '=HYPERLINK("https://x.example/1","Analyst")', cached: true },
      { line: 6, column: 2, formula: '=1+1', cached: false },
    ]);
  });

  it('reads booleans, error codes, rich text without its phonetic guide, entities and escaped control characters', async () => {
    const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const bytes = zipSync({
      'xl/workbook.xml': strToU8(
        `<workbook xmlns="${MAIN}" xmlns:r="r"><sheets><sheet name="S &amp; P" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Type="worksheet" Target="/xl/worksheets/s.xml"/></Relationships>',
      ),
      'xl/sharedStrings.xml': strToU8(
        `<sst xmlns="${MAIN}"><si><r><t>Sr. </t></r><r><rPr><b/></rPr><t>Analyst</t></r><rPh><t>アナリスト</t></rPh></si><si><t>R&amp;D_x000D_</t></si></sst>`,
      ),
      'xl/worksheets/s.xml': strToU8(
        `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#REF!</v></c><c r="F1" t="str"><f t="shared" si="0"/><v>x</v></c></row></sheetData></worksheet>`,
      ),
    });
    const [sheet] = await readXlsxSheets(bytes, 'odd.xlsx');
    expect(sheet?.name).toBe('S & P');
    expect(sheet?.rows).toEqual([{ line: 1, cells: ['Sr. Analyst', 'R&D\r', 'TRUE', '#REF!', '', 'x'] }]);
    expect(sheet?.formulas).toEqual([{ line: 1, column: 5, formula: '(a shared formula)', cached: true }]);
  });

  it('refuses a zip that is no workbook, and one that inflates past the limits', async () => {
    await expect(readXlsxSheets(zipSync({ 'a.txt': strToU8('hi') }), 'a.xlsx')).rejects.toThrow(
      'a.xlsx is a zip but not an XLSX workbook (it has no xl/workbook.xml).',
    );
    const bomb = zipBomb({ 'xl/workbook.xml': strToU8('<workbook/>') }, { 'xl/worksheets/sheet1.xml': 300 });
    await expect(readXlsxSheets(bomb, 'bomb.xlsx')).rejects.toMatchObject({ code: 'too_large' });
  });
});
