import { describe, expect, it } from 'vitest';
import { FOCUS_CODE, focusCodeFor, parseProfileCode, profileCode } from './codes.js';
import { CanonError } from './errors.js';

describe('focusCodeFor', () => {
  it.each([
    ['TECHNO', 'engineering-management', /^ENGINEER[0-9A-F]{4}$/],
    ['TECHNO', 'qa', /^QAXXXXXX[0-9A-F]{4}$/],
    ['SALESX', 'account-executive-2', /^ACCOUNTE[0-9A-F]{4}$/],
  ])('builds %s/%s into an 8-letter prefix plus 4 hex characters', (fn, key, shape) => {
    const code = focusCodeFor(fn, key);
    expect(code).toMatch(shape);
    expect(code).toMatch(FOCUS_CODE);
  });

  it('is stable: the same key always gives the same code', () => {
    expect(focusCodeFor('TECHNO', 'engineering-management')).toBe(
      focusCodeFor('TECHNO', 'engineering-management'),
    );
  });

  it('separates keys that share a prefix through the hash', () => {
    expect(focusCodeFor('TECHNO', 'technology-advisory')).not.toBe(
      focusCodeFor('TECHNO', 'technology-executive'),
    );
  });

  it('rejects a key without letters', () => {
    expect(() => focusCodeFor('TECHNO', '1234')).toThrow(CanonError);
  });
});

describe('parseProfileCode', () => {
  it('splits a valid code', () => {
    expect(parseProfileCode('TECHNO.TECHNOLO6B55.M3')).toEqual({
      functionCode: 'TECHNO',
      focusCode: 'TECHNOLO6B55',
      levelCode: 'M3',
    });
    expect(profileCode('TECHNO', 'TECHNOLO6B55', 'M3')).toBe('TECHNO.TECHNOLO6B55.M3');
  });

  it.each([
    ['', /FUNCTION\.FOCUS\.LEVEL/],
    ['TECHNO.TECHNOLO6B55', /FUNCTION\.FOCUS\.LEVEL/],
    ['techno.TECHNOLO6B55.M3', /FUNCTION\.FOCUS\.LEVEL/],
    ['TECHNO.TECHNOLO6B5Z.M3', /FUNCTION\.FOCUS\.LEVEL/],
    ['TECHNO.TECHNOLO6B55.M7', /Unknown level code "M7"/],
    ['TECHNO.TECHNOLO6B55.E4', /Unknown level code "E4"/],
    ['TECHNO.TECHNOLO6B55.X1', /FUNCTION\.FOCUS\.LEVEL/],
  ])('rejects %j with a message that says what was expected', (input, message) => {
    expect(() => parseProfileCode(input)).toThrow(message);
  });
});
