import { joinTaxonomies } from '../builtin/loadBuiltinTaxonomy.js';
import type { TaxonomyRelease } from '../builtin/releaseFile.js';
import { Catalog } from '../core/catalog.js';
import { reviewProfile } from '../core/review/reviewProfile.js';
import type { Taxonomy } from '../core/taxonomy.js';

/**
 * Puts every generated profile before the review panel, beside the curated
 * taxonomy it will be served with: a profile that passes is approved (version 1),
 * one that does not stays a draft with its findings for a person to act on.
 */
export function reviewRelease(
  release: TaxonomyRelease,
  curated: Taxonomy,
): { passed: number; failed: number } {
  const generated = release.taxonomy;
  // Reviewed as it will be served: beside the curated focuses, which the focus-specificity check compares with.
  const catalog = new Catalog(joinTaxonomies(curated, generated));
  let passed = 0;
  for (const profile of generated.profiles) {
    const review = reviewProfile(catalog, profile.code);
    profile.status = review.passed ? 'approved' : 'draft';
    profile.version = review.passed ? 1 : null;
    profile.confidence = { score: review.confidence.score, sources: ['onet-29-3'] };
    if (review.passed) passed++;
  }
  return { passed, failed: generated.profiles.length - passed };
}
