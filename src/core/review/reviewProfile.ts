import type { Catalog, ProfileView } from '../catalog.js';
import { type ConfidenceBand, confidenceBand } from '../taxonomy.js';
import { type Finding, finding } from './findings.js';
import { type LevelReading, RUBRIC_CELLS, reviewIndex, type StemmedStatement } from './reviewIndex.js';
import { DIMENSIONS, type Dimension, RULES } from './reviewRules.js';
import { contentStems, similarity } from './textSimilarity.js';

export type { Finding, FindingKind } from './findings.js';
export { DIMENSION_LABELS, DIMENSIONS, type Dimension, RULES } from './reviewRules.js';

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
 * Words that say only that work happens, not on what: a statement made of these
 * and little else could describe any job.
 */
const GENERIC = contentStems(
  'ensure perform provide support handle maintain manage coordinate assist help work task duty duties activity activities issue issues matter things area item job other related various needed appropriate general specific effective efficient accurate proper necessary quality',
);
/** Specific content words a statement must carry to name its objects, when it names no scope noun. */
const SPECIFIC_WORDS = 4;

/**
 * Concrete means the statement names a specific (a number, a named product,
 * standard or role written with capitals), lists several specifics, acts on a
 * stated scope, or names the things it acts on in several specific words
 * ("administer medications to patients and monitor reactions or side effects"):
 * the scope nouns alone know only office and technology work.
 */
function isConcrete(text: string, stems: ReadonlySet<string>): boolean {
  const named = /\d/.test(text) || /\s[A-Z][A-Za-z0-9/&+.-]+/.test(text.slice(1));
  const listed = (text.match(/,/g) ?? []).length >= 2;
  const specific = [...stems].filter((s) => !GENERIC.has(s)).length >= SPECIFIC_WORDS;
  return named || listed || SCOPE.test(text) || specific;
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

function computeReview(catalog: Catalog, code: string): Review {
  const view = catalog.getProfile(code);
  const index = reviewIndex(catalog);
  const levels = index.levelsOf(view.focus);
  const at = levels.findIndex((l) => l.code === view.level.code);
  const own = levels[at];
  const statements = own?.statements ?? [];
  const outside = independent(
    view,
    view.sources.map((s) => s.id),
  );
  const findings: Finding[] = [
    ...levelDifferentiation(levels, at),
    ...statements.flatMap((s) => {
      const twin = index.twinInOtherFocus(s);
      return twin
        ? [
            finding('generic', [s.statement.text, `${twin.focus.name}: ${twin.statement.text}`], {
              focus: twin.focus.name,
            }),
          ]
        : [];
    }),
    ...concreteness(statements),
    ...factualAccuracy(view, own),
    ...realWorldCoverage(view, own, outside),
  ];
  const scores = Object.fromEntries(DIMENSIONS.map((d) => [d, dimensionScore(findings, d)])) as Record<
    Dimension,
    number
  >;
  const minimum = Math.min(...Object.values(scores));
  const mean = Object.values(scores).reduce((a, b) => a + b, 0) / DIMENSIONS.length;
  const score = confidenceScore(minimum, mean, outside.length);
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

/**
 * How far the panel's verdict can be trusted, 0–1: mostly the lowest score, then the mean, then how
 * many independent sources stand behind the profile — scaled to the panel's ceiling, because the
 * panel never reads what the sources say. The "How profiles are reviewed" page prints the formula.
 */
export function confidenceScore(minimum: number, mean: number, independentSources: number): number {
  const evidence = Math.min(1, independentSources / RULES.sourcesForFullEvidence);
  const unscaled = 0.5 * ((minimum - 1) / 4) + 0.3 * ((mean - 1) / 4) + 0.2 * evidence;
  return Math.round(RULES.confidenceCeiling * unscaled * 100) / 100;
}

/** 5 less the penalties, never under 1, and never above the fail cap once a finding fails the dimension. */
function dimensionScore(findings: Finding[], dimension: Dimension): number {
  const mine = findings.filter((f) => f.dimension === dimension);
  const lost = mine.reduce((n, f) => n + (f.severity === 'fail' ? RULES.failPenalty : RULES.warnPenalty), 0);
  const ceiling = mine.some((f) => f.severity === 'fail') ? RULES.failCap : 5;
  return Math.max(1, Math.min(ceiling, 5 - lost));
}

const twinIn = (s: StemmedStatement, level: LevelReading) => level.statements.find((o) => s.alike.has(o));

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  a.size === b.size && [...a].every((x) => b.has(x));

function levelDifferentiation(levels: LevelReading[], at: number): Finding[] {
  const own = levels[at];
  if (!own || own.statements.length === 0) {
    const why = own?.declaresGap
      ? 'it says only that no source states work specific to this level'
      : 'the list is empty';
    return [finding('declaredGap', own?.content.responsibilities.map((r) => r.text) ?? [], { why })];
  }
  const neighbours = [levels[at - 1], levels[at + 1]].filter((l) => l !== undefined);
  const findings: Finding[] = [];
  for (const s of own.statements) {
    for (const n of neighbours) {
      const twin = twinIn(s, n);
      if (twin) {
        findings.push(
          finding('nearDuplicate', [s.statement.text, `${n.code}: ${twin.statement.text}`], {
            level: n.code,
          }),
        );
      }
    }
  }
  // A whole list can repeat any level of the focus, not only its neighbours: generated levels are
  // drawn from the same task rows, and a list copied two levels down says no more than one copied next door.
  for (const other of levels) {
    if (other === own || other.statements.length === 0) continue;
    if (own.statements.every((s) => twinIn(s, other))) {
      findings.push(
        finding(
          'repeatsLevel',
          own.statements.map((s) => s.statement.text),
          { level: other.code },
        ),
      );
    } else if (own.rows.size > 0 && sameSet(own.rows, other.rows)) {
      findings.push(
        finding(
          'sameRows',
          [...own.rows].map((row) => `row ${row}`),
          { level: other.code },
        ),
      );
    }
  }
  for (const n of neighbours) {
    for (const cell of RUBRIC_CELLS) {
      if (similarity(own.rubric[cell], n.rubric[cell]) >= RULES.nearDuplicate) {
        findings.push(finding('flatRubric', [own.content.rubric[cell]], { cell, level: n.code }));
      }
    }
  }
  if (neighbours.length === 0) findings.push(finding('singleLevel'));
  return findings;
}

function concreteness(statements: StemmedStatement[]): Finding[] {
  return statements.flatMap(({ statement, stems }): Finding[] => {
    if (VAGUE.test(statement.text) && !/\d/.test(statement.text)) return [finding('vague', [statement.text])];
    if (stems.size < RULES.minContentWords || !isConcrete(statement.text, stems)) {
      return [finding('notConcrete', [statement.text])];
    }
    return [];
  });
}

function factualAccuracy(view: ProfileView, own: LevelReading | undefined): Finding[] {
  const findings = (own?.statements ?? [])
    .filter((s) => s.statement.sources.length === 0)
    .map((s) => finding('unsourced', [s.statement.text]));
  const rubric = own?.content.rubric;
  if (!rubric) return findings;
  if (rubric.sources.length === 0) findings.push(finding('rubricUnsourced', [rubric.knowledge]));
  // Years stated in the rubric must agree with the level's sourced range. Total experience outside
  // it is a contradiction; years of something narrower ("managing", "of leadership") outside it may
  // both be true, but a reader is told two figures and how they relate is not said: a warning.
  const range = view.level.experience;
  const stated = /(\d+)\s*[–-]\s*(\d+)\+?\s*years\s*(?<what>[^.;,]*)/.exec(rubric.degreeYears);
  if (range && stated) {
    const [min, max] = [Number(stated[1]), Number(stated[2])];
    const total = /^(?:of )?(?:total|overall|professional experience)/i.test(stated.groups?.what ?? '');
    const slots = { stated: `${min}–${max}`, range: `${range.min}–${range.max}` };
    if (total && (max < range.min || min > range.max))
      findings.push(finding('yearsContradict', [rubric.degreeYears], slots));
    else if (!total && (min < range.min || max > range.max))
      findings.push(
        finding('yearsDiffer', [rubric.degreeYears], {
          ...slots,
          // "of deep leadership across departments…" → "of deep leadership": what is counted, not where.
          what:
            (stated.groups?.what ?? '')
              .split(/\s+(?:across|including|with|in|at|for|from|building|as)\s+/)[0]
              ?.trim() || 'of experience',
        }),
      );
  }
  return findings;
}

/** Canon's own published pages restate a profile; they do not add evidence for it. */
const independent = (view: ProfileView, ids: Iterable<string>) =>
  [...new Set(ids)].filter((id) => view.sources.some((s) => s.id === id && s.kind !== 'profile_page'));

function realWorldCoverage(view: ProfileView, own: LevelReading | undefined, outside: string[]): Finding[] {
  const findings: Finding[] = [];
  if (outside.length < RULES.sourcesWanted) {
    findings.push(finding('fewSources', [], { count: outside.length, wanted: RULES.sourcesWanted }));
  }
  // A level with no responsibilities of its own already fails level differentiation for it.
  if (own && own.statements.length > 0) {
    const cited = independent(
      view,
      own.statements.flatMap((s) => s.statement.sources),
    );
    if (cited.length === 0) findings.push(finding('ownPagesOnly'));
    else if (cited.length === 1) findings.push(finding('singleSource'));
  }
  return findings;
}
