import { gunzipSync, gzipSync } from 'node:zlib';
import { CanonError } from '../core/errors.js';
import { readShippedFile } from './readShippedFile.js';
import type { TitleCountsData } from './titleClassifier.js';
import type { TitleModelParts } from './titleModel.js';

/**
 * The learned title model shipped in `data/`: O*NET's and ESCO's titles counted per SOC code, the
 * labelled H-1B titles, and the calibration fitted on them by cross-validation. `npm run
 * build:resolver` regenerates it from ../shared/data.
 */
export const BUNDLED_TITLE_MODEL = new URL('../../data/resolver/title-model.bin.gz', import.meta.url);

export interface TitleModelFile extends TitleModelParts {
  release: string;
  attribution: string;
}

/**
 * The file: gzip of a 4-byte little-endian length, that many bytes of JSON (everything but the
 * postings), then the postings' arrays as raw little-endian bytes — the keys as differences from the
 * previous key, which compress better — in the order of `ARRAYS`.
 */
interface Header extends Omit<TitleModelFile, 'counts'> {
  classes: string[];
  mass: number[];
  totals: number[];
  keys: number;
  postings: number;
}

export function encodeTitleModel(file: TitleModelFile): Buffer {
  const { counts, ...rest } = file;
  const header: Header = {
    ...rest,
    labelled: [...rest.labelled],
    classes: counts.classes,
    mass: [...counts.mass],
    totals: [...counts.totals],
    keys: counts.keys.length,
    postings: counts.classIds.length,
  };
  const deltas = counts.keys.map((k, i) => k - (i > 0 ? (counts.keys[i - 1] ?? 0) : 0));
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const raw = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const body = [deltas, counts.lengths, counts.classIds, counts.counts].map(raw);
  // mtime 0 in the gzip header: the bytes depend on the model alone.
  return gzipSync(Buffer.concat([length, json, ...body]), { level: 9 });
}

export function decodeTitleModel(gzipped: Uint8Array): TitleModelFile {
  const bytes = gunzipSync(gzipped);
  const length = bytes.readUInt32LE(0);
  const {
    classes,
    mass,
    totals,
    keys: keyCount,
    postings,
    ...rest
  } = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as Header;
  let at = 4 + length;
  // Each array copied into a buffer of its own, aligned for its element size.
  const take = (byteLength: number) => {
    const copy = Uint8Array.prototype.slice.call(bytes, at, at + byteLength).buffer;
    at += byteLength;
    return copy;
  };
  const keys = new Uint32Array(take(4 * keyCount));
  for (let i = 1; i < keys.length; i++) keys[i] = (keys[i] ?? 0) + (keys[i - 1] ?? 0);
  const counts: TitleCountsData = {
    classes,
    keys,
    lengths: new Uint16Array(take(2 * keyCount)),
    classIds: new Uint16Array(take(2 * postings)),
    counts: new Float32Array(take(4 * postings)),
    mass: Float64Array.from(mass),
    totals: Float64Array.from(totals),
  };
  if (at !== bytes.length)
    throw new CanonError(
      'invalid_data',
      'The title model file is damaged: its arrays do not add up to its size.',
    );
  return { ...rest, counts };
}

export async function readBundledTitleModel(file: URL = BUNDLED_TITLE_MODEL): Promise<TitleModelFile> {
  const gzipped = await readShippedFile(file, 'title model');
  return decodeTitleModel(gzipped);
}
