/**
 * When a coded title should be checked by a person before it is used: its first candidate is unlikely
 * to be right, or the runner-up is nearly as likely. The thresholds are read off the coverage–accuracy
 * curve of bench:resolve (see the README's resolver section for the curve and why these).
 */
export const REVIEW_MIN_CONFIDENCE = 0.4;
export const REVIEW_MIN_LEAD = 0.1;

export interface Review {
  needed: boolean;
  reason: 'no candidate' | 'low confidence' | 'close runner-up' | null;
}

/** The review rule over a resolution's candidates (best first, with their confidence). */
export function reviewOf(candidates: readonly { confidence: number }[]): Review {
  const [first, second] = candidates;
  if (!first) return { needed: true, reason: 'no candidate' };
  if (first.confidence < REVIEW_MIN_CONFIDENCE) return { needed: true, reason: 'low confidence' };
  if (first.confidence - (second?.confidence ?? 0) < REVIEW_MIN_LEAD)
    return { needed: true, reason: 'close runner-up' };
  return { needed: false, reason: null };
}
