import { findLevel, type Level } from '../core/levels.js';
import type { Seniority } from './readSeniority.js';

/** Where a title sits on one focus's ladder; `explainPlacement` puts the why into words. */
export interface LevelPlacement {
  level: Level;
  /** The level the title's words ask for on this focus's track, before any move to the nearest. */
  wanted: Level;
  /** "nearest" when the title's level is not one the focus offers and the nearest by rank stands in. */
  fit: 'exact' | 'nearest';
  /** How `wanted` was read: from the title's words as they are, their support-track reading, or the focus's typical level. */
  basis: 'words' | 'support words' | 'entry level' | 'job zone' | 'above entry' | 'first level';
}

/** A focus is on the support track when its ladder starts there (S1–S4, perhaps with supervisors above). */
export function onSupportTrack(levelCodes: readonly string[]): boolean {
  return levelCodes[0]?.startsWith('S') ?? false;
}

/**
 * The level a title takes in a focus offering `offered` (lowest first). A
 * professional, management or executive focus takes the title's level as read;
 * a support-track focus takes the support reading of the same words, and a
 * title with no seniority word the focus's typical level (see `typicalSupportLevel`).
 * When the focus does not offer that level, the nearest it offers by rank
 * stands in, on the title's own track when the focus has levels there (a
 * principal engineer is not moved onto the management ladder; an executive's
 * own track includes management, so a chief lands on the top of a management
 * ladder, or on a support focus's supervisor); on a tie the lower (a title is
 * not promoted on a tie). Null when the focus offers no level at all. No
 * sentences here: the landing weighs many placements and explains one
 * (`explainPlacement`).
 */
export function placeOnLadder(
  seniority: Seniority,
  offered: readonly Level[],
  jobZone: number | null,
  entry: Level | null = null,
): LevelPlacement | null {
  const first = offered[0];
  if (!first) return null;
  let wanted = seniority.level;
  let basis: LevelPlacement['basis'] = 'words';
  // A ladder of occupations (nursing assistants at S2 up to nurse practitioners) is read on the
  // track where the title's own occupation enters it, not where the ladder starts.
  const start = entry && offered.includes(entry) ? entry : first;
  // A plain title names its occupation at the level it enters: a chef (M1) or a nursing assistant
  // (S2). A professional's plain title keeps the professional reading (P2), as everywhere else.
  if (start === entry && !seniority.stated && !seniority.support && entry.track !== 'P') {
    wanted = entry;
    basis = 'entry level';
  } else if (start.track === 'S') {
    if (seniority.support) {
      wanted = seniority.support.level;
      basis = 'support words';
    } else {
      ({ level: wanted, basis } = typicalSupportLevel(offered, first, jobZone));
    }
  }
  if (offered.includes(wanted)) return { level: wanted, wanted, fit: 'exact', basis };
  // An executive's own ladder, below the executive levels, is management.
  const ownTrack = wanted.track === 'E' ? ['E', 'M'] : [wanted.track];
  let nearest = first;
  let sameTrack = false;
  for (const level of offered) {
    const same = ownTrack.includes(level.track);
    if (sameTrack && !same) continue;
    const closer = Math.abs(level.rank - wanted.rank) < Math.abs(nearest.rank - wanted.rank);
    const tieLower =
      Math.abs(level.rank - wanted.rank) === Math.abs(nearest.rank - wanted.rank) &&
      level.rank < nearest.rank;
    if ((same && !sameTrack) || closer || tieLower) nearest = level;
    sameTrack ||= same;
  }
  return { level: nearest, wanted, fit: 'nearest', basis };
}

/** The sentences behind a placement: how a support-track level was read, and any move to the nearest level. */
export function explainPlacement(
  placement: LevelPlacement,
  seniority: Seniority,
  levelCodes: readonly string[],
  jobZone: number | null,
): string[] {
  const { wanted, level } = placement;
  const notes: string[] = [];
  if (placement.basis === 'support words' && seniority.support) {
    if (wanted.code !== seniority.level.code || !seniority.stated)
      notes.push(
        `“${seniority.support.cues.join(' ')}” reads as ${wanted.code} ${wanted.title} on the support track.`,
      );
  } else if (placement.basis !== 'words') {
    const why =
      placement.basis === 'entry level'
        ? "where the title's occupation enters this focus"
        : placement.basis === 'job zone'
          ? `the level of work that needs O*NET Job Zone ${jobZone} preparation`
          : placement.basis === 'above entry'
            ? "this focus's first level above entry"
            : "this focus's first level";
    notes.push(`No seniority word: ${wanted.code} ${wanted.title}, ${why}.`);
  }
  if (placement.fit === 'nearest')
    notes.push(
      `${wanted.code} is not a level of this focus (${levelCodes.join(', ')}); the nearest by rank is ${level.code} ${level.title}.`,
    );
  return notes;
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
  offered: readonly Level[],
  first: Level,
  jobZone: number | null,
): { level: Level; basis: LevelPlacement['basis'] } {
  const zoned = jobZone !== null && jobZone >= 1 ? findLevel(`S${Math.min(jobZone, 3)}`) : undefined;
  if (zoned) return { level: zoned, basis: 'job zone' };
  const aboveEntry = offered.find((l) => l.track === 'S' && l.step > 1);
  if (aboveEntry) return { level: aboveEntry, basis: 'above entry' };
  return { level: first, basis: 'first level' };
}
