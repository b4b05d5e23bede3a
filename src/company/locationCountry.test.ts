import { describe, expect, it } from 'vitest';
import { locationCountry } from './locationCountry.js';

describe('locationCountry', () => {
  it('reads countries, US states and Canadian provinces from the end of a location', () => {
    const read = (location: string, currency?: string) => locationCountry(location, currency)?.code ?? null;
    expect(read('Austin TX')).toBe('US');
    expect(read('Seattle, WA')).toBe('US');
    expect(read('Remote - US')).toBe('US');
    expect(read('Toronto, ON')).toBe('CA');
    expect(read('London, UK')).toBe('GB');
    expect(read('London, United Kingdom')).toBe('GB');
    expect(read('São Paulo, BR')).toBe('BR');
    expect(read('Lisbon')).toBeNull();
    expect(read('remote, based in Lisbon')).toBeNull();
    expect(locationCountry('London, UK')).toMatchObject({ regions: ['GB', 'UK'], currency: 'GBP' });
  });

  it('reads a code that is both a state and a country by the currency paid there, and not at all without one', () => {
    expect(locationCountry('Köln, DE', 'EUR')).toMatchObject({ code: 'DE', currency: 'EUR' });
    expect(locationCountry('Dover, DE', 'USD')).toMatchObject({ code: 'US', currency: 'USD' });
    expect(locationCountry('San Jose, CA', 'USD')?.code).toBe('US');
    expect(locationCountry('Toronto, CA', 'CAD')?.code).toBe('CA');
    expect(locationCountry('Köln, DE')).toBeNull();
  });
});
