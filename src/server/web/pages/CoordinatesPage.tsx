import { BAND_LIMITS, DISTANCE_WEIGHTS, RANK_SPAN, TAXONOMY_STEPS } from '../../../core/coordinates.js';
import { Layout } from '../Layout.js';
import { TableHead } from '../TableHead.js';

/** "How coordinates work": the distance formula, printed from the constants the code uses. */
export function CoordinatesPage() {
  const w = DISTANCE_WEIGHTS;
  return (
    <Layout title="How coordinates work" description="How Canon measures the distance between two roles.">
      <h1>How coordinates work</h1>
      <p class="lede">
        Every profile has structural coordinates: its <strong>function</strong>, its <strong>focus</strong>,
        its <strong>track</strong> (P, M or E) and its <strong>level rank</strong> on the scale shared by all
        tracks. The distance between two profiles combines four parts, each between 0 and 1, with fixed
        weights that add up to 1 — so the distance runs from 0 (the same profile) to 1.
      </p>
      <section aria-labelledby="formula-h">
        <h2 id="formula-h">The formula</h2>
        <p>
          <code>
            distance = {w.taxonomy} × taxonomy + {w.level} × level + {w.track} × track + {w.skills} × skills
          </code>
        </p>
        <div class="table-wrap">
          <table>
            <TableHead columns={['Part', 'Weight', 'Value']} />
            <tbody>
              <tr>
                <th scope="row">taxonomy</th>
                <td>{w.taxonomy}</td>
                <td>
                  {TAXONOMY_STEPS.sameFocus} for the same focus, {TAXONOMY_STEPS.sameFunction} for another
                  focus of the same function, {TAXONOMY_STEPS.otherFunction} for another function
                </td>
              </tr>
              <tr>
                <th scope="row">level</th>
                <td>{w.level}</td>
                <td>
                  the gap between the two level ranks divided by {RANK_SPAN} (the widest gap: rank 1 to rank
                  11), at most 1
                </td>
              </tr>
              <tr>
                <th scope="row">track</th>
                <td>{w.track}</td>
                <td>
                  0 on the same track, 1 across tracks (a principal engineer and a director differ in kind,
                  not only in rank)
                </td>
              </tr>
              <tr>
                <th scope="row">skills</th>
                <td>{w.skills}</td>
                <td>1 − the Jaccard overlap of the two focuses' skill names (shared ÷ all distinct)</td>
              </tr>
            </tbody>
          </table>
        </div>
        <p>
          The result is rounded to three decimals. It is 0 only for a profile and itself, symmetric, and
          inside one focus it grows with the level gap; the tests check these properties on thousands of
          generated cases.
        </p>
      </section>
      <section aria-labelledby="bands-h">
        <h2 id="bands-h">Match bands</h2>
        <ul>
          <li>
            <span class="band band-near">near</span> — distance ≤ {BAND_LIMITS.near}: the same focus, up to
            five ranks apart
          </li>
          <li>
            <span class="band band-related">related</span> — distance ≤ {BAND_LIMITS.related}: another focus
            of the same function, a few ranks apart, usually on the same track
          </li>
          <li>
            <span class="band band-distant">distant</span> — anything further; a profile of another function
            is always at least {w.taxonomy} away, so always distant
          </li>
        </ul>
      </section>
      <section aria-labelledby="adjacent-h">
        <h2 id="adjacent-h">Adjacent roles</h2>
        <p>
          A profile's adjacent roles are the six profiles nearest to it. They are found exactly, without
          comparing every pair: candidates are searched in the same focus, then the same function, then other
          functions, walking outward in rank, and a search stops once even its best remaining candidate could
          not beat the sixth-nearest found so far. The same numbers come from{' '}
          <code>GET /api/profiles/:code/adjacent</code>.
        </p>
      </section>
    </Layout>
  );
}
