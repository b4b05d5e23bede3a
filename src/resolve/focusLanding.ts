import type { Catalog } from '../core/catalog.js';
import { profileCode } from '../core/codes.js';
import { findLevel, type Level } from '../core/levels.js';
import type { ClassificationMapping, Focus } from '../core/taxonomy.js';
import { explainPlacement, type LevelPlacement, onSupportTrack, placeOnLadder } from './placeOnLadder.js';
import type { Seniority } from './readSeniority.js';

/** The origin the taxonomy build stamps on the mappings of the focuses it generates from reference data. */
export const GENERATED_ORIGIN = 'canon.build';

/** What landing reads of a focus: plain data, which a worker thread builds its resolver from. */
export interface LandingFocus
  extends Pick<Focus, 'code' | 'functionCode' | 'name' | 'titleCues' | 'levelCodes'> {
  mappings: Pick<ClassificationMapping, 'system' | 'code' | 'title' | 'origin' | 'entryLevel'>[];
  /** The focus's levels that have a profile to land on (retired ones have none). */
  liveLevels: string[];
}

/** What landing reads of a catalog: its focuses, each with the levels a title can land on. */
export interface LandingTable {
  focuses: LandingFocus[];
}

export function landingTable(catalog: Catalog): LandingTable {
  return {
    focuses: catalog.taxonomy.focuses.map((focus) => ({
      code: focus.code,
      functionCode: focus.functionCode,
      name: focus.name,
      titleCues: focus.titleCues,
      levelCodes: focus.levelCodes,
      mappings: focus.mappings.map((m) => ({
        system: m.system,
        code: m.code,
        title: m.title,
        origin: m.origin,
        ...(m.entryLevel ? { entryLevel: m.entryLevel } : {}),
      })),
      liveLevels: focus.levelCodes.filter((level) => {
        const view = catalog.findProfile(profileCode(focus.functionCode, focus.code, level));
        return view !== undefined && view.record.status !== 'retired';
      }),
    })),
  };
}

/** A title as the landing reads it: its normalized words and its seniority reading. */
export interface TitleReading {
  words: readonly string[];
  seniority: Seniority;
}

/** The occupation a title coded to, as far as landing needs it. */
interface OccupationRef {
  onetCode: string;
  socCode: string;
  jobZone: number | null;
}

/** A built-in profile a title lands on, and why this focus and this level. */
export interface Landed {
  focus: LandingFocus;
  profileCode: string;
  /** The profile's level. */
  level: Level;
  /** The level the title reads as on this focus's track; `level` differs when the focus does not offer it. */
  wanted: Level;
  fit: 'exact' | 'nearest';
  /** The focus's title cue found in the title, if any. */
  cue: string | null;
  /**
   * Every specialty word of the title is in the cue: the title says nothing the cue does not ("VP of
   * Engineering" and "engineering", "CTO" and "technology officer").
   */
  coversSpecialty: boolean;
  generated: boolean;
  /** Why this focus, in sentences. */
  focusNotes: string[];
  /** Why this level, when it is not simply the level the title's words state. */
  levelNotes: string[];
}

interface Entry {
  focus: LandingFocus;
  /** Longest first, so the most specific cue is the one reported. */
  cues: string[];
  generated: boolean;
  /** The focus's levels that have a profile to land on (retired ones have none), and the same looked up. */
  levels: string[];
  offered: Level[];
  nameWords: string[];
  /** The Job Zone of the occupation the focus maps first, for plain support-track titles found by a cue. */
  jobZone: number | null;
}

interface Option {
  entry: Entry;
  on: LevelPlacement;
  cue: string | null;
  /** The focus maps this O*NET occupation itself, not only the SOC code it belongs to. */
  specific: boolean;
  jobZone: number | null;
  likeness: number;
  /** The title states its seniority (else its level is the default). */
  stated: boolean;
}

/**
 * Where titles land in the built-in taxonomy, worked out once per catalog: the
 * focuses that map each O*NET-SOC and SOC 2018 code, and each focus's title
 * cues and live levels. A mapping code with an O*NET suffix other than .00
 * (15-1299.08) stands for that occupation only; a SOC code (29-1141) or its
 * .00 occupation (29-1141.00) for every O*NET occupation under the SOC code.
 *
 * When several focuses could take a title, the first of these decides: for a
 * title that states no seniority, a title cue of several words names it; the
 * focus offers the title's level (a focus that would move the title to another
 * level comes after one that need not); a title cue of the focus is in the
 * title; its cue holds more of the title's words; the focus is curated rather than generated (its mappings' origin is
 * not `canon.build`); it maps the O*NET occupation itself; its nearest level is
 * closer; its cues and name share more of the title's words; its code.
 */
export class FocusLanding {
  private readonly entries: Entry[];
  private readonly bySoc = new Map<string, { entry: Entry; specific: boolean; entryLevel: Level | null }[]>();
  /** The first word of each title cue → the focuses with such a cue: a title is checked only against those. */
  private readonly byCueWord = new Map<string, Entry[]>();

  constructor(table: LandingTable, jobZones: ReadonlyMap<string, { jobZone: number | null }>) {
    this.entries = table.focuses.map((focus): Entry => {
      const socMappings = focus.mappings.filter((m) => m.system === 'onet-soc');
      const first = socMappings[0] ? mappingKey(socMappings[0].code) : null;
      const onet = first === null ? undefined : first.length > 7 ? first : `${first}.00`;
      const levels = focus.liveLevels;
      return {
        focus,
        cues: [...focus.titleCues].sort((a, b) => b.length - a.length),
        generated: socMappings.some((m) => m.origin === GENERATED_ORIGIN),
        levels,
        offered: levels.flatMap((code) => findLevel(code) ?? []),
        nameWords: focus.name
          .toLowerCase()
          .split(/\W+/)
          .filter((w) => w.length > 3),
        jobZone: onet === undefined ? null : (jobZones.get(onet)?.jobZone ?? null),
      };
    });
    for (const entry of this.entries) {
      for (const cue of entry.cues) {
        const word = cue.split(' ')[0] ?? '';
        const list = this.byCueWord.get(word) ?? [];
        if (!list.includes(entry)) list.push(entry);
        this.byCueWord.set(word, list);
      }
      for (const mapping of entry.focus.mappings) {
        const key = mapping.system === 'onet-soc' ? mappingKey(mapping.code) : null;
        if (key === null) continue;
        const list = this.bySoc.get(key) ?? [];
        const entryLevel = mapping.entryLevel ? (findLevel(mapping.entryLevel) ?? null) : null;
        if (!list.some((e) => e.entry === entry)) list.push({ entry, specific: key.length > 7, entryLevel });
        this.bySoc.set(key, list);
      }
    }
  }

  /** The focus an occupation lands on, among those that map it; null when none does. */
  forOccupation(occupation: OccupationRef, title: TitleReading): Landed | null {
    const mapped = [
      ...(this.bySoc.get(occupation.onetCode) ?? []),
      ...(this.bySoc.get(occupation.socCode) ?? []),
    ];
    if (mapped.length === 0) return null;
    const padded = ` ${title.words.join(' ')} `;
    const options: Option[] = [];
    for (const { entry, specific, entryLevel } of mapped) {
      if (options.some((o) => o.entry === entry)) continue;
      const option = this.option(entry, title, padded, occupation.jobZone, specific, entryLevel);
      if (option) options.push(option);
    }
    const ranked = options.sort(compare);
    const best = ranked[0];
    if (!best) return null;
    const notes = [`${best.entry.focus.name} maps ${occupation.onetCode}.`];
    const runnerUp = ranked[1];
    if (runnerUp) notes.push(`Chosen over ${runnerUp.entry.focus.name}: ${whyBefore(best, runnerUp)}.`);
    return landed(best, title, notes);
  }

  /**
   * The focus whose title cue the title contains, at a level it offers — or,
   * for an executive title, the top of a focus that ends in management, on
   * a support-track focus, or when the cue itself holds the title's seniority
   * words, the nearest level: a cue word alone ("engineer") is too weak to move
   * a professional title to another level.
   */
  forCue(title: TitleReading): Landed | null {
    const options: Option[] = [];
    const cued = new Set(title.words.flatMap((w) => this.byCueWord.get(w) ?? []));
    const padded = ` ${title.words.join(' ')} `;
    for (const entry of cued) {
      const option = this.option(entry, title, padded, entry.jobZone, false);
      if (!option?.cue) continue;
      const top = entry.levels[entry.levels.length - 1];
      const acceptable =
        option.on.fit === 'exact' ||
        onSupportTrack(entry.levels) ||
        namesTheRole(option.cue, title.seniority.cues) ||
        (title.seniority.level.track === 'E' &&
          top?.startsWith('M') === true &&
          option.on.level.code === top);
      if (acceptable) options.push(option);
    }
    const best = options.sort(compare)[0];
    if (!best?.cue) return null;
    return landed(best, title, [`The title holds “${best.cue}”, a title cue of ${best.entry.focus.name}.`]);
  }

  /** `padded`: the title's words joined with a space before and after, so cues match whole words. */
  private option(
    entry: Entry,
    title: TitleReading,
    padded: string,
    jobZone: number | null,
    specific: boolean,
    entryLevel: Level | null = null,
  ): Option | null {
    const cue = entry.cues.find((c) => padded.includes(` ${c} `)) ?? null;
    const on = placeOnLadder(title.seniority, entry.offered, jobZone, entryLevel);
    if (!on) return null;
    const overlap = entry.nameWords.filter((w) => padded.includes(w.slice(0, 6))).length;
    return {
      entry,
      on,
      cue,
      specific,
      jobZone,
      likeness: (cue?.length ?? 0) + 3 * overlap,
      stated: title.seniority.stated,
    };
  }
}

function landed(option: Option, title: TitleReading, focusNotes: string[]): Landed {
  const { focus } = option.entry;
  return {
    focus,
    profileCode: profileCode(focus.functionCode, focus.code, option.on.level.code),
    level: option.on.level,
    wanted: option.on.wanted,
    fit: option.on.fit,
    cue: option.cue,
    coversSpecialty: option.cue !== null && covers(option.cue, title.seniority.specialty),
    generated: option.entry.generated,
    focusNotes,
    levelNotes: explainPlacement(option.on, title.seniority, option.entry.levels, option.jobZone),
  };
}

/** The criteria of the class comment, in order; each is negative when `a` comes first. */
const CRITERIA: [string, (a: Option, b: Option) => number][] = [
  // A title that states no seniority has no level of its own to keep ("Enterprise Architect" is not a
  // P2 for want of a word): a focus that names it in a phrase of its own comes first. One cue word
  // ("developer") is too weak for that.
  [
    'its title cue names the role, and the title states no seniority',
    (a, b) => (a.stated ? 0 : Number(cueWords(b) > 1) - Number(cueWords(a) > 1)),
  ],
  ["it offers the title's level", (a, b) => Number(b.on.fit === 'exact') - Number(a.on.fit === 'exact')],
  ['its title cue is in the title', (a, b) => Number(b.cue !== null) - Number(a.cue !== null)],
  // "fractional chief technology officer" says more of "Fractional CTO" than "chief technology officer".
  ['its title cue holds more of the title', (a, b) => cueWords(b) - cueWords(a)],
  ['it is curated, not generated', (a, b) => Number(a.entry.generated) - Number(b.entry.generated)],
  ['it maps the O*NET occupation itself', (a, b) => Number(b.specific) - Number(a.specific)],
  ['its nearest level is closer', (a, b) => gap(a) - gap(b)],
  ["its cues and name share more of the title's words", (a, b) => b.likeness - a.likeness],
  ['its code comes first', (a, b) => a.entry.focus.code.localeCompare(b.entry.focus.code)],
];

const gap = (o: Option) => Math.abs(o.on.level.rank - o.on.wanted.rank);

const cueWords = (o: Option) => (o.cue === null ? 0 : o.cue.split(' ').length);

function compare(a: Option, b: Option): number {
  for (const [, criterion] of CRITERIA) {
    const order = criterion(a, b);
    if (order !== 0) return order;
  }
  return 0;
}

function whyBefore(a: Option, b: Option): string {
  return CRITERIA.find(([, criterion]) => criterion(a, b) !== 0)?.[0] ?? 'they tie';
}

/**
 * The cue holds the title's seniority words as well as its specialty ("fractional chief technology
 * officer"): it names the whole role, so the focus's own ladder places it, at its nearest level.
 */
function namesTheRole(cue: string, seniorityCues: readonly string[]): boolean {
  const words = new Set(cue.split(' '));
  return seniorityCues.length > 0 && seniorityCues.every((w) => words.has(w));
}

function covers(cue: string, specialty: readonly string[]): boolean {
  const words = new Set(cue.split(' '));
  return specialty.length > 0 && specialty.every((w) => words.has(w));
}

/** A mapping code as the landing indexes it: the SOC code, or the O*NET-SOC code of one occupation; null if neither. */
function mappingKey(code: string): string | null {
  const match = /^(\d{2}-\d{4})(?:\.(\d{2}))?$/.exec(code.trim());
  if (!match?.[1]) return null;
  return match[2] && match[2] !== '00' ? `${match[1]}.${match[2]}` : match[1];
}
