import { describe, expect, it } from 'vitest';
import { fillExamples, schemaExample } from './fillExamples.js';
import type { ApiDocument, SchemaObject } from './openApiTypes.js';

const components: Record<string, SchemaObject> = {
  Level: {
    type: 'object',
    properties: {
      code: { type: 'string', example: 'M3' },
      rank: { type: 'integer', minimum: 0 },
      experience: { type: ['object', 'null'], properties: { min: { type: 'number', example: 8 } } },
    },
  },
  Node: {
    type: 'object',
    properties: { name: { type: 'string' }, child: { $ref: '#/components/schemas/Node' } },
  },
};

describe('schemaExample', () => {
  it("composes an example from the fields' own, following references", () => {
    expect(schemaExample({ $ref: '#/components/schemas/Level' }, components)).toEqual({
      code: 'M3',
      rank: 0,
      experience: { min: 8 },
    });
  });

  it('shows the first enum value, a default, the value of a nullable union, and as many items as an array needs', () => {
    expect(
      schemaExample(
        {
          type: 'object',
          properties: {
            band: { type: 'string', enum: ['high', 'low'] },
            top: { type: 'integer', minimum: 1, maximum: 10, default: 3 },
            level: { anyOf: [{ type: 'null' }, { $ref: '#/components/schemas/Level' }] },
            codes: { type: 'array', minItems: 2, items: { type: 'string', example: 'P1' } },
            extra: {
              allOf: [
                { type: 'object', properties: { a: { const: 'x' } } },
                { properties: { b: { type: 'boolean' } } },
              ],
            },
            byKind: { type: 'object', additionalProperties: { type: 'integer', maximum: -1 } },
            anything: {},
          },
        },
        components,
      ),
    ).toEqual({
      band: 'high',
      top: 3,
      level: { code: 'M3', rank: 0, experience: { min: 8 } },
      codes: ['P1', 'P1'],
      extra: { a: 'x', b: true },
      byKind: { key: -1 },
      anything: null,
    });
  });

  it('stops a schema that contains itself at its first repetition', () => {
    expect(schemaExample({ $ref: '#/components/schemas/Node' }, components)).toEqual({
      name: 'text',
      child: null,
    });
  });
});

describe('fillExamples', () => {
  it('fills what has no example, keeps what has one, and shows an error with the code of its status', () => {
    const json = (schema: SchemaObject, example?: unknown) => ({
      content: { 'application/json': { schema, ...(example === undefined ? {} : { example }) } },
    });
    const doc: ApiDocument = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      components: { schemas: { ...components, Error: { type: 'object' } } },
      paths: {
        '/levels/{code}': {
          post: {
            requestBody: json({ $ref: '#/components/schemas/Level' }, { code: 'P2' }),
            responses: {
              '200': { description: 'The level', ...json({ $ref: '#/components/schemas/Level' }) },
              '404': { description: 'No such level', ...json({ $ref: '#/components/schemas/Error' }) },
              '204': { description: 'Nothing' },
            },
          },
        },
      },
    };
    const op = fillExamples(doc).paths['/levels/{code}']?.post;
    expect(op?.requestBody?.content['application/json']?.example).toEqual({ code: 'P2' });
    expect(op?.responses['200']?.content?.['application/json']?.example).toMatchObject({ code: 'M3' });
    expect(op?.responses['404']?.content?.['application/json']?.example).toEqual({
      error: { code: 'not_found', message: 'No such level' },
    });
    expect(op?.responses['204']?.content).toBeUndefined();
  });
});
