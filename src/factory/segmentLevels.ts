import { type DocumentTree, type Section, walkSections } from './documentTree.js';

/** A level as the source document names it, before it is mapped to Canon's framework. */
export interface SourceLevel {
  /** The heading (or file title) that introduces the level, as written. */
  label: string;
  /** The document's own level code, e.g. "E1", "D3", "Manager 7"; null when it has none. */
  code: string | null;
  /** The job titles the document gives the level. */
  titles: string[];
  section: Section;
  /** Section titles from the document's root down to the level's heading. */
  path: string[];
}

const ROLE_WORDS =
  /\b(?:engineer|developer|programmer|manager|director|head|vp|vice president|president|chief|cto|cio|ciso|cpo|officer|lead|leader|architect|fellow|principal|staff|associate|analyst|consultant|scientist|designer|executive)\b/i;
/** "E1: Director of Engineering", "D1 - Developer 1", "EM5 — Engineering Manager 5". */
const CODED = /^(?<code>[A-Z]{1,4}-?\d{1,2})\s*(?:[:.–—-]|\s)\s*(?<title>.+)$/;
/** "Director of Engineering (Manager 7)", "CTO (C-Suite)". */
const PARENTHESIZED = /^(?<title>[^()]+?)\s*\((?<alias>[^()]+)\)$/;
/** Canon's own profile pages: "M3this profile". */
const CANON_CHIP = /^(?<code>[PME]\d)\s*this profile$/i;
/** Parts of a ladder that describe it rather than one of its levels. */
const NOT_A_LEVEL =
  /\b(?:summary|overview|at a glance|introduction|related|other pages|faq|how .* work|considerations|differences|philosophy|principles)\b/i;

const clean = (text: string) =>
  text
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** One level heading's reading, or null when the heading names no level. */
export function readLevelHeading(heading: string): Omit<SourceLevel, 'section' | 'path'> | null {
  const text = clean(heading);
  if (!text || text.length > 120 || NOT_A_LEVEL.test(text)) return null;
  const chip = CANON_CHIP.exec(text);
  if (chip?.groups?.code) return { label: text, code: chip.groups.code.toUpperCase(), titles: [] };
  const coded = CODED.exec(text);
  if (coded?.groups?.code && coded.groups.title && ROLE_WORDS.test(coded.groups.title))
    return { label: text, code: coded.groups.code, titles: [coded.groups.title.trim()] };
  const paren = PARENTHESIZED.exec(text);
  if (paren?.groups?.title && paren.groups.alias && ROLE_WORDS.test(paren.groups.title)) {
    const alias = paren.groups.alias.trim();
    // A numbered alias is the company's level code; any other alias is one more name for the role.
    return /\d/.test(alias)
      ? { label: text, code: alias, titles: [paren.groups.title.trim()] }
      : { label: text, code: null, titles: [paren.groups.title.trim(), alias] };
  }
  return null;
}

/**
 * Finds the sections of a document that each describe one level. Level
 * headings are read at every depth; the depth holding most of them wins, so a
 * level's own sub-headings are never taken for levels.
 */
export function segmentLevels(tree: DocumentTree): SourceLevel[] {
  const found: SourceLevel[] = [];
  for (const [section, path] of walkSections(tree.root)) {
    if (!section.heading) continue;
    const reading = readLevelHeading(section.title);
    if (reading) found.push({ ...reading, section, path });
  }
  const byDepth = new Map<number, number>();
  for (const l of found) byDepth.set(l.section.depth, (byDepth.get(l.section.depth) ?? 0) + 1);
  const [depth] = [...byDepth].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [];
  return found.filter((l) => l.section.depth === depth);
}

/**
 * A document describing a single role or level (a job description, or one
 * file of a ladder kept as one file per level): the whole document is that
 * level, named by its front-matter title or its title.
 */
export function wholeDocumentLevel(tree: DocumentTree): SourceLevel | null {
  const named = typeof tree.meta.title === 'string' ? tree.meta.title : tree.title;
  const role = roleTitle(clean(named));
  if (!role) return null;
  return { label: role, code: null, titles: [role], section: tree.root, path: [] };
}

/** "Key Responsibilities and Required Skills for Chief of Technology" → "Chief of Technology". */
function roleTitle(text: string): string | null {
  const forRole = /\b(?:for|as|of an?|:)\s+(?:an?\s+|the\s+)?(?<role>[^,:]+)$/i.exec(text)?.groups?.role;
  for (const candidate of [forRole, text])
    if (candidate && ROLE_WORDS.test(candidate) && !NOT_A_LEVEL.test(candidate)) return candidate.trim();
  return null;
}
