import type { ProfileView } from '../../../core/catalog.js';
import type { MatchBand } from '../../../core/coordinates.js';
import {
  type Differential,
  differentialSentence,
  PAY_THRESHOLD,
  SKILL_THRESHOLD,
} from '../../../core/differential.js';
import { formatBand, formatMoneyShort, formatRange } from '../../../core/format.js';
import { formatYears, LEVEL_ATTRIBUTES } from '../../../core/levels.js';
import type { ProfilePay } from '../../../core/payBands.js';
import { DIMENSION_LABELS, DIMENSIONS, type Review } from '../../../core/review/reviewProfile.js';
import {
  type CareerLinks,
  CLASSIFICATION_LABELS,
  type EvidenceRef,
  type ProfileStatus,
  RUBRIC_DIMENSIONS,
  type Skill,
  type Source,
  type SourceRow,
  type Statement,
} from '../../../core/taxonomy.js';
import { Layout } from '../Layout.js';
import { PayChart } from '../PayChart.js';
import { RowLinks } from '../RowLinks.js';
import { StatusBadge } from '../StatusBadge.js';
import { TableHead } from '../TableHead.js';

/**
 * Numbered citations; a citation backed by a span of an ingested document links straight to that
 * span, and the rows of reference files a generated statement came from follow the numbers.
 */
function Cite(props: {
  ids: readonly string[];
  sources: readonly Source[];
  evidence?: readonly EvidenceRef[] | undefined;
  rows?: readonly SourceRow[] | undefined;
}) {
  const numbered = props.ids
    .map((id) => ({ id, n: props.sources.findIndex((s) => s.id === id) + 1 }))
    .filter((x) => x.n > 0);
  return (
    <>
      {numbered.length > 0 ? (
        <sup class="cite">
          {numbered.map((x, i) => (
            <>
              {i > 0 ? ',' : ''}
              <a href={spanOf(x.id, props.evidence)} title={props.sources[x.n - 1]?.title}>
                {x.n}
              </a>
            </>
          ))}
        </sup>
      ) : null}
      <RowLinks rows={props.rows} />
    </>
  );
}

function SkillList(props: { skills: readonly Skill[]; sources: readonly Source[]; section?: string }) {
  return (
    <dl class="skills" data-section={props.section}>
      {props.skills.map((s) => (
        <div>
          <dt>{s.name}</dt>
          <dd>
            {s.application}
            <Cite ids={s.sources} sources={props.sources} evidence={s.evidence} rows={s.rows} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function spanOf(source: string, evidence: readonly EvidenceRef[] | undefined): string {
  const ref = evidence?.find((e) => e.source === source);
  // The source page sends ?ev= on to the page of its document that shows the span.
  return ref ? `/sources/${source}?ev=${ref.id}` : `/sources/${source}`;
}

/** The profile page, section for section in the order of Canon's published pages. */
export interface AdjacentItem {
  code: string;
  title: string;
  distance: number;
  band: MatchBand;
  status: ProfileStatus | null;
}

const CAREER_LINKS: readonly (readonly [string, keyof CareerLinks])[] = [
  ['Entry from', 'entryFrom'],
  ['Advancement to', 'advancementTo'],
  ['Lateral moves', 'lateral'],
];

/** The moves into, up from and across from this level that the sources name, when they name any. */
function CareerLinksSection({
  code,
  career,
  sources,
}: {
  code: string;
  career: CareerLinks;
  sources: readonly Source[];
}) {
  const named = CAREER_LINKS.filter(([, key]) => career[key].length > 0);
  if (named.length === 0) return null;
  return (
    <section aria-labelledby="career-h" data-section="career-links">
      <h2 id="career-h">Career moves the sources name</h2>
      <dl class="career-links">
        {named.map(([label, key]) => (
          <div>
            <dt>{label}</dt>
            <dd>
              <StatementList statements={career[key]} sources={sources} />
            </dd>
          </div>
        ))}
      </dl>
      <p class="small">
        <a href={`/profiles/${code}/career`}>All career paths →</a>
      </p>
    </section>
  );
}

function StatementList({
  statements,
  sources,
}: {
  statements: readonly Statement[];
  sources: readonly Source[];
}) {
  return (
    <ul>
      {statements.map((r) => (
        <li>
          {r.text}
          <Cite ids={r.sources} sources={sources} evidence={r.evidence} rows={r.rows} />
        </li>
      ))}
    </ul>
  );
}

export function ProfilePage({
  view,
  adjacent,
  pay: market,
  differential,
  review,
  latestVersion,
}: {
  view: ProfileView;
  adjacent: AdjacentItem[];
  pay: ProfilePay;
  differential: Differential;
  review: Review;
  /** Set when the page shows an older approved version than the latest. */
  latestVersion?: number | null;
}) {
  const { record, focus, fn, level, sources } = view;
  const pay = market.headline;
  const nextLevel = view.ladder[view.ladder.findIndex((s) => s.current) + 1]?.profileCode;
  const own = view.ladder.find((s) => s.current)?.content;
  return (
    <Layout title={view.title} description={level.summary}>
      <article class="profile" data-level={level.code}>
        <p data-section="back">
          <a class="back" href="/">
            ← Canon taxonomy
          </a>{' '}
          <span aria-hidden="true">›</span>{' '}
          <a href={`/functions/${fn.code}#focus-${focus.code}`}>{fn.name}</a>
        </p>
        {latestVersion && latestVersion !== record.version ? (
          <p class="notice" role="note">
            You are reading v{record.version}, an earlier approved version.{' '}
            <a href={`/profiles/${view.code}`}>Read the latest, v{latestVersion} →</a>
          </p>
        ) : null}
        <header class="profile-head" data-section="header">
          <span class="level-chip" data-section="level-chip">
            {level.code}
          </span>
          <p class="code" data-section="code">
            <code>{view.code}</code>
          </p>
          <h1 data-section="title">{view.title}</h1>
          <p class="function-name" data-section="function">
            {fn.name}
          </p>
          <ul class="badges" data-section="badges" aria-label="Profile facts">
            <li class="badge badge-level">
              {level.code} — {level.title}
            </li>
            <li class={`badge badge-${review.confidence.band}`} title="Confidence from the review panel">
              {review.confidence.band} {review.confidence.score.toFixed(2)}
            </li>
            <li>
              <StatusBadge status={record.status} />
            </li>
            <li class="badge">{record.region}</li>
            <li class="badge">{record.version === null ? 'no approved version' : `v${record.version}`}</li>
          </ul>
          <nav class="actions no-print" aria-label="Profile tools">
            <a href={`/profiles/${view.code}/jd`}>Job description</a>
            <a href={`/profiles/${view.code}/readiness`}>Readiness self-assessment</a>
            <a href={`/profiles/${view.code}/career`}>Career paths</a>
            {nextLevel ? (
              <a href={`/progression?from=${view.code}&to=${nextLevel}`}>
                Progression to {nextLevel.split('.')[2]}
              </a>
            ) : null}
          </nav>
          <p class="lede" data-section="description">
            {focus.description}
            <Cite ids={focus.sources} sources={sources} />
          </p>
        </header>

        <dl class="facts" data-section="facts">
          <div>
            <dt>Level</dt>
            <dd data-section="level-line">
              {level.code} · {level.code} — {level.title} · {formatYears(level.experience)}
              <Cite ids={level.experienceSources} sources={sources} />
            </dd>
          </div>
          <div>
            <dt>Function · Focus</dt>
            <dd data-section="function-focus">
              {fn.name} · {focus.name}
            </dd>
          </div>
          <div>
            <dt>Market pay (median)</dt>
            <dd data-section="pay">
              {pay ? (
                <>
                  <span class="pay">{formatBand(pay)}</span>
                  {pay.kind === 'estimate' ? <span class="badge badge-medium"> estimate</span> : null}
                  <Cite ids={pay.sources} sources={sources} rows={pay.rows} />
                  <span class="basis">{pay.basis}</span>
                  {pay.method ? <span class="basis">Method: {pay.method}</span> : null}
                  {market.occupation && market.occupation !== pay ? (
                    <span class="basis">
                      Whole occupation:{' '}
                      {formatMoneyShort(market.occupation.median, market.occupation.currency)}
                      {market.occupation.wide
                        ? ` (p10–p90 ${formatRange(market.occupation.wide.low, market.occupation.wide.high, market.occupation.currency) ?? 'not published'})`
                        : ''}
                    </span>
                  ) : null}
                  {pay === market.occupation && pay.wide?.low != null ? (
                    <span class="basis">
                      p10–p90: {formatRange(pay.wide.low, pay.wide.high, pay.currency)}
                    </span>
                  ) : null}
                </>
              ) : (
                <span class="muted">no pay data yet</span>
              )}
            </dd>
          </div>
        </dl>

        <section aria-labelledby="paychart-h" data-section="pay-chart">
          <h2 id="paychart-h">Market pay by level</h2>
          <PayChart
            bars={market.levels.map((l) => ({
              label: l.levelCode,
              band: l.band,
              highlight: l.levelCode === level.code,
            }))}
          />
        </section>

        <section aria-labelledby="focus-h" data-section="focus">
          <h2 id="focus-h">Focus — {focus.name}</h2>
          <p>{focus.description}</p>
          {focus.distinctFrom.length > 0 ? (
            <ul class="distinct">
              {focus.distinctFrom.map((d) => (
                <li>{d.how}</li>
              ))}
            </ul>
          ) : null}
          <p class="differential" data-section="differential">
            {differentialSentence(differential)}
            {differential.pay && differential.skill ? null : (
              <Cite ids={focus.differential.sources} sources={sources} />
            )}
          </p>
          <p class="small muted" data-section="differential-basis">
            {differential.pay
              ? `Pay: ${differential.pay.gap >= 0 ? '+' : ''}${Math.round(differential.pay.gap * 100)}% against the median of ${differential.pay.focuses} focuses at ${level.code} (material from ±${PAY_THRESHOLD * 100}%). `
              : 'Pay: no function baseline at this level yet, so the sourced statement stands. '}
            {differential.skill
              ? `Skills: ${Math.round(differential.skill.ownShare * 100)}% specific to this focus (material from ${SKILL_THRESHOLD * 100}%).`
              : ''}
          </p>
        </section>

        <section aria-labelledby="resp-h" data-section="responsibilities">
          <h2 id="resp-h">Responsibilities by level</h2>
          <p class="section-note">
            What this person actually does at each level of the focus — scope escalates from level to level.
            Your level is highlighted.
          </p>
          <ol class="ladder">
            {view.ladder.map((step) => (
              <li
                class={step.current ? 'rung current' : 'rung'}
                data-level={step.level.code}
                aria-current={step.current ? 'true' : undefined}
              >
                <h3>
                  {step.current ? (
                    <>
                      {step.level.code}
                      <span class="this-profile">this profile</span>
                    </>
                  ) : (
                    <a href={`/profiles/${step.profileCode}`}>{step.level.code}</a>
                  )}
                  <span class="rung-title"> {step.level.title}</span>
                  {step.status ? (
                    <>
                      {' '}
                      <StatusBadge status={step.status} />
                    </>
                  ) : null}
                </h3>
                <StatementList statements={step.content.responsibilities} sources={sources} />
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="rubric-h" data-section="guidelines">
          <h2 id="rubric-h">Level guidelines</h2>
          <p class="section-note">
            The universal leveling rubric applied to this focus: how scope, complexity, collaboration and
            experience step up.
          </p>
          <div class="table-wrap">
            <table class="rubric">
              <TableHead columns={['Level', ...RUBRIC_DIMENSIONS.map(([label]) => label)]} />
              <tbody>
                {view.ladder.map((step) => (
                  <tr class={step.current ? 'current' : undefined} data-level={step.level.code}>
                    <th scope="row">{step.level.code}</th>
                    {RUBRIC_DIMENSIONS.map(([, key], i) => (
                      <td>
                        {step.content.rubric[key]}
                        {i === RUBRIC_DIMENSIONS.length - 1 ? (
                          <Cite
                            ids={step.content.rubric.sources}
                            sources={sources}
                            rows={step.content.rubric.rows}
                          />
                        ) : null}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <section aria-labelledby="skills-h" data-section="skills">
          <h2 id="skills-h">Skills</h2>
          <p class="section-note">Focus-specific skills and how the role applies them.</p>
          <SkillList skills={focus.skills} sources={sources} />
          {own?.skills?.length ? (
            <>
              <h3>At {level.code}</h3>
              <SkillList skills={own.skills} sources={sources} section="level-skills" />
            </>
          ) : null}
        </section>

        {own ? <CareerLinksSection code={view.code} career={own.career} sources={sources} /> : null}

        <section aria-labelledby="prov-h" data-section="provenance">
          <h2 id="prov-h">Provenance</h2>
          <p class="section-note">
            Every statement is sourced. Quality is scored by an adversarial review panel (1–5; a profile
            passes at ≥4 on its lowest dimension).
          </p>
          <ul class="dimensions" data-section="review">
            {DIMENSIONS.map((d) => (
              <li>
                <span>{DIMENSION_LABELS[d]}</span>
                <strong class="score">{review.scores[d]}</strong>
              </li>
            ))}
          </ul>
          <p class="small">
            {review.passed ? 'Passes the panel' : 'Does not pass the panel'} (lowest {review.minimum}) ·{' '}
            <a href={`/profiles/${view.code}/review`}>All findings →</a> ·{' '}
            <a href={`/profiles/${view.code}/history`}>Version history →</a> ·{' '}
            <a href="/reviewing">How profiles are reviewed →</a>
          </p>
          <p data-section="source-count">
            <strong>{sources.length} sources</strong>
          </p>
          <ol class="sources">
            {sources.map((s) => (
              <li>
                <a href={`/sources/${s.id}`}>{s.title}</a>{' '}
                <span class="muted">({s.kind.replace('_', ' ')})</span>
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="level-h" data-section="level-definition">
          <h2 id="level-h">
            Level — {level.code} — {level.title}
          </h2>
          <p>{level.summary}</p>
          <dl class="attributes">
            {LEVEL_ATTRIBUTES.map(([label, key]) => (
              <div>
                <dt>{label}</dt>
                <dd>{level[key]}</dd>
              </div>
            ))}
            <div>
              <dt>Typical experience</dt>
              <dd>
                {formatYears(level.experience)}
                <Cite ids={level.experienceSources} sources={sources} />
                {own?.experience ? (
                  <span data-section="focus-experience">
                    {' '}
                    · in this focus {own.experience.min}
                    {own.experience.max === null ? '' : `–${own.experience.max}`}
                    {own.experience.openEnded ? '+' : ''} years
                    <Cite ids={own.experience.sources} sources={sources} evidence={own.experience.evidence} />
                  </span>
                ) : null}
              </dd>
            </div>
          </dl>
        </section>

        <section aria-labelledby="adj-h" data-section="adjacent">
          <h2 id="adj-h">Adjacent roles</h2>
          <p class="section-note">
            Nearest roles by structural coordinates (level + taxonomy). Distance 0 → 1; each carries its match
            band. <a href="/coordinates">How coordinates work →</a>
            {adjacent.length > 0 ? (
              <>
                {' · '}
                <a
                  href={`/compare?codes=${[view.code, ...adjacent.slice(0, 3).map((a) => a.code)].join(',')}`}
                >
                  Compare side-by-side →
                </a>
              </>
            ) : null}
          </p>
          {adjacent.length > 0 ? (
            <ol class="adjacent">
              {adjacent.map((a) => (
                <li>
                  <a href={`/profiles/${a.code}`}>{a.title}</a> <code class="small">{a.code}</code>{' '}
                  <span class="distance">{a.distance.toFixed(2)}</span>{' '}
                  <span class={`band band-${a.band}`}>{a.band}</span>
                  {a.status ? (
                    <>
                      {' '}
                      <StatusBadge status={a.status} />
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : (
            <p class="muted">No other profile in the taxonomy yet.</p>
          )}
        </section>

        <section aria-labelledby="alias-h" data-section="aliases">
          <details>
            <summary>
              <h2 id="alias-h">Title aliases</h2>
            </summary>
            {record.aliases.length > 0 ? (
              <StatementList statements={record.aliases} sources={sources} />
            ) : (
              <p class="muted">No title aliases recorded for this profile yet.</p>
            )}
          </details>
        </section>

        <section aria-labelledby="map-h" data-section="mappings">
          <details open>
            <summary>
              <h2 id="map-h">Classification mappings</h2>
            </summary>
            {focus.mappings.length > 0 ? (
              <div class="table-wrap">
                <table class="mappings">
                  <TableHead columns={['System', 'Code', 'Title', 'Source']} />
                  <tbody>
                    {focus.mappings.map((m) => (
                      <tr>
                        <td>{CLASSIFICATION_LABELS[m.system]}</td>
                        <td>
                          <code>{m.code}</code>
                        </td>
                        <td>{m.title ?? '—'}</td>
                        <td>
                          {m.origin}
                          <Cite ids={m.sources} sources={sources} rows={m.rows} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p class="muted">No classification mappings recorded.</p>
            )}
          </details>
        </section>
      </article>
    </Layout>
  );
}
