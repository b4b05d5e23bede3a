/** An internal grade as it is compared: its canonical spelling, its ladder and its place on it. */
export interface Grade {
  /** "G7" for "G07", "Grade 7" and "g7"; "Band 5" for "band-5"; "IC2/M1" as written. */
  key: string;
  /**
   * The ladder it belongs to: grades of one ladder are ordered among themselves, never against
   * another's ("G7" and "L4" are two ladders). "#" is bare numbers, "A–Z" single letters, and
   * "text" grades that carry no order ("Exec", "Intern").
   */
  ladder: string;
  /** Its place on the ladder, lowest first as written; null for text grades. */
  position: number | null;
}

/** Cells that say there is no grade. */
const NO_GRADE = new Set([
  '',
  '-',
  '--',
  'n/a',
  'na',
  'none',
  'null',
  'tbd',
  'tbc',
  '?',
  'not graded',
  'ungraded',
]);

/**
 * Prefixes that name the same ladder however an export spells them. One- and two-letter prefixes
 * that are not here ("IC", "M", "PG") are ladders of their own.
 */
const PREFIXES = new Map<string, string>([
  ['g', 'G'],
  ['gr', 'G'],
  ['grade', 'G'],
  ['l', 'L'],
  ['lv', 'L'],
  ['lvl', 'L'],
  ['level', 'L'],
  ['band', 'Band'],
  ['bd', 'Band'],
  ['step', 'Step'],
]);

const ROMAN = new Map([
  ['i', 1],
  ['ii', 2],
  ['iii', 3],
  ['iv', 4],
  ['v', 5],
  ['vi', 6],
  ['vii', 7],
  ['viii', 8],
  ['ix', 9],
  ['x', 10],
]);

/**
 * Reads a grade cell. Numbers ("7", "07"), a prefix and a number ("G7", "Grade 07", "L-4", "Band
 * 5", "Band IV", "IC3"), a sub-step letter ("G7A" just above "G7"), single letters ("C"), and
 * parallel grades ("IC2/M1", placed by their first part) are ordered; other words are kept as
 * text grades. Null when the cell says there is none.
 */
export function parseGrade(raw: string): Grade | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (NO_GRADE.has(text.toLowerCase())) return null;
  const parts = text.split(/\s*\/\s*/);
  if (parts.length > 1) {
    const first = parseOne(parts[0] ?? '');
    if (first.position === null) return { key: text, ladder: 'text', position: null };
    return {
      key: parts.map((p) => parseOne(p).key).join('/'),
      ladder: first.ladder,
      position: first.position,
    };
  }
  return parseOne(text);
}

function parseOne(text: string): Grade {
  if (/^\d+$/.test(text)) return { key: String(Number(text)), ladder: '#', position: Number(text) };
  if (/^[A-Za-z]$/.test(text)) {
    const letter = text.toUpperCase();
    return { key: letter, ladder: 'A–Z', position: letter.charCodeAt(0) - 64 };
  }
  const m = /^([A-Za-z]+)[ ._-]*(?:(\d+)([A-Za-z]?)|([IVXivx]+))$/.exec(text);
  if (m) {
    const word = (m[1] ?? '').toLowerCase();
    const roman = m[4] ? ROMAN.get(m[4].toLowerCase()) : undefined;
    const number = m[2] !== undefined ? Number(m[2]) : roman;
    // A prefix that is itself a roman numeral run ("IV") is not a ladder, and a long unknown word is text.
    if (number !== undefined && (PREFIXES.has(word) || word.length <= 3)) {
      const ladder = PREFIXES.get(word) ?? word.toUpperCase();
      const sub = (m[3] ?? '').toUpperCase();
      const position = number + (sub ? (sub.charCodeAt(0) - 64) / 100 : 0);
      const key = ladder.length > 2 ? `${ladder} ${number}${sub}` : `${ladder}${number}${sub}`;
      return { key, ladder, position };
    }
  }
  return { key: text, ladder: 'text', position: null };
}
