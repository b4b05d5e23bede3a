import { profileCode } from './codes.js';
import type { Taxonomy } from './taxonomy.js';

/**
 * Codes are assigned once: when the store already knows a focus key, its stored
 * code wins over the one the files would produce, and every profile follows.
 */
export function keepStoredCodes(taxonomy: Taxonomy, storedCodeByKey: ReadonlyMap<string, string>): Taxonomy {
  const renamed = new Map<string, string>();
  const focuses = taxonomy.focuses.map((f) => {
    const stored = storedCodeByKey.get(f.key);
    if (!stored || stored === f.code) return f;
    renamed.set(f.code, stored);
    return { ...f, code: stored };
  });
  if (renamed.size === 0) return taxonomy;
  const profiles = taxonomy.profiles.map((p) => {
    const focusCode = renamed.get(p.focusCode);
    return focusCode ? { ...p, focusCode, code: profileCode(p.functionCode, focusCode, p.levelCode) } : p;
  });
  return { ...taxonomy, focuses, profiles };
}
