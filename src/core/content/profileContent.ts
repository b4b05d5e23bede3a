import { createHash } from 'node:crypto';
import { CanonError, quote } from '../errors.js';
import type {
  CareerLinks,
  FocusLevelContent,
  LevelExperience,
  ProfileRecord,
  ProfileStatus,
  RubricRow,
  Skill,
  Statement,
  Taxonomy,
} from '../taxonomy.js';

/**
 * What one profile says of itself, as opposed to what its focus says of every
 * level: the part a draft edits and an approved version freezes.
 */
export interface ProfileContent {
  responsibilities: Statement[];
  rubric: RubricRow;
  career: CareerLinks;
  aliases: Statement[];
  skills?: Skill[];
  experience?: LevelExperience;
}

/** The profile's current content as the taxonomy holds it. */
export function contentOf(taxonomy: Taxonomy, code: string): ProfileContent {
  const record = taxonomy.profiles.find((p) => p.code === code);
  const focus = record && taxonomy.focuses.find((f) => f.code === record.focusCode);
  const level = record && focus?.levels[record.levelCode];
  if (!record || !level) throw new CanonError('not_found', `No profile with code ${quote(code)}.`);
  return profileContent(record, level);
}

/** A profile's own content from its record and its focus's content at its level. */
export function profileContent(record: ProfileRecord, level: FocusLevelContent): ProfileContent {
  return {
    responsibilities: level.responsibilities,
    rubric: level.rubric,
    career: level.career,
    aliases: record.aliases,
    ...(level.skills ? { skills: level.skills } : {}),
    ...(level.experience ? { experience: level.experience } : {}),
  };
}

export interface ContentOverlay {
  content: ProfileContent;
  version?: number | null;
  status?: ProfileStatus;
}

/**
 * The same taxonomy with some profiles' content replaced (and, when given,
 * their version and status), in one pass. Untouched parts are shared, not copied.
 */
export function withContent(taxonomy: Taxonomy, overlays: ReadonlyMap<string, ContentOverlay>): Taxonomy {
  if (overlays.size === 0) return taxonomy;
  const levelsByFocus = new Map<string, Record<string, FocusLevelContent>>();
  for (const p of taxonomy.profiles) {
    const overlay = overlays.get(p.code);
    if (!overlay) continue;
    const { aliases: _a, ...level } = overlay.content;
    levelsByFocus.set(p.focusCode, { ...levelsByFocus.get(p.focusCode), [p.levelCode]: level });
  }
  return {
    ...taxonomy,
    focuses: taxonomy.focuses.map((f) => {
      const levels = levelsByFocus.get(f.code);
      return levels ? { ...f, levels: { ...f.levels, ...levels } } : f;
    }),
    profiles: taxonomy.profiles.map((p) => {
      const overlay = overlays.get(p.code);
      if (!overlay) return p;
      return {
        ...p,
        aliases: overlay.content.aliases,
        ...(overlay.version !== undefined ? { version: overlay.version } : {}),
        ...(overlay.status ? { status: overlay.status } : {}),
      };
    }),
  };
}

/** A stable fingerprint of content, to tell whether two versions say the same thing. */
export function contentHash(content: ProfileContent): string {
  return createHash('sha256').update(stableJson(content)).digest('hex').slice(0, 16);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}
