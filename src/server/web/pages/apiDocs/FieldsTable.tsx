import { refName, type SchemaObject } from '../../../api/openApiTypes.js';
import { TableHead } from '../../TableHead.js';
import { Prose } from './Prose.js';
import { SchemaType } from './SchemaType.js';
import { constraintsOf, descriptionOf, fieldRows } from './schemaText.js';

/** What a value may be, beyond its type: a range, a length, a default, an example. */
export function Limits({ schema, example }: { schema: SchemaObject; example?: unknown }) {
  const shown = example ?? schema.example;
  const facts = [
    ...constraintsOf(schema),
    ...(schema.default === undefined ? [] : [`default ${JSON.stringify(schema.default)}`]),
    ...(shown === undefined ? [] : [`e.g. ${JSON.stringify(shown)}`]),
  ];
  return facts.length > 0 ? <span class="limits">{facts.join(' · ')}</span> : null;
}

/**
 * An object schema's fields, nested ones indented under their parent. A field that only names a
 * schema says what that schema is.
 */
export function FieldsTable({
  schema,
  caption,
  components,
}: {
  schema: SchemaObject;
  caption: string;
  components: Readonly<Record<string, SchemaObject>>;
}) {
  const described = (field: SchemaObject) =>
    descriptionOf(field) ?? (field.$ref ? components[refName(field.$ref)]?.description : undefined);
  const rows = fieldRows(schema);
  if (rows.length === 0) return null;
  return (
    <div class="table-wrap">
      <table class="api-table fields">
        <caption class="visually-hidden">{caption}</caption>
        <TableHead columns={['Field', 'Type', 'Description']} />
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row" class={`depth-${row.depth}`}>
                <code>{row.path}</code>
                {row.required ? <span class="required">required</span> : null}
              </th>
              <td>
                <SchemaType schema={row.schema} />
              </td>
              <td>
                <Prose text={described(row.schema)} /> <Limits schema={row.schema} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
