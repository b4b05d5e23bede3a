import type { SchemaObject } from '../../../api/openApiTypes.js';
import { typeTokens } from './schemaText.js';

/** A schema's readable type, with named schemas linked to their entries on the page. */
export function SchemaType({ schema }: { schema: SchemaObject }) {
  return (
    <code class="type">
      {typeTokens(schema).map((t) => (t.ref ? <a href={`#schema-${t.ref}`}>{t.text}</a> : t.text))}
    </code>
  );
}
