import { describe, expect, it } from 'vitest';
import { calibrate, expectedCalibrationError, fitCalibration, reliability } from './calibration.js';

/** Answers right with probability `truth(probability, index)`, on a grid of scores, drawn deterministically. */
function outcomes(truth: (probability: number, index: number) => number) {
  const out: { probability: number; index: number; correct: boolean }[] = [];
  for (let i = 1; i < 20; i++)
    for (let j = 1; j < 20; j++) {
      const [probability, index] = [i / 20, j / 20];
      const p = truth(probability, index);
      // Of 40 answers with these scores, round(40 p) are right.
      for (let k = 0; k < 40; k++) out.push({ probability, index, correct: k < Math.round(40 * p) });
    }
  return out;
}

describe('calibration', () => {
  it('learns how far each score tells right from wrong', () => {
    const logistic = (z: number) => 1 / (1 + Math.exp(-z));
    const logit = (p: number) => Math.log(p / (1 - p));
    const calibration = fitCalibration(outcomes((p, x) => logistic(0.5 * logit(p) + 0.25 * logit(x) - 0.2)));
    expect(calibration.weights[0]).toBeCloseTo(0.5, 1);
    expect(calibration.weights[1]).toBeCloseTo(0.25, 1);
    expect(calibration.weights[2]).toBeCloseTo(-0.2, 1);
  });

  it('pulls an overconfident score down to the share right, and rises with either score', () => {
    const calibration = fitCalibration(outcomes((p) => p / 2));
    expect(calibrate(calibration, { probability: 0.9, index: 0.5 })).toBeCloseTo(0.45, 1);
    const values = [0.2, 0.4, 0.6, 0.8].map((p) => calibrate(calibration, { probability: p, index: 0.5 }));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    const sure = fitCalibration(outcomes((p, x) => (p + x) / 2));
    expect(calibrate(sure, { probability: 0.5, index: 0.9 })).toBeGreaterThan(
      calibrate(sure, { probability: 0.5, index: 0.1 }),
    );
  });

  it('bins answers by stated confidence and weighs each gap by its share of answers', () => {
    const bins = reliability([
      { confidence: 0.95, correct: true },
      { confidence: 0.85, correct: false },
      { confidence: 0.15, correct: false },
      { confidence: 1, correct: true },
    ]);
    expect(bins.map((b) => [b.from, b.count])).toEqual([
      [0.1, 1],
      [0.8, 1],
      [0.9, 2],
    ]);
    expect(bins[2]?.confidence).toBeCloseTo(0.975);
    expect(bins[2]?.accuracy).toBe(1);
    expect(expectedCalibrationError(bins)).toBeCloseTo((0.15 + 0.85 + 2 * 0.025) / 4);
    expect(expectedCalibrationError([])).toBe(0);
  });
});
