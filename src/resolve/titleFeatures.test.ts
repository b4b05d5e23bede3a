import { describe, expect, it } from 'vitest';
import { allOf, employerFeatures, fnv1a, hashFeature, readTitleFeatures } from './titleFeatures.js';

describe('titleFeatures', () => {
  it('hashes a feature with FNV-1a folded to 24 bits, the same on every run', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(hashFeature('')).toBe(0x1c9dc5 ^ 0x81);
    expect(hashFeature('a')).toBe(0x0c292c ^ 0xe4);
    expect(hashFeature('w:nurse')).not.toBe(hashFeature('w:nurses'));
  });

  it('reads specialty words and pairs, the whole specialty and title, and the stated track', () => {
    expect(readTitleFeatures('Director of Data Engineering', true)).toEqual({
      words: [hashFeature('w:data'), hashFeature('w:engineering')],
      pairs: [hashFeature('b:data engineering')],
      specialty: hashFeature('x:data engineering'),
      title: hashFeature('f:director data engineering'),
      track: hashFeature('t:M'),
    });
  });

  it('has no whole specialty for one word, and no whole title or track when no seniority word is read', () => {
    expect(readTitleFeatures('Welder', true)).toEqual({
      words: [hashFeature('w:welder')],
      pairs: [],
      specialty: null,
      title: null,
      track: null,
    });
    expect(readTitleFeatures('Operations Manager', true)).toMatchObject({
      specialty: null,
      title: hashFeature('f:operations manager'),
      track: hashFeature('t:M'),
    });
  });

  it('reads a noisy title as the resolver reads it', () => {
    expect(readTitleFeatures('Sr. Java Developer - Remote')).toEqual(
      readTitleFeatures('Senior Java Developer', true),
    );
  });

  it('lists every feature once', () => {
    expect(allOf({ words: [1, 2, 1], pairs: [3], specialty: 3, title: null, track: 4 })).toEqual([
      1, 2, 3, 4,
    ]);
  });

  it('reads an employer by the words of its name that may say what it does', () => {
    expect(employerFeatures('The University of Pittsburgh, Inc.')).toEqual([
      hashFeature('e:university'),
      hashFeature('e:pittsburgh'),
    ]);
    expect(employerFeatures('')).toEqual([]);
  });
});
