import { Layout } from '../Layout.js';
import { TableHead } from '../TableHead.js';

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema?: { type?: string; enum?: unknown[] };
  }[];
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: { $ref?: string } }> }
  >;
}

interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
}

const schemaName = (ref: string | undefined) => ref?.split('/').pop();

/** API reference rendered on the server from the same OpenAPI document the API serves — no CDN, no scripts. */
export function ApiDocsPage({ doc }: { doc: OpenApiDocument }) {
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const schemas = Object.entries(doc.components?.schemas ?? {});
  return (
    <Layout title="API reference" description="Canon's JSON API.">
      <h1>
        {doc.info.title} <span class="muted">v{doc.info.version}</span>
      </h1>
      <p class="lede">{doc.info.description}</p>
      <p>
        Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors always have
        the body <code>{'{"error": {"code", "message"}}'}</code>. Reads carry <code>ETag</code> and{' '}
        <code>Cache-Control</code>.
      </p>
      <section aria-labelledby="ops-h">
        <h2 id="ops-h">Endpoints</h2>
        {operations.map(({ path, method, op }) => (
          <article class="operation" id={`${method}-${path}`}>
            <h3>
              <span class="method">{method.toUpperCase()}</span> <code>/api{path}</code>
            </h3>
            <p>{op.summary}</p>
            {op.parameters && op.parameters.length > 0 ? (
              <table class="params">
                <TableHead columns={['Parameter', 'In', 'Type', 'Description']} />
                <tbody>
                  {op.parameters.map((p) => (
                    <tr>
                      <td>
                        <code>{p.name}</code>
                        {p.required ? ' (required)' : ''}
                      </td>
                      <td>{p.in}</td>
                      <td>{p.schema?.enum ? p.schema.enum.join(' | ') : (p.schema?.type ?? '')}</td>
                      <td>{p.description ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            <ul class="responses">
              {Object.entries(op.responses ?? {}).map(([status, r]) => {
                const name = schemaName(r.content?.['application/json']?.schema?.$ref);
                return (
                  <li>
                    <strong>{status}</strong> {r.description}
                    {name ? (
                      <>
                        {' '}
                        → <a href={`#schema-${name}`}>{name}</a>
                      </>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </article>
        ))}
      </section>
      <section aria-labelledby="schemas-h">
        <h2 id="schemas-h">Schemas</h2>
        {schemas.map(([name, schema]) => (
          <article id={`schema-${name}`} class="schema">
            <h3>{name}</h3>
            <p class="small">
              Fields:{' '}
              {Object.keys(schema.properties ?? {}).map((field, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <code>{field}</code>
                </>
              ))}
            </p>
          </article>
        ))}
      </section>
    </Layout>
  );
}
