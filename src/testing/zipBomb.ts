import { constants, deflateRawSync } from 'node:zlib';
import { Zip, ZipDeflate, type ZipInputFile } from 'fflate';

let mebibyte: Uint8Array | null = null;

/**
 * A deflate stream of `mb` MiB of zeros built from one compressed MiB (1 KB,
 * flushed so copies can follow one another) repeated: a gigabyte costs a
 * megabyte and no time to make.
 */
function deflatedZeros(mb: number): Uint8Array<ArrayBuffer> {
  mebibyte ??= deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const out = new Uint8Array(mebibyte.length * mb + 2);
  for (let i = 0; i < mb; i++) out.set(mebibyte, i * mebibyte.length);
  // An empty fixed-Huffman block marked final ends the stream.
  out.set([0x03, 0x00], mebibyte.length * mb);
  return out;
}

/**
 * A zip of `files` plus bombs: entries that inflate to the given MiB of zeros
 * while the zip's directory says they hold 1 KB, as a bomb's does.
 */
export function zipBomb(
  files: Record<string, Uint8Array>,
  bombs: Record<string, number>,
): Uint8Array<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, data] of Object.entries(files)) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(data, true);
  }
  for (const [name, mb] of Object.entries(bombs)) {
    const file: ZipInputFile = { filename: name, size: 1024, crc: 0, compression: 8 };
    zip.add(file);
    file.ondata?.(null, deflatedZeros(mb), true);
  }
  zip.end();
  return Buffer.concat(chunks);
}
