import type { Catalog } from '../core/catalog.js';
import { isCanonError } from '../core/errors.js';
import { REVIEW_MIN_CONFIDENCE } from '../resolve/reviewRule.js';
import {
  type LevelDto,
  MAX_TITLE_LENGTH,
  type Resolution,
  type TitleResolver,
} from '../resolve/titleResolver.js';
import { DepartmentFunctions, type DepartmentReading } from './departmentFunctions.js';
import { looksLikeFormula } from './looksLikeFormula.js';

/** A job title read in its department: the focus it lands on, the level its words state, and why. */
export interface TitleReading {
  function: { code: string; name: string } | null;
  focus: { code: string; name: string } | null;
  /** The profile the title alone lands on, before any grade moves its level. */
  profile: { code: string; fit: 'exact' | 'nearest' } | null;
  /** The title's level as its words read for the focus's track; null when the title could not be read. */
  level: LevelDto | null;
  stated: boolean;
  confidence: number;
  review: string[];
  explanation: string[];
}

/** How many of the resolver's candidates the department may choose among. */
const CANDIDATES = 10;

interface Pick {
  focus: { code: string; name: string };
  profile: { code: string; fit: 'exact' | 'nearest' };
  level: LevelDto;
  stated: boolean;
  confidence: number;
  functionCode: string;
  review: string | null;
  /** How the title's words read, in the resolution this pick comes from. */
  read: string;
  how: string;
}

/**
 * Reads job titles with their department, through the title resolver. The title alone decides
 * when the department agrees or names no function. When it names others, the department steers:
 * among the resolver's candidates, and the title read with the department's words before it
 * ("Analyst" in FP&A is read as "financial planning Analyst"), the likeliest in the department's
 * functions is taken, at its own confidence. An executive title keeps its landing: a chief's
 * function is the company's, not the department's. Answers are remembered per title and department.
 */
export class JobTitleReader {
  private readonly departments: DepartmentFunctions;
  /** Readings by title, then department: a row costs two lookups, no key built. */
  private readonly memo = new Map<string, Map<string, TitleReading>>();

  constructor(
    private readonly resolver: TitleResolver,
    private readonly catalog: Catalog,
  ) {
    this.departments = new DepartmentFunctions(catalog);
  }

  read(title: string, department: string): TitleReading {
    let inDepartments = this.memo.get(title);
    if (!inDepartments) {
      inDepartments = new Map();
      this.memo.set(title, inDepartments);
    }
    const known = inDepartments.get(department);
    if (known) return known;
    const reading = this.compute(title.trim(), department.trim());
    inDepartments.set(department, reading);
    return reading;
  }

  private compute(title: string, department: string): TitleReading {
    if (looksLikeFormula(title))
      return unread(`the title is a formula (${JSON.stringify(title.slice(0, 60))}), which Canon never runs`);
    const resolution = this.resolve(title);
    if (typeof resolution === 'string') return unread(resolution);
    const dept = this.departments.read(department);
    const agrees = (pick: Pick) => this.departments.agrees(dept, pick.focus.code, pick.functionCode);
    const landed = this.landingPick(resolution);
    const deptNote = department ? [`Department ${JSON.stringify(department)}: ${dept.reason}.`] : [];

    const steers = dept.functions.length > 0;
    if (!steers || (landed && (agrees(landed) || landed.level.track === 'E'))) {
      if (!landed) return this.unlanded(resolution, deptNote);
      const why = !steers
        ? []
        : agrees(landed)
          ? ['The department agrees.']
          : ['An executive title keeps its landing whatever the department.'];
      return this.reading(landed, [...deptNote, ...why]);
    }

    const steered = this.steered(resolution, title, dept, agrees);
    if (steered) {
      const was = landed
        ? `Alone, the title lands in ${this.functionName(landed.functionCode)} (${landed.focus.name}, ${landed.confidence.toFixed(2)}); the department steers it to ${this.functionName(steered.functionCode)}.`
        : `Alone, the title lands on no profile; the department steers it to ${this.functionName(steered.functionCode)}.`;
      return this.reading(steered, [...deptNote, was]);
    }
    if (landed) {
      const reading = this.reading(landed, [
        ...deptNote,
        `No candidate in ${dept.functions.map((f) => f.name).join(' or ')} is among the title's; it keeps its landing.`,
      ]);
      return {
        ...reading,
        review: [
          ...reading.review,
          `the department points to ${dept.functions.map((f) => f.name).join(' or ')}, the title to ${this.functionName(landed.functionCode)}`,
        ],
      };
    }
    return this.unlanded(resolution, deptNote);
  }

  private resolve(title: string): Resolution | string {
    if (title.length > MAX_TITLE_LENGTH)
      return `the title has ${title.length} characters; titles have at most ${MAX_TITLE_LENGTH}`;
    try {
      return this.resolver.resolve({ title }, CANDIDATES);
    } catch (error) {
      if (isCanonError(error) && error.code === 'invalid_input') return error.message;
      throw error;
    }
  }

  /** The resolver's own landing, at the confidence of the first candidate on its focus. */
  private landingPick(r: Resolution): Pick | null {
    const landing = r.landing;
    if (!landing) return null;
    const fnCode =
      this.catalog.findFocus(landing.focus.code)?.functionCode ?? landing.profile.code.split('.')[0] ?? '';
    const confidence =
      r.candidates.find((c) => c.focus?.code === landing.focus.code)?.confidence ??
      r.candidates[0]?.confidence ??
      0;
    const via =
      landing.via.method === 'focus cue'
        ? `the focus cue “${landing.via.cue}”`
        : `${landing.via.soc?.code} ${landing.via.soc?.title}`;
    return {
      focus: landing.focus,
      profile: landing.profile,
      level: r.level,
      stated: r.seniority.stated,
      confidence,
      functionCode: fnCode,
      review: r.needsReview ? (r.reviewReason ?? 'needs review') : null,
      read: seniorityNote(r),
      how: `Lands on ${landing.focus.name} through ${via}.`,
    };
  }

  /** The likeliest reading in the department's functions: a candidate of the title, or the title read with the department's words. */
  private steered(
    r: Resolution,
    title: string,
    dept: DepartmentReading,
    agrees: (pick: Pick) => boolean,
  ): Pick | null {
    const picks: Pick[] = [];
    r.candidates.forEach((c, i) => {
      if (!c.focus || !c.profile) return;
      const fnCode = this.catalog.findFocus(c.focus.code)?.functionCode;
      if (!fnCode) return;
      const pick: Pick = {
        focus: c.focus,
        profile: c.profile,
        level: c.level,
        stated: r.seniority.stated,
        confidence: c.confidence,
        functionCode: fnCode,
        review: c.confidence < REVIEW_MIN_CONFIDENCE ? 'low confidence' : null,
        read: seniorityNote(r),
        how: `Lands on ${c.focus.name}, the title's candidate ${i + 1} (${c.soc?.code ?? '—'} ${c.soc?.title ?? ''}).`,
      };
      if (agrees(pick)) picks.push(pick);
    });
    for (const phrase of new Set(dept.phrases.values())) {
      if (title.toLowerCase().includes(phrase)) continue;
      const text = `${phrase} ${title}`;
      const again = this.resolve(text);
      if (typeof again === 'string') continue;
      const pick = this.landingPick(again);
      if (!pick || !agrees(pick)) continue;
      picks.push({
        ...pick,
        how: `Read with the department's words, “${text}”: ${pick.how.charAt(0).toLowerCase()}${pick.how.slice(1)}`,
      });
    }
    return picks.sort((a, b) => b.confidence - a.confidence)[0] ?? null;
  }

  private reading(pick: Pick, notes: string[]): TitleReading {
    return {
      function: { code: pick.functionCode, name: this.functionName(pick.functionCode) },
      focus: pick.focus,
      profile: pick.profile,
      level: pick.level,
      stated: pick.stated,
      confidence: pick.confidence,
      review: pick.review ? [pick.review] : [],
      explanation: [`Title: ${pick.read}.`, pick.how, ...notes],
    };
  }

  private unlanded(r: Resolution, notes: string[]): TitleReading {
    return {
      function: null,
      focus: null,
      profile: null,
      level: r.level,
      stated: r.seniority.stated,
      confidence: r.candidates[0]?.confidence ?? 0,
      review: [r.reviewReason ?? 'no profile'],
      explanation: [`Title: ${seniorityNote(r)}.`, 'Lands on no Canon profile.', ...notes],
    };
  }

  private functionName(code: string): string {
    return this.catalog.findFunction(code)?.name ?? code;
  }
}

function unread(why: string): TitleReading {
  return {
    function: null,
    focus: null,
    profile: null,
    level: null,
    stated: false,
    confidence: 0,
    review: [why],
    explanation: [`Not read: ${why}.`],
  };
}

function seniorityNote(r: Resolution): string {
  const { words, stated, specialtyWords } = r.seniority;
  const level = `${r.level.code} ${r.level.title}`;
  const specialty = specialtyWords.length ? `; specialty “${specialtyWords.join(' ')}”` : '';
  return stated
    ? `“${words.join(' ')}” reads ${level}${specialty}`
    : `no seniority word, ${level} by default${specialty}`;
}
