import { profileCode } from '../core/codes.js';
import type { ProfileRecord } from '../core/taxonomy.js';

/** A draft profile with nothing but its coordinates, for hand-built test and benchmark taxonomies. */
export function draftProfile(functionCode: string, focusCode: string, levelCode: string): ProfileRecord {
  return {
    code: profileCode(functionCode, focusCode, levelCode),
    functionCode,
    focusCode,
    levelCode,
    status: 'draft',
    version: null,
    region: 'global',
    confidence: null,
    aliases: [],
    pay: [],
  };
}
