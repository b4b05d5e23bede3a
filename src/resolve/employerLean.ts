/** The 23 SOC 2018 major groups, by their two digits. */
const MAJOR_GROUPS = '11 13 15 17 19 21 23 25 27 29 31 33 35 37 39 41 43 45 47 49 51 53 55'.split(' ');
/** Words of company names that say nothing of the line of business. */
const LEGAL_WORDS = new Set(
  'inc llc corp corporation ltd co company the lp llp pc pllc usa us of and group america americas na international holdings'.split(
    ' ',
  ),
);
/** Smoothing: a word an employer's titles never carried in a group counts as this fraction of one. */
const ALPHA = 0.5;

/** The words of a company name that may say what it does. */
export const employerWords = (employer: string): string[] => [
  ...new Set(
    employer
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1 && !LEGAL_WORDS.has(w)),
  ),
];

/**
 * Which SOC major groups an employer's titles lean to, learned from labelled titles with their
 * employers: naive Bayes over the words of the employer's name ("university", "bank", "technologies",
 * and the names of employers that file many titles). It generalizes the fixed lines of business to any
 * word the labelled titles' employers used.
 */
export class EmployerLean {
  private readonly words = new Map<string, Map<string, number>>();
  private readonly wordTotals = new Map<string, number>();
  private readonly groupTitles = new Map<string, number>();
  private titles = 0;
  /** What `factors` adds up, worked out on first use after the titles are counted (see `terms`). */
  private read: Terms | null = null;

  add(employer: string, socCodes: readonly string[], weight = 1): void {
    const words = employerWords(employer);
    if (words.length === 0 || socCodes.length === 0) return;
    this.read = null;
    this.titles += weight;
    const share = weight / socCodes.length;
    for (const soc of socCodes) {
      const group = soc.slice(0, 2);
      this.groupTitles.set(group, (this.groupTitles.get(group) ?? 0) + share);
      this.wordTotals.set(group, (this.wordTotals.get(group) ?? 0) + share * words.length);
      for (const w of words) {
        const counts = this.words.get(w) ?? new Map<string, number>();
        this.words.set(w, counts);
        counts.set(group, (counts.get(group) ?? 0) + share);
      }
    }
  }

  /**
   * For each major group, how much likelier the employer makes it than it is among all labelled titles
   * (1: no change); null when no word of the name was seen.
   */
  factors(employer: string): Map<string, number> | null {
    const { priors, logPriors, byWord } = this.terms();
    const known = employerWords(employer).flatMap((w) => byWord.get(w) ?? []);
    if (known.length === 0) return null;
    const logs = MAJOR_GROUPS.map((_, g) => {
      let l = logPriors[g] ?? 0;
      for (const terms of known) l += terms[g] ?? 0;
      return l;
    });
    const best = Math.max(...logs);
    const sum = logs.reduce((a, l) => a + Math.exp(l - best), 0);
    return new Map(MAJOR_GROUPS.map((g, i) => [g, Math.exp((logs[i] ?? 0) - best) / sum / (priors[i] ?? 1)]));
  }

  /**
   * Each group's prior and its log, and each word's term per group — log((its count + α)) less the
   * group's log denominator, as naive Bayes adds it — in MAJOR_GROUPS' order: the same for every name.
   */
  private terms(): Terms {
    if (this.read) return this.read;
    const vocabulary = this.words.size;
    const priors = MAJOR_GROUPS.map(
      (g) => ((this.groupTitles.get(g) ?? 0) + 1) / (this.titles + MAJOR_GROUPS.length),
    );
    const denominators = MAJOR_GROUPS.map((g) =>
      Math.log((this.wordTotals.get(g) ?? 0) + ALPHA * vocabulary),
    );
    const byWord = new Map<string, Float64Array>();
    for (const [word, counts] of this.words)
      byWord.set(
        word,
        Float64Array.from(
          MAJOR_GROUPS,
          (g, i) => Math.log((counts.get(g) ?? 0) + ALPHA) - (denominators[i] ?? 0),
        ),
      );
    this.read = { priors, logPriors: priors.map((p) => Math.log(p)), byWord };
    return this.read;
  }
}

interface Terms {
  priors: number[];
  logPriors: number[];
  byWord: Map<string, Float64Array>;
}
