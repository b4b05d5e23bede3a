import { createHash } from 'node:crypto';
import { CanonError, quote } from './errors.js';
import { parseLevelCode } from './levels.js';

export const FOCUS_CODE = /^[A-Z]{8}[0-9A-F]{4}$/;
export const PROFILE_CODE = /^([A-Z]{6})\.([A-Z]{8}[0-9A-F]{4})\.([SPME][1-9])$/;

/**
 * A focus code: eight letters of its stable key (padded with X) plus four hex
 * characters of a hash of function code and key. The key, not the display
 * name, feeds it, so renaming a focus never changes its code.
 */
export function focusCodeFor(functionCode: string, key: string): string {
  const letters = key.toUpperCase().replace(/[^A-Z]/g, '');
  if (letters.length === 0) {
    throw new CanonError('invalid_input', `A focus key needs letters to form a code; got ${quote(key)}.`);
  }
  const prefix = letters.slice(0, 8).padEnd(8, 'X');
  const hash = createHash('sha256').update(`${functionCode}/${key}`).digest('hex').slice(0, 4).toUpperCase();
  return `${prefix}${hash}`;
}

export interface ProfileCodeParts {
  functionCode: string;
  focusCode: string;
  levelCode: string;
}

export function parseProfileCode(code: string): ProfileCodeParts {
  const match = PROFILE_CODE.exec(code);
  if (!match) {
    throw new CanonError(
      'invalid_input',
      `Malformed profile code ${quote(code)}: expected FUNCTION.FOCUS.LEVEL, e.g. TECHNO.TECHNOLO6B55.M3.`,
    );
  }
  const [, functionCode = '', focusCode = '', levelCode = ''] = match;
  parseLevelCode(levelCode);
  return { functionCode, focusCode, levelCode };
}

export function profileCode(functionCode: string, focusCode: string, levelCode: string): string {
  return `${functionCode}.${focusCode}.${levelCode}`;
}
