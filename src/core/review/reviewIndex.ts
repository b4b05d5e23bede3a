import type { Catalog } from '../catalog.js';
import { rowKey } from '../rowCitations.js';
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
 * What the panel reads more than once in a catalog snapshot, computed once per snapshot, a function
 * at a time and only for the functions it is asked about: each level's statements with their stems,
 * which statements of a focus's levels say the same, and which statement of another focus each one
 * is as true of. Reviewing every profile of a large catalog costs one pass over each function's
 * statements, not a comparison of each statement with all the others.
 */
class ReviewIndex {
  private readonly functions = new Map<string, FunctionReading>();

  constructor(private readonly catalog: Catalog) {}

  /** The focus's levels in ladder order (those with content). */
  levelsOf(focus: Focus): LevelReading[] {
    return this.read(focus.functionCode).levels.get(focus.code) ?? [];
  }

  /** The first statement of another focus of the function alike to this one at the generic threshold. */
  twinInOtherFocus(statement: StemmedStatement): StemmedStatement | undefined {
    return this.read(statement.focus.functionCode).twins.get(statement);
  }

  /** A function's focuses read at once: one encoding of their stems serves both comparisons. */
  private read(functionCode: string): FunctionReading {
    const known = this.functions.get(functionCode);
    if (known) return known;
    const focuses = this.catalog.focusesOf(functionCode);
    const levels = new Map(focuses.map((f) => [f.code, readLevels(f)]));
    const byFocus = focuses.map((f) => (levels.get(f.code) ?? []).flatMap((l) => l.statements));
    const statements = byFocus.flat();
    const codes = encodeStems(statements.map((s) => s.stems));
    let offset = 0;
    for (const [i, f] of focuses.entries()) {
      const count = byFocus[i]?.length ?? 0;
      linkAlike(levels.get(f.code) ?? [], codes.slice(offset, offset + count));
      offset += count;
    }
    const first = firstAlikeElsewhere(
      codes,
      byFocus.flatMap((list, i) => list.map(() => i)),
      RULES.generic,
    );
    const twins = new Map<StemmedStatement, StemmedStatement>();
    for (const [i, s] of statements.entries()) {
      const twin = statements[first[i] ?? -1];
      if (twin) twins.set(s, twin);
    }
    const reading = { levels, twins };
    this.functions.set(functionCode, reading);
    return reading;
  }
}

interface FunctionReading {
  levels: Map<string, LevelReading[]>;
  twins: Map<StemmedStatement, StemmedStatement>;
}

const readLevels = (focus: Focus) =>
  focus.levelCodes.flatMap((code) => {
    const content = focus.levels[code];
    return content ? [readLevel(focus, code, content)] : [];
  });

/**
 * Links each statement to those of the focus's other levels that say the same; `codes` are the
 * focus's statements encoded (encodeStems.ts), in level order.
 */
function linkAlike(levels: LevelReading[], codes: Int32Array[]): void {
  const statements = levels.flatMap((l) => l.statements);
  const levelOf = levels.flatMap((l, i) => l.statements.map(() => i));
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
    rows: new Set(statements.flatMap((s) => (s.statement.rows ?? []).map(rowKey))),
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
