import type { Catalog } from '../catalog.js';
import type { Focus, FocusLevelContent, Statement } from '../taxonomy.js';
import { isDeclaredGap } from './declaredGap.js';
import { encodeStems, jaccard } from './encodeStems.js';
import { firstAlikeElsewhere } from './firstAlikeElsewhere.js';
import { RULES } from './reviewRules.js';
import { contentStems } from './textSimilarity.js';

export interface StemmedStatement {
  statement: Statement;
  stems: ReadonlySet<string>;
  focus: Focus;
  /**
   * The statements of the focus's other levels that say the same: the same text, or near-duplicates
   * (content-word overlap of at least RULES.nearDuplicate).
   */
  alike: Set<StemmedStatement>;
}

export const RUBRIC_CELLS = ['knowledge', 'complexity', 'collaboration'] as const;
export type RubricCell = (typeof RUBRIC_CELLS)[number];

/** One level of a focus as the panel reads it, stems computed once. */
export interface LevelReading {
  code: string;
  content: FocusLevelContent;
  /** Its responsibilities, less the statements that declare a gap in the evidence. */
  statements: StemmedStatement[];
  /** It has statements declaring a gap. */
  declaresGap: boolean;
  /** The reference-file rows its responsibilities were generated from, as keys. */
  rows: ReadonlySet<string>;
  rubric: Readonly<Record<RubricCell, ReadonlySet<string>>>;
}

/**
 * What the panel reads more than once in a catalog snapshot, computed once per snapshot and only
 * for the focuses and functions it is asked about: each level's statements with their stems, and
 * per function an index that finds a statement's likeness among the other focuses' statements.
 * The review of one profile stays cheap when every profile of a large catalog is reviewed.
 */
export class ReviewIndex {
  private readonly levels = new Map<string, LevelReading[]>();
  private readonly twins = new Map<string, Map<StemmedStatement, StemmedStatement>>();

  constructor(private readonly catalog: Catalog) {}

  /** The focus's levels in ladder order (those with content). */
  levelsOf(focus: Focus): LevelReading[] {
    let levels = this.levels.get(focus.code);
    if (!levels) {
      levels = focus.levelCodes.flatMap((code) => {
        const content = focus.levels[code];
        return content ? [readLevel(focus, code, content)] : [];
      });
      linkAlike(levels);
      this.levels.set(focus.code, levels);
    }
    return levels;
  }

  /** The first statement of another focus of the function alike to this one at the generic threshold. */
  twinInOtherFocus(statement: StemmedStatement): StemmedStatement | undefined {
    const functionCode = statement.focus.functionCode;
    let twins = this.twins.get(functionCode);
    if (!twins) {
      const focuses = this.catalog.focusesOf(functionCode);
      const statements = focuses.flatMap((f) => this.levelsOf(f).flatMap((l) => l.statements));
      const groupOf = focuses.flatMap((f, i) => this.levelsOf(f).flatMap((l) => l.statements.map(() => i)));
      const first = firstAlikeElsewhere(
        statements.map((s) => s.stems),
        groupOf,
        RULES.generic,
      );
      twins = new Map();
      for (const [i, s] of statements.entries()) {
        const twin = statements[first[i] ?? -1];
        if (twin) twins.set(s, twin);
      }
      this.twins.set(functionCode, twins);
    }
    return twins.get(statement);
  }
}

/** Links each statement to those of the focus's other levels that say the same. */
function linkAlike(levels: LevelReading[]): void {
  const statements = levels.flatMap((l) => l.statements);
  const levelOf = levels.flatMap((l, i) => l.statements.map(() => i));
  const codes = encodeStems(statements.map((s) => s.stems));
  for (const [i, a] of statements.entries()) {
    for (let j = i + 1; j < statements.length; j++) {
      const b = statements[j] as StemmedStatement;
      if (levelOf[i] === levelOf[j]) continue;
      if (
        a.statement.text === b.statement.text ||
        jaccard(codes[i] as Int32Array, codes[j] as Int32Array) >= RULES.nearDuplicate
      ) {
        a.alike.add(b);
        b.alike.add(a);
      }
    }
  }
}

function readLevel(focus: Focus, code: string, content: FocusLevelContent): LevelReading {
  const statements = content.responsibilities
    .filter((r) => !isDeclaredGap(r))
    .map((statement) => ({
      statement,
      stems: contentStems(statement.text),
      focus,
      alike: new Set<StemmedStatement>(),
    }));
  return {
    code,
    content,
    statements,
    declaresGap: statements.length < content.responsibilities.length,
    // JSON keeps a key unambiguous whatever characters the file names and keys hold.
    rows: new Set(
      statements.flatMap((s) =>
        (s.statement.rows ?? []).map((r) => JSON.stringify([r.source, r.file, r.key])),
      ),
    ),
    rubric: {
      knowledge: contentStems(content.rubric.knowledge),
      complexity: contentStems(content.rubric.complexity),
      collaboration: contentStems(content.rubric.collaboration),
    },
  };
}

const INDEXES = new WeakMap<Catalog, ReviewIndex>();

/** The snapshot's index, made on first use. */
export function reviewIndex(catalog: Catalog): ReviewIndex {
  let index = INDEXES.get(catalog);
  if (!index) {
    index = new ReviewIndex(catalog);
    INDEXES.set(catalog, index);
  }
  return index;
}
