import type { Statement } from '../taxonomy.js';

/**
 * How a generated profile says that none of its sources describes work particular to a level.
 * Such a statement records a gap in the evidence; it is not a responsibility, so the panel never
 * scores it as content.
 */
export const DECLARED_GAP_PREFIX = 'No source states';

export function isDeclaredGap(statement: Statement): boolean {
  return statement.text.trimStart().startsWith(DECLARED_GAP_PREFIX);
}
