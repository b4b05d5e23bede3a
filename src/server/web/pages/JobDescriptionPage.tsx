import type { JobDescription } from '../../../core/jobDescription.js';
import { Layout } from '../Layout.js';

function List({ items }: { items: string[] }) {
  return items.length ? (
    <ul>
      {items.map((i) => (
        <li>{i}</li>
      ))}
    </ul>
  ) : (
    <p class="muted">None recorded.</p>
  );
}

/** The job description body, shared by the page and `canon jd --format html`. */
export function JobDescriptionBody({ jd }: { jd: JobDescription }) {
  return (
    <article class="jd">
      <h1>{jd.title}</h1>
      <p class="muted">
        {jd.functionName} · Canon profile <code>{jd.code}</code>
      </p>
      <section aria-labelledby="jd-role">
        <h2 id="jd-role">Role definition</h2>
        {jd.roleDefinition.map((p) => (
          <p>{p}</p>
        ))}
      </section>
      <section aria-labelledby="jd-career">
        <h2 id="jd-career">Career progression</h2>
        <h3>Entry point from</h3>
        <List items={jd.career.entryFrom} />
        <h3>Advancement to</h3>
        <List items={jd.career.advancementTo} />
        <h3>Lateral moves</h3>
        <List items={jd.career.lateral} />
      </section>
      <section aria-labelledby="jd-resp">
        <h2 id="jd-resp">Core responsibilities</h2>
        <List items={jd.responsibilities} />
      </section>
      <section aria-labelledby="jd-skills">
        <h2 id="jd-skills">Required skills</h2>
        <h3>Hard skills</h3>
        <List items={jd.hardSkills.map((s) => `${s.name} — ${s.application}`)} />
        <h3>Soft skills</h3>
        <List items={jd.softSkills.map((s) => `${s.name} — ${s.application}`)} />
      </section>
      <section aria-labelledby="jd-edu">
        <h2 id="jd-edu">Education and experience</h2>
        <p>{jd.education}</p>
        <p>{jd.experience}</p>
      </section>
      <section aria-labelledby="jd-src">
        <h2 id="jd-src">Sources</h2>
        <ol>
          {jd.sources.map((s) => (
            <li>{s.title}</li>
          ))}
        </ol>
      </section>
    </article>
  );
}

export function JobDescriptionPage({ jd }: { jd: JobDescription }) {
  return (
    <Layout title={`Job description — ${jd.title}`}>
      <p class="no-print">
        <a class="back" href={`/profiles/${jd.code}`}>
          ← Back to the profile
        </a>{' '}
        · <a href={`/profiles/${jd.code}/jd.md`}>Download as Markdown</a> · print this page for a PDF
      </p>
      <JobDescriptionBody jd={jd} />
    </Layout>
  );
}
