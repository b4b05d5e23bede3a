import { describe, expect, it } from 'vitest';
import { constraintsOf, descriptionOf, extendsOf, fieldRows, typeText, typeTokens } from './schemaText.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('typeText', () => {
  it.each([
    [{ type: ['integer', 'null'] }, 'integer | null'],
    [{ type: 'string', enum: ['high', 'medium', 'low'] }, '"high" | "medium" | "low"'],
    [{ anyOf: [{ type: 'integer' }, { type: 'string', enum: ['draft'] }] }, 'integer | "draft"'],
    [{ anyOf: [ref('PayBand'), { type: 'null' }] }, 'PayBand | null'],
    [{ type: 'array', items: ref('Level') }, 'array of Level'],
    [
      { type: 'array', items: { anyOf: [{ type: 'string' }, ref('TitleWithEmployer')] } },
      'array of (string | TitleWithEmployer)',
    ],
    [{ type: 'object', additionalProperties: ref('FocusLevelContent') }, 'map of FocusLevelContent'],
    [{ allOf: [ref('YearsEstimate'), { description: 'Typical years' }] }, 'YearsEstimate'],
    [{ type: ['object', 'null'], properties: { min: { type: 'number' } } }, 'object | null'],
    [{ type: 'string', format: 'binary' }, 'file'],
    [{}, 'any'],
  ])('reads %j as %s', (schema, expected) => {
    expect(typeText(schema)).toBe(expected);
  });

  it('names the schemas it links to', () => {
    expect(typeTokens({ type: 'array', items: ref('Level') })).toEqual([
      { text: 'array of ' },
      { text: 'Level', ref: 'Level' },
    ]);
  });
});

describe('constraintsOf', () => {
  it.each([
    [{ type: 'integer', minimum: 1, maximum: 500 }, ['1–500']],
    [{ type: 'integer', minimum: 0 }, ['from 0']],
    [{ type: 'string', minLength: 1, maxLength: 64 }, ['1–64 characters']],
    [{ type: 'string', maxLength: 2000 }, ['at most 2,000 characters']],
    [{ type: 'array', minItems: 1 }, ['at least 1 item']],
    [{ type: 'array', maxItems: 30 }, ['at most 30 items']],
    [{ type: 'string', pattern: '^[SPME][1-9]$' }, ['matches ^[SPME][1-9]$']],
    [{ type: 'string' }, []],
  ])('says %j allows %j', (schema, expected) => {
    expect(constraintsOf(schema)).toEqual(expected);
  });
});

describe('fieldRows', () => {
  it('lists fields with nested inline objects under their parent, and leaves named schemas as links', () => {
    const rows = fieldRows({
      type: 'object',
      required: ['code', 'scores'],
      properties: {
        code: { type: 'string' },
        scores: { type: 'object', required: ['a'], properties: { a: { type: 'number' } } },
        findings: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string' } } } },
        level: ref('Level'),
        confidence: {
          anyOf: [{ type: 'object', properties: { score: { type: 'number' } } }, { type: 'null' }],
        },
      },
    });
    expect(rows.map((r) => [r.path, r.depth, r.required])).toEqual([
      ['code', 0, true],
      ['scores', 0, true],
      ['scores.a', 1, true],
      ['findings', 0, false],
      ['findings[].kind', 1, false],
      ['level', 0, false],
      ['confidence', 0, false],
      ['confidence.score', 1, false],
    ]);
  });

  it('merges the inline parts of an allOf, and names the schemas it extends', () => {
    const version = {
      allOf: [
        ref('VersionSummary'),
        { type: 'object', required: ['content'], properties: { content: ref('ProfileContent') } },
      ],
    };
    expect(fieldRows(version).map((r) => r.path)).toEqual(['content']);
    expect(extendsOf(version)).toEqual(['VersionSummary']);
  });
});

describe('descriptionOf', () => {
  it('finds the words written beside a reference', () => {
    expect(descriptionOf({ allOf: [ref('PayBand'), { description: "The level's estimate" }] })).toBe(
      "The level's estimate",
    );
  });
});
