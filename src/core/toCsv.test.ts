import { describe, expect, it } from 'vitest';
import { toCsv } from './toCsv.js';

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', 3, null]])).toBe(
      '"a,b","say ""hi""","two\nlines",3,\r\n',
    );
  });

  it.each(['=SUM(A1)', '+1', '-2+3', '@cmd', '\tx'])('neutralises a formula-like cell %j', (value) => {
    expect(toCsv([[value]]).startsWith("'") || toCsv([[value]]).startsWith(`"'`)).toBe(true);
  });

  it('leaves negative numbers that are numbers alone', () => {
    expect(toCsv([[-2]])).toBe('-2\r\n');
  });
});
