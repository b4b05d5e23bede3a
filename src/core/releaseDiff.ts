import type { Taxonomy } from './taxonomy.js';

export interface ReleaseDiff {
  added: { code: string; name: string }[];
  removed: { code: string; name: string }[];
  renamed: { code: string; from: string; to: string }[];
  /** Focuses now in another function. */
  moved: { code: string; name: string; from: string; to: string }[];
  /** SOC codes whose focus changed. */
  occupationsMoved: { soc: string; from: string; to: string }[];
  levels: { code: string; name: string; from: string[]; to: string[] }[];
  profiles: { added: number; removed: number };
}

/**
 * What a new taxonomy release changes against the previous one, focus by focus
 * (matched by key, which survives renames), and where each SOC occupation went.
 */
export function diffReleases(before: Taxonomy, after: Taxonomy): ReleaseDiff {
  const old = new Map(before.focuses.map((f) => [f.key, f]));
  const now = new Map(after.focuses.map((f) => [f.key, f]));
  const diff: ReleaseDiff = {
    added: [],
    removed: [],
    renamed: [],
    moved: [],
    occupationsMoved: [],
    levels: [],
    profiles: { added: 0, removed: 0 },
  };
  for (const [key, f] of now) {
    const was = old.get(key);
    if (!was) {
      diff.added.push({ code: f.code, name: f.name });
      continue;
    }
    if (was.name !== f.name) diff.renamed.push({ code: f.code, from: was.name, to: f.name });
    if (was.functionCode !== f.functionCode)
      diff.moved.push({ code: f.code, name: f.name, from: was.functionCode, to: f.functionCode });
    if (was.levelCodes.join() !== f.levelCodes.join())
      diff.levels.push({ code: f.code, name: f.name, from: was.levelCodes, to: f.levelCodes });
  }
  for (const [key, f] of old) if (!now.has(key)) diff.removed.push({ code: f.code, name: f.name });
  const socFocus = (t: Taxonomy) => {
    const map = new Map<string, string>();
    for (const f of t.focuses)
      for (const m of f.mappings)
        if (m.system === 'onet-soc' && /^\d{2}-\d{4}$/.test(m.code) && !map.has(m.code))
          map.set(m.code, f.key);
    return map;
  };
  const oldSoc = socFocus(before);
  for (const [soc, key] of socFocus(after)) {
    const was = oldSoc.get(soc);
    if (was && was !== key) diff.occupationsMoved.push({ soc, from: was, to: key });
  }
  const oldProfiles = new Set(before.profiles.map((p) => p.code));
  const newProfiles = new Set(after.profiles.map((p) => p.code));
  diff.profiles.added = [...newProfiles].filter((c) => !oldProfiles.has(c)).length;
  diff.profiles.removed = [...oldProfiles].filter((c) => !newProfiles.has(c)).length;
  return diff;
}
