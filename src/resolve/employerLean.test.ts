import { describe, expect, it } from 'vitest';
import { EmployerLean } from './employerLean.js';

function lean(): EmployerLean {
  const l = new EmployerLean();
  for (let i = 0; i < 10; i++) {
    l.add(`State University ${i}`, ['25-1071']);
    l.add(`Acme Software ${i} Inc`, ['15-1252']);
    l.add(`Bank ${i} Financial`, ['13-2051', '13-2054']);
  }
  return l;
}

describe('EmployerLean', () => {
  it("lifts the groups an employer's name words were labelled with, and lowers the others", () => {
    const university = lean().factors('University of Somewhere');
    expect(university?.get('25')).toBeGreaterThan(2);
    expect(university?.get('15')).toBeLessThan(1);
    expect(lean().factors('First Bank Corp')?.get('13')).toBeGreaterThan(2);
  });

  it('says nothing of an employer none of whose words it saw, legal words aside', () => {
    expect(lean().factors('Zeta Holdings LLC')).toBeNull();
    expect(lean().factors('')).toBeNull();
  });

  it('reads words of a name only as data', () => {
    const l = new EmployerLean();
    l.add('Constructor Prototype Inc', ['47-1011']);
    expect(l.factors('constructor')?.get('47')).toBeGreaterThan(1);
    expect(l.factors('__proto__ toString')).toBeNull();
  });
});
