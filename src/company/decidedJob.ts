import type { ProfileView } from '../core/catalog.js';
import type { CompanyJob, DecidedBy } from './companyJob.js';

/**
 * How the dictionary compares titles and departments: case, width forms and runs of spaces aside,
 * "Sr.  Analyst" in "FINANCE" is "sr. analyst" in "finance".
 */
export function dictionaryKey(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Who decided a title's profile, when, and why: as the dictionary keeps it. */
export interface Decision {
  decidedBy: string;
  decidedAt: string;
  note: string | null;
}

/**
 * A job matched with certainty to the profile a person decided on: confidence 1, nothing to review,
 * and an explanation naming who decided and when, then what the matcher had read.
 */
export function decidedJob(
  job: CompanyJob,
  profile: ProfileView,
  by: Exclude<DecidedBy, 'automatic'>,
  decision: Decision,
): CompanyJob {
  const before = job.match.profile
    ? `${job.match.profile.code} at ${job.match.confidence.toFixed(2)}`
    : 'no profile';
  const level = profile.level;
  return {
    ...job,
    decidedBy: by,
    match: {
      ...job.match,
      status: 'matched',
      function: { code: profile.fn.code, name: profile.fn.name },
      focus: { code: profile.focus.code, name: profile.focus.name },
      profile: { code: profile.code, fit: 'exact' },
      level: { code: level.code, track: level.track, rank: level.rank, title: level.title },
      confidence: 1,
      review: [],
      explanation: [
        `${by === 'person' ? 'Decided' : 'From the dictionary: decided'} by ${decision.decidedBy} on ${decision.decidedAt.slice(0, 10)}: ${profile.code} (${profile.title})${decision.note ? ` — ${decision.note}` : ''}.`,
        `The matcher had read ${before}.`,
      ],
    },
  };
}
