import type { Track } from '../core/levels.js';
import { normalizeTitle } from '../resolve/normalizeTitle.js';
import { readSeniority } from '../resolve/readSeniority.js';
import { type Block, type DocumentTree, type Section, stripMarks, walkSections } from './documentTree.js';

/** How senior one of a level's titles reads, read once here for every later step. */
export interface TitleSeniority {
  title: string;
  /** The canonical level code the title's words read as (P2 when none says). */
  level: string;
  /** Whether a word of the title says how senior it is. */
  stated: boolean;
  cues: string[];
}

/** A level as the source document names it, before it is mapped to Canon's framework. */
export interface SourceLevel extends FoundLevel {
  /** Its most senior stated title's reading, else its first title's; null when it has no title. */
  seniority: TitleSeniority | null;
}

interface FoundLevel {
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
  /\b(?:summary|overview|at a glance|introduction|related|other pages|faq|how .* work|considerations|differences|philosophy|principles|vs\.?|versus)\b/i;

/** One level heading's reading, or null when the heading names no level. */
export function readLevelHeading(heading: string): Omit<FoundLevel, 'section' | 'path'> | null {
  const text = stripMarks(heading);
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
 * Finds the sections of a document that each describe one level. Headings that
 * carry a level code ("E1: …", "… (Manager 7)") are read at every depth; the
 * depth holding most of them wins, so a level's own sub-headings are never
 * taken for levels. Plain job-title headings ("VP of Engineering") count as
 * levels beside coded siblings, or on their own when two or more siblings are
 * job titles.
 */
export function segmentLevels(tree: DocumentTree): SourceLevel[] {
  return findLevels(tree).map(withSeniority);
}

function findLevels(tree: DocumentTree): FoundLevel[] {
  const all = [...walkSections(tree.root)].filter(([s]) => s.heading);
  const parentOf = new Map<Section, Section>();
  for (const [s] of walkSections(tree.root)) for (const child of s.children) parentOf.set(child, s);
  const coded: FoundLevel[] = [];
  for (const [section, path] of all) {
    const reading = readLevelHeading(section.title);
    if (reading) coded.push({ ...reading, section, path });
  }
  const plain = (section: Section, path: string[]): FoundLevel | null => {
    const text = stripMarks(section.title);
    return ROLE_WORDS.test(text) && !NOT_A_LEVEL.test(text) && text.length <= 80
      ? { label: text, code: null, titles: [text], section, path }
      : null;
  };
  if (coded.length > 0) {
    const byDepth = new Map<number, number>();
    for (const l of coded) byDepth.set(l.section.depth, (byDepth.get(l.section.depth) ?? 0) + 1);
    const [depth] = [...byDepth].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [];
    const parents = new Set(
      coded.filter((l) => l.section.depth === depth).map((l) => parentOf.get(l.section)),
    );
    return all.flatMap(([section, path]) => {
      if (section.depth !== depth || !parents.has(parentOf.get(section))) return [];
      const level = coded.find((l) => l.section === section) ?? plain(section, path);
      return level ? [level] : [];
    });
  }
  const columns = tableLevels(tree);
  if (columns.length > 0) return columns;
  const groups = new Map<Section | undefined, FoundLevel[]>();
  for (const [section, path] of all) {
    const level = plain(section, path);
    if (level) groups.set(parentOf.get(section), [...(groups.get(parentOf.get(section)) ?? []), level]);
  }
  return [...groups.values()].filter((g) => g.length >= 2).sort((a, b) => b.length - a.length)[0] ?? [];
}

/**
 * A document describing a single role or level (a job description, or one
 * file of a ladder kept as one file per level): the whole document is that
 * level, named by its front-matter title or its title, with the level code the title gives.
 */
export function wholeDocumentLevel(tree: DocumentTree): SourceLevel | null {
  const named = stripMarks(typeof tree.meta.title === 'string' ? tree.meta.title : tree.title);
  // A title with the company's level code ("L3: Senior Engineer", "Senior Engineer (L3)") keeps it.
  const coded = readLevelHeading(named);
  if (coded?.code && coded.titles.length > 0)
    return withSeniority({ ...coded, section: tree.root, path: [] });
  const role = roleTitle(named);
  if (!role) return null;
  return withSeniority({ label: role, code: null, titles: [role], section: tree.root, path: [] });
}

/**
 * A page about one level whose title is that level's heading ("Senior Engineer (L3)"): the level is
 * the whole page, not only the title's section — in text copied from the page, the sections after
 * the title are its siblings, not its children. Null unless the page's only level is its first heading.
 */
export function wholePageLevel(tree: DocumentTree, levels: readonly SourceLevel[]): SourceLevel | null {
  const [only] = levels;
  if (!only || levels.length > 1) return null;
  const first = tree.root.children[0];
  return first && only.section === first && tree.root.blocks.length === 0
    ? { ...only, section: tree.root, path: [] }
    : null;
}

/** "Key Responsibilities and Required Skills for Chief of Technology" → "Chief of Technology". */
function roleTitle(text: string): string | null {
  const forRole = /\b(?:for|as|of an?|:)\s+(?:an?\s+|the\s+)?(?<role>[^,:]+)$/i.exec(text)?.groups?.role;
  for (const candidate of [forRole, text])
    if (candidate && ROLE_WORDS.test(candidate) && !NOT_A_LEVEL.test(candidate)) return candidate.trim();
  return null;
}

/** A bare level code as a table header: "L3", "E1", "IC4". */
const BARE_CODE = /^[A-Z]{1,4}-?\d{1,2}$/;

/**
 * Ladders kept as one table, one column per level: the header row names the
 * levels; each later row is an attribute (its first cell says which), and a
 * level's cell in that row is what the ladder says of it there.
 */
function tableLevels(tree: DocumentTree): FoundLevel[] {
  for (const [section, path] of walkSections(tree.root)) {
    const rows = section.blocks.filter((b) => b.kind === 'row' && b.cells && b.cellSpans);
    const [header, ...body] = rows;
    if (!header?.cells || !header.cellSpans || body.length === 0) continue;
    const levels: FoundLevel[] = [];
    /** Per level column, the track its title's seniority grades; null when it carries a level code. */
    const graded: (Track | null)[] = [];
    header.cells.forEach((cell, j) => {
      if (j === 0) return;
      const text = stripMarks(cell);
      const reading = readLevelHeading(text);
      // A column is a level when it carries a level code or a title that says how senior; plain job
      // titles side by side ("Developer | Tech Lead | Manager") are tracks, not levels.
      const seniority =
        ROLE_WORDS.test(text) && !NOT_A_LEVEL.test(text) ? readSeniority(normalizeTitle(text).words) : null;
      const coded = Boolean(reading?.code) || BARE_CODE.test(text);
      const span = header.cellSpans?.[j];
      if (!(coded || seniority?.stated) || !span) return;
      graded.push(coded ? null : (seniority?.level.track ?? null));
      const heading: Block = {
        kind: 'heading',
        text,
        depth: section.depth + 1,
        start: span[0],
        end: span[1],
      };
      const children: Section[] = body.flatMap((row) => {
        const value = row.cells?.[j];
        const at = row.cellSpans?.[j];
        if (!value || !at) return [];
        const item: Block = { kind: 'item', text: value, depth: 0, start: at[0], end: at[1] };
        return [
          {
            title: row.cells?.[0] ?? '',
            depth: section.depth + 2,
            heading: null,
            blocks: [item],
            children: [],
          },
        ];
      });
      const levelSection: Section = { title: text, depth: section.depth + 1, heading, blocks: [], children };
      levels.push({
        label: text,
        code: reading?.code ?? (BARE_CODE.test(text) ? text : null),
        titles: reading?.titles ?? (ROLE_WORDS.test(text) ? [text] : []),
        section: levelSection,
        path: [...path, text],
      });
    });
    // Titles that each grade a track of their own ("Tech Lead" P, "Manager" M) compare tracks: a ladder
    // has two columns graded alike, by level codes or by titles on one track.
    const ladder = new Set(graded).size < graded.length;
    if (ladder && levels.length >= 2 && levels.length / (header.cells.length - 1) >= 0.6) return levels;
  }
  return [];
}

/**
 * Reads each title's seniority and keeps the most senior stated one (else the first): the crosswalk
 * places the level from it, so no later step reads the titles again.
 */
function withSeniority(level: FoundLevel): SourceLevel {
  let best: TitleSeniority | null = null;
  let bestRank = -1;
  for (const title of level.titles) {
    const s = readSeniority(normalizeTitle(title).words);
    if (s.stated && (!best?.stated || s.level.rank > bestRank)) {
      best = { title, level: s.level.code, stated: true, cues: s.cues };
      bestRank = s.level.rank;
    } else if (!best) {
      best = { title, level: s.level.code, stated: s.stated, cues: s.cues };
      bestRank = s.level.rank;
    }
  }
  return { ...level, seniority: best };
}
