import type { Catalog } from '../core/catalog.js';
import { profileCode } from '../core/codes.js';
import { getLevel, LEVELS, type Level, type Track } from '../core/levels.js';
import { placeOnLadder } from '../resolve/placeOnLadder.js';
import type { LevelDto, TitleResolver } from '../resolve/titleResolver.js';
import {
  type CorrelationOptions,
  correlateGrades,
  type GradeCorrelation,
  type GradeLevels,
  type GradeReading,
  gradeFinder,
} from './gradeCorrelation.js';
import { JobTitleReader, type TitleReading } from './readJobTitle.js';

/** A catalog row as matching sees it. */
export interface JobRow {
  line: number;
  title: string;
  department: string;
  grade: string;
  /** The line of an earlier row with the very same cells, when this one repeats it. */
  duplicateOf: number | null;
}

export interface JobMatch {
  line: number;
  title: string;
  department: string;
  grade: string;
  duplicateOf: number | null;
  /** "needs review" when any reason in `review` holds; "unmatched" when no profile was found. */
  status: 'matched' | 'needs review' | 'unmatched';
  function: { code: string; name: string } | null;
  focus: { code: string; name: string } | null;
  profile: { code: string; fit: 'exact' | 'nearest' } | null;
  /** The job's Canon level: its title's reading, moved into its grade's levels. Null when the title could not be read. */
  level: LevelDto | null;
  /** The level the title's words state (or the default reading), before the grade. */
  titleLevel: { code: string; stated: boolean } | null;
  /** The Canon levels the job's grade corresponds to; null without a grade in the table. */
  gradeLevels: string[] | null;
  confidence: number;
  review: string[];
  explanation: string[];
}

export interface MatchOptions extends CorrelationOptions {
  /** Called as titles are read, with how many rows are done. */
  progress?: (done: number, total: number) => void;
}

/** Rows read between turns of the event loop: a server answers its other requests, and shows this progress, while a large file is matched. */
const CHUNK = 500;

/**
 * Matches every row of a catalog to a Canon profile, in two passes. First each title is read in
 * its department (`JobTitleReader`); the titles' stated seniority at each grade gives the grade
 * table (`correlateGrades`). Then each job's level is its title's reading moved into its grade's
 * levels — a plain "Analyst" at a grade whose titles read P1 is P1; a "Senior Analyst" two ranks
 * above its grade is flagged for review — and placed on its focus's ladder. A duplicate row is
 * matched like its first and counted as one; it adds nothing to the grade table. Titles are read
 * `CHUNK` rows at a time, the event loop given a turn between chunks.
 */
export async function matchJobs(
  rows: readonly JobRow[],
  resolver: TitleResolver,
  catalog: Catalog,
  options: MatchOptions = {},
): Promise<{ matches: JobMatch[]; correlation: GradeCorrelation }> {
  const reader = new JobTitleReader(resolver, catalog);
  const readings: TitleReading[] = [];
  for (const [i, row] of rows.entries()) {
    readings.push(reader.read(row.title, row.department));
    const done = i + 1;
    if (done % CHUNK === 0 || done === rows.length) options.progress?.(done, rows.length);
    if (done % CHUNK === 0 && done < rows.length) await new Promise((resolve) => setImmediate(resolve));
  }
  const gradeReadings: GradeReading[] = rows.flatMap((row, i) => {
    const reading = readings[i];
    if (row.duplicateOf !== null || !row.grade.trim() || !reading?.level || !reading.focus) return [];
    const { code, track, rank } = reading.level;
    return [
      {
        grade: row.grade,
        line: row.line,
        title: row.title,
        level: { code, track: track as Track, rank },
        stated: reading.stated,
      },
    ];
  });
  const correlation = correlateGrades(gradeReadings, options);
  const gradeOf = gradeFinder(correlation, options.order);
  // Rows alike in title, department and grade match alike: worked out once, shared by every such row.
  // The reader answers a title and department with one reading, so the reading stands for both.
  const alike = new Map<TitleReading, Map<string, SharedMatch>>();
  const matches = rows.map((row, i): JobMatch => {
    const reading = readings[i] as TitleReading;
    let atGrades = alike.get(reading);
    if (!atGrades) {
      atGrades = new Map();
      alike.set(reading, atGrades);
    }
    let match = atGrades.get(row.grade);
    if (!match) {
      match = atGrade(row, reading, gradeOf(row.grade), catalog);
      atGrades.set(row.grade, match);
    }
    return { line: row.line, duplicateOf: row.duplicateOf, ...match };
  });
  return { matches, correlation };
}

/** What rows matched alike share: a match but its row's line and the row it repeats. */
export type SharedMatch = Omit<JobMatch, 'line' | 'duplicateOf'>;

/** The match of one row: its title's reading, its level moved into its grade's, and the profile at that level. */
function atGrade(
  row: JobRow,
  reading: TitleReading,
  grade: GradeLevels | undefined,
  catalog: Catalog,
): SharedMatch {
  const review = [...reading.review];
  const explanation = [...reading.explanation];
  let level = reading.level;
  let profile = reading.profile;
  if (grade && reading.level) {
    const title = reading.level;
    const rank = Math.min(Math.max(title.rank, grade.low), grade.high);
    const focus = reading.focus ? catalog.findFocus(reading.focus.code) : undefined;
    const offered = focus ? focus.levelCodes.map(getLevel) : [];
    let moved = levelOn(title.track as Track, rank);
    // A title that states no seniority has its track from its focus, not its words ("Marketing
    // Coordinator" on a managers' focus): where that track has no level at the grade's rank, the
    // grade's level on a track the focus offers, else on the professional or support track, stands.
    if (!reading.stated && moved.rank !== rank) moved = atRank(rank, offered) ?? moved;
    const gradeSays = `${grade.grade} corresponds to ${grade.levels.join('/') || `rank ${grade.low}`}`;
    if (moved.code === title.code) explanation.push(`Grade: ${gradeSays}, as the title reads.`);
    else {
      const off = Math.abs(title.rank - rank);
      explanation.push(
        `Grade: ${gradeSays}; the title ${reading.stated ? 'states' : 'reads by default'} ${title.code}, so ${moved.code} ${moved.title}${moved.rank !== rank ? ` (the nearest level on its track to rank ${rank})` : ''}.`,
      );
      if (reading.stated && off >= 2)
        review.push(`the title reads ${title.code}, ${off} ranks from its grade ${grade.grade}`);
    }
    level = dto(moved);
    if (focus && reading.function && moved.code !== title.code) {
      const placed = placeOnLadder(
        {
          level: moved,
          stated: true,
          cues: [],
          specialty: [],
          support: { level: moved, cues: [] },
          note: null,
        },
        offered,
        null,
      );
      if (placed) {
        profile = {
          code: profileCode(reading.function.code, focus.code, placed.level.code),
          fit: placed.fit,
        };
        if (placed.fit === 'nearest')
          explanation.push(
            `${focus.name} offers ${focus.levelCodes.join(', ')}; the nearest profile is at ${placed.level.code}.`,
          );
      }
    }
  } else if (row.grade.trim() && reading.level) {
    explanation.push(
      `Grade ${JSON.stringify(row.grade)} is not in the grade table; the title's level stands.`,
    );
  }
  if (row.duplicateOf !== null)
    explanation.push(`Repeats line ${row.duplicateOf} cell for cell; counted once.`);
  return {
    title: row.title,
    department: row.department,
    grade: row.grade,
    status: !reading.focus ? 'unmatched' : review.length ? 'needs review' : 'matched',
    function: reading.function,
    focus: reading.focus,
    profile,
    level,
    titleLevel: reading.level ? { code: reading.level.code, stated: reading.stated } : null,
    gradeLevels: grade ? grade.levels : null,
    confidence: reading.confidence,
    review,
    explanation,
  };
}

/** The level of a track at a rank, or the nearest the track has (a support title at a manager's grade stays on the support track's top). */
function levelOn(track: Track, rank: number): Level {
  const onTrack = LEVELS.filter((l) => l.track === track);
  let best = onTrack[0] ?? getLevel('P2');
  for (const l of onTrack) if (Math.abs(l.rank - rank) < Math.abs(best.rank - rank)) best = l;
  return best;
}

/** A level at exactly this rank: one a focus offers, else the professional's, else the support track's. */
function atRank(rank: number, offered: readonly Level[]): Level | undefined {
  return (
    offered.find((l) => l.rank === rank) ??
    LEVELS.find((l) => l.track === 'P' && l.rank === rank) ??
    LEVELS.find((l) => l.track === 'S' && l.rank === rank)
  );
}

function dto(level: Level): LevelDto {
  return { code: level.code, track: level.track, rank: level.rank, title: level.title };
}
