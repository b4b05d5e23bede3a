import type { Catalog } from '../core/catalog.js';
import { CanonError } from '../core/errors.js';
import { findLevel, type Level } from '../core/levels.js';
import { type ConfidenceBand, confidenceBand, type Focus } from '../core/taxonomy.js';
import { normalizeTitle } from './normalizeTitle.js';
import type { OccupationIndex, SpecialtyMatch } from './occupationIndex.js';
import { practiceSpecialty } from './practiceTitles.js';
import { readSeniority } from './readSeniority.js';

export interface ResolveInput {
  title: string;
  description?: string;
  employer?: string;
}

export interface Candidate {
  soc: { code: string; title: string } | null;
  onet: { code: string; title: string } | null;
  focus: { code: string; name: string } | null;
  profile: { code: string; fit: 'exact' | 'nearest' } | null;
  level: { code: string; track: string; rank: number; title: string };
  confidence: number;
  band: ConfidenceBand;
  explanation: {
    specialtyWords: string[];
    seniorityWords: string[];
    seniorityStated: boolean;
    matchedTitle: string | null;
    method: SpecialtyMatch['method'] | 'focus cue';
    removed: string[];
    /** The line of business the employer's name suggests, when it moved the ranking. */
    employerHint: string | null;
  };
}

export interface Resolution {
  title: string;
  status: 'resolved' | 'unresolved';
  candidates: Candidate[];
}

/** Below this confidence the answer is "unresolved", with the nearest candidates shown. */
export const RESOLVE_THRESHOLD = 0.3;
export const MAX_TITLE_LENGTH = 300;
const MEMO_LIMIT = 100_000;
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
 * Levels a title on two separate axes — what (specialty → occupation and
 * focus) and how senior (seniority words → canonical level) — and explains
 * which words decided each.
 */
export class TitleResolver {
  /** Bulk files repeat titles endlessly; remembered answers make the repeats free. */
  private readonly memo = new Map<string, Resolution>();

  /** Each focus with its title cues longest first and the SOC codes it maps to, worked out once. */
  private readonly focuses: { focus: Focus; cues: string[]; socCodes: Set<string> }[];

  constructor(
    readonly index: OccupationIndex,
    private readonly catalog: Catalog,
  ) {
    this.focuses = catalog.taxonomy.focuses.map((focus) => ({
      focus,
      cues: [...focus.titleCues].sort((a, b) => b.length - a.length),
      socCodes: new Set(focus.mappings.filter((m) => m.system === 'onet-soc').map((m) => m.code.slice(0, 7))),
    }));
  }

  resolve(input: ResolveInput, top = 3): Resolution {
    const key = `${top}\u0000${input.title}\u0000${input.employer ?? ''}`;
    const known = this.memo.get(key);
    if (known) return known;
    const answer = this.compute(input, top);
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(key, answer);
    return answer;
  }

  private compute(input: ResolveInput, top: number): Resolution {
    const title = input.title ?? '';
    if (typeof title !== 'string' || title.trim() === '')
      throw new CanonError('invalid_input', 'A title is required.');
    if (title.length > MAX_TITLE_LENGTH)
      throw new CanonError(
        'invalid_input',
        `A title may have at most ${MAX_TITLE_LENGTH} characters; this one has ${title.length}.`,
      );
    const normalized = normalizeTitle(title);
    const seniority = readSeniority(normalized.words);
    const employer = input.employer ?? '';
    const industry = employer ? INDUSTRIES.find((i) => i.pattern.test(employer)) : undefined;

    const specialty = seniority.specialty.length ? seniority.specialty : normalized.words;
    const sought = practiceSpecialty(specialty) ?? specialty;
    const found = this.index.lookup(sought, normalized.words, POOL);
    const inIndustry = (soc: string) => industry?.socPrefixes.some((p) => soc.startsWith(p)) ?? false;
    const employerHint =
      industry && found.some((m) => inIndustry(m.occupation.socCode)) ? industry.name : null;
    // Occupations that match alike (one title listed by several, or equal search scores) are told apart by
    // which one's titles are worded most like this one.
    const likeness = this.index.wordModel.posterior(
      sought,
      found.map((m) => m.occupation.socCode),
    );
    const leads = seniority.level.track !== 'P';
    const matches = found
      .map((m, i) => {
        const soc = m.occupation.socCode;
        const employerFactor = employerHint ? (inIndustry(soc) ? 1.5 : 0.9) : 1;
        const wordingFactor = 0.75 + 0.5 * (likeness[i] ?? 0);
        // The two axes inform each other once: a stated management or executive level points to a management
        // occupation (SOC major group 11), a stated individual-contributor level away from one.
        const management = soc.startsWith(MANAGEMENT_MAJOR);
        const levelFactor = !seniority.stated ? 1 : leads ? (management ? 1.4 : 0.7) : management ? 0.9 : 1;
        return { ...m, strength: Math.min(0.98, m.strength * employerFactor * wordingFactor * levelFactor) };
      })
      .sort((a, b) => b.strength - a.strength);
    const levelCertainty = seniority.stated ? 1 : 0.9;
    const words = normalized.words.join(' ');
    const explanation = (m: {
      matchedTitle: string | null;
      method: Candidate['explanation']['method'];
    }): Candidate['explanation'] => ({
      specialtyWords: seniority.specialty,
      seniorityWords: seniority.cues,
      seniorityStated: seniority.stated,
      matchedTitle: m.matchedTitle,
      method: m.method,
      removed: normalized.removed,
      employerHint,
    });

    const candidates: Candidate[] = matches.slice(0, top).map((m) => {
      const landing = this.land(null, seniority.level, m.occupation.socCode);
      const confidence = round(m.strength * levelCertainty);
      return {
        soc: { code: m.occupation.socCode, title: m.occupation.socTitle },
        onet: { code: m.occupation.onetCode, title: m.occupation.title },
        focus: landing ? { code: landing.focus.code, name: landing.focus.name } : null,
        profile: landing ? { code: landing.profileCode, fit: landing.fit } : null,
        level: levelDto(seniority.level),
        confidence,
        band: confidenceBand(confidence),
        explanation: explanation(m),
      };
    });

    // Titles the built-in taxonomy knows by its own cues land there, competing with the occupation matches.
    {
      const landing = this.land(words, seniority.level, null);
      const mapping = landing?.focus.mappings.find((m) => m.system === 'onet-soc');
      if (landing && mapping) {
        const soc = mapping.code.slice(0, 7);
        const onetCode = mapping.code.length > 7 ? mapping.code : `${soc}.00`;
        const occupation = this.index.occupations.get(onetCode);
        const confidence = round((landing.fit === 'exact' ? 0.7 : 0.55) * levelCertainty);
        const candidate: Candidate = {
          soc: { code: soc, title: occupation?.socTitle ?? mapping.title ?? soc },
          onet: { code: onetCode, title: occupation?.title ?? mapping.title ?? onetCode },
          focus: { code: landing.focus.code, name: landing.focus.name },
          profile: { code: landing.profileCode, fit: landing.fit },
          level: levelDto(seniority.level),
          confidence,
          band: confidenceBand(confidence),
          explanation: explanation({ matchedTitle: landing.cue, method: 'focus cue' }),
        };
        const same = candidates.findIndex((c) => c.soc?.code === soc);
        if (same < 0 || (candidates[same]?.confidence ?? 0) < confidence) {
          if (same >= 0) candidates.splice(same, 1);
          candidates.push(candidate);
        }
        candidates.sort((a, b) => b.confidence - a.confidence);
        candidates.splice(top);
      }
    }

    const resolved = (candidates[0]?.confidence ?? 0) >= RESOLVE_THRESHOLD;
    return { title, status: resolved ? 'resolved' : 'unresolved', candidates };
  }

  /**
   * The built-in profile a title lands on: a focus whose cue phrase appears in
   * the title, or whose O*NET-SOC mapping matches the occupation, at the title's
   * level (executive titles land on the top of a management focus).
   */
  private land(
    words: string | null,
    level: Level,
    socCode: string | null,
  ): { focus: Focus; profileCode: string; fit: 'exact' | 'nearest'; cue: string } | null {
    const padded = words === null ? null : ` ${words} `;
    let best: {
      focus: Focus;
      profileCode: string;
      fit: 'exact' | 'nearest';
      cue: string;
      score: number;
    } | null = null;
    for (const { focus, cues, socCodes } of this.focuses) {
      const cue = padded === null ? null : (cues.find((c) => padded.includes(` ${c} `)) ?? null);
      const socMatch = socCode !== null && socCodes.has(socCode);
      if (!cue && !socMatch) continue;
      let levelCode: string | null = focus.levelCodes.includes(level.code) ? level.code : null;
      let fit: 'exact' | 'nearest' = 'exact';
      const top = focus.levelCodes[focus.levelCodes.length - 1];
      if (!levelCode && level.track === 'E' && top?.startsWith('M')) {
        levelCode = top;
        fit = 'nearest';
      }
      if (!levelCode) continue;
      const nameOverlap = focus.name
        .toLowerCase()
        .split(/\W+/)
        .filter((w) => w.length > 3 && (words ?? '').includes(w.slice(0, 6))).length;
      // A nearer level beats a farther one: an executive title belongs on the highest management level on offer.
      const gap = Math.abs((findLevel(levelCode)?.rank ?? 0) - level.rank);
      const score =
        (cue?.length ?? 0) + (socMatch ? 5 : 0) + nameOverlap * 3 + (fit === 'exact' ? 10 : 0) - gap * 2;
      if (!best || score > best.score) {
        best = {
          focus,
          profileCode: `${focus.functionCode}.${focus.code}.${levelCode}`,
          fit,
          cue: cue ?? focus.name,
          score,
        };
      }
    }
    return best && this.catalog.findProfile(best.profileCode) ? best : null;
  }
}

function levelDto(level: Level) {
  return { code: level.code, track: level.track, rank: level.rank, title: level.title };
}

const round = (n: number) => Math.round(n * 100) / 100;
