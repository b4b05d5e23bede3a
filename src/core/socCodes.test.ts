import { describe, expect, it } from 'vitest';
import { onetSocCode, onetSocCodeInKey, onetSocCodesOf, socForms } from './socCodes.js';

describe('SOC codes', () => {
  it('gives both forms of an occupation code, and leaves other codes alone', () => {
    expect(socForms('29-1141')).toEqual(['29-1141', '29-1141.00']);
    expect(socForms('29-1141.01')).toEqual(['29-1141.01', '29-1141']);
    expect(socForms('2221')).toEqual(['2221']);
  });

  it('names the O*NET-SOC code of a mapping or of a row key', () => {
    expect(onetSocCode('29-1141')).toBe('29-1141.00');
    expect(onetSocCode('29-1141.01')).toBe('29-1141.01');
    expect(onetSocCode('29-11')).toBeNull();
    expect(onetSocCodeInKey('29-1141.00 · 2.C.1.a')).toBe('29-1141.00');
    expect(onetSocCodeInKey('29-1141.001')).toBeNull();
    expect(onetSocCodeInKey('8823')).toBeNull();
    const mapping = { title: null, origin: 't', confidence: null, sources: [] };
    expect(
      onetSocCodesOf([
        { ...mapping, system: 'isco', code: '2221' },
        { ...mapping, system: 'onet-soc', code: '29-1141' },
      ]),
    ).toEqual(['29-1141.00']);
  });
});
