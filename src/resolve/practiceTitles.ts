/**
 * Accounting and consulting firms title jobs by practice and grade rather than
 * by occupation: "Assurance Senior", "Advisory Associate", "Tax Staff". When
 * the practice is all a title says of its specialty, the practice names the
 * occupation (an assurance senior audits; an advisory associate consults).
 */
// A Map, not an object: the practice is a title's word, and "constructor" or "__proto__" would find the object's own members.
const PRACTICES = new Map<string, string[]>([
  ['assurance', ['auditor']],
  ['audit', ['auditor']],
  ['advisory', ['management', 'consultant']],
  ['tax', ['tax', 'accountant']],
]);

/** Grade words such firms put after the practice; they say nothing of the specialty. */
const GRADES = new Set(['associate', 'consultant', 'staff', 'professional', 'experienced', 'services']);

/** The specialty words a practice title stands for, or null when the title is not one. */
export function practiceSpecialty(specialty: readonly string[]): string[] | null {
  const [practice, ...rest] = specialty;
  if (!practice || !rest.every((w) => GRADES.has(w))) return null;
  return PRACTICES.get(practice) ?? null;
}
