import { describe, expect, it } from 'vitest';
import { readDocument } from './readDocument.js';

const doc = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

describe('readDocument', () => {
  it('reads one document into its levels, their seniority, and its claims', async () => {
    const d = await readDocument(
      doc(
        'ladder.md',
        '# Ladder\n\n## P1: Engineer\n\n- Fixes bugs in one service\n\n## P3: Senior Engineer\n\n- Leads projects across 2 teams\n',
      ),
    );
    expect(d.levels.map((l) => [l.code, l.seniority?.level, l.seniority?.stated])).toEqual([
      ['P1', 'P2', false],
      ['P3', 'P3', true],
    ]);
    expect(d.claims.filter((c) => c.kind === 'responsibility').map((c) => [c.level, c.text])).toEqual([
      ['P1: Engineer', 'Fixes bugs in one service'],
      ['P3: Senior Engineer', 'Leads projects across 2 teams'],
    ]);
  });

  it('refuses, whole, a document of more claims than any ladder has', async () => {
    // HTML: remark takes seven times as long over a list this long.
    const items = Array.from({ length: 5_000 }, (_, i) => `<li>Owns service ${i}</li>`).join('');
    const wall = doc('wall.html', `<h2>E1: Director</h2><ul>${items}</ul>`);
    const error = await readDocument(wall).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/^"wall\.html" yields 5,001 claims; a document may yield at most 5,000/),
    });
  });

  it('warns, and finds nothing, when a document names no level', async () => {
    const d = await readDocument(doc('notes.md', '# Team notes\n\n- lunch on Friday\n'));
    expect(d.levels).toEqual([]);
    expect(d.claims).toEqual([]);
    expect(d.warnings[0]).toMatch(/no level found/);
  });
});
