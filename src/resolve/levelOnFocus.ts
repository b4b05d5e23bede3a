import { findLevel, type Level } from '../core/levels.js';
import type { Seniority } from './readSeniority.js';

export interface LevelOnFocus {
  level: Level;
  /** The level the title's words ask for on this focus's track, before any move to the nearest. */
  wanted: Level;
  /** "nearest" when the title's level is not one the focus offers and the nearest by rank stands in. */
  fit: 'exact' | 'nearest';
  /** Why this level, in sentences, when it is not simply the level the title's words state. */
  notes: string[];
}

/** A focus is on the support track when its ladder starts there (S1–S4, perhaps with supervisors above). */
export function onSupportTrack(levelCodes: readonly string[]): boolean {
  return levelCodes[0]?.startsWith('S') ?? false;
}

/**
 * The level a title takes in a focus offering `levelCodes` (lowest first). A
 * professional, management or executive focus takes the title's level as read;
 * a support-track focus takes the support reading of the same words, and a
 * title with no seniority word the focus's typical level (see `typicalSupportLevel`).
 * When the focus does not offer that level, the nearest it offers by rank
 * stands in, on the title's own track when the focus has levels there (a
 * principal engineer is not moved onto the management ladder, an executive
 * lands on the top of a management one); on a tie the lower (a title is not
 * promoted on a tie). Null when the focus offers no level at all.
 */
export function levelOnFocus(
  seniority: Seniority,
  levelCodes: readonly string[],
  jobZone: number | null,
): LevelOnFocus | null {
  const levels = levelCodes.flatMap((code) => findLevel(code) ?? []);
  const [first, ...others] = levels;
  if (!first) return null;
  const offered = [first, ...others] as const;
  const notes: string[] = [];
  let wanted = seniority.level;
  if (onSupportTrack(levelCodes)) {
    if (seniority.support) {
      wanted = seniority.support.level;
      if (seniority.support.level.code !== seniority.level.code || !seniority.stated)
        notes.push(
          `“${seniority.support.cues.join(' ')}” reads as ${wanted.code} ${wanted.title} on the support track.`,
        );
    } else {
      const typical = typicalSupportLevel(offered, jobZone);
      wanted = typical.level;
      notes.push(`No seniority word: ${wanted.code} ${wanted.title}, ${typical.why}.`);
    }
  }
  if (offered.some((l) => l.code === wanted.code)) return { level: wanted, wanted, fit: 'exact', notes };
  const sameTrack = offered.filter((l) => l.track === wanted.track);
  const nearest = [...(sameTrack.length ? sameTrack : offered)].sort(
    (a, b) => Math.abs(a.rank - wanted.rank) - Math.abs(b.rank - wanted.rank) || a.rank - b.rank,
  )[0] as Level;
  notes.push(
    `${wanted.code} is not a level of this focus (${levelCodes.join(', ')}); the nearest by rank is ${nearest.code} ${nearest.title}.`,
  );
  return { level: nearest, wanted, fit: 'nearest', notes };
}

/**
 * The level of a support-track title that states no seniority. The support
 * levels S1–S3 follow O*NET's Job Zones 1–3 (how much preparation the work
 * needs), so the occupation's Job Zone names it (Zones 4–5 are capped at S3,
 * the fully skilled worker). Without a Job Zone, the focus's first level above
 * S1: a plain title names a trained worker, not a beginner; a focus that starts
 * higher or offers only S1 takes its first level.
 */
function typicalSupportLevel(
  offered: readonly [Level, ...Level[]],
  jobZone: number | null,
): { level: Level; why: string } {
  const zoned = jobZone !== null && jobZone >= 1 ? findLevel(`S${Math.min(jobZone, 3)}`) : undefined;
  if (zoned)
    return { level: zoned, why: `the level of work that needs O*NET Job Zone ${jobZone} preparation` };
  const aboveEntry = offered.find((l) => l.track === 'S' && l.step > 1);
  if (aboveEntry) return { level: aboveEntry, why: "this focus's first level above entry" };
  return { level: offered[0], why: "this focus's first level" };
}
