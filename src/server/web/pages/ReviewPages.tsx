import type { ProfileView } from '../../../core/catalog.js';
import { DECLARED_GAP_PREFIX } from '../../../core/review/declaredGap.js';
import {
  confidenceScore,
  DIMENSION_LABELS,
  DIMENSIONS,
  type Review,
  RULES,
} from '../../../core/review/reviewProfile.js';
import { Layout } from '../Layout.js';

/** Every finding of the panel for one profile. */
export function ReviewPage({ view, review }: { view: ProfileView; review: Review }) {
  return (
    <Layout title={`Review — ${view.title}`}>
      <p>
        <a class="back" href={`/profiles/${view.code}`}>
          ← {view.title}
        </a>
      </p>
      <h1>Review of {view.title}</h1>
      <p class="lede" data-section="verdict">
        {review.passed ? 'Passes' : 'Does not pass'}: lowest dimension {review.minimum} (passes at ≥{' '}
        {RULES.pass}). Confidence {review.confidence.band} {review.confidence.score.toFixed(2)}.
        {view.confidence
          ? ` The published page stated ${view.confidence.band} ${view.confidence.score.toFixed(2)}.`
          : ''}{' '}
        <a href="/reviewing">How profiles are reviewed →</a>
      </p>
      {DIMENSIONS.map((d) => {
        const findings = review.findings.filter((f) => f.dimension === d);
        return (
          <section aria-labelledby={`dim-${d}`} data-dimension={d}>
            <h2 id={`dim-${d}`}>
              {DIMENSION_LABELS[d]} <span class="score">{review.scores[d]}</span>
            </h2>
            {findings.length === 0 ? (
              <p class="muted">No findings: the reviewer found no way this profile fails the dimension.</p>
            ) : (
              <ul>
                {findings.map((f) => (
                  <li>
                    <strong>{f.severity === 'fail' ? 'Fails' : 'Weakens'}:</strong> {f.message}
                    {f.statements.length ? (
                      <ul class="small">
                        {f.statements.map((s) => (
                          <li>{s}</li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </Layout>
  );
}

/** "How profiles are reviewed": each reviewer's rule and thresholds, printed from the constants the panel uses. */
export function ReviewingPage() {
  return (
    <Layout title="How profiles are reviewed">
      <h1>How profiles are reviewed</h1>
      <p class="lede">
        Five reviewers each score one dimension from 1 to 5 in half points. Each starts at 5 and looks for
        ways the profile fails: a failing finding costs {RULES.failPenalty} point, a weakening one{' '}
        {RULES.warnPenalty}, down to 1. A dimension with any failing finding scores at most {RULES.failCap},
        under the pass mark, so a single failure is enough to stop a pass. A profile passes when its lowest
        dimension is at least {RULES.pass}. Every reviewer is deterministic: the same profile always gets the
        same scores, and every lost point comes with a finding that names the statements concerned.
      </p>
      <p>
        A responsibility that begins “{DECLARED_GAP_PREFIX}” records a gap in the evidence — no source
        describes the work — and is not content: no reviewer scores it as a statement.
      </p>
      <section aria-labelledby="r1">
        <h2 id="r1">Level differentiation</h2>
        <p>
          Each responsibility is compared with those of the levels just below and above in the same focus. Two
          statements whose content words overlap by {RULES.nearDuplicate * 100}% or more (Jaccard, after
          dropping filler words) are near-duplicates: the levels say the same thing — a failing finding. The
          whole list is also compared with every other level of the focus: a list whose every statement is
          stated there too (the same text or a near-duplicate), or whose statements cite exactly the same rows
          of reference files, fails. So does a level with no responsibilities of its own — an empty list, or
          one that only says no source states work specific to the level. A rubric cell that overlaps its
          neighbour's as much weakens the score; so does a focus with a single level.
        </p>
      </section>
      <section aria-labelledby="r2">
        <h2 id="r2">Focus specificity</h2>
        <p>
          Each responsibility is compared with every responsibility of the other focuses of the function, at
          any level. An overlap of {RULES.generic * 100}% or more means the statement is as true of that focus
          as of this one — a failing finding.
        </p>
      </section>
      <section aria-labelledby="r3">
        <h2 id="r3">Concreteness</h2>
        <p>
          A responsibility fails when it uses wording that commits to nothing (“various”, “as needed”,
          “responsible for”, “helps with”, “participates in”), has fewer than {RULES.minContentWords} content
          words, or names no specific: no number, no named product, standard or role, no list of specifics and
          no scope (team, department, platform, budget, roadmap, clients…).
        </p>
      </section>
      <section aria-labelledby="r4">
        <h2 id="r4">Factual accuracy</h2>
        <p>
          Every responsibility and the level-guidelines row must cite a source; each one that does not is a
          failing finding. Where the rubric states total years of experience, they must overlap the level's
          sourced range.
        </p>
      </section>
      <section aria-labelledby="r5">
        <h2 id="r5">Real-world coverage</h2>
        <p>
          A profile needs at least {RULES.sourcesWanted} independent sources — Canon's own published pages
          restate a profile and do not count. A level whose responsibilities cite only Canon's pages, or a
          single independent source, weakens the score.
        </p>
      </section>
      <section aria-labelledby="r6">
        <h2 id="r6">Confidence</h2>
        <p>
          <code>
            confidence = {RULES.confidenceCeiling} × (0.5 × (lowest − 1) ÷ 4 + 0.3 × (mean − 1) ÷ 4 + 0.2 ×
            min(1, independent sources ÷ {RULES.sourcesForFullEvidence}))
          </code>
          , rounded to two decimals; high from 0.8, medium from 0.5. A profile scored 4.5 on every dimension
          with {RULES.sourcesForFullEvidence} independent sources gets {confidenceExample}.
        </p>
        <p>
          Confidence never goes above {RULES.confidenceCeiling}, even when no reviewer finds anything. The
          reviewers read words: they see that a statement cites a source, never whether the source says what
          the statement says. What is left is for a person who reads the sources.
        </p>
      </section>
    </Layout>
  );
}

const confidenceExample = confidenceScore(4.5, 4.5, RULES.sourcesForFullEvidence).toFixed(2);
