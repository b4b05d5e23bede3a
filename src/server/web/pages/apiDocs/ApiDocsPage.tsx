import { schemaExample } from '../../../api/fillExamples.js';
import { type ApiDocument, operationsOf } from '../../../api/openApiTypes.js';
import { Layout } from '../../Layout.js';
import { FieldsTable } from './FieldsTable.js';
import { OperationDoc } from './OperationDoc.js';
import { Prose } from './Prose.js';
import { SchemaType } from './SchemaType.js';
import { extendsOf, fieldRows } from './schemaText.js';

/** How the README says to generate a typed client; defaults stay optional in request bodies. */
const CLIENT_COMMAND =
  'npx openapi-typescript http://localhost:3000/api/openapi.json --default-non-nullable=false -o canon-api.d.ts';

/**
 * The API reference, rendered on the server from the OpenAPI document the API serves: every
 * operation with its parameters, body, answers and examples, and every named schema. No scripts.
 */
export function ApiDocsPage({ doc }: { doc: ApiDocument }) {
  const operations = operationsOf(doc);
  // A server without writes declares the Workflow tag but serves none of its operations.
  const tags = (doc.tags ?? [])
    .map((tag) => ({ ...tag, operations: operations.filter(({ op }) => op.tags?.[0] === tag.name) }))
    .filter((tag) => tag.operations.length > 0);
  const schemes = Object.entries(doc.components?.securitySchemes ?? {});
  const components = doc.components?.schemas ?? {};
  const schemas = Object.entries(components).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Layout
      title="API reference"
      description="Canon's JSON API: every operation, its parameters, bodies and answers."
    >
      <h1>
        {doc.info.title} <span class="muted">v{doc.info.version}</span>
      </h1>
      <p class="lede">
        <Prose text={doc.info.description} />
      </p>
      <section aria-labelledby="start-h" class="api-start">
        <h2 id="start-h">Using the API</h2>
        <dl class="op-meta">
          <div>
            <dt>Base URL</dt>
            <dd>
              <code>{doc.servers?.[0]?.url ?? '/api'}</code> on this server
            </dd>
          </div>
          <div>
            <dt>OpenAPI document</dt>
            <dd>
              <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI {doc.openapi}, clean under Spectral's
              oas ruleset)
            </dd>
          </div>
          <div id="authentication">
            <dt>Authentication</dt>
            <dd>
              {schemes.map(([name, scheme]) => (
                <p>
                  <code>{name}</code> — HTTP {scheme.scheme ?? scheme.type}:{' '}
                  <Prose text={scheme.description} />
                </p>
              ))}
            </dd>
          </div>
          <div>
            <dt>Errors</dt>
            <dd>
              Every failure answers with an <a href="#schema-Error">Error</a> body:{' '}
              <code>{'{"error": {"code", "message", "details"?}}'}</code>. Reads carry <code>ETag</code> and{' '}
              <code>Cache-Control</code>.
            </dd>
          </div>
          <div>
            <dt>A typed client</dt>
            <dd>
              <code class="command">{CLIENT_COMMAND}</code>
            </dd>
          </div>
        </dl>
      </section>
      <nav aria-labelledby="toc-h" class="api-toc">
        <h2 id="toc-h">Operations</h2>
        {tags.map((tag) => (
          <div>
            <h3>
              <a href={`#tag-${tag.name}`}>{tag.name}</a>
            </h3>
            <ul>
              {tag.operations.map(({ path, method, op }) => (
                <li>
                  <a href={`#${op.operationId}`}>
                    <span class={`method method-${method}`}>{method.toUpperCase()}</span> <code>{path}</code>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      {tags.map((tag) => (
        <section aria-labelledby={`tag-${tag.name}`} class="api-tag">
          <h2 id={`tag-${tag.name}`}>{tag.name}</h2>
          <p class="section-note">
            <Prose text={tag.description} />
          </p>
          {tag.operations.map(({ path, method, op }) => (
            <OperationDoc path={path} method={method} op={op} doc={doc} />
          ))}
        </section>
      ))}
      <section aria-labelledby="schemas-h">
        <h2 id="schemas-h">Schemas</h2>
        <p class="section-note">Every named schema the operations take or answer, in alphabetical order.</p>
        {schemas.map(([name, schema]) => {
          const bases = extendsOf(schema);
          return (
            <article id={`schema-${name}`} class="schema" aria-labelledby={`schema-${name}-h`}>
              <h3 id={`schema-${name}-h`}>{name}</h3>
              <p>
                <Prose text={schema.description} />
              </p>
              {bases.length > 0 ? (
                <p class="small">
                  Has every field of{' '}
                  {bases.map((base, i) => (
                    <>
                      {i > 0 ? ', ' : ''}
                      <a href={`#schema-${base}`}>{base}</a>
                    </>
                  ))}
                  , and:
                </p>
              ) : null}
              {fieldRows(schema).length > 0 ? (
                <FieldsTable schema={schema} caption={`Fields of ${name}`} components={components} />
              ) : (
                <p>
                  Type: <SchemaType schema={schema} />
                </p>
              )}
              <details class="example">
                <summary>Example {name}</summary>
                <pre>
                  <code>{JSON.stringify(schemaExample(schema, components), null, 2)}</code>
                </pre>
              </details>
            </article>
          );
        })}
      </section>
    </Layout>
  );
}
