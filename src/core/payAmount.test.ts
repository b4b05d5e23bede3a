import { describe, expect, it } from 'vitest';
import { payOutOfRange, readPayAmount } from './payAmount.js';

describe('readPayAmount', () => {
  it.each([
    ['85000', 85000],
    ['85,000', 85000],
    ['85000.50', 85000.5],
    ['1,234,567.89', 1234567.89],
    ['1', 1],
    ['100,000,000', 100_000_000],
  ])('reads %j as %d', (text, value) => {
    expect(readPayAmount(text)).toEqual({ value });
  });

  it.each([
    ['1e300', 'not a plain amount'],
    ['0x10', 'not a plain amount'],
    ['Infinity', 'not a plain amount'],
    ['NaN', 'not a plain amount'],
    ['-85000', 'not a plain amount'],
    ['+85000', 'not a plain amount'],
    ['8,5000', 'not a plain amount'],
    ['85000.', 'not a plain amount'],
    ['', 'not a plain amount'],
    ['9'.repeat(400), 'not a plain amount'],
    ['0', 'below 1 a year'],
    ['0.50', 'below 1 a year'],
    ['100,000,001', 'above 100,000,000 a year'],
  ])('refuses %j: %s', (text, problem) => {
    expect(readPayAmount(text)).toEqual({ problem });
  });

  it('scales the range to an hourly figure: a 2,080-hour year', () => {
    expect(readPayAmount('48,076', 'hourly')).toEqual({ value: 48076 });
    expect(readPayAmount('48,077', 'hourly')).toEqual({ problem: 'above 48,076.9231 an hour' });
    expect(payOutOfRange(0.0004, 'hourly')).toBe('below 0.0005 an hour');
  });
});
