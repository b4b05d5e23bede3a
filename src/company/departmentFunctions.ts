import type { Catalog } from '../core/catalog.js';

/** What a department cell says about the Canon function of the jobs in it. */
export interface DepartmentReading {
  department: string;
  functions: { code: string; name: string }[];
  /**
   * Per function, the department's words that point there, written out ("financial planning" for
   * "FP&A"): the resolver reads them before a title too generic to place alone ("Analyst").
   */
  phrases: Map<string, string>;
  /**
   * The function words the department names ("sales", "engineering"): a focus named with one of
   * them agrees with the department in whatever function it sits (Canon keeps "Marketing and
   * Sales Managers" in Marketing & Communications).
   */
  words: Set<string>;
  reason: string;
}

/**
 * How HR systems spell departments, written out, with the words of Canon's function names they
 * point to ("|" between alternatives: software engineers sit in Engineering, their architects and
 * managers in Technology Leadership). The function
 * words are looked up in the catalog's own function names, so a taxonomy without such a function
 * simply gets no steer. Longer spellings are tried first.
 */
const SPELLINGS: readonly [string, string, string][] = [
  ['human resources', 'human resources', 'people hr'],
  ['people ops', 'human resources', 'people hr'],
  ['people operations', 'human resources', 'people hr'],
  ['people', 'human resources', 'people hr'],
  ['hr', 'human resources', 'people hr'],
  ['talent acquisition', 'recruiting', 'people hr'],
  ['talent', 'human resources', 'people hr'],
  ['recruiting', 'recruiting', 'people hr'],
  ['recruitment', 'recruiting', 'people hr'],
  ['total rewards', 'compensation benefits', 'people hr'],
  ['compensation', 'compensation', 'people hr'],
  ['benefits', 'benefits', 'people hr'],
  ['fp&a', 'financial planning', 'finance'],
  ['fpa', 'financial planning', 'finance'],
  ['finance', 'finance', 'finance'],
  ['fin', 'finance', 'finance'],
  ['acctg', 'accounting', 'accounting'],
  ['accounting', 'accounting', 'accounting'],
  ['accounts payable', 'accounts payable', 'accounting'],
  ['accounts receivable', 'accounts receivable', 'accounting'],
  ['treasury', 'treasury', 'finance'],
  ['tax', 'tax', 'finance'],
  ['controllership', 'accounting', 'accounting'],
  ['payroll', 'payroll', 'finance|people hr'],
  ['r&d', 'engineering', 'engineering|technology'],
  ['rnd', 'engineering', 'engineering|technology'],
  ['product development', 'software', 'engineering|technology'],
  ['engineering', 'engineering', 'engineering|technology'],
  ['eng', 'engineering', 'engineering|technology'],
  ['software', 'software', 'engineering|technology'],
  ['platform', 'software', 'engineering|technology'],
  ['information technology', 'information technology', 'it|technology'],
  ['it', 'information technology', 'it|technology'],
  ['infosec', 'information security', 'it'],
  ['service desk', 'it support', 'it'],
  ['helpdesk', 'it support', 'it'],
  ['help desk', 'it support', 'it'],
  ['infrastructure', 'it', 'it|technology'],
  ['infra', 'it', 'it|technology'],
  ['business intelligence', 'data', 'data analytics'],
  ['bi', 'data', 'data analytics'],
  ['analytics', 'data', 'data analytics'],
  ['data science', 'data science', 'data analytics'],
  ['data', 'data', 'data analytics'],
  ['inside sales', 'sales', 'sales'],
  ['sales', 'sales', 'sales'],
  ['business development', 'sales', 'sales'],
  ['bizdev', 'sales', 'sales'],
  ['commercial', 'sales', 'sales'],
  ['revenue', 'sales', 'sales'],
  ['account management', 'sales', 'sales'],
  ['marketing', 'marketing', 'marketing'],
  ['mktg', 'marketing', 'marketing'],
  ['brand', 'marketing', 'marketing'],
  ['communications', 'communications', 'marketing communications'],
  ['comms', 'communications', 'marketing communications'],
  ['customer success', 'customer success', 'customer success'],
  ['cust success', 'customer success', 'customer success'],
  ['customer support', 'customer service', 'customer success'],
  ['customer service', 'customer service', 'customer success'],
  ['customer care', 'customer service', 'customer success'],
  ['cx', 'customer service', 'customer success'],
  ['client services', 'customer service', 'customer success'],
  ['legal', 'legal', 'legal'],
  ['compliance', 'compliance', 'compliance'],
  ['contracts', 'legal', 'legal'],
  ['supply chain', 'supply chain', 'supply chain'],
  ['procurement', 'procurement', 'operations supply chain'],
  ['purchasing', 'purchasing', 'operations supply chain'],
  ['sourcing', 'purchasing', 'operations supply chain'],
  ['operations', 'operations', 'operations|transportation logistics'],
  ['ops', 'operations', 'operations|transportation logistics'],
  ['planning', 'planning', 'operations'],
  ['warehouse', 'warehouse', 'transportation logistics|operations supply chain'],
  ['whse', 'warehouse', 'transportation logistics|operations supply chain'],
  ['distribution center', 'warehouse', 'transportation logistics|operations supply chain'],
  ['distribution', 'distribution', 'transportation logistics|operations supply chain'],
  ['fulfillment', 'warehouse', 'transportation logistics|operations supply chain'],
  ['fulfilment', 'warehouse', 'transportation logistics|operations supply chain'],
  ['logistics', 'logistics', 'transportation logistics|operations supply chain'],
  ['shipping', 'shipping', 'transportation logistics|operations supply chain'],
  ['transportation', 'transportation', 'transportation logistics|operations supply chain'],
  ['fleet', 'transportation', 'transportation logistics|operations supply chain'],
  ['manufacturing', 'manufacturing', 'manufacturing production'],
  ['production', 'production', 'manufacturing production'],
  ['plant', 'production', 'manufacturing production'],
  ['facilities', 'facilities', 'facilities|operations'],
  ['maintenance', 'maintenance', 'maintenance repair'],
  ['exec office', 'executive', 'executive'],
  ['office of the ceo', 'executive', 'executive'],
  ['executive', 'executive', 'executive'],
  ['leadership', 'executive', 'executive'],
  ['administration', 'administrative', 'administrative'],
  ['admin', 'administrative', 'administrative'],
  ['design', 'design', 'design|arts'],
  ['ux', 'design', 'design'],
  ['creative', 'design', 'design|arts'],
];

/**
 * Words of function names that name no one kind of work ("Customer Success & Support",
 * "Administrative Support"; "IT & Security", "Public Safety & Security"): matched alone they
 * would steer to every function that has them.
 */
const SHARED_WORDS = new Set([
  'and',
  'services',
  'support',
  'security',
  'general',
  'management',
  'care',
  'other',
]);

/**
 * Reads department cells as Canon functions of a catalog: a department's words, its HR spellings
 * written out ("Whse Ops - DC2" is warehouse operations), are matched to the words of the
 * catalog's function names; when none matches, to the focus names of one function alone
 * ("Payroll" is a focus of Finance & Accounting). Codes, numbers and places are left aside.
 * Answers are remembered per cell, as exports repeat departments on every row.
 */
export class DepartmentFunctions {
  private readonly byWord = new Map<string, Set<string>>();
  private readonly byFocusWord = new Map<string, Set<string>>();
  private readonly names = new Map<string, string>();
  private readonly focusWords = new Map<string, Set<string>>();
  private readonly memo = new Map<string, DepartmentReading>();

  constructor(catalog: Catalog) {
    for (const fn of catalog.functions) {
      this.names.set(fn.code, fn.name);
      for (const word of wordsOf(fn.name)) add(this.byWord, word, fn.code);
      for (const focus of catalog.focusesOf(fn.code)) {
        this.focusWords.set(focus.code, new Set(wordsOf(focus.name)));
        for (const word of wordsOf(focus.name)) add(this.byFocusWord, word, fn.code);
      }
    }
  }

  /** Whether a focus is one the department points to: in one of its functions, or named with one of its words. */
  agrees(reading: DepartmentReading, focusCode: string, functionCode: string): boolean {
    if (reading.functions.some((f) => f.code === functionCode)) return true;
    const words = this.focusWords.get(focusCode);
    return words !== undefined && [...reading.words].some((w) => words.has(w));
  }

  read(department: string): DepartmentReading {
    const known = this.memo.get(department);
    if (known) return known;
    const reading = this.compute(department);
    this.memo.set(department, reading);
    return reading;
  }

  private compute(department: string): DepartmentReading {
    const tokens = tokensOf(department);
    const found = new Map<string, { phrase: string; via: string }>();
    const words = new Set<string>();
    const notes: string[] = [];
    let i = 0;
    while (i < tokens.length) {
      const spelled = longestSpelling(tokens, i);
      if (spelled) {
        const [spelling, phrase, functionWords] = spelled.entry;
        const codes = this.functionsFor(functionWords);
        for (const w of functionWords.split(/[| ]/)) if (!SHARED_WORDS.has(w)) words.add(w);
        for (const code of codes) if (!found.has(code)) found.set(code, { phrase, via: spelling });
        if (codes.length) notes.push(`“${spelling}” → ${codes.map((c) => this.names.get(c)).join(', ')}`);
        i += spelled.length;
        continue;
      }
      const word = tokens[i] ?? '';
      const codes = SHARED_WORDS.has(word) ? [] : [...(this.byWord.get(word) ?? [])];
      for (const code of codes) if (!found.has(code)) found.set(code, { phrase: word, via: word });
      if (codes.length) {
        words.add(word);
        notes.push(`“${word}” → ${codes.map((c) => this.names.get(c)).join(', ')}`);
      }
      i++;
    }
    if (!found.size)
      for (const word of tokens) {
        const codes = this.byFocusWord.get(word);
        if (codes?.size !== 1 || SHARED_WORDS.has(word)) continue;
        const code = [...codes][0] ?? '';
        if (!found.has(code)) {
          found.set(code, { phrase: word, via: word });
          notes.push(`“${word}”, a word of one function's focuses → ${this.names.get(code)}`);
        }
      }
    const functions = [...found.keys()].map((code) => ({ code, name: this.names.get(code) ?? code }));
    return {
      department,
      functions,
      phrases: new Map([...found].map(([code, f]) => [code, f.phrase])),
      words,
      reason: functions.length
        ? notes.join('; ')
        : department.trim()
          ? `no word of ${JSON.stringify(department)} names a Canon function`
          : 'no department',
    };
  }

  /** The functions named by any of the alternatives, each matching a function whose name holds all its words. */
  private functionsFor(alternatives: string): string[] {
    return [...new Set(alternatives.split('|').flatMap((words) => this.functionsWithWords(words)))];
  }

  /** The functions whose names hold every one of the words (all of "people hr", or "transportation logistics"). */
  private functionsWithWords(functionWords: string): string[] {
    const words = functionWords.split(' ');
    const sets = words.map((w) => this.byWord.get(w) ?? new Set<string>());
    const all = [...(sets[0] ?? [])].filter((code) => sets.every((set) => set.has(code)));
    if (all.length) return all;
    // Else any one of the words ("people hr" in a taxonomy that says "Human Resources" and "People Operations").
    return [...new Set(words.flatMap((w) => (SHARED_WORDS.has(w) ? [] : [...(this.byWord.get(w) ?? [])])))];
  }
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** A name's words, lower case, "&" and commas aside. */
function wordsOf(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 1);
}

/** A department cell's words: "&" kept inside a word ("fp&a", "r&d"), numbers and codes with digits left out. */
function tokensOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9&]+/)
    .map((t) => t.replace(/^&+|&+$/g, ''))
    .filter((t) => t && !/\d/.test(t));
}

const MAX_SPELLING_WORDS = Math.max(...SPELLINGS.map(([s]) => s.split(' ').length));

function longestSpelling(
  tokens: readonly string[],
  at: number,
): { entry: readonly [string, string, string]; length: number } | null {
  for (let n = Math.min(MAX_SPELLING_WORDS, tokens.length - at); n >= 1; n--) {
    const phrase = tokens.slice(at, at + n).join(' ');
    const entry = SPELLING_INDEX.get(phrase);
    if (entry) return { entry, length: n };
  }
  return null;
}

const SPELLING_INDEX = new Map(SPELLINGS.map((s) => [s[0], s] as const));
