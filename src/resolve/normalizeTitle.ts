/**
 * Turns a raw job title into lower-case words with abbreviations spelled out
 * and noise removed (locations, work arrangements, shifts, pay, requisition
 * numbers, clearances, internal job codes). What was removed is kept, so an
 * explanation can show it.
 */
export interface NormalizedTitle {
  raw: string;
  words: string[];
  removed: string[];
}

const ABBREVIATION_LIST: Record<string, string> = {
  sr: 'senior',
  snr: 'senior',
  jr: 'junior',
  mgr: 'manager',
  mngr: 'manager',
  dir: 'director',
  gm: 'general manager',
  pres: 'president',
  supt: 'superintendent',
  supv: 'supervisor',
  supvr: 'supervisor',
  lvl: 'level',
  vp: 'vice president',
  svp: 'senior vice president',
  evp: 'executive vice president',
  avp: 'assistant vice president',
  eng: 'engineer',
  engr: 'engineer',
  swe: 'software engineer',
  sde: 'software development engineer',
  sdet: 'software development engineer in test',
  sre: 'site reliability engineer',
  qa: 'quality assurance',
  qc: 'quality control',
  pm: 'project manager',
  hr: 'human resources',
  it: 'information technology',
  dev: 'developer',
  devs: 'developers',
  admin: 'administrator',
  assoc: 'associate',
  asst: 'assistant',
  mgmt: 'management',
  ops: 'operations',
  sys: 'systems',
  dba: 'database administrator',
  db: 'database',
  bi: 'business intelligence',
  ml: 'machine learning',
  ui: 'user interface',
  ux: 'user experience',
  acct: 'accountant',
  exec: 'executive',
  prin: 'principal',
  mts: 'member of technical staff',
  cto: 'chief technology officer',
  cio: 'chief information officer',
  ceo: 'chief executive officer',
  cfo: 'chief financial officer',
  coo: 'chief operating officer',
  cpo: 'chief product officer',
  ciso: 'chief information security officer',
  cmo: 'chief marketing officer',
  chro: 'chief human resources officer',
  rn: 'registered nurse',
  lpn: 'licensed practical nurse',
  cpa: 'certified public accountant',
  hvac: 'heating ventilation air conditioning',
  ba: 'business analyst',
  etl: 'etl',
};

// A Map, not the object: titles contain words like "constructor" that objects inherit.
const ABBREVIATIONS = new Map(Object.entries(ABBREVIATION_LIST));

/**
 * Words that never describe the job inside a title. Deliberately narrow: "remote", "contract", "shift"
 * and "job" also name jobs ("Remote Sensing Technician", "Contract Administrator", "Shift Supervisor",
 * "Job Coach"), so they are noise only in a trailing segment or a bracketed aside (NOISE_WORDS).
 */
const INLINE_NOISE = new Set([
  'wfh',
  'telecommute',
  'fulltime',
  'full-time',
  'parttime',
  'part-time',
  'w2',
  'c2c',
  'corp-to-corp',
  '1099',
  'urgent',
  'immediate',
  'hiring',
  'bonus',
  'sign-on',
  'signon',
  'relocation',
  'eoe',
  'm/f/d',
  'f/m/d',
  'm/w/d',
  'cleared',
  'polygraph',
  'clearance',
  'ts',
  'sci',
  'req',
  'requisition',
]);

/** Words that mark a trailing segment or a bracketed aside as noise: the inline ones and more. */
const NOISE_WORDS = new Set([
  ...INLINE_NOISE,
  'remote',
  'hybrid',
  'onsite',
  'on-site',
  'contract',
  'contractor',
  'temporary',
  'temp',
  'permanent',
  'perm',
  'needed',
  'opening',
  'paid',
  'weekly',
  'us',
  'usa',
  'u.s',
  'nationwide',
  'shift',
  'poly',
  'job',
  'id',
  'ref',
]);

const PHRASE_NOISE = [
  /\bfull[\s-]?time\b/g,
  /\bpart[\s-]?time\b/g,
  /\b(?:day|night|evening|overnight|weekend|rotating|1st|2nd|3rd|first|second|third)\s+shift\b/g,
  /\bsign[\s-]?on bonus\b/g,
  /\$\s?[\d,.]+\s*[kK]?(?:\s*(?:bonus|per hour|\/hr|\/hour|an hour|a year))?/g,
  /\bup to\b/g,
  /\b(?:top secret|ts\/sci|ts\s*sci|secret clearance|security clearance)\b/g,
  /\b(?:req(?:uisition)?|job)\s*(?:id|#|no\.?|number)?\s*[:#]?\s*[a-z]*-?\d+\b/g,
  /#\s*[a-z]*-?\d+/g,
  /\bwork from home\b/g,
];

/** Two-letter US state codes and state names: trailing location segments. */
const STATES = new Set(
  'al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming'.split(
    ' ',
  ),
);

/** An internal job code such as "JC65" or "R-10234": letters then digits, or digits then letters. */
const JOB_CODE = /^(?:[a-z]{1,3}-?\d{2,}|\d{3,}[a-z]*)$/;

const NON_ASCII = /[\u0080-\uffff]/;

/** `clean` skips the noise passes, for titles known to be clean (O*NET's own), which is much faster. */
export function normalizeTitle(raw: string, options: { clean?: boolean } = {}): NormalizedTitle {
  const removed: string[] = [];
  // Emptied brackets ("()" once "ts/sci" inside went) and empty segments ("Nurse, , TX") are not worth naming.
  const drop = (what: string) => {
    if (what.trim()) removed.push(what.trim());
  };
  // NFKC leaves ASCII as it is, and most titles are ASCII: the check costs less than the normalization.
  const folded = NON_ASCII.test(raw) ? raw.normalize('NFKC') : raw;
  let text = folded.toLowerCase().replace(/&/g, ' and ').replace(/[’']/g, '');
  if (options.clean) return { raw, words: splitWords(text, removed, true), removed };
  for (const pattern of PHRASE_NOISE) {
    text = text.replace(pattern, (m) => {
      drop(m);
      return ' ';
    });
  }
  // Bracketed asides ("(TS/SCI)", "[Remote]") are kept only when they hold words that are not noise.
  text = text.replace(/[([{]([^)\]}]*)[)\]}]/g, (_m, inner: string) => {
    const words = inner.split(/[\s/,;]+/).filter(Boolean);
    if (words.every((w) => NOISE_WORDS.has(w) || STATES.has(w) || JOB_CODE.test(w))) {
      drop(inner);
      return ' ';
    }
    return ` ${inner} `;
  });
  // Segments after " - ", "|" or a comma that are only places or noise go; others (", Platform Engineering") stay.
  const segments = text.split(/\s+[-–—|]\s+|\s*[|•]\s*|,\s*/);
  const kept = segments.filter((segment, i) => {
    const words = segment.split(/\s+/).filter(Boolean);
    const noise =
      words.length > 0 &&
      words.every((w) => NOISE_WORDS.has(w) || STATES.has(w) || JOB_CODE.test(w) || /^\d+$/.test(w));
    const nextIsState =
      (segments[i + 1] ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .every((w) => STATES.has(w)) && Boolean(segments[i + 1]?.trim());
    if (i > 0 && (noise || isPlace(words) || (nextIsState && words.length <= 2))) {
      drop(segment);
      return false;
    }
    return true;
  });
  return { raw, words: splitWords(kept.join(' '), removed), removed };
}

function splitWords(text: string, removed: string[], clean = false): string[] {
  const words: string[] = [];
  for (const token of text.split(/[\s/,;:()[\]{}"!?*+]+/)) {
    const w = token.replace(/^[-.]+|[-.]+$/g, '').replace(/\.$/, '');
    if (!w) continue;
    if (!clean && (INLINE_NOISE.has(w) || JOB_CODE.test(w))) {
      removed.push(w);
      continue;
    }
    const expanded = ABBREVIATIONS.get(w.includes('.') ? w.replace(/\./g, '') : w);
    const dotted = !expanded && w.includes('.') ? joinedAbbreviation(w) : null;
    if (expanded) words.push(...expanded.split(' '));
    else if (dotted) words.push(...dotted);
    else if (w.includes('-')) words.push(...w.split('-').filter(Boolean));
    else words.push(w);
  }
  return words;
}

/**
 * "sr.data" → senior data: a known abbreviation run into the next word by its dot. Other dotted words
 * ("asp.net", "node.js") are left as they are.
 */
function joinedAbbreviation(word: string): string[] | null {
  const parts = word.split('.');
  if (!ABBREVIATIONS.has(parts[0] ?? '') || !parts.every((p) => /^[a-z]{2,}$/.test(p))) return null;
  return parts.flatMap((p) => (ABBREVIATIONS.get(p) ?? p).split(' '));
}

/** "Austin TX", "New York", "Remote US": short segments made of a state or words around one. */
function isPlace(words: string[]): boolean {
  return (
    words.length > 0 &&
    words.length <= 3 &&
    words.some((w) => STATES.has(w)) &&
    !words.some((w) => w.length > 3 && ABBREVIATIONS.has(w))
  );
}
