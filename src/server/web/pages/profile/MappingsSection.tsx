import { CLASSIFICATION_LABELS, type ClassificationMapping, type Source } from '../../../../core/taxonomy.js';
import { TableHead } from '../../TableHead.js';
import { Cite } from './Cite.js';

/** The focus's codes in O*NET-SOC, ISCO and ESCO, and where each mapping came from. */
export function MappingsSection({
  mappings,
  sources,
}: {
  mappings: readonly ClassificationMapping[];
  sources: readonly Source[];
}) {
  return (
    <section aria-labelledby="map-h" data-section="mappings">
      <details open>
        <summary>
          <h2 id="map-h">Classification mappings</h2>
        </summary>
        {mappings.length > 0 ? (
          <div class="table-wrap">
            <table class="mappings">
              <TableHead columns={['System', 'Code', 'Title', 'Source']} />
              <tbody>
                {mappings.map((m) => (
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
  );
}
