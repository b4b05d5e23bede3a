import type { Catalog, ProfileView } from '../catalog.js';
import { type ConfidenceBand, confidenceBand, type Statement } from '../taxonomy.js';
import { contentStems, similarity } from './textSimilarity.js';

export const DIMENSIONS = [
  'levelDifferentiation',
  'focusSpecificity',
  'concreteness',
  'factualAccuracy',
  'realWorldCoverage',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Readonly<Record<Dimension, string>> = {
  levelDifferentiation: 'Level differentiation',
  focusSpecificity: 'Focus specificity',
  concreteness: 'Concreteness',
  factualAccuracy: 'Factual accuracy',
  realWorldCoverage: 'Real-world coverage',
};

/** The thresholds every reviewer uses; the "How profiles are reviewed" page prints them. */
export const RULES = {
  /** Two statements this alike (content-word overlap) at adjacent levels say the same thing. */
  nearDuplicate: 0.5,
  /** A statement this alike to one of another focus could belong to either. */
  generic: 0.45,
  /** Fewer content words than this cannot name an object, scope or number. */
  minContentWords: 6,
  /** Points lost per finding of each kind. */
  failPenalty: 1,
  warnPenalty: 0.5,
  /** Real-world coverage wants at least this many independent sources behind a profile. */
  sourcesWanted: 3,
  pass: 4,
} as const;

export interface Finding {
  dimension: Dimension;
  severity: 'fail' | 'warn';
  message: string;
  /** The statements concerned, by section and text. */
  statements: string[];
}

export interface Review {
  code: string;
  scores: Record<Dimension, number>;
  minimum: number;
  passed: boolean;
  confidence: { score: number; band: ConfidenceBand };
  findings: Finding[];
  sources: number;
}

/** Phrases that promise nothing checkable. */
const VAGUE =
  /\b(?:various|as needed|as required|other duties|etc\.?|responsible for|helps? with|supports? the|assists? (?:with|in)|involved in|participates? in)\b/i;
/** Nouns of scope: the unit a statement acts on. */
const SCOPE =
  /\b(?:teams?|department|division|organi[sz]ation|company|enterprise|function|budgets?|roadmaps?|headcount|platforms?|systems?|architecture|customers?|clients?|board|investors|vendors?|practice|portfolio|engagements?|processes|policy|standards|releases?|incidents?|metrics)\b/i;

/**
 * Concrete means the statement names a specific (a number, a named product,
 * standard or role written with capitals), lists several specifics, or acts on
 * a stated scope.
 */
function isConcrete(text: string): boolean {
  const named = /\d/.test(text) || /\s[A-Z][A-Za-z0-9/&+.-]+/.test(text.slice(1));
  const listed = (text.match(/,/g) ?? []).length >= 2;
  return named || listed || SCOPE.test(text);
}

/**
 * The adversarial review panel: five deterministic reviewers, each looking for
 * ways the profile fails its dimension, scoring 1–5 in halves with findings.
 */
export function reviewProfile(catalog: Catalog, code: string): Review {
  // A catalog snapshot never changes, so each profile is reviewed once per snapshot: pages, lists and
  // profile JSON all ask for the same review.
  const reviews = REVIEWS.get(catalog) ?? new Map<string, Review>();
  REVIEWS.set(catalog, reviews);
  const known = reviews.get(code);
  if (known) return known;
  const review = computeReview(catalog, code);
  reviews.set(code, review);
  return review;
}

const REVIEWS = new WeakMap<Catalog, Map<string, Review>>();
interface FunctionStatement {
  focusCode: string;
  focus: string;
  text: string;
  stems: Set<string>;
}
const FUNCTION_STATEMENTS = new WeakMap<Catalog, Map<string, FunctionStatement[]>>();

/** Every responsibility of a function with its content stems, computed once per snapshot. */
function functionStatements(catalog: Catalog, functionCode: string): FunctionStatement[] {
  const byFunction = FUNCTION_STATEMENTS.get(catalog) ?? new Map<string, FunctionStatement[]>();
  FUNCTION_STATEMENTS.set(catalog, byFunction);
  let statements = byFunction.get(functionCode);
  if (!statements) {
    statements = catalog.focusesOf(functionCode).flatMap((f) =>
      Object.values(f.levels).flatMap((l) =>
        l.responsibilities.map((r) => ({
          focusCode: f.code,
          focus: f.name,
          text: r.text,
          stems: contentStems(r.text),
        })),
      ),
    );
    byFunction.set(functionCode, statements);
  }
  return statements;
}

function computeReview(catalog: Catalog, code: string): Review {
  const view = catalog.getProfile(code);
  const at = view.ladder.findIndex((s) => s.current);
  const own = view.ladder[at]?.content;
  const responsibilities = own?.responsibilities ?? [];
  const findings: Finding[] = [
    ...levelDifferentiation(view, at),
    ...focusSpecificity(catalog, view, responsibilities),
    ...concreteness(responsibilities),
    ...factualAccuracy(view, responsibilities),
    ...realWorldCoverage(view),
  ];
  const scores = Object.fromEntries(
    DIMENSIONS.map((d) => {
      const lost = findings
        .filter((f) => f.dimension === d)
        .reduce((n, f) => n + (f.severity === 'fail' ? RULES.failPenalty : RULES.warnPenalty), 0);
      return [d, Math.max(1, 5 - lost)];
    }),
  ) as Record<Dimension, number>;
  const minimum = Math.min(...Object.values(scores));
  const mean = Object.values(scores).reduce((a, b) => a + b, 0) / DIMENSIONS.length;
  const score =
    Math.round(
      (0.5 * ((minimum - 1) / 4) + 0.3 * ((mean - 1) / 4) + 0.2 * Math.min(1, view.sources.length / 6)) * 100,
    ) / 100;
  return {
    code,
    scores,
    minimum,
    passed: minimum >= RULES.pass,
    confidence: { score, band: confidenceBand(score) },
    findings,
    sources: view.sources.length,
  };
}

function levelDifferentiation(view: ProfileView, at: number): Finding[] {
  const own = view.ladder[at];
  if (!own) return [];
  const neighbours = [view.ladder[at - 1], view.ladder[at + 1]].filter((s) => s !== undefined);
  const findings: Finding[] = [];
  for (const r of own.content.responsibilities) {
    const mine = contentStems(r.text);
    for (const n of neighbours) {
      const twin = n.content.responsibilities.find(
        (o) => similarity(mine, contentStems(o.text)) >= RULES.nearDuplicate,
      );
      if (twin) {
        findings.push({
          dimension: 'levelDifferentiation',
          severity: 'fail',
          message: `Near-duplicate of a ${n.level.code} responsibility: the two levels say the same thing.`,
          statements: [r.text, `${n.level.code}: ${twin.text}`],
        });
      }
    }
  }
  for (const n of neighbours) {
    for (const key of ['knowledge', 'complexity', 'collaboration'] as const) {
      if (
        similarity(contentStems(own.content.rubric[key]), contentStems(n.content.rubric[key])) >=
        RULES.nearDuplicate
      ) {
        findings.push({
          dimension: 'levelDifferentiation',
          severity: 'warn',
          message: `The ${key} rubric cell barely changes from ${n.level.code}.`,
          statements: [own.content.rubric[key]],
        });
      }
    }
  }
  if (neighbours.length === 0) {
    findings.push({
      dimension: 'levelDifferentiation',
      severity: 'warn',
      message: 'The focus has one level only, so nothing shows how this level differs.',
      statements: [],
    });
  }
  return findings;
}

function focusSpecificity(catalog: Catalog, view: ProfileView, responsibilities: Statement[]): Finding[] {
  const others = functionStatements(catalog, view.fn.code).filter((o) => o.focusCode !== view.focus.code);
  const findings: Finding[] = [];
  for (const r of responsibilities) {
    const mine = contentStems(r.text);
    const twin = others.find((o) => similarity(mine, o.stems) >= RULES.generic);
    if (twin) {
      findings.push({
        dimension: 'focusSpecificity',
        severity: 'fail',
        message: `As true of ${twin.focus} as of this focus.`,
        statements: [r.text, `${twin.focus}: ${twin.text}`],
      });
    }
  }
  return findings;
}

function concreteness(responsibilities: Statement[]): Finding[] {
  return responsibilities.flatMap((r): Finding[] => {
    const words = contentStems(r.text).size;
    if (VAGUE.test(r.text) && !/\d/.test(r.text)) {
      return [
        {
          dimension: 'concreteness',
          severity: 'fail',
          message: 'Vague wording that commits to nothing checkable.',
          statements: [r.text],
        },
      ];
    }
    if (words < RULES.minContentWords || !isConcrete(r.text)) {
      return [
        {
          dimension: 'concreteness',
          severity: 'fail',
          message: 'Names no concrete object, scope or number.',
          statements: [r.text],
        },
      ];
    }
    return [];
  });
}

function factualAccuracy(view: ProfileView, responsibilities: Statement[]): Finding[] {
  const own = view.ladder.find((s) => s.current)?.content;
  const findings: Finding[] = responsibilities
    .filter((r) => r.sources.length === 0)
    .map((r) => ({
      dimension: 'factualAccuracy' as const,
      severity: 'fail' as const,
      message: 'No source supports this statement.',
      statements: [r.text],
    }));
  if (own && own.rubric.sources.length === 0) {
    findings.push({
      dimension: 'factualAccuracy',
      severity: 'fail',
      message: 'The level-guidelines row cites no source.',
      statements: [own.rubric.knowledge],
    });
  }
  // Years stated in the rubric must not contradict the level's sourced range.
  const range = view.level.experience;
  const stated = own ? /(\d+)\s*[–-]\s*(\d+)\+?\s*years/.exec(own.rubric.degreeYears) : null;
  // Only total experience is comparable with the level's range; "years managing" measures something else.
  if (
    range &&
    stated &&
    /years (?:of )?(?:total|overall|professional experience)/i.test(own?.rubric.degreeYears ?? '')
  ) {
    const [min, max] = [Number(stated[1]), Number(stated[2])];
    if (max < range.min || min > range.max) {
      findings.push({
        dimension: 'factualAccuracy',
        severity: 'fail',
        message: `States ${min}–${max} years against the level's sourced ${range.min}–${range.max}.`,
        statements: [own?.rubric.degreeYears ?? ''],
      });
    }
  }
  return findings;
}

/** Canon's own published pages restate a profile; they do not add evidence for it. */
const independent = (view: ProfileView, ids: Iterable<string>) =>
  [...new Set(ids)].filter((id) => view.sources.some((s) => s.id === id && s.kind !== 'profile_page'));

function realWorldCoverage(view: ProfileView): Finding[] {
  const findings: Finding[] = [];
  const outside = independent(
    view,
    view.sources.map((s) => s.id),
  );
  if (outside.length < RULES.sourcesWanted) {
    findings.push({
      dimension: 'realWorldCoverage',
      severity: 'fail',
      message: `Rests on ${outside.length} independent source(s); at least ${RULES.sourcesWanted} are wanted (Canon's own pages do not count).`,
      statements: [],
    });
  }
  const own = view.ladder.find((s) => s.current)?.content;
  if (own) {
    const cited = own.responsibilities.flatMap((r) => r.sources);
    const outsideCited = independent(view, cited);
    if (outsideCited.length === 0) {
      findings.push({
        dimension: 'realWorldCoverage',
        severity: 'warn',
        message: "This level's responsibilities cite only Canon's own published pages.",
        statements: [],
      });
    } else if (new Set(cited).size === 1) {
      findings.push({
        dimension: 'realWorldCoverage',
        severity: 'warn',
        message: "This level's responsibilities rest on a single source.",
        statements: [],
      });
    }
  }
  return findings;
}
