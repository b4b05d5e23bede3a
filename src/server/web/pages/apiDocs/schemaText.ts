import { refName, type SchemaObject } from '../../../api/openApiTypes.js';

/** A piece of a readable type: plain text, or the name of a schema the reference links to. */
export interface TypeToken {
  text: string;
  ref?: string;
}

const text = (t: string): TypeToken => ({ text: t });

function join(parts: TypeToken[][], separator: string): TypeToken[] {
  return parts.flatMap((part, i) => (i === 0 ? part : [text(separator), ...part]));
}

/** A union inside "array of …" or "map of …" is bracketed, so "array of (string | X)" reads one way. */
function wrapped(tokens: TypeToken[]): TypeToken[] {
  return tokens.some((t) => !t.ref && t.text.includes(' | ')) ? [text('('), ...tokens, text(')')] : tokens;
}

/** Whether a part of an allOf only describes (a field's words beside a reference), adding no type. */
function describesOnly(schema: SchemaObject): boolean {
  return (
    !schema.$ref && !schema.type && !schema.properties && !schema.allOf && !schema.anyOf && !schema.oneOf
  );
}

/**
 * A schema's type as a person reads it: `integer | null`, `"high" | "low"`, `array of Level`,
 * `map of FocusLevelContent`, with named schemas as links.
 */
export function typeTokens(schema: SchemaObject): TypeToken[] {
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return [{ text: name, ref: name }];
  }
  if (schema.allOf) return join(schema.allOf.filter((p) => !describesOnly(p)).map(typeTokens), ' & ');
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return join(variants.map(typeTokens), ' | ');
  if (schema.const !== undefined) return [text(JSON.stringify(schema.const))];
  if (schema.enum)
    return join(
      schema.enum.map((v) => [text(JSON.stringify(v))]),
      ' | ',
    );
  const types = Array.isArray(schema.type)
    ? schema.type
    : schema.type
      ? [schema.type]
      : schema.properties
        ? ['object']
        : [];
  if (types.length === 0) return [text('any')];
  return join(
    types.map((type) => oneType(type, schema)),
    ' | ',
  );
}

function oneType(type: string, schema: SchemaObject): TypeToken[] {
  if (type === 'array') return [text('array of '), ...wrapped(typeTokens(schema.items ?? {}))];
  const extra = schema.additionalProperties;
  if (type === 'object' && !schema.properties && typeof extra === 'object')
    return [text('map of '), ...wrapped(typeTokens(extra))];
  if (type === 'string' && schema.format === 'binary') return [text('file')];
  if (type === 'string' && schema.format) return [text(`string (${schema.format})`)];
  return [text(type)];
}

/** The type as one line of text. */
export function typeText(schema: SchemaObject): string {
  return typeTokens(schema)
    .map((t) => t.text)
    .join('');
}

const count = (n: number) => n.toLocaleString('en-US');

/** A range of counts: "1–64 characters", "at least 1 item", "at most 30 items". */
function range(min: number | undefined, max: number | undefined, unit: string): string | null {
  const of = (n: number) => `${count(n)} ${n === 1 ? unit : `${unit}s`}`;
  if (min !== undefined && max !== undefined) return `${count(min)}–${of(max)}`;
  if (min !== undefined && min > 0) return `at least ${of(min)}`;
  if (max !== undefined) return `at most ${of(max)}`;
  return null;
}

/** What values a schema allows beyond its type: a number's range, a text's length and pattern, a list's size. */
export function constraintsOf(schema: SchemaObject): string[] {
  const found = [
    schema.minimum !== undefined && schema.maximum === undefined
      ? `from ${count(schema.minimum)}`
      : schema.minimum !== undefined && schema.maximum !== undefined
        ? `${count(schema.minimum)}–${count(schema.maximum)}`
        : schema.maximum !== undefined
          ? `up to ${count(schema.maximum)}`
          : null,
    schema.exclusiveMinimum !== undefined ? `above ${count(schema.exclusiveMinimum)}` : null,
    schema.exclusiveMaximum !== undefined ? `below ${count(schema.exclusiveMaximum)}` : null,
    range(schema.minLength, schema.maxLength, 'character'),
    range(schema.minItems, schema.maxItems, 'item'),
    schema.pattern ? `matches ${schema.pattern}` : null,
  ];
  return found.filter((c): c is string => c !== null);
}

/** The words a field carries: its own, or those written beside the schema it names. */
export function descriptionOf(schema: SchemaObject): string | undefined {
  return schema.description ?? schema.allOf?.find((p) => p.description)?.description;
}

/** One row of a schema's field table; nested fields of inline objects follow their parent. */
export interface FieldRow {
  path: string;
  depth: number;
  required: boolean;
  schema: SchemaObject;
}

/** The inline object a field holds, looking through null and arrays; none for a named schema. */
function inlineObject(schema: SchemaObject): { schema: SchemaObject; suffix: string } | null {
  const variants = (schema.anyOf ?? schema.oneOf)?.filter((v) => v.type !== 'null');
  if (variants?.length === 1 && variants[0]) return inlineObject(variants[0]);
  if (schema.$ref) return null;
  if (schema.properties) return { schema, suffix: '.' };
  const isArray = schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'));
  if (isArray && schema.items?.properties) return { schema: schema.items, suffix: '[].' };
  return null;
}

const MAX_DEPTH = 4;

/** The fields of an object schema, its inline parts (allOf) merged, nested objects flattened as `a.b` and `a[].b`. */
export function fieldRows(schema: SchemaObject, prefix = '', depth = 0): FieldRow[] {
  const parts = [schema, ...(schema.allOf ?? []).filter((p) => !p.$ref)];
  return parts.flatMap((part) =>
    Object.entries(part.properties ?? {}).flatMap(([name, field]) => {
      const row: FieldRow = {
        path: `${prefix}${name}`,
        depth,
        required: part.required?.includes(name) ?? false,
        schema: field,
      };
      const inner = depth < MAX_DEPTH ? inlineObject(field) : null;
      return [row, ...(inner ? fieldRows(inner.schema, `${prefix}${name}${inner.suffix}`, depth + 1) : [])];
    }),
  );
}

/** The named schemas an allOf builds on. */
export function extendsOf(schema: SchemaObject): string[] {
  return (schema.allOf ?? []).flatMap((p) => (p.$ref ? [refName(p.$ref)] : []));
}
