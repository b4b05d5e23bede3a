import type { Claim, CrosswalkEntry } from '../core/evidence.js';
import { groupBy } from '../core/groupBy.js';
import { getLevel, LEVELS, type Level, type Track } from '../core/levels.js';
import type { SourceLevel } from './segmentLevels.js';

interface Reading {
  level: Level;
  stated: boolean;
  why: string[];
}

const MANAGES_MANAGERS =
  /\bmanag(?:e|es|ing) (?:other )?managers\b|\bmanager of managers\b|\bleads? (?:other )?managers\b/i;
const COMPANY_SCOPE =
  /\b(?:board|company-wide|company level|c-suite|executive team|whole company|entire (?:company|organization))\b/i;

/**
 * Maps each level of a source ladder to a canonical level. Titles are read for
 * seniority first; the document's own evidence then adds to it: "manages
 * managers" means at least M3, company or board scope means the executive
 * range. The ladder's order is kept: a level never maps below the one listed
 * before it (or above, for ladders listed top down) — when a reading would
 * invert it, the level moves to the next canonical level and says so.
 */
export function crosswalkLevels(levels: readonly SourceLevel[], claims: readonly Claim[]): CrosswalkEntry[] {
  const claimsOf = groupBy(claims, (c) => c.level);
  const readings = levels.map((l) => readLevel(l, claimsOf.get(l.label) ?? []));
  const descending = isDescending(levels, readings);
  const order = descending ? [...readings.keys()].reverse() : [...readings.keys()];
  const out: CrosswalkEntry[] = [];
  let previous: Level | null = null;
  for (const i of order) {
    const reading = readings[i] as Reading;
    const source = levels[i] as SourceLevel;
    let level = reading.level;
    const why = [...reading.why];
    let confidence = reading.stated ? 0.8 : 0.4;
    if (!previous && !reading.stated) {
      level = LEVELS.find((l) => l.track === reading.level.track) ?? level;
      why.push(`the ladder's first level, and no title word says how senior: the entry level of its track`);
    } else if (previous && !reading.stated) {
      level = nextAbove(previous, previous.track);
      why.push(
        level === previous
          ? `no title word says how senior, and ${previous.code} before it is the top of its track; they share it`
          : `no title word says how senior; placed one step above ${previous.code}, the level before it in the ladder`,
      );
    } else if (previous && level.rank <= previous.rank) {
      const moved = nextAbove(previous, previous.track);
      why.push(
        moved === previous
          ? `the title reads as ${level.code}, but the ladder lists it above ${previous.code}, the top of its track; they share it`
          : `the title reads as ${level.code}, but the ladder lists it above ${previous.code}; moved to ${moved.code} to keep its order`,
      );
      confidence = 0.5;
      level = moved;
    }
    previous = level;
    out[i] = {
      label: source.label,
      titles: source.titles,
      canonical: { code: level.code, track: level.track, rank: level.rank, title: level.title },
      confidence,
      reason: why.join('; '),
    };
  }
  return out;
}

function readLevel(source: SourceLevel, claims: readonly Claim[]): Reading {
  const why: string[] = [];
  const read = source.seniority;
  let level = getLevel(read?.level ?? 'P2');
  let stated = read?.stated ?? false;
  if (read?.stated)
    why.push(`"${read.title}" reads as ${level.code} ${level.title} (${read.cues.join(', ')})`);
  const text = claims.map((c) => c.text).join(' ');
  if (MANAGES_MANAGERS.test(text) && level.rank < getLevel('M3').rank) {
    level = getLevel('M3');
    stated = true;
    why.push('it manages managers, which Canon places at M3 or above');
  }
  if (COMPANY_SCOPE.test(text) && level.track === 'M' && level.rank < getLevel('M5').rank) {
    level = getLevel('M5');
    why.push('its scope reaches the board or the whole company');
  }
  const years = claims.find((c) => c.kind === 'experience' && c.years)?.years;
  if (years)
    why.push(
      `the document asks for ${years.min}${years.max ? `–${years.max}` : ''}${years.openEnded ? '+' : ''} years`,
    );
  return { level, stated, why };
}

/** A ladder is read top down when its stated readings mostly fall as it goes on. */
function isDescending(levels: readonly SourceLevel[], readings: readonly Reading[]): boolean {
  const numbers = levels.map((l) => Number(/(\d+)\s*$/.exec(l.code ?? '')?.[1] ?? Number.NaN));
  let up = 0;
  let down = 0;
  for (let i = 1; i < levels.length; i++) {
    const a = numbers[i - 1] as number;
    const b = numbers[i] as number;
    if (!Number.isNaN(a) && !Number.isNaN(b) && a !== b) b > a ? up++ : down++;
    const ra = readings[i - 1];
    const rb = readings[i];
    if (ra?.stated && rb?.stated && ra.level.rank !== rb.level.rank)
      rb.level.rank > ra.level.rank ? up++ : down++;
  }
  return down > up;
}

/** The next canonical level above `level` on `track`; a track's top level stays its top (they then share it). */
function nextAbove(level: Level, track: Track): Level {
  return (
    LEVELS.filter((l) => l.track === track && l.rank > level.rank).sort((a, b) => a.rank - b.rank)[0] ?? level
  );
}
