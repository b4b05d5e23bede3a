import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJobCsv } from './bulkJobCsv.js';

async function* pieces(...parts: (string | Uint8Array)[]) {
  for (const p of parts) yield typeof p === 'string' ? new TextEncoder().encode(p) : p;
}

async function read(...parts: (string | Uint8Array)[]) {
  const out: [number, string[]][] = [];
  for await (const batch of readJobCsv(pieces(...parts), 'x.csv'))
    for (const { line, record } of batch) out.push([line, record]);
  return out;
}

const bytes = (...b: number[]) => new Uint8Array(b);

describe('readJobCsv', () => {
  it('reads the header and rows with the line each starts on, skipping blank lines and a BOM', async () => {
    expect(await read('\uFEFFid,title\r\n1,Nurse\r\n\r\n2,"Chef,', ' de\npartie"\r\n')).toEqual([
      [1, ['id', 'title']],
      [2, ['1', 'Nurse']],
      [4, ['2', 'Chef, de\npartie']],
    ]);
  });

  it('joins a character the network cut in two, or in three', async () => {
    expect(await read('t\n', bytes(0xe2), bytes(0x82), bytes(0xac, 0x0a))).toEqual([
      [1, ['t']],
      [2, ['€']],
    ]);
  });

  it.each([
    ['a Latin-1 byte', bytes(0xe9, 0x0a)],
    ['an overlong slash', bytes(0xc0, 0xaf)],
    ['a UTF-16 surrogate', bytes(0xed, 0xa0, 0x80)],
    ['a code point past U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80)],
    ['a character cut off by the end of the file', bytes(0xe2, 0x82)],
  ])('refuses %s, naming its line', async (_what, bad) => {
    await expect(read('t\nok\n', bad)).rejects.toThrow(/^x\.csv:3: the file is not UTF-8 text/);
  });

  it('names the line of the first bad byte however the body is cut into pieces', async () => {
    const line = fc
      .array(fc.constantFrom('a', 'é', '€', '😀', ' '), { maxLength: 12 })
      .map((cs) => cs.join(''));
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (lines, at, cuts) => {
          const before = new TextEncoder().encode(`t\n${lines.slice(0, at % lines.length).join('\n')}\n`);
          const after = new TextEncoder().encode(lines.slice(at % lines.length).join('\n'));
          const body = new Uint8Array([...before, 0xff, ...after]);
          const points = [...new Set(cuts.map((c) => c % body.length))].sort((a, b) => a - b);
          const parts = [0, ...points].map((from, i) => body.subarray(from, [...points, body.length][i]));
          const expected = before.filter((b) => b === 0x0a).length + 1;
          await expect(read(...parts)).rejects.toThrow(`x.csv:${expected}: the file is not UTF-8`);
        },
      ),
      { numRuns: 200 },
    );
  });
});
