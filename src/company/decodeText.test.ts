import { describe, expect, it } from 'vitest';
import { decodeText } from './decodeText.js';
import { utf16, windows1252 } from './fixtures/encodings.js';

const TEXT =
  'Title,Location,Pay\r\nMarketing Specialist – EMEA,Köln,€61000\r\nCafé Lead — São Paulo,SP,R$1\r\n';

describe('decodeText', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(TEXT), 'UTF-8'],
    [
      'UTF-8 with a BOM',
      Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]),
      'UTF-8 with BOM',
    ],
    ['UTF-16 LE with a BOM', utf16(TEXT, 'LE', true), 'UTF-16 LE'],
    ['UTF-16 BE with a BOM', utf16(TEXT, 'BE', true), 'UTF-16 BE'],
    ['UTF-16 LE without a BOM', utf16(TEXT, 'LE', false), 'UTF-16 LE'],
    ['UTF-16 BE without a BOM', utf16(TEXT, 'BE', false), 'UTF-16 BE'],
    ['Windows-1252', windows1252(TEXT), 'Windows-1252'],
  ])('reads %s to the same text and says so', (_, bytes, encoding) => {
    const decoded = decodeText(bytes, 'jobs.csv');
    expect(decoded.text).toBe(TEXT);
    expect(decoded.encoding).toBe(encoding);
  });

  it('says where UTF-8 broke when it falls back to Windows-1252', () => {
    expect(decodeText(windows1252(TEXT), 'jobs.csv').reason).toBe(
      'not valid UTF-8 (byte 0x96 on line 2), read as Windows-1252',
    );
  });

  it('refuses a binary file, UTF-32, and a BOM its bytes belie', () => {
    expect(() =>
      decodeText(Uint8Array.from([0x01, 0x00, 0x00, 0x07, 0x41, 0x00, 0x00, 0x42]), 'x.csv'),
    ).toThrow(/x\.csv is not a text file/);
    expect(() => decodeText(Uint8Array.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0, 0, 0]), 'x.csv')).toThrow(
      /UTF-32/,
    );
    expect(() => decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0xff, 0x41]), 'x.csv')).toThrow(
      /says it is UTF-8 with BOM .* but is not valid/,
    );
  });
});
