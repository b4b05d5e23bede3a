import { text } from 'node:stream/consumers';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipBomb } from '../testing/zipBomb.js';
import { checkZip, entryStream, unzipWithin, type ZipLimits } from './zipArchive.js';

const MB = 1024 * 1024;
const limits: ZipLimits = { kind: 'test archive', entries: 5, entryBytes: 4 * MB, totalBytes: 6 * MB };

describe('zipArchive', () => {
  it('reads stored and deflated entries', async () => {
    const zip = zipSync({
      'a.txt': [strToU8('stored'), { level: 0 }],
      'b/c.txt': strToU8('deflated '.repeat(99)),
    });
    const parts = await unzipWithin(zip, 'x.zip', limits);
    expect(new TextDecoder().decode(parts.get('a.txt'))).toBe('stored');
    expect(parts.get('b/c.txt')?.length).toBe(891);
  });

  it.each([
    [
      'one entry past its limit',
      { big: 5 },
      /"x\.zip" is too large once unzipped: "big" inflates to more than 4 MB/,
    ],
    ['entries past the total', { a: 3, b: 2, c: 2 }, /inflates to more than 6 MB \(reached at "c"\)/],
  ])('refuses %s, whatever the directory says', async (_name, bombs, message) => {
    const zip = zipBomb({}, bombs);
    await expect(unzipWithin(zip, 'x.zip', limits)).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(message),
    });
    await expect(checkZip(zip, 'x.zip', limits, () => true)).rejects.toMatchObject({ code: 'too_large' });
  });

  it('refuses more entries than allowed before inflating any', async () => {
    const zip = zipSync(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`${i}.txt`, strToU8('x')])));
    await expect(unzipWithin(zip, 'x.zip', limits)).rejects.toMatchObject({
      code: 'too_large',
      message: '"x.zip" holds 6 files; a test archive may hold at most 5.',
    });
  });

  it('counts only the entries asked for, and streams them again when read', async () => {
    const zip = zipBomb({ 'keep.txt': strToU8('kept') }, { 'skip.bin': 50 });
    const [entry, ...rest] = await checkZip(zip, 'x.zip', limits, (name) => name.endsWith('.txt'));
    expect(rest).toEqual([]);
    expect(entry && (await text(entryStream(entry)))).toBe('kept');
  });

  it.each([
    ['cut short', (zip: Uint8Array) => zip.subarray(0, zip.length - 30), /has no zip directory/],
    ['with a damaged entry', (zip: Uint8Array) => zip.fill(0xff, 30, 60), /"a\.txt" does not inflate/],
  ])('refuses an archive %s as unreadable', async (_name, damage, message) => {
    const zip = damage(zipSync({ 'a.txt': strToU8('some text to deflate '.repeat(20)) }));
    await expect(unzipWithin(zip, 'x.zip', limits)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(message),
    });
  });
});
