import type { Claim, ClaimKind, YearsValue } from '../core/evidence.js';
import { type Block, type DocumentTree, type Section, stripMarks } from './documentTree.js';
import type { SourceLevel } from './segmentLevels.js';

const YEARS = /(\d{1,2})\s*(?:(?:-|–|—|to)\s*(\d{1,2}))?\s*(\+)?\s*(?:\+\s*)?years?/i;
const TRANSITION_TEXT =
  /\b(?:progression|promotion|moving|move|transition)\s+from\s+([A-Z]{1,4}\d{1,2})\b[^.]*?(\d{1,2}\s*(?:-|–|to)\s*\d{1,2}\s*\+?\s*years?)/i;
const LEVEL_PAIR = /^([A-Z]{1,4}\d{1,2})\s*(?:→|->|to|–|—)\s*([A-Z]{1,4}\d{1,2})$/;
const EXPERIENCE =
  /\bexperience\b|\byears? (?:of|in) (?:professional|industry|engineering|technology|management|leadership)\b/i;
const MONEY = /(?:[$€£]\s?\d[\d,.]*\s?[kKmM]?)|(?:\b\d[\d,.]*\s?(?:USD|EUR|GBP)\b)/;

/** How a sub-heading under a level classifies what follows it. */
const SECTION_KINDS: [RegExp, ClaimKind, string | null][] = [
  [/\b(?:soft|interpersonal|behaviou?ral|people) skills?\b/i, 'skill', 'soft'],
  [/\b(?:hard|technical) skills?\b/i, 'skill', 'hard'],
  [/\bskills?\b|\bcompetenc|\bproficienc|\bexpertise\b|\btechnolog(?:y|ies) stack\b/i, 'skill', null],
  [/\beducat|\bdegree|\bqualificat|\bfields? of study|\bcertific/i, 'education', null],
  [/\bentry\b|\bcoming from\b|\bprevious roles?\b|\bfeeder\b/i, 'career_path', 'entry_from'],
  [
    /\badvancement\b|\bpromotion\b|\bnext (?:role|level)s?\b|\bprogress(?:es|ion) to\b/i,
    'career_path',
    'advancement_to',
  ],
  [/\blateral\b/i, 'career_path', 'lateral'],
  [/\bkey shift\b|\btimelines?\b|\btransitions?\b/i, 'transition', null],
  [/\bexperience\b|\byears\b/i, 'experience', null],
  [/\bsalary|\bcompensation|\bpay\b|\bbonus|\bequity\b/i, 'pay', null],
];

/**
 * Every claim a document makes, each with its span. Blocks under a level's
 * section belong to that level and take their kind from the sub-heading they
 * sit under; other blocks speak of the ladder as a whole (transitions tables,
 * summaries).
 */
export function extractClaims(tree: DocumentTree, levels: readonly SourceLevel[]): Claim[] {
  const claims: Claim[] = [];
  const owner = new Map<Section, SourceLevel>(levels.map((l) => [l.section, l]));
  const visited = new Set<Section>();
  const visit = (
    section: Section,
    path: string[],
    level: SourceLevel | null,
    context: [ClaimKind, string | null] | null,
  ) => {
    visited.add(section);
    const here = section.heading ? [...path, stripMarks(section.title)] : path;
    const own = owner.get(section) ?? null;
    const current = own ?? level;
    const kind = own ? null : (sectionKind(section.title) ?? context);
    if (own) {
      for (const title of own.titles) {
        // A whole-document level has no heading of its own: point at where the title first appears
        // from the page's first heading on (before it, a saved page's <title> and menus name it too).
        const from = tree.root.children[0]?.heading?.start ?? 0;
        const found = tree.text.indexOf(title, from);
        const at = found >= 0 ? found : tree.text.indexOf(title);
        const span = section.heading ?? { start: Math.max(at, 0), end: at >= 0 ? at + title.length : 0 };
        claims.push(claimOf('title', null, title, own, here, span));
      }
    }
    section.blocks.forEach((block, i) => {
      claims.push(...blockClaims(block, i, current, here, kind, Boolean(own)));
    });
    for (const child of section.children) visit(child, here, current, kind);
  };
  visit(tree.root, [], null, null);
  // Levels read from a table's columns are sections of their own, outside the heading tree.
  for (const level of levels)
    if (!visited.has(level.section)) visit(level.section, level.path.slice(0, -1), null, null);
  return claims;
}

function blockClaims(
  block: Block,
  index: number,
  level: SourceLevel | null,
  path: string[],
  context: [ClaimKind, string | null] | null,
  directlyUnderLevel: boolean,
): Claim[] {
  const out: Claim[] = [];
  const text = block.text;
  const transition = TRANSITION_TEXT.exec(text);
  if (transition?.[1] && level) {
    out.push({
      ...claimOf('transition', null, text, level, path, block),
      from: transition[1],
      to: level.code ?? level.label,
      years: yearsIn(transition[2] ?? '') ?? undefined,
    });
  }
  if (block.kind === 'row') {
    const [first = '', second = ''] = block.cells ?? [];
    const pair = LEVEL_PAIR.exec(first.trim());
    if (pair?.[1] && pair[2]) {
      out.push({
        ...claimOf('transition', null, text, null, path, block),
        from: pair[1],
        to: pair[2],
        ...(yearsIn(second) ? { years: yearsIn(second) as YearsValue } : {}),
      });
      return out;
    }
  }
  if (!level) return out;
  const [kind, subtype] = context ?? [null, null];
  // "1-3 years ahead" is a horizon, not experience: years count only where experience is the subject.
  const years =
    kind === 'experience' || EXPERIENCE.test(text)
      ? yearsIn(transition ? text.replace(transition[0], '') : text)
      : null;
  if (years) out.push({ ...claimOf('experience', null, text, level, path, block), years });
  if (MONEY.test(text) && /\d{2}/.test(text)) out.push(claimOf('pay', null, text, level, path, block));
  if (kind === 'experience' || kind === 'pay') return out;
  if (kind === 'transition') {
    const from = /\bfrom\s+([A-Z]{1,4}\d{1,2})\b/.exec(path.at(-1) ?? '')?.[1];
    if (!transition)
      out.push({
        ...claimOf('transition', null, text, level, path, block),
        ...(from ? { from } : {}),
        to: level.code ?? level.label,
      });
    return out;
  }
  if (kind) out.push(claimOf(kind, subtype, text, level, path, block));
  else if (block.kind === 'item') out.push(claimOf('responsibility', null, text, level, path, block));
  else if (block.kind === 'paragraph' && (directlyUnderLevel || index === 0))
    out.push(claimOf('level_definition', null, text, level, path, block));
  return out;
}

function sectionKind(title: string): [ClaimKind, string | null] | null {
  for (const [pattern, kind, subtype] of SECTION_KINDS) if (pattern.test(title)) return [kind, subtype];
  return null;
}

function claimOf(
  kind: ClaimKind,
  subtype: string | null,
  text: string,
  level: SourceLevel | null,
  path: string[],
  block: Pick<Block, 'start' | 'end'>,
): Claim {
  return {
    kind,
    subtype,
    text: stripMarks(text),
    level: level?.label ?? null,
    sectionPath: path,
    start: block.start,
    end: block.end,
  };
}

export function yearsIn(text: string): YearsValue | null {
  const m = YEARS.exec(text);
  if (!m?.[1]) return null;
  const min = Number(m[1]);
  const max = m[2] ? Number(m[2]) : null;
  if (max !== null && max < min) return null;
  return { min, max, openEnded: Boolean(m[3]) || max === null };
}
