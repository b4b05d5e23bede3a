import { describe, expect, it } from 'vitest';
import { formatVersionRef, parseVersionRef } from './versionRef.js';

describe('parseVersionRef', () => {
  it.each([
    ['2', 2],
    ['v2', 2],
    ['V12', 12],
    [' 3 ', 3],
    ['draft', 'draft'],
    ['Draft', 'draft'],
  ])('reads %j as %j', (text, ref) => {
    expect(parseVersionRef(text)).toBe(ref);
  });

  it.each(['0', 'v0', '-1', '1.5', 'vv2', 'two', '', '1e3', '99999999999999999999'])(
    'refuses %j, quoting it',
    (text) => {
      expect(() => parseVersionRef(text, 'from')).toThrow(
        `from: expected a version number such as 2 or v2, or "draft"; got "${text}".`,
      );
    },
  );

  it('reads back what it parsed', () => {
    expect(formatVersionRef(parseVersionRef('v4'))).toBe('v4');
    expect(formatVersionRef('draft')).toBe('draft');
  });
});
