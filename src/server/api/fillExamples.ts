import type { ErrorCode } from '../../core/errors.js';
import { HTTP_STATUS } from '../errorStatus.js';
import { type ApiDocument, operationsOf, refName, type SchemaObject } from './openApiTypes.js';

type Components = Readonly<Record<string, SchemaObject>>;

/**
 * An example value of a schema, composed from the examples its fields declare: a field without one
 * shows its first enum value, its default, or the least value its type and bounds allow. A nullable
 * field shows its value, not null; an array shows as many items as it must have, at least one.
 */
export function schemaExample(
  schema: SchemaObject,
  components: Components,
  seen: readonly string[] = [],
): unknown {
  if (schema.$ref) {
    const name = refName(schema.$ref);
    const target = components[name];
    // A schema that contains itself stops at its first repetition.
    return target && !seen.includes(name) ? schemaExample(target, components, [...seen, name]) : null;
  }
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.length) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const of = (s: SchemaObject) => schemaExample(s, components, seen);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map(of));
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    const first = variants.find((v) => v.type !== 'null') ?? variants[0];
    return first ? of(first) : null;
  }
  switch (typeOf(schema)) {
    case 'object':
      return objectExample(schema, of);
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
        schema.items ? of(schema.items) : null,
      );
    case 'string':
      return 'text'.padEnd(schema.minLength ?? 0, '.');
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.maximum !== undefined ? Math.min(0, schema.maximum) : 0);
    case 'boolean':
      return true;
    default:
      return null;
  }
}

function typeOf(schema: SchemaObject): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null') ?? 'null';
  return schema.type ?? (schema.properties ? 'object' : undefined);
}

function objectExample(schema: SchemaObject, of: (s: SchemaObject) => unknown): Record<string, unknown> {
  const example: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) example[name] = of(property);
  const extra = schema.additionalProperties;
  if (extra && typeof extra === 'object' && !schema.properties) {
    const key = schema.propertyNames ? of(schema.propertyNames) : 'key';
    example[String(key)] = of(extra);
  }
  return example;
}

const codeFor = new Map<number, ErrorCode>();
for (const [code, status] of Object.entries(HTTP_STATUS) as [ErrorCode, number][])
  if (!codeFor.has(status)) codeFor.set(status, code);

/**
 * The document with an example on every JSON request body and response that declares none: an
 * error response shows the code its status carries and its description as the message.
 */
export function fillExamples(doc: ApiDocument): ApiDocument {
  const components = doc.components?.schemas ?? {};
  for (const { op } of operationsOf(doc)) {
    const body = op.requestBody?.content['application/json'];
    if (body?.schema && body.example === undefined) body.example = schemaExample(body.schema, components);
    for (const [status, response] of Object.entries(op.responses)) {
      const media = response.content?.['application/json'];
      if (!media?.schema || media.example !== undefined) continue;
      const code = codeFor.get(Number(status));
      media.example =
        media.schema.$ref === '#/components/schemas/Error' && code
          ? { error: { code, message: response.description } }
          : schemaExample(media.schema, components);
    }
  }
  return doc;
}
