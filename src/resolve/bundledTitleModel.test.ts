import { describe, expect, it } from 'vitest';
import { fixtureCounts, labelled } from '../testing/titleModelFixture.js';
import { decodeTitleModel, encodeTitleModel } from './bundledTitleModel.js';
import { labelledTitles } from './titleModel.js';

const file = {
  release: 'fixture',
  attribution: 'nobody',
  counts: fixtureCounts(),
  labelled: labelledTitles([labelled('Programmer Analyst', 'Acme', '15-1211')]),
  calibration: { weights: [0.8, -0.5, 0.3] as [number, number, number] },
};

describe('the title model file', () => {
  it('gives back what was written, byte for byte the same each time', () => {
    const bytes = encodeTitleModel(file);
    expect(decodeTitleModel(bytes)).toEqual(file);
    expect(encodeTitleModel(file).equals(bytes)).toBe(true);
  });

  it('refuses a file whose arrays do not add up', () => {
    const damaged = { ...file, counts: { ...file.counts, keys: file.counts.keys.slice(1) } };
    const bytes = encodeTitleModel(damaged);
    expect(() => decodeTitleModel(bytes)).toThrow(/damaged/);
  });
});
