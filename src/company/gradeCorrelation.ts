import { CanonError, quote } from '../core/errors.js';
import { findLevel, LEVELS, type Track } from '../core/levels.js';
import { type Grade, parseGrade } from './parseGrade.js';

/** One job's title as read for seniority, at its internal grade. */
export interface GradeReading {
  grade: string;
  line: number;
  title: string;
  level: { code: string; track: Track; rank: number };
  /** False when no seniority word was found and the level is the default reading. */
  stated: boolean;
}

export interface CorrelationOptions {
  /** Grades lowest first, as written: one ladder in this order, whatever their spelling suggests. */
  order?: readonly string[];
  /** Grades set by hand: grade → "P3", or a range "P3..P4". Others are fitted around them. */
  overrides?: ReadonlyMap<string, string>;
}

/** What one grade corresponds to on Canon's levels, and why. */
export interface GradeLevels {
  grade: string;
  /** How the file spells it ("G07", "Grade 7"). */
  spellings: string[];
  ladder: string;
  /** Distinct jobs (titles) at this grade, and how many of them state their seniority. */
  jobs: number;
  stated: number;
  /** What the titles read, by Canon level, most first. */
  readings: { level: string; jobs: number }[];
  /** The Canon ranks it corresponds to (levels of different tracks share a rank: P3 and M1 are 3). */
  low: number;
  high: number;
  /** The Canon levels at those ranks on the tracks its titles are on. */
  levels: string[];
  basis: 'titles' | 'pooled' | 'between' | 'set' | 'unordered';
  reason: string;
}

export interface Ladder {
  name: string;
  /** Lowest first, after any reversal. */
  grades: string[];
  direction: 'ascending' | 'descending';
  reason: string;
}

export interface Inconsistency {
  kind: 'shared level' | 'spread' | 'title contradicts grade';
  grades: string[];
  lines: number[];
  message: string;
}

export interface GradeCorrelation {
  ladders: Ladder[];
  grades: GradeLevels[];
  inconsistencies: Inconsistency[];
}

/**
 * A title with no seniority word reads as the default level: weak evidence of its grade's level,
 * counted a quarter of a title that states it, enough to place a grade no stated title reaches but
 * never to outvote one.
 */
const UNSTATED_WEIGHT = 0.25;
/** A title whose stated level is this many ranks or more from its grade's contradicts it; one rank off is spread. */
const CONTRADICTION_RANKS = 2;
/** A grade is spread when at least this share of its stated titles, and two or more, read off its level. */
const SPREAD_SHARE = 1 / 3;
const TRACK_ORDER: readonly Track[] = ['S', 'P', 'M', 'E'];

interface Job {
  /** The title as compared: lower case, spaces collapsed. */
  key: string;
  title: string;
  lines: number[];
  level: GradeReading['level'];
  stated: boolean;
}

interface Slot {
  grade: Grade;
  spellings: Set<string>;
  jobs: Job[];
  byKey: Map<string, Job>;
}

/**
 * Infers, for each internal grade, the Canon level(s) it corresponds to, from the seniority its
 * jobs' titles state. Grades are ordered within their ladder ("G1"…"G14", "L3"…"L8", "Band 1"…);
 * a ladder whose higher numbers read as more junior titles is taken as counting down. Each grade
 * takes the median rank of its titles, and the ranks are made monotonic along the ladder by pooling
 * neighbours that read out of order (isotonic regression on the median), so a higher grade never
 * corresponds to a lower level. Grades set by hand are kept and the others fitted around them; set
 * grades that break the order among themselves are refused. Lists what a person should look at:
 * grades that share a level, grades whose titles spread over several, titles that contradict their grade.
 */
export function correlateGrades(
  readings: readonly GradeReading[],
  options: CorrelationOptions = {},
): GradeCorrelation {
  const given = givenOrder(options.order ?? []);
  const slots = new Map<string, Slot>();
  const slotOf = (raw: string): Slot | null => {
    const parsed = parseGrade(raw);
    if (!parsed) return null;
    const grade = given.get(parsed.key) ?? parsed;
    let slot = slots.get(grade.key);
    if (!slot) {
      slot = { grade, spellings: new Set(), jobs: [], byKey: new Map() };
      slots.set(grade.key, slot);
    }
    slot.spellings.add(raw.trim());
    return slot;
  };
  for (const g of given.values()) slotOf(g.key);
  // An export repeats a few grades and its titles on every row: each spelling is parsed once.
  const slotOfCell = new Map<string, Slot | null>();
  const keyOf = new Map<string, string>();
  for (const r of readings) {
    let slot = slotOfCell.get(r.grade);
    if (slot === undefined) {
      slot = slotOf(r.grade);
      slotOfCell.set(r.grade, slot);
    }
    if (!slot) continue;
    let key = keyOf.get(r.title);
    if (key === undefined) {
      key = r.title.trim().toLowerCase().replace(/\s+/g, ' ');
      keyOf.set(r.title, key);
    }
    const job = slot.byKey.get(key);
    if (job) job.lines.push(r.line);
    else {
      const added = { key, title: r.title.trim(), lines: [r.line], level: r.level, stated: r.stated };
      slot.jobs.push(added);
      slot.byKey.set(key, added);
    }
  }
  const fixed = new Map<string, { low: number; high: number; text: string }>();
  for (const [raw, text] of options.overrides ?? []) {
    const slot = slotOf(raw);
    if (!slot) throw new CanonError('invalid_input', `${quote(raw)} is not a grade.`);
    fixed.set(slot.grade.key, { ...parseLevelRange(text, raw), text });
  }

  const byLadder = new Map<string, Slot[]>();
  for (const slot of slots.values()) {
    const list = byLadder.get(slot.grade.ladder) ?? [];
    list.push(slot);
    byLadder.set(slot.grade.ladder, list);
  }
  const ladders: Ladder[] = [];
  const out = new Map<string, GradeLevels>();
  for (const [name, list] of byLadder) {
    if (name === 'text') {
      for (const slot of list) out.set(slot.grade.key, unorderedLevels(slot, fixed.get(slot.grade.key)));
      continue;
    }
    list.sort((a, b) => (a.grade.position ?? 0) - (b.grade.position ?? 0));
    const { direction, reason } = directionOf(name, list);
    const ordered = direction === 'descending' ? [...list].reverse() : list;
    ladders.push({ name, grades: ordered.map((s) => s.grade.key), direction, reason });
    checkSetOrder(ordered, fixed);
    for (const levels of fitLadder(ordered, fixed)) out.set(levels.grade, levels);
  }
  const grades = [...slots.values()].flatMap((s) => {
    const levels = out.get(s.grade.key);
    return levels ? [levels] : [];
  });
  const ladderIndex = new Map(ladders.flatMap((l) => l.grades.map((g, i) => [g, i] as const)));
  grades.sort(
    (a, b) =>
      a.ladder.localeCompare(b.ladder) || (ladderIndex.get(a.grade) ?? 0) - (ladderIndex.get(b.grade) ?? 0),
  );
  return { ladders, grades, inconsistencies: inconsistencies(ladders, out, slots) };
}

/**
 * Finds a grade cell's row of the table by its canonical spelling ("G07" finds G7), remembering
 * each cell, as exports repeat a few grades on every row.
 */
export function gradeFinder(
  correlation: GradeCorrelation,
  order: readonly string[] = [],
): (raw: string) => GradeLevels | undefined {
  const given = givenOrder(order);
  const byKey = new Map(correlation.grades.map((g) => [g.grade, g]));
  const memo = new Map<string, GradeLevels | undefined>();
  return (raw) => {
    if (memo.has(raw)) return memo.get(raw);
    const parsed = parseGrade(raw);
    const found = parsed ? byKey.get(given.get(parsed.key)?.key ?? parsed.key) : undefined;
    memo.set(raw, found);
    return found;
  };
}

function givenOrder(order: readonly string[]): Map<string, Grade> {
  const out = new Map<string, Grade>();
  order.forEach((raw, i) => {
    const parsed = parseGrade(raw);
    if (!parsed)
      throw new CanonError('invalid_input', `The grade order lists ${quote(raw)}, which is not a grade.`);
    if (out.has(parsed.key))
      throw new CanonError('invalid_input', `The grade order lists ${quote(parsed.key)} twice.`);
    out.set(parsed.key, { key: parsed.key, ladder: 'given order', position: i + 1 });
  });
  return out;
}

/** "P3", "M1", or a range "P3..P4" (also "P3-P4", "P3–P4"): the ranks a set grade corresponds to. */
function parseLevelRange(text: string, grade: string): { low: number; high: number } {
  const parts = text.split(/\s*(?:\.\.|–|-)\s*/).map((p) => p.trim().toUpperCase());
  const levels = parts.map((p) => findLevel(p));
  const [first, second] = levels;
  if (!first || levels.length > 2 || levels.some((l) => !l))
    throw new CanonError(
      'invalid_input',
      `The level set for ${quote(grade)} is ${quote(text)}; give a Canon level (S1–S4, P1–P6, M1–M6, E1–E3) or a range such as P3..P4.`,
    );
  const low = first.rank;
  const high = second?.rank ?? first.rank;
  if (high < low)
    throw new CanonError(
      'invalid_input',
      `The range set for ${quote(grade)}, ${quote(text)}, runs downwards.`,
    );
  return { low, high };
}

/** Set grades along one ladder must keep its order; the first pair that does not is refused. */
function checkSetOrder(
  ordered: readonly Slot[],
  fixed: ReadonlyMap<string, { low: number; high: number; text: string }>,
): void {
  const set = ordered.flatMap((s) => {
    const f = fixed.get(s.grade.key);
    return f ? [{ key: s.grade.key, ...f }] : [];
  });
  for (let i = 1; i < set.length; i++) {
    const below = set[i - 1];
    const here = set[i];
    if (!below || !here) continue;
    if (here.low < below.low || here.high < below.high)
      throw new CanonError(
        'invalid_input',
        `${quote(here.key)} is set to ${here.text} but ${quote(below.key)}, a lower grade, to ${below.text}: a higher grade never corresponds to a lower level.`,
      );
  }
}

interface Weighted {
  rank: number;
  weight: number;
}

function weightsOf(slot: Slot): Weighted[] {
  return slot.jobs.map((j) => ({ rank: j.level.rank, weight: j.stated ? 1 : UNSTATED_WEIGHT }));
}

/** The lower weighted median rank, or null with no readings. */
function medianRank(values: readonly Weighted[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a.rank - b.rank);
  const total = sorted.reduce((s, v) => s + v.weight, 0);
  let seen = 0;
  for (const v of sorted) {
    seen += v.weight;
    if (seen >= total / 2) return v.rank;
  }
  return sorted.at(-1)?.rank ?? null;
}

/**
 * Whether a ladder counts up or down, from its stated titles: it counts down when, over pairs of
 * grades, a higher position reads as a more junior title at least twice as often as a more senior one.
 */
function directionOf(
  name: string,
  list: readonly Slot[],
): { direction: Ladder['direction']; reason: string } {
  if (name === 'given order') return { direction: 'ascending', reason: 'in the order given, lowest first' };
  const medians = list.flatMap((s) => {
    const m = medianRank(weightsOf(s).filter((w) => w.weight === 1));
    return m === null ? [] : [m];
  });
  let up = 0;
  let down = 0;
  for (let i = 0; i < medians.length; i++)
    for (let j = i + 1; j < medians.length; j++) {
      const a = medians[i] ?? 0;
      const b = medians[j] ?? 0;
      if (b > a) up++;
      else if (b < a) down++;
    }
  const first = list[0]?.grade.key ?? '';
  const last = list.at(-1)?.grade.key ?? '';
  if (medians.length >= 3 && down > 0 && down >= 2 * up)
    return {
      direction: 'descending',
      reason: `counts down: over pairs of its grades, the higher one reads as the more junior title ${down} times and as the more senior ${up} times, so ${last} is the lowest and ${first} the highest`,
    };
  return {
    direction: 'ascending',
    reason:
      medians.length >= 2
        ? `counts up: over pairs of its grades, the higher one reads as the more senior title ${up} times and as the more junior ${down} times`
        : `counts up, as written (too few titles state seniority to tell otherwise)`,
  };
}

/** The isotonic fit of one ladder (pool-adjacent-violators on weighted medians), set grades kept, the rest clamped around them. */
function fitLadder(
  ordered: readonly Slot[],
  fixed: ReadonlyMap<string, { low: number; high: number; text: string }>,
): GradeLevels[] {
  const free = ordered.filter((s) => !fixed.has(s.grade.key) && s.jobs.length > 0);
  const blocks: { slots: Slot[]; values: Weighted[]; rank: number }[] = [];
  for (const slot of free) {
    const values = weightsOf(slot);
    blocks.push({ slots: [slot], values, rank: medianRank(values) ?? 0 });
    while (blocks.length >= 2) {
      const last = blocks[blocks.length - 1];
      const prev = blocks[blocks.length - 2];
      if (!last || !prev || prev.rank <= last.rank) break;
      const values = [...prev.values, ...last.values];
      blocks.splice(-2, 2, { slots: [...prev.slots, ...last.slots], values, rank: medianRank(values) ?? 0 });
    }
  }
  const fitted = new Map<string, { rank: number; pool: Slot[] }>();
  for (const b of blocks) for (const s of b.slots) fitted.set(s.grade.key, { rank: b.rank, pool: b.slots });
  const tracksOfLadder = tracksOf(ordered.flatMap((s) => s.jobs));

  const out: GradeLevels[] = [];
  ordered.forEach((slot, i) => {
    const key = slot.grade.key;
    const set = fixed.get(key);
    const base = baseOf(slot);
    if (set) {
      out.push({
        ...base,
        ...range(set.low, set.high, tracksOrLadder(slot, tracksOfLadder)),
        basis: 'set',
        reason: `Set by hand to ${set.text}${describeReadings(slot, base)}`,
      });
      return;
    }
    // Set grades below and above bound this one: at or above everything below, at or below everything above.
    const floor = Math.max(
      -Infinity,
      ...ordered
        .slice(0, i)
        .flatMap((s) => (fixed.has(s.grade.key) ? [fixed.get(s.grade.key)?.high ?? 0] : [])),
    );
    const ceiling = Math.min(
      Infinity,
      ...ordered
        .slice(i + 1)
        .flatMap((s) => (fixed.has(s.grade.key) ? [fixed.get(s.grade.key)?.low ?? 0] : [])),
    );
    const fit = fitted.get(key);
    let rank: number;
    let basis: GradeLevels['basis'];
    let reason: string;
    if (fit) {
      rank = fit.rank;
      const own = medianRank(weightsOf(slot)) ?? rank;
      basis = fit.pool.length > 1 ? 'pooled' : 'titles';
      reason =
        basis === 'pooled'
          ? `its titles' median is rank ${own}, out of order with ${fit.pool
              .filter((s) => s !== slot)
              .map((s) => s.grade.key)
              .join(', ')}; pooled, they take their joint median, rank ${rank}`
          : `its titles' median, rank ${rank}`;
    } else {
      const below = [...ordered.slice(0, i)]
        .reverse()
        .find((s) => fitted.has(s.grade.key) || fixed.has(s.grade.key));
      const aboveSlot = ordered.slice(i + 1).find((s) => fitted.has(s.grade.key) || fixed.has(s.grade.key));
      const rankOf = (s: Slot) => fitted.get(s.grade.key)?.rank ?? fixed.get(s.grade.key)?.low ?? 0;
      const neighbour = below ?? aboveSlot;
      rank = neighbour ? rankOf(neighbour) : (findLevel('P2')?.rank ?? 2);
      basis = 'between';
      reason = neighbour
        ? `no job at this grade tells its level; placed with ${neighbour.grade.key}, the nearest grade ${below ? 'below' : 'above'}`
        : 'no job on this ladder tells its level; placed at the default, P2';
    }
    let low = rank;
    let high = rank;
    if (floor > ceiling) {
      low = ceiling;
      high = floor;
      reason += `; between set grades that overlap, it spans their ranks ${ceiling}–${floor}`;
    } else if (rank < floor || rank > ceiling) {
      const moved = Math.min(Math.max(rank, floor), ceiling);
      reason += `; moved to rank ${moved} to keep the order with the grades set by hand`;
      low = moved;
      high = moved;
    }
    out.push({
      ...base,
      ...range(low, high, tracksOrLadder(slot, tracksOfLadder)),
      basis,
      reason: `${capitalise(reason)}${describeReadings(slot, base)}`,
    });
  });
  return out;
}

function unorderedLevels(
  slot: Slot,
  set: { low: number; high: number; text: string } | undefined,
): GradeLevels {
  const base = baseOf(slot);
  const tracks = tracksOrLadder(slot, ['P']);
  if (set)
    return {
      ...base,
      ...range(set.low, set.high, tracks),
      basis: 'set',
      reason: `Set by hand to ${set.text}${describeReadings(slot, base)}`,
    };
  const rank = medianRank(weightsOf(slot)) ?? 2;
  return {
    ...base,
    ...range(rank, rank, tracks),
    basis: 'unordered',
    reason: `A grade with no order (give --grade-order to place it): its titles' median, rank ${rank}${describeReadings(slot, base)}`,
  };
}

function baseOf(slot: Slot): Omit<GradeLevels, 'low' | 'high' | 'levels' | 'basis' | 'reason'> {
  const counts = new Map<string, number>();
  for (const j of slot.jobs) counts.set(j.level.code, (counts.get(j.level.code) ?? 0) + (j.stated ? 1 : 0));
  return {
    grade: slot.grade.key,
    spellings: [...slot.spellings].sort(),
    ladder: slot.grade.ladder,
    jobs: slot.jobs.length,
    stated: slot.jobs.filter((j) => j.stated).length,
    readings: [...counts]
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([level, jobs]) => ({ level, jobs })),
  };
}

function describeReadings(slot: Slot, base: ReturnType<typeof baseOf>): string {
  if (!slot.jobs.length) return '';
  const stated = base.readings.map((r) => `${r.jobs} ${r.level}`).join(', ');
  return ` (${base.jobs} job${base.jobs === 1 ? '' : 's'}; ${base.stated ? `${base.stated} state seniority: ${stated}` : 'none states seniority'})`;
}

function tracksOf(jobs: readonly Job[]): Track[] {
  const seen = new Set(jobs.map((j) => j.level.track));
  return TRACK_ORDER.filter((t) => seen.has(t));
}

function tracksOrLadder(slot: Slot, fallback: readonly Track[]): Track[] {
  const own = tracksOf(slot.jobs);
  return own.length ? own : fallback.length ? [...fallback] : ['P'];
}

/** The ranks and the Canon levels at them on the given tracks (a track with no level at a rank is left out). */
function range(
  low: number,
  high: number,
  tracks: readonly Track[],
): { low: number; high: number; levels: string[] } {
  const levels = LEVELS.filter((l) => l.rank >= low && l.rank <= high && tracks.includes(l.track))
    .sort((a, b) => a.rank - b.rank || TRACK_ORDER.indexOf(a.track) - TRACK_ORDER.indexOf(b.track))
    .map((l) => l.code);
  return { low, high, levels };
}

function inconsistencies(
  ladders: readonly Ladder[],
  levels: ReadonlyMap<string, GradeLevels>,
  slots: ReadonlyMap<string, Slot>,
): Inconsistency[] {
  const out: Inconsistency[] = [];
  const describe = (g: GradeLevels) =>
    `${g.levels.join('/') || `rank ${g.low}`}${g.low === g.high ? '' : ` (ranks ${g.low}–${g.high})`}`;
  for (const ladder of ladders) {
    let run: GradeLevels[] = [];
    const flush = () => {
      const first = run[0];
      if (run.length >= 2 && first)
        out.push({
          kind: 'shared level',
          grades: run.map((g) => g.grade),
          lines: [],
          message: `${listed(run.map((g) => g.grade))} ${run.length === 2 ? 'both' : 'all'} correspond to ${describe(first)}: the titles do not tell these grades apart`,
        });
      run = [];
    };
    for (const key of ladder.grades) {
      const g = levels.get(key);
      if (!g) continue;
      const first = run[0];
      if (first && (first.low !== g.low || first.high !== g.high)) flush();
      run.push(g);
    }
    flush();
  }
  for (const g of levels.values()) {
    const slot = slots.get(g.grade);
    if (!slot) continue;
    const stated = slot.jobs.filter((j) => j.stated);
    const off = stated.filter((j) => j.level.rank < g.low || j.level.rank > g.high);
    if (stated.length >= 3 && off.length >= 2 && off.length >= stated.length * SPREAD_SHARE)
      out.push({
        kind: 'spread',
        grades: [g.grade],
        lines: off.flatMap((j) => j.lines).sort((a, b) => a - b),
        message: `${g.grade}'s titles spread over several levels (${g.readings.map((r) => `${r.jobs} ${r.level}`).join(', ')}); ${off.length} of ${stated.length} read off ${describe(g)}`,
      });
    for (const j of stated) {
      const distance = j.level.rank < g.low ? g.low - j.level.rank : j.level.rank - g.high;
      if (distance >= CONTRADICTION_RANKS)
        out.push({
          kind: 'title contradicts grade',
          grades: [g.grade],
          lines: j.lines,
          message: `${quote(j.title)} reads ${j.level.code}, ${distance} ranks ${j.level.rank < g.low ? 'below' : 'above'} ${g.grade}'s ${describe(g)}`,
        });
    }
  }
  return out;
}

function listed(items: readonly string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
