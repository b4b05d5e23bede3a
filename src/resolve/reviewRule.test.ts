import { describe, expect, it } from 'vitest';
import { REVIEW_MIN_CONFIDENCE, REVIEW_MIN_LEAD, reviewOf } from './reviewRule.js';

describe('reviewOf', () => {
  const sure = REVIEW_MIN_CONFIDENCE + 0.2;
  it.each([
    [[], { needed: true, reason: 'no candidate' }],
    [[REVIEW_MIN_CONFIDENCE - 0.01], { needed: true, reason: 'low confidence' }],
    [[sure, sure - REVIEW_MIN_LEAD + 0.01], { needed: true, reason: 'close runner-up' }],
    [[sure, sure - REVIEW_MIN_LEAD - 0.01], { needed: false, reason: null }],
    [[sure], { needed: false, reason: null }],
  ])('flags candidates with confidences %j as %j', (confidences, review) => {
    expect(reviewOf(confidences.map((confidence) => ({ confidence })))).toEqual(review);
  });
});
