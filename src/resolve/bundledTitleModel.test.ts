import { describe, expect, it } from 'vitest';
import { fixtureCounts, labelled } from '../testing/titleModelFixture.js';
import { decodeTitleModel, encodeTitleModel, readBundledTitleModel } from './bundledTitleModel.js';
import { readTitleFeatures } from './titleFeatures.js';
import { labelledTitles, TitleModel } from './titleModel.js';

const file = {
  release: 'fixture',
  attribution: 'nobody',
  counts: fixtureCounts(),
  labelled: labelledTitles([labelled('Programmer Analyst', 'Acme', '15-1211')]),
  calibration: { weights: [0.8, -0.5] as [number, number] },
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

  it('ships a model built from O*NET, ESCO and the labelled H-1B titles, calibrated', async () => {
    const shipped = await readBundledTitleModel();
    expect(shipped.counts.classes.length).toBeGreaterThan(800);
    expect(shipped.labelled.length).toBeGreaterThan(1000);
    expect(shipped.calibration?.weights).toHaveLength(2);
    expect(shipped.attribution).toMatch(/O\*NET 29\.3.*ESCO.*H-1B/);
    const model = new TitleModel(shipped);
    expect(model.rank(readTitleFeatures('Registered Nurse'), '', new Map())[0]?.soc).toBe('29-1141');
  });
});
