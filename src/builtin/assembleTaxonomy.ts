import { focusCodeFor, profileCode } from '../core/codes.js';
import { findLevel, levelRange } from '../core/levels.js';
import type {
  Focus,
  FocusLevelContent,
  ProfileRecord,
  Source,
  Statement,
  Taxonomy,
  TaxonomyFunction,
} from '../core/taxonomy.js';
import type { DataProblem } from './dataProblem.js';
import type { FocusFile, FunctionFile, SourcesFile, StatementInput } from './fileSchemas.js';

export interface ParsedFile<T> {
  file: string;
  value: T;
  lineOf: (path: readonly PropertyKey[]) => number | null;
}

export interface DataFiles {
  sources: ParsedFile<SourcesFile>;
  functions: ParsedFile<FunctionFile>[];
  focuses: ParsedFile<FocusFile>[];
}

/**
 * Turns validated files into one taxonomy, checking what a schema cannot see:
 * references between files, uniqueness, level ranges and that every statement
 * ends up citing a known source.
 */
export function assembleTaxonomy(files: DataFiles, problems: DataProblem[]): Taxonomy {
  const sources: Source[] = files.sources.value.sources.map((s) => ({
    id: s.id,
    title: s.title,
    kind: s.kind,
    publisher: s.publisher ?? null,
    url: s.url ?? null,
    note: s.note ?? null,
  }));
  const sourceIds = new Set<string>();
  files.sources.value.sources.forEach((s, i) => {
    if (sourceIds.has(s.id)) report(files.sources, ['sources', i, 'id'], `duplicate source id "${s.id}"`);
    sourceIds.add(s.id);
  });

  function report(file: ParsedFile<unknown>, path: PropertyKey[], message: string): void {
    problems.push({ file: file.file, line: file.lineOf(path), field: path.join('.'), message });
  }

  function cite(file: ParsedFile<unknown>, path: PropertyKey[], ids: string[] | undefined): string[] {
    if (!ids || ids.length === 0) {
      report(file, path, 'no sources: every statement must cite at least one source id');
      return [];
    }
    ids.forEach((id, i) => {
      if (!sourceIds.has(id))
        report(file, [...path, 'sources', i], `unknown source id "${id}" (see data/sources.yaml)`);
    });
    return ids;
  }

  const functions: TaxonomyFunction[] = [];
  for (const f of files.functions) {
    if (functions.some((x) => x.code === f.value.code))
      report(f, ['code'], `duplicate function code ${f.value.code}`);
    functions.push({
      code: f.value.code,
      key: f.value.key,
      name: f.value.name,
      description: f.value.description,
      sources: cite(f, [], f.value.sources),
    });
  }

  const focuses: Focus[] = [];
  const profiles: ProfileRecord[] = [];
  for (const f of files.focuses) {
    const v = f.value;
    if (!functions.some((fn) => fn.code === v.function)) {
      report(
        f,
        ['function'],
        `unknown function code ${v.function}; known: ${functions.map((x) => x.code).join(', ')}`,
      );
    }
    const code = v.code ?? focusCodeFor(v.function, v.key);
    if (focuses.some((x) => x.code === code || x.key === v.key))
      report(f, ['key'], `duplicate focus key or code (${v.key}, ${code})`);

    let levelCodes: string[] = [];
    try {
      levelCodes = levelRange(v.levels.from, v.levels.to).map((l) => l.code);
    } catch (error) {
      report(f, ['levels'], (error as Error).message);
    }
    for (const key of Object.keys(v.levelContent)) {
      if (!levelCodes.includes(key))
        report(
          f,
          ['levelContent', key],
          `level ${key} is outside the focus range ${v.levels.from}–${v.levels.to}`,
        );
    }

    const statements = (items: StatementInput[], path: PropertyKey[], fallback: string[]): Statement[] =>
      items.map((item, i) => {
        const text = typeof item === 'string' ? item : item.text;
        const ids = typeof item === 'string' ? fallback : (item.sources ?? fallback);
        return { text, sources: cite(f, [...path, i], ids) };
      });

    const levels: Record<string, FocusLevelContent> = {};
    for (const levelCode of levelCodes) {
      const block = v.levelContent[levelCode];
      if (!block) {
        report(
          f,
          ['levelContent'],
          `missing content for level ${levelCode} (the focus spans ${v.levels.from}–${v.levels.to})`,
        );
        continue;
      }
      const base = block.sources ?? v.sources;
      const path = ['levelContent', levelCode];
      const { sources: rubricSources, ...rubric } = block.rubric;
      levels[levelCode] = {
        responsibilities: statements(block.responsibilities, [...path, 'responsibilities'], base),
        rubric: { ...rubric, sources: cite(f, [...path, 'rubric'], rubricSources ?? base) },
        career: {
          entryFrom: statements(
            block.career?.entryFrom ?? [],
            [...path, 'career', 'entryFrom'],
            block.career?.sources ?? base,
          ),
          advancementTo: statements(
            block.career?.advancementTo ?? [],
            [...path, 'career', 'advancementTo'],
            block.career?.sources ?? base,
          ),
          lateral: statements(
            block.career?.lateral ?? [],
            [...path, 'career', 'lateral'],
            block.career?.sources ?? base,
          ),
        },
      };
      const p = block.profile;
      profiles.push({
        code: profileCode(v.function, code, levelCode),
        functionCode: v.function,
        focusCode: code,
        levelCode,
        status: p?.status ?? 'draft',
        version: p?.version ?? null,
        region: p?.region ?? 'global',
        confidence: p?.confidence
          ? {
              score: p.confidence.score,
              sources: cite(f, [...path, 'profile', 'confidence'], p.confidence.sources),
            }
          : null,
        aliases: statements(p?.aliases ?? [], [...path, 'profile', 'aliases'], base),
        pay: (p?.pay ?? []).map((o, i) => ({
          currency: o.currency,
          period: o.period,
          region: o.region,
          median: o.median,
          low: o.low ?? null,
          high: o.high ?? null,
          basis: o.basis,
          asOf: o.asOf ?? null,
          sources: cite(f, [...path, 'profile', 'pay', i], o.sources ?? base),
        })),
      });
      if (p?.status === 'approved' && p.version === undefined) {
        report(f, [...path, 'profile', 'version'], 'an approved profile needs a version number');
      }
    }

    focuses.push({
      code,
      key: v.key,
      functionCode: v.function,
      name: v.name,
      description: v.description,
      distinctFrom: v.distinctFrom.map((d) => ({ focusKey: d.focus, how: d.how })),
      differential: {
        pay: v.differential.pay,
        skill: v.differential.skill,
        sources: cite(f, ['differential'], v.differential.sources ?? v.sources),
      },
      levelCodes,
      levels,
      skills: v.skills.map((s, i) => ({
        name: s.name,
        application: s.application,
        kind: s.kind,
        sources: cite(f, ['skills', i], s.sources ?? v.sources),
      })),
      mappings: v.mappings.map((m, i) => ({
        system: m.system,
        code: m.code,
        title: m.title ?? null,
        origin: m.origin,
        confidence: m.confidence ?? null,
        sources: cite(f, ['mappings', i], m.sources ?? v.sources),
      })),
      titleCues: v.titleCues,
      transitions: v.transitions.map((t, i) => {
        const from = findLevel(t.from);
        const to = findLevel(t.to);
        if (
          !levelCodes.includes(t.from) ||
          !levelCodes.includes(t.to) ||
          !from ||
          !to ||
          from.rank >= to.rank
        ) {
          report(
            f,
            ['transitions', i],
            `a transition must go upward between two levels of the focus; got ${t.from} → ${t.to}`,
          );
        }
        if (t.typicalYears && t.typicalYears.min > t.typicalYears.max) {
          report(f, ['transitions', i, 'typicalYears'], 'min must not exceed max');
        }
        return {
          from: t.from,
          to: t.to,
          keyShift: t.keyShift,
          typicalYears: t.typicalYears ?? null,
          sources: cite(f, ['transitions', i], t.sources ?? v.sources),
        };
      }),
      sources: cite(f, [], v.sources),
    });
  }

  for (const f of files.focuses) {
    f.value.distinctFrom.forEach((d, i) => {
      if (!focuses.some((x) => x.key === d.focus))
        report(f, ['distinctFrom', i, 'focus'], `unknown focus key "${d.focus}"`);
    });
  }

  return { sources, functions, focuses, profiles };
}
