import type { CareerPaths, PathStep } from '../../../core/careerPaths.js';
import type { ProfileView } from '../../../core/catalog.js';
import { formatYearsEstimate } from '../../../core/progressionGuide.js';
import { Layout } from '../Layout.js';

function Step({ step }: { step: PathStep }) {
  return (
    <li class={`step step-${step.kind}`}>
      {step.profileCode ? (
        <a href={`/profiles/${step.profileCode}`}>{step.title}</a>
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

function Group({ id, title, steps }: { id: string; title: string; steps: PathStep[] }) {
  return (
    <section aria-labelledby={id} data-section={id}>
      <h2 id={id}>{title}</h2>
      {steps.length ? (
        <ul class="steps">
          {steps.map((s) => (
            <Step step={s} />
          ))}
        </ul>
      ) : (
        <p class="muted">None recorded.</p>
      )}
    </section>
  );
}

/** Entry points, advancement, lateral moves and the path upward from one profile. */
export function CareerPage({ view, paths }: { view: ProfileView; paths: CareerPaths }) {
  return (
    <Layout title={`Career paths — ${view.title}`}>
      <p>
        <a class="back" href={`/profiles/${view.code}`}>
          ← {view.title}
        </a>
      </p>
      <h1>Career paths from {view.title}</h1>
      <Group id="entry" title="Entry points" steps={paths.entry} />
      <Group id="advancement" title="Advancement" steps={paths.advancement} />
      <Group id="lateral" title="Lateral moves" steps={paths.lateral} />
      <section aria-labelledby="upward" data-section="upward">
        <h2 id="upward">The path upward</h2>
        <ol class="path">
          <li class="step current">
            <strong>{view.title}</strong> <span class="muted">(you are here)</span>
          </li>
          {paths.upward.map((s) => (
            <Step step={s} />
          ))}
        </ol>
      </section>
    </Layout>
  );
}
