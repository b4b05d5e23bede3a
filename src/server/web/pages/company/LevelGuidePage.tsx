import type { LevelGuide } from '../../../../company/levelGuide.js';
import type { WorkspaceMapping } from '../../../../workflow/companyWorkspace.js';
import { Layout } from '../../Layout.js';
import { CompanyNav, workspaceHref } from './CompanyNav.js';

/**
 * The level guide as a page to print: a grade to a printed page (the stylesheet breaks before each),
 * its Canon levels defined, and each job family's responsibilities there. The same guide downloads
 * as Markdown.
 */
export function LevelGuidePage({
  workspace,
  mapping,
  guide,
}: {
  workspace: string;
  mapping: WorkspaceMapping;
  guide: LevelGuide;
}) {
  return (
    <Layout
      title="Level guide"
      description="The company's grades with Canon's level definitions and responsibilities."
    >
      <CompanyNav workspace={workspace} mapping={mapping} current="level-guide" />
      <h1>Level guide</h1>
      <p class="lede">
        Each grade with the Canon levels it corresponds to, what those levels mean, and what each job family
        is responsible for there.
      </p>
      <p class="no-print">
        <a href={workspaceHref(workspace, 'level-guide.md')} download="level-guide.md">
          Download as Markdown
        </a>{' '}
        · print this page for a grade to a sheet.
      </p>
      {guide.grades.map((g) => (
        <section class="guide-grade" aria-labelledby={`grade-${g.grade}`} data-grade={g.grade}>
          <h2 id={`grade-${g.grade}`}>
            Grade {g.grade} — {g.levels.map((l) => l.code).join(' / ') || 'no level'}
          </h2>
          {g.spellings.length > 1 ? (
            <p class="small muted">Written in the file as {g.spellings.join(', ')}.</p>
          ) : null}
          <p class="small">Why: {g.reason}</p>
          {g.levels.map((l) => (
            <div class="guide-level" data-level={l.code}>
              <h3>
                {l.code} {l.title}
              </h3>
              <p>{l.summary}</p>
              <dl class="attributes">
                {l.attributes.map((a) => (
                  <>
                    <dt>{a.label}</dt>
                    <dd>{a.text}</dd>
                  </>
                ))}
              </dl>
            </div>
          ))}
          {g.focuses.length ? <h3>Responsibilities at {g.grade}, by job family</h3> : null}
          {g.focuses.map((f) => (
            <div class="guide-focus" data-focus={f.focus.code}>
              <h4>
                {f.function} — {f.focus.name}
              </h4>
              <p class="small muted">
                {f.titles.join(', ')} · {f.headcount} {f.headcount === 1 ? 'person' : 'people'}
              </p>
              {f.note ? <p class="small">{f.note}</p> : null}
              {f.levels.map((l) => (
                <>
                  <p class="small">
                    <strong>{l.level}</strong>
                  </p>
                  {l.responsibilities.length ? (
                    <ul>
                      {l.responsibilities.map((r) => (
                        <li>{r}</li>
                      ))}
                    </ul>
                  ) : (
                    <p class="muted small">No responsibilities are stated for this level yet.</p>
                  )}
                </>
              ))}
            </div>
          ))}
        </section>
      ))}
      {guide.ungraded ? (
        <p class="small muted">
          {guide.ungraded} job{guide.ungraded === 1 ? ' has' : 's have'} no grade in the table and are not in
          this guide.
        </p>
      ) : null}
    </Layout>
  );
}
