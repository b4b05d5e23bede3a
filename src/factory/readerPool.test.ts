import { afterAll, describe, expect, it } from 'vitest';
import { docxBomb } from '../testing/docxFixture.js';
import { isSingleRole, readDocument } from './readDocument.js';
import { openReaderPool, type ReaderPool } from './readerPool.js';

const doc = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const JD = doc(
  'jd.md',
  '# Senior Data Engineer\n\n## Responsibilities\n\n- Designs the warehouse for 4 teams\n\n## Experience\n\n5-8 years of experience.\n',
);
/** Some 10 s of remark's time: 40,000 list items. */
const WALL = doc(
  'wall.md',
  Array.from(
    { length: 1_000 },
    (_, l) =>
      `## L${(l % 5) + 1} - Engineer\n\n${Array.from({ length: 40 }, (_, i) => `- Owns service ${l}-${i}\n`).join('')}\n`,
  ).join(''),
);

/** A ladder of 200 KB of prose: half a second or so to read. */
const PROSE = doc(
  'prose.md',
  Array.from(
    { length: 150 },
    (_, l) =>
      `## L${(l % 5) + 1} - Engineer\n\n${'Owns the services of the team and reviews their design with care. '.repeat(20)}\n\n`,
  ).join(''),
);

const pools: ReaderPool[] = [];
const pool = (options: Parameters<typeof openReaderPool>[0] = {}) => {
  const opened = openReaderPool(options);
  pools.push(opened);
  return opened;
};
afterAll(() => Promise.all(pools.map((p) => p.close())));

describe('openReaderPool', () => {
  it('reads a document in a worker just as it reads in process, shared parts still shared', async () => {
    const read = await pool().read(JD);
    expect(read).toEqual(await readDocument(JD));
    // The one level is the whole document: the same object, not a copy, across the thread.
    expect(isSingleRole(read)).toBe(true);
  });

  it('hands back a refusal with its code and message', async () => {
    const readers = pool();
    await expect(readers.read({ name: 'x.txt', bytes: new Uint8Array([1, 0, 2]) })).rejects.toMatchObject({
      code: 'invalid_input',
      message: '"x.txt" looks binary (it contains NUL bytes), not like a text document.',
    });
    await expect(readers.read({ name: 'bomb.docx', bytes: docxBomb(1024) })).rejects.toMatchObject({
      code: 'too_large',
    });
  });

  it('keeps the event loop turning while a large document reads', async () => {
    const reading = pool().read(PROSE);
    let turns = 0;
    let settled = false;
    reading.finally(() => {
      settled = true;
    });
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve));
      turns++;
    }
    await reading;
    // In process, remark's parse is one unbroken task: the loop would not turn while it runs.
    expect(turns).toBeGreaterThan(100);
  });

  it('stops a document that reads too long, and reads the next in a new worker', async () => {
    const readers = pool({ size: 1, timeoutMs: 2_000 });
    await readers.read(JD);
    await expect(readers.read(WALL)).rejects.toMatchObject({
      code: 'too_large',
      message:
        '"wall.md" took more than 2 s to read; documents that long are not ladders or job descriptions.',
    });
    expect((await readers.read(JD)).name).toBe('jd.md');
  });

  it('refuses a document that runs its worker out of heap, and reads the next', async () => {
    const readers = pool({ size: 1, maxHeapMb: 64, timeoutMs: 120_000 });
    await readers.read(JD);
    // 250,000 elements: parse5's tree outgrows 64 MB in a few seconds.
    const crowd = doc('crowd.html', `<h2>E1: Director</h2>${'<p>a</p>'.repeat(250_000)}`);
    await expect(readers.read(crowd)).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/^"crowd\.html" needs more than 64 MB of memory to read/),
    });
    expect((await readers.read(JD)).name).toBe('jd.md');
  });

  it('refuses a document past the waiting line, and takes documents again once it moves', async () => {
    const readers = pool({ size: 1, maxWaiting: 1, timeoutMs: 2_000 });
    await readers.read(JD);
    const reading = readers.read(WALL).catch((e: unknown) => e);
    const waiting = readers.read(JD);
    await expect(readers.read(PROSE)).rejects.toMatchObject({
      code: 'rate_limited',
      message: '1 document is already waiting to be read; "prose.md" was not taken. Try again in a minute.',
    });
    expect(await reading).toMatchObject({ code: 'too_large' });
    expect((await waiting).name).toBe('jd.md');
    // A short document: the 2 s limit is there to stop the wall, and a loaded machine can take longer than
    // that over the prose ladder (it failed so once, with three test files at once on two cores).
    expect((await readers.read(JD)).name).toBe('jd.md');
  });

  it('refuses what is waiting or reading when it closes, and anything after', async () => {
    const readers = openReaderPool({ size: 1 });
    const refused = [readers.read(WALL), readers.read(JD)].map((read) => read.catch((e: unknown) => e));
    await readers.close();
    for (const error of [...(await Promise.all(refused)), await readers.read(JD).catch((e: unknown) => e)])
      expect(error).toMatchObject({ code: 'store_unavailable' });
  });
});
