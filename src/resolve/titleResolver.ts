import { Catalog } from '../core/catalog.js';
import { CanonError, quote } from '../core/errors.js';
import type { Level } from '../core/levels.js';
import { type ConfidenceBand, confidenceBand } from '../core/taxonomy.js';
import { employerWords } from './employerLean.js';
import {
  FocusLanding,
  type Landed,
  type LandingTable,
  landingTable,
  type TitleReading,
} from './focusLanding.js';
import { LruCache } from './lruCache.js';
import { type NormalizedTitle, normalizeTitle } from './normalizeTitle.js';
import type { Occupation, OccupationIndex, SpecialtyMatch } from './occupationIndex.js';
import { practiceSpecialty } from './practiceTitles.js';
import { readSeniority, type Seniority } from './readSeniority.js';
import { type Review, reviewOf } from './reviewRule.js';
import { type TitleFeatureSet, titleFeatureSet } from './titleFeatures.js';
import type { TitleModel } from './titleModel.js';

export interface ResolveInput {
  title: string;
  description?: string;
  employer?: string;
}

export interface LevelDto {
  code: string;
  track: string;
  rank: number;
  title: string;
}

export interface Candidate {
  soc: { code: string; title: string } | null;
  onet: { code: string; title: string } | null;
  focus: { code: string; name: string } | null;
  profile: { code: string; fit: 'exact' | 'nearest' } | null;
  /**
   * The title's level as read for the candidate's focus (on a support-track focus, the support reading);
   * the profile's own level differs, with fit "nearest", when the focus does not offer it.
   */
  level: LevelDto;
  confidence: number;
  band: ConfidenceBand;
  explanation: {
    specialtyWords: string[];
    seniorityWords: string[];
    seniorityStated: boolean;
    matchedTitle: string | null;
    /** How the occupation was found: through O*NET's titles, a focus cue, or the learned model alone. */
    method: SpecialtyMatch['method'] | 'focus cue' | 'labelled titles';
    removed: string[];
    /** The line of business the employer's name suggests, whether or not any occupation found is in it. */
    employerHint: string | null;
    /** Why this candidate's focus and level, when it has a profile; empty otherwise. */
    landing: string[];
    /** With the learned model, its blend's probability of the code, which the confidence is calibrated from; null without. */
    probability: number | null;
  };
}

/** The built-in profile a title lands on, what led there, and why. */
export interface Landing {
  focus: { code: string; name: string };
  profile: { code: string; fit: 'exact' | 'nearest' };
  /** The profile's level. */
  level: LevelDto;
  via: {
    method: 'occupation' | 'focus cue';
    soc: { code: string; title: string } | null;
    onet: { code: string; title: string } | null;
    /** The occupation's place among all those weighed for the title, 1 first; null for a focus cue. */
    rank: number | null;
    cue: string | null;
  };
  explanation: string[];
}

export interface Resolution {
  title: string;
  status: 'resolved' | 'unresolved';
  /**
   * The title's level, present whether or not an occupation is found: as its seniority words read (P2
   * when none does), or when the title lands, as they read for the landing focus's track (the support
   * reading on a support-track focus). The landing's profile may sit at the nearest level the focus offers.
   */
  level: LevelDto;
  seniority: {
    words: string[];
    stated: boolean;
    specialtyWords: string[];
    removed: string[];
    /** When the title joins roles that read differently ("COO & SVP"): each role and the one that decided. */
    note: string | null;
  };
  landing: Landing | null;
  candidates: Candidate[];
  /** Whether a person should check the first candidate before it is used, by the review rule (reviewRule.ts). */
  needsReview: boolean;
  reviewReason: Review['reason'];
}

/** Below this confidence the answer is "unresolved", with the nearest candidates shown. */
export const RESOLVE_THRESHOLD = 0.3;
/**
 * A title lands through an occupation or cue that would resolve it on its own: below this a candidate
 * is a guess, and a profile reached through it would be too.
 */
const LANDING_FLOOR = RESOLVE_THRESHOLD;
/** A lower-ranked candidate lands the title only when it is at least of medium confidence on its own. */
const FALLBACK_FLOOR = 0.5;
export const MAX_TITLE_LENGTH = 300;
/** The API's limit on an employer's name too. */
export const MAX_EMPLOYER_LENGTH = 200;
/** Answers remembered at once (each a few kilobytes), the least recently used forgotten first. */
const ANSWER_MEMORY = 20_000;
/** Titles' readings remembered at once. */
const TITLE_MEMORY = 10_000;
/** Employers' names remembered at once, as the resolver reads them. */
const EMPLOYER_MEMORY = 10_000;
/** Occupations weighed for each title before the best few are kept: room for the employer and wording to reorder. */
const POOL = 25;

/**
 * What an employer's name says about its line of business, and the SOC groups
 * its generic titles ("Associate", "Consultant", "Analyst") lean to. First match wins:
 * a university's IT department is still a university.
 */
const INDUSTRIES: { name: string; pattern: RegExp; socPrefixes: string[] }[] = [
  {
    name: 'teaching and research',
    pattern: /\b(?:universit\w*|college|school|academy|institute)\b/i,
    socPrefixes: ['25-1', '19-'],
  },
  {
    name: 'health care',
    pattern: /\b(?:hospitals?|medical|health\w*|clinics?|physicians?|medicine)\b/i,
    socPrefixes: ['29-'],
  },
  {
    name: 'finance',
    pattern: /\b(?:bank|banking|financial|capital|securities|investments?|insurance)\b/i,
    socPrefixes: ['13-2', '15-2'],
  },
  {
    name: 'computer work',
    pattern:
      /\b(?:tech|technolog\w*|software|systems|solutions|infotech|infosys|informatics|it services|consult\w*|digital|data|cognizant|wipro|tata consultancy|hcl|accenture|capgemini|ibm|mphasis|mindtree|virtusa|syntel|igate|tech mahindra|deloitte|computer\w*|cyber\w*|cloud|analytics)\b/i,
    socPrefixes: ['15-'],
  },
];
const MANAGEMENT_MAJOR = '11-';
/**
 * SOC's first-line supervisors: the first minor group (XX-1000) of each major group of hands-on work
 * (31–53: service, sales, office, farm, construction, repair, production, transport). A supervisor (M1)
 * leads them, not an 11- manager's department.
 */
const FIRST_LINE_SUPERVISORS = /^(?:3[1-9]|4\d|5[0-3])-10/;

/**
 * Levels a title on two separate axes — what (specialty → occupation and
 * focus) and how senior (seniority words → canonical level) — and explains
 * which words decided each. The level is read whether or not an occupation is
 * found; where the title lands on a built-in focus, the level is placed on
 * that focus's ladder.
 */
export class TitleResolver {
  /**
   * Bulk files repeat titles endlessly: answers are remembered per normalized title, employer (as the
   * resolver reads it) and number of candidates, so a repeat costs a look-up; what a title says whoever
   * filed it is remembered per title, so the same title from another employer costs half.
   */
  private readonly answers: LruCache<string, Resolution> | null;
  /** The answers again, by the title and employer exactly as given: a repeated row costs one look-up. */
  private readonly given: LruCache<string, Resolution> | null;
  private readonly titles: LruCache<string, TitleSide> | null;
  private readonly employers = new LruCache<string, EmployerSide>(EMPLOYER_MEMORY);

  /** The focuses each occupation code lands on, and their cues and live levels, worked out once. */
  private readonly landing: FocusLanding;

  constructor(
    readonly index: OccupationIndex,
    /** The catalog titles land in, or what landing reads of one (`landingTable`), as a worker thread has it. */
    catalog: Catalog | LandingTable,
    /** The learned model (titleModel.ts); without it occupations are ranked by the index alone, uncalibrated. */
    private readonly model: TitleModel | null = null,
    /** `remember`: how many answers to keep (0: none, every title worked out afresh — to measure what memory saves). */
    options: { remember?: number } = {},
  ) {
    this.landing = new FocusLanding(
      catalog instanceof Catalog ? landingTable(catalog) : catalog,
      index.occupations,
    );
    const remember = options.remember ?? ANSWER_MEMORY;
    this.answers = remember > 0 ? new LruCache(remember) : null;
    this.given = remember > 0 ? new LruCache(remember) : null;
    this.titles = remember > 0 ? new LruCache(Math.min(remember, TITLE_MEMORY)) : null;
  }

  resolve(input: ResolveInput, top = 3): Resolution {
    const title = input.title ?? '';
    const name = input.employer ?? '';
    // Only answers are remembered, never refusals: a title and employer found here were checked before.
    const given = this.given && typeof title === 'string' ? `${top}\u0000${title}\u0000${name}` : null;
    const known = given === null ? undefined : this.given?.get(given);
    if (known) return known;
    const answer = this.resolveAfresh(title, name, top);
    if (given !== null) this.given?.set(given, answer);
    return answer;
  }

  private resolveAfresh(title: string, name: string, top: number): Resolution {
    if (typeof title !== 'string' || title.trim() === '')
      throw new CanonError('invalid_input', `A title is required; got ${quote(title)}.`);
    if (title.length > MAX_TITLE_LENGTH)
      throw new CanonError(
        'invalid_input',
        `A title may have at most ${MAX_TITLE_LENGTH} characters; ${quote(title)} has ${title.length}.`,
      );
    // No one's name is longer; a cell that is would be remembered whole, key and all.
    if (name.length > MAX_EMPLOYER_LENGTH)
      throw new CanonError(
        'invalid_input',
        `An employer's name may have at most ${MAX_EMPLOYER_LENGTH} characters; ${quote(name)} has ${name.length}.`,
      );
    const side = this.titles
      ? this.titles.getOrSet(title, () => this.readTitle(title))
      : this.readTitle(title);
    const employer = this.employers.getOrSet(name, () => readEmployer(name));
    if (!this.answers) return this.answer(title, side, employer, top);
    const key = `${top}\u0000${side.key}\u0000${employer.key}`;
    const known = this.answers.get(key);
    // The answer is the same for every title that normalizes alike; only the title as given differs.
    if (known) return known.title === title ? known : { ...known, title };
    const answer = this.answer(title, side, employer, top);
    this.answers.set(key, answer);
    return answer;
  }

  /** What a title says whoever filed it: its words, seniority, occupations found, features and focus cue. */
  private readTitle(title: string): TitleSide {
    const normalized = normalizeTitle(title);
    const seniority = readSeniority(normalized.words);
    const reading: TitleReading = { words: normalized.words, seniority };
    const specialty = seniority.specialty.length ? seniority.specialty : normalized.words;
    const sought = practiceSpecialty(specialty) ?? specialty;
    return {
      key: JSON.stringify([normalized.words, normalized.removed]),
      normalized,
      seniority,
      reading,
      found: this.index.lookup(sought, normalized.words, POOL),
      features: this.model ? titleFeatureSet(normalized.words, seniority) : null,
      // Titles the built-in taxonomy knows by its own cues land there, competing with the occupation matches.
      cued: this.landing.forCue(reading),
      landings: new Map(),
    };
  }

  private answer(title: string, side: TitleSide, employer: EmployerSide, top: number): Resolution {
    const { normalized, seniority, found, cued } = side;
    const { industry } = employer;
    const inIndustry = (soc: string) => industry?.socPrefixes.some((p) => soc.startsWith(p)) ?? false;
    // The line of business read from the employer's name is said whenever it is read; it moves the
    // occupations only when some of them are in it (else the title's own words decide).
    const employerHint = industry?.name ?? null;
    const steers = found.some((m) => inIndustry(m.occupation.socCode));
    const leads = seniority.level.track !== 'P';
    const levelCertainty = seniority.stated ? 1 : 0.9;
    const matches = found
      .map((m): SpecialtyMatch => {
        const soc = m.occupation.socCode;
        const employerFactor = steers ? (inIndustry(soc) ? 1.5 : 0.9) : 1;
        // Occupations that match alike (one title listed by several, or equal search scores) are told apart by
        // which one's titles are worded most like this one.
        const wordingFactor = 0.75 + 0.5 * m.likeness;
        // The two axes inform each other once: a stated management or executive level points to a management
        // occupation (SOC major group 11, or first-line supervisors for a supervisor), a stated
        // individual-contributor level away from one.
        const management =
          soc.startsWith(MANAGEMENT_MAJOR) ||
          (seniority.level.code === 'M1' && FIRST_LINE_SUPERVISORS.test(soc));
        const levelFactor = !seniority.stated ? 1 : leads ? (management ? 1.4 : 0.7) : management ? 0.9 : 1;
        const strength = Math.min(0.98, m.strength * employerFactor * wordingFactor * levelFactor);
        // Only the strength is replaced, property by property: a spread is several times slower in V8.
        return {
          occupation: m.occupation,
          strength,
          matchedTitle: m.matchedTitle,
          method: m.method,
          likeness: m.likeness,
        };
      })
      .sort((a, b) => b.strength - a.strength);
    const confidenceOf = (m: SpecialtyMatch) => round(m.strength * levelCertainty);
    const explanation = (
      m: { matchedTitle: string | null; method: Candidate['explanation']['method'] },
      landed: Landed | null,
      probability: number | null = null,
    ): Candidate['explanation'] => ({
      specialtyWords: seniority.specialty,
      seniorityWords: seniority.cues,
      seniorityStated: seniority.stated,
      matchedTitle: m.matchedTitle,
      method: m.method,
      removed: normalized.removed,
      employerHint,
      landing: landed ? [...landed.focusNotes, ...landed.levelNotes] : [],
      probability,
    });
    // Where an occupation lands depends on the title alone: worked out once per title and occupation.
    const landOn = (occupation: Occupation) => {
      let landed = side.landings.get(occupation.onetCode);
      if (landed === undefined) {
        landed = this.landing.forOccupation(occupation, side.reading);
        side.landings.set(occupation.onetCode, landed);
      }
      return landed;
    };

    const cueMapping = cued?.focus.mappings.find((m) => m.system === 'onet-soc');
    let cueCandidate: Candidate | null = null;
    if (cued && cueMapping) {
      const soc = cueMapping.code.slice(0, 7);
      const onetCode = cueMapping.code.length > 7 ? cueMapping.code : `${soc}.00`;
      const occupation = this.index.occupations.get(onetCode);
      const confidence = round((cued.fit === 'exact' ? 0.7 : 0.55) * levelCertainty);
      cueCandidate = {
        soc: { code: soc, title: occupation?.socTitle ?? cueMapping.title ?? soc },
        onet: { code: onetCode, title: occupation?.title ?? cueMapping.title ?? onetCode },
        focus: { code: cued.focus.code, name: cued.focus.name },
        profile: { code: cued.profileCode, fit: cued.fit },
        level: levelDto(cued.wanted),
        confidence,
        band: confidenceBand(confidence),
        explanation: explanation({ matchedTitle: cued.cue, method: 'focus cue' }, cued),
      };
    }

    const options =
      this.model && side.features
        ? this.learnedOptions(this.model, matches, confidenceOf, cueCandidate, {
            features: side.features,
            employer: employer.name,
          })
        : indexOptions(matches, confidenceOf, cueCandidate);
    const shown = new Set<string>();
    const candidates: Candidate[] = [];
    for (const { match, confidence, probability } of options) {
      if (candidates.length >= top) break;
      const soc = match ? match.occupation.socCode : (cueCandidate?.soc?.code ?? '');
      // An occupation and the focus cue may name one SOC code: the first of them speaks for it.
      if (shown.has(soc)) continue;
      shown.add(soc);
      if (!match) {
        if (cueCandidate)
          candidates.push({
            ...cueCandidate,
            confidence,
            band: confidenceBand(confidence),
            explanation: { ...cueCandidate.explanation, probability },
          });
        continue;
      }
      const landed = landOn(match.occupation);
      candidates.push({
        soc: { code: match.occupation.socCode, title: match.occupation.socTitle },
        onet: { code: match.occupation.onetCode, title: match.occupation.title },
        focus: landed ? { code: landed.focus.code, name: landed.focus.name } : null,
        profile: landed ? { code: landed.profileCode, fit: landed.fit } : null,
        level: levelDto(landed?.wanted ?? seniority.level),
        confidence,
        band: confidenceBand(confidence),
        explanation: explanation(match, landed, probability),
      });
    }

    const landing = this.chooseLanding(options, landOn, cued, cueCandidate, seniority.specialty);
    const resolved = (candidates[0]?.confidence ?? 0) >= RESOLVE_THRESHOLD;
    const review = reviewOf(candidates);
    return {
      title,
      status: resolved ? 'resolved' : 'unresolved',
      level: levelDto(landing?.wanted ?? seniority.level),
      seniority: {
        words: seniority.cues,
        stated: seniority.stated,
        specialtyWords: seniority.specialty,
        removed: normalized.removed,
        note: seniority.note,
      },
      landing: landing ? landingDto(landing) : null,
      candidates,
      needsReview: review.needed,
      reviewReason: review.reason,
    };
  }

  /**
   * The occupations weighed for a title with the learned model: the index's (with their confidence) and
   * the classifier's, in the blend's order, each with its calibrated confidence; the focus cue speaks
   * for its SOC code when it is surer of it than the index.
   */
  private learnedOptions(
    model: TitleModel,
    matches: readonly SpecialtyMatch[],
    confidenceOf: (m: SpecialtyMatch) => number,
    cueCandidate: Candidate | null,
    title: { features: TitleFeatureSet; employer: string },
  ): Option[] {
    const pool = new Map<string, number>();
    const bySoc = new Map<string, SpecialtyMatch>();
    // Codes whose occupation lists the title, or its specialty, among O*NET's own titles.
    const listed = new Set<string>();
    for (const m of matches) {
      pool.set(m.occupation.socCode, confidenceOf(m));
      bySoc.set(m.occupation.socCode, m);
      if (m.method !== 'search') listed.add(m.occupation.socCode);
    }
    const cueSoc = cueCandidate?.soc?.code ?? null;
    const cueLeads = cueSoc !== null && (cueCandidate?.confidence ?? 0) > (pool.get(cueSoc) ?? 0);
    if (cueSoc !== null && cueLeads) pool.set(cueSoc, cueCandidate?.confidence ?? 0);
    const weighed: { match: Weighed | null; probability: number }[] = [];
    for (const ranked of model.rank(title.features, title.employer, pool, listed)) {
      if (weighed.length >= POOL) break;
      const match = ranked.soc === cueSoc && cueLeads ? null : this.weighedFor(ranked.soc, bySoc);
      if (match !== undefined) weighed.push({ match, probability: round(ranked.probability) });
    }
    const confidences = model.confidences(weighed.map((w) => w.probability));
    return weighed.map((w, i) => ({
      match: w.match,
      probability: w.probability,
      confidence: round(confidences[i] ?? 0),
    }));
  }

  /** The occupation weighed for a SOC code: the index's match, else the code's own occupation; none when the index lacks it. */
  private weighedFor(soc: string, bySoc: ReadonlyMap<string, SpecialtyMatch>): Weighed | undefined {
    const match = bySoc.get(soc);
    if (match) return match;
    const occupation = this.index.occupationOfSoc(soc);
    return occupation && { occupation, matchedTitle: null, method: 'labelled titles' };
  }

  /**
   * Where the title lands. A curated focus whose title cue covers the title's whole specialty ("VP of
   * Engineering") takes it: its cues were written for exactly such titles, while the occupation search
   * may put a broader occupation first. Otherwise the occupations weighed for the title and the cue
   * candidate, best first: the first that lands on a focus, as long as it would resolve the title on its
   * own — and, behind a first candidate that lands nowhere, is of medium confidence and needs no move.
   */
  private chooseLanding(
    options: readonly Option[],
    landOn: (occupation: Occupation) => Landed | null,
    cued: Landed | null,
    cueCandidate: Candidate | null,
    specialty: readonly string[],
  ): (Landed & { via: Landing['via'] }) | null {
    if (cued && cueCandidate && cued.coversSpecialty && !cued.generated) {
      return {
        ...cued,
        via: {
          method: 'focus cue',
          soc: cueCandidate.soc,
          onet: cueCandidate.onet,
          rank: null,
          cue: cued.cue,
        },
        focusNotes: [
          `“${cued.cue}”, a title cue of the curated focus ${cued.focus.name}, covers the title's specialty, “${specialty.join(' ')}”.`,
        ],
      };
    }
    const name = (m: Weighed | null) =>
      m ? `${m.occupation.socCode} ${m.occupation.title}` : `the focus cue “${cued?.cue}”`;
    const occupations: Weighed[] = [];
    for (const o of options) if (o.match) occupations.push(o.match);
    for (const [i, { match, confidence }] of options.entries()) {
      if (confidence < (i === 0 ? LANDING_FLOOR : FALLBACK_FLOOR)) break;
      const landed = match ? landOn(match.occupation) : cued;
      // Behind a first candidate that lands nowhere, a second guess on the occupation must not also move the
      // level, and a cue word must account for the whole specialty ("development" does not place a "Risk
      // Model Development Manager").
      if (!landed || (i > 0 && (match ? landed.fit !== 'exact' : !landed.coversSpecialty))) continue;
      const fallback =
        i === 0
          ? []
          : [
              `The first candidate, ${name(options[0]?.match ?? null)}, lands on no focus; the title lands through candidate ${i + 1}, ${name(match)}.`,
            ];
      const occupation = match?.occupation;
      return {
        ...landed,
        via:
          match && occupation
            ? {
                method: 'occupation',
                soc: { code: occupation.socCode, title: occupation.socTitle },
                onet: { code: occupation.onetCode, title: occupation.title },
                rank: occupations.indexOf(match) + 1,
                cue: null,
              }
            : {
                method: 'focus cue',
                soc: cueCandidate?.soc ?? null,
                onet: cueCandidate?.onet ?? null,
                rank: null,
                cue: landed.cue,
              },
        focusNotes: [...fallback, ...landed.focusNotes],
      };
    }
    return null;
  }
}

/** What a title says whoever filed it (`TitleResolver.readTitle`), remembered per title. */
interface TitleSide {
  /** The normalized title, words and what was removed: titles that differ only in case or noise share it. */
  key: string;
  normalized: NormalizedTitle;
  seniority: Seniority;
  reading: TitleReading;
  found: readonly SpecialtyMatch[];
  /** The learned model's features of the title; null without the model. */
  features: TitleFeatureSet | null;
  cued: Landed | null;
  /** Where each occupation weighed so far lands the title, by O*NET code (null: on no focus). */
  landings: Map<string, Landed | null>;
}

/** An employer's name as the resolver reads it: its line of business, and the words the model reads. */
interface EmployerSide {
  name: string;
  industry: (typeof INDUSTRIES)[number] | undefined;
  /** The line of business and the name's words: names that read alike share it. */
  key: string;
}

function readEmployer(name: string): EmployerSide {
  const industry = name ? INDUSTRIES.find((i) => i.pattern.test(name)) : undefined;
  return { name, industry, key: `${industry?.name ?? ''}\u0000${employerWords(name).join(' ')}` };
}

/** An occupation weighed for a title, and how it was found. */
interface Weighed {
  occupation: Occupation;
  matchedTitle: string | null;
  method: Candidate['explanation']['method'];
}

/** One of the answers weighed for a title, best first: an occupation, or the focus cue (null). */
interface Option {
  match: Weighed | null;
  confidence: number;
  /** The learned blend's probability the confidence was read from; null without the model. */
  probability: number | null;
}

/** Without the learned model: the index's occupations by confidence, the focus cue among them at its own. */
function indexOptions(
  matches: readonly SpecialtyMatch[],
  confidenceOf: (m: SpecialtyMatch) => number,
  cueCandidate: Candidate | null,
): Option[] {
  const options: Option[] = matches.map((m) => ({
    match: m,
    confidence: confidenceOf(m),
    probability: null,
  }));
  if (cueCandidate) {
    const at = options.findIndex((o) => o.confidence < cueCandidate.confidence);
    options.splice(at < 0 ? options.length : at, 0, {
      match: null,
      confidence: cueCandidate.confidence,
      probability: null,
    });
  }
  return options;
}

function landingDto(landing: Landed & { via: Landing['via'] }): Landing {
  return {
    focus: { code: landing.focus.code, name: landing.focus.name },
    profile: { code: landing.profileCode, fit: landing.fit },
    level: levelDto(landing.level),
    via: landing.via,
    explanation: [...landing.focusNotes, ...landing.levelNotes],
  };
}

function levelDto(level: Level): LevelDto {
  return { code: level.code, track: level.track, rank: level.rank, title: level.title };
}

const round = (n: number) => Math.round(n * 100) / 100;
