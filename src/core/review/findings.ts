import type { Dimension } from './reviewRules.js';

type Severity = 'fail' | 'warn';

/**
 * Every kind of finding the panel makes: its dimension, its severity and the pattern of its message,
 * whose {slots} the finding fills. Summaries over many profiles count findings by kind.
 */
export const FINDING_KINDS = {
  declaredGap: {
    dimension: 'levelDifferentiation',
    severity: 'fail',
    pattern: 'No responsibilities of its own: {why}. Nothing shows what work this level does.',
  },
  nearDuplicate: {
    dimension: 'levelDifferentiation',
    severity: 'fail',
    pattern: 'Near-duplicate of a {level} responsibility: the two levels say the same thing.',
  },
  repeatsLevel: {
    dimension: 'levelDifferentiation',
    severity: 'fail',
    pattern: 'Repeats the {level} list: every responsibility here is also stated at {level}.',
  },
  sameRows: {
    dimension: 'levelDifferentiation',
    severity: 'fail',
    pattern: 'Cites the same source rows as {level}: both levels were drawn from the same evidence.',
  },
  flatRubric: {
    dimension: 'levelDifferentiation',
    severity: 'warn',
    pattern: 'The {cell} rubric cell barely changes from {level}.',
  },
  singleLevel: {
    dimension: 'levelDifferentiation',
    severity: 'warn',
    pattern: 'The focus has one level only, so nothing shows how this level differs.',
  },
  generic: {
    dimension: 'focusSpecificity',
    severity: 'fail',
    pattern: 'As true of {focus} as of this focus.',
  },
  vague: {
    dimension: 'concreteness',
    severity: 'fail',
    pattern: 'Vague wording that commits to nothing checkable.',
  },
  notConcrete: {
    dimension: 'concreteness',
    severity: 'fail',
    pattern: 'Names no concrete object, scope or number.',
  },
  unsourced: {
    dimension: 'factualAccuracy',
    severity: 'fail',
    pattern: 'No source supports this statement.',
  },
  rubricUnsourced: {
    dimension: 'factualAccuracy',
    severity: 'fail',
    pattern: 'The level-guidelines row cites no source.',
  },
  yearsContradict: {
    dimension: 'factualAccuracy',
    severity: 'fail',
    pattern: "States {stated} years against the level's sourced {range}.",
  },
  yearsDiffer: {
    dimension: 'factualAccuracy',
    severity: 'warn',
    pattern:
      "The guidelines state {stated} years {what}; the level's sourced range is {range} years in all. Say how the two relate.",
  },
  fewSources: {
    dimension: 'realWorldCoverage',
    severity: 'fail',
    pattern:
      "Rests on {count} independent source(s); at least {wanted} are wanted (Canon's own pages do not count).",
  },
  ownPagesOnly: {
    dimension: 'realWorldCoverage',
    severity: 'warn',
    pattern: "This level's responsibilities cite only Canon's own published pages.",
  },
  singleSource: {
    dimension: 'realWorldCoverage',
    severity: 'warn',
    pattern: "This level's responsibilities rest on a single independent source.",
  },
} as const satisfies Record<string, { dimension: Dimension; severity: Severity; pattern: string }>;

export type FindingKind = keyof typeof FINDING_KINDS;

export interface Finding {
  kind: FindingKind;
  dimension: Dimension;
  severity: Severity;
  message: string;
  /** The statements concerned, by section and text. */
  statements: string[];
}

/** A finding of `kind`, its message the kind's pattern with each {slot} filled from `slots`. */
export function finding(
  kind: FindingKind,
  statements: string[] = [],
  slots: Readonly<Record<string, string | number>> = {},
): Finding {
  const { dimension, severity, pattern } = FINDING_KINDS[kind];
  const message = pattern.replace(/\{(\w+)\}/g, (slot, name: string) =>
    Object.hasOwn(slots, name) ? String(slots[name]) : slot,
  );
  return { kind, dimension, severity, message, statements };
}
