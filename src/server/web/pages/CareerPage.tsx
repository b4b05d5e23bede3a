import type { CareerPaths, PathStep } from '../../../core/careerPaths.js';
import type { Catalog, ProfileView } from '../../../core/catalog.js';
import { formatYearsEstimate } from '../../../core/progressionGuide.js';
import { Layout } from '../Layout.js';
import { StatusBadgeOf } from '../StatusBadge.js';

function Step({ catalog, step }: { catalog: Catalog; step: PathStep }) {
  return (
    <li class={`step step-${step.kind}`}>
      {step.profileCode ? (
        <>
          <a href={`/profiles/${step.profileCode}`}>{step.title}</a>
          <StatusBadgeOf catalog={catalog} code={step.profileCode} />
        </>
      ) : (
        <span>{step.title}</span>
      )}
      {step.typicalYears ? (
        <span class="muted"> · typically {formatYearsEstimate(step.typicalYears)}</span>
      ) : null}
      {step.kind === 'sourced' ? (
        <span class="muted small">
          {' '}
          · named by{' '}
          {step.sources.map((s) => (
            <a href={`/sources/${s}`}> {s}</a>
          ))}
        </span>
      ) : null}
      {step.kind === 'nearby' ? <span class="muted small"> · nearby focus</span> : null}
    </li>
  );
}

function Group({
  catalog,
  id,
  title,
  steps,
}: {
  catalog: Catalog;
  id: string;
  title: string;
  steps: PathStep[];
}) {
  return (
    <section aria-labelledby={id} data-section={id}>
      <h2 id={id}>{title}</h2>
      {steps.length ? (
        <ul class="steps">
          {steps.map((s) => (
            <Step catalog={catalog} step={s} />
          ))}
        </ul>
      ) : (
        <p class="muted">None recorded.</p>
      )}
    </section>
  );
}

/** Entry points, advancement, lateral moves and the path upward from one profile. */
export function CareerPage({
  catalog,
  view,
  paths,
}: {
  catalog: Catalog;
  view: ProfileView;
  paths: CareerPaths;
}) {
  return (
    <Layout title={`Career paths — ${view.title}`}>
      <p>
        <a class="back" href={`/profiles/${view.code}`}>
          ← {view.title}
        </a>
      </p>
      <h1>Career paths from {view.title}</h1>
      <Group catalog={catalog} id="entry" title="Entry points" steps={paths.entry} />
      <Group catalog={catalog} id="advancement" title="Advancement" steps={paths.advancement} />
      <Group catalog={catalog} id="lateral" title="Lateral moves" steps={paths.lateral} />
      <section aria-labelledby="upward" data-section="upward">
        <h2 id="upward">The path upward</h2>
        <ol class="path">
          <li class="step current">
            <strong>{view.title}</strong> <span class="muted">(you are here)</span>
          </li>
          {paths.upward.map((s) => (
            <Step catalog={catalog} step={s} />
          ))}
        </ol>
      </section>
    </Layout>
  );
}
