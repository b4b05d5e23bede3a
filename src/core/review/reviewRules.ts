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

const PASS = 4;

/** The thresholds every reviewer uses; the "How profiles are reviewed" page prints them. */
export const RULES = {
  /** Two statements this alike (content-word overlap) at two levels say the same thing. */
  nearDuplicate: 0.5,
  /** A statement this alike to one of another focus could belong to either. */
  generic: 0.45,
  /** Fewer content words than this cannot name an object, scope or number. */
  minContentWords: 6,
  /** Points lost per finding of each kind. */
  failPenalty: 1,
  warnPenalty: 0.5,
  /**
   * A dimension with a failing finding scores at most this, half a point under the pass mark: one
   * failure is enough to stop a profile passing, however clean its other statements are.
   */
  failCap: PASS - 0.5,
  /** Real-world coverage wants at least this many independent sources behind a profile. */
  sourcesWanted: 3,
  /** Independent sources at which the evidence part of confidence is full. */
  sourcesForFullEvidence: 6,
  /**
   * The highest confidence the panel states. Its reviewers read words: they see that a statement
   * cites a source, never whether the source says it, so a perfect score still leaves that unchecked.
   */
  confidenceCeiling: 0.9,
  pass: PASS,
} as const;
