import {
  type ApiDocument,
  type HttpMethod,
  type OperationObject,
  refName,
  type SchemaObject,
} from '../../../api/openApiTypes.js';
import { TableHead } from '../../TableHead.js';
import { FieldsTable, Limits } from './FieldsTable.js';
import { Prose } from './Prose.js';
import { SchemaType } from './SchemaType.js';

const json = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * Who may call an operation, from its security requirements and the role it declares: `read`, a role,
 * or `workspace:<role>` for an operation over one workspace's data.
 */
export function accessText(op: OperationObject): string {
  const open = op.security?.some((requirement) => Object.keys(requirement).length === 0) ?? true;
  if (open) return 'None — unless this server keeps reads private; then any API key.';
  const declared = op['x-canon-access'] ?? 'required';
  const inWorkspace = /^workspace:(.+)$/.exec(declared)?.[1];
  if (inWorkspace)
    return `An API key of this workspace with the ${inWorkspace} role or a stronger one, whatever the read policy. Any other key — another workspace's, or one of the shared taxonomy — is answered 404, as if the workspace did not exist.`;
  return `An API key with the ${declared} role or a stronger one.`;
}

function Example({ value, label }: { value: unknown; label: string }) {
  return (
    <figure class="example">
      <figcaption>{label}</figcaption>
      <pre>
        <code>{json(value)}</code>
      </pre>
    </figure>
  );
}

/** One operation: what it does, who may call it, what it takes and what it answers. */
export function OperationDoc({
  path,
  method,
  op,
  doc,
}: {
  path: string;
  method: HttpMethod;
  op: OperationObject;
  doc: ApiDocument;
}) {
  const components = doc.components?.schemas ?? {};
  const named = (schema: SchemaObject | undefined): SchemaObject =>
    (schema?.$ref ? components[refName(schema.$ref)] : schema) ?? {};
  const id = op.operationId ?? `${method}-${path}`;
  const parameters = op.parameters ?? [];
  const body = op.requestBody;
  const responses = Object.entries(op.responses);
  const examples = responses.flatMap(([status, r]) => {
    const example = r.content?.['application/json']?.example;
    return example === undefined ? [] : [{ status, example }];
  });
  const answers = examples.filter(({ status }) => Number(status) < 400);
  const failures = examples.filter(({ status }) => Number(status) >= 400);
  return (
    <article class="operation" id={id} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        <span class={`method method-${method}`}>{method.toUpperCase()}</span> <code>/api{path}</code>
      </h3>
      <p class="op-summary">{op.summary}</p>
      <p>
        <Prose text={op.description} />
      </p>
      <dl class="op-meta">
        <div>
          <dt>Operation</dt>
          <dd>
            <code>{op.operationId}</code>
          </dd>
        </div>
        <div>
          <dt>Authentication</dt>
          <dd>
            {accessText(op)} <a href="#authentication">How</a>
          </dd>
        </div>
      </dl>
      {parameters.length > 0 ? (
        <>
          <h4>Parameters</h4>
          <div class="table-wrap">
            <table class="api-table params">
              <caption class="visually-hidden">Parameters of {op.operationId}</caption>
              <TableHead columns={['Parameter', 'In', 'Type', 'Description']} />
              <tbody>
                {parameters.map((p) => (
                  <tr>
                    <th scope="row">
                      <code>{p.name}</code>
                      {p.required ? <span class="required">required</span> : null}
                    </th>
                    <td>{p.in}</td>
                    <td>
                      <SchemaType schema={p.schema ?? {}} />
                    </td>
                    <td>
                      <Prose text={p.description} /> <Limits schema={p.schema ?? {}} example={p.example} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {body ? (
        <section class="request-body" aria-label={`Request body of ${op.operationId}`}>
          <h4>Request body</h4>
          {Object.entries(body.content).map(([type, media]) => (
            <div class="media">
              <p>
                <code>{type}</code>, {body.required ? 'required' : 'optional'}:{' '}
                <SchemaType schema={media.schema ?? {}} />
                {media.schema?.$ref ? (
                  <>
                    {' '}
                    — <Prose text={named(media.schema).description} />
                  </>
                ) : null}
              </p>
              <FieldsTable
                schema={named(media.schema)}
                caption={`Fields of the ${type} body`}
                components={components}
              />
              {media.example === undefined ? null : <Example value={media.example} label="Example body" />}
            </div>
          ))}
        </section>
      ) : null}
      <h4>Responses</h4>
      <div class="table-wrap">
        <table class="api-table responses">
          <caption class="visually-hidden">Responses of {op.operationId}</caption>
          <TableHead columns={['Status', 'Meaning', 'Body']} />
          <tbody>
            {responses.map(([status, r]) => {
              const schema = r.content?.['application/json']?.schema;
              return (
                <tr>
                  <th scope="row">{status}</th>
                  <td>
                    <Prose text={r.description} />
                  </td>
                  <td>{schema ? <SchemaType schema={schema} /> : <span class="muted">none</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {answers.map(({ status, example }) => (
        <details class="example">
          <summary>Example {status} answer</summary>
          <pre>
            <code>{json(example)}</code>
          </pre>
        </details>
      ))}
      {failures.length > 0 ? (
        <details class="example">
          <summary>Example error bodies ({failures.map((f) => f.status).join(', ')})</summary>
          {failures.map(({ status, example }) => (
            <pre>
              <code>{`${status}: ${json(example)}`}</code>
            </pre>
          ))}
        </details>
      ) : null}
    </article>
  );
}
