import { Catalog } from '../core/catalog.js';
import { focusCodeFor, profileCode } from '../core/codes.js';
import { LEVELS } from '../core/levels.js';
import type {
  CareerLinks,
  ClassificationMapping,
  Focus,
  LevelExperience,
  PayObservation,
  ProfileRecord,
  ProfileStatus,
  Skill,
  Source,
  SourceRow,
  Statement,
  Taxonomy,
  TaxonomyFunction,
} from '../core/taxonomy.js';

/** The source every statement of a built taxonomy cites unless it says otherwise. */
export const TEST_SOURCE: Source = {
  id: 'test-source',
  title: 'Test source',
  kind: 'reference',
  publisher: 'Canon tests',
  url: null,
  note: null,
};

/** A statement as a plain string (citing TEST_SOURCE) or in full. */
export type StatementSpec = string | Statement;

export interface ProfileSpec {
  status?: ProfileStatus;
  aliases?: StatementSpec[];
  responsibilities?: StatementSpec[];
  /** Rows the level's guidelines cite. */
  rubricRows?: SourceRow[];
  career?: Partial<Record<keyof CareerLinks, StatementSpec[]>>;
  skills?: Skill[];
  experience?: LevelExperience;
  pay?: PayObservation[];
}

export interface FocusSpec {
  key: string;
  name?: string;
  /** O*NET-SOC mappings, e.g. "29-1141". */
  soc?: string[];
  /** Mappings beyond `soc`, in full. */
  mappings?: ClassificationMapping[];
  skills?: Skill[];
  /** One profile per level code; the ladder follows the level framework's order whatever the keys' order. */
  levels: Record<string, ProfileSpec>;
}

export interface FunctionSpec {
  code: string;
  name?: string;
  focuses: FocusSpec[];
}

const statement = (spec: StatementSpec): Statement =>
  typeof spec === 'string' ? { text: spec, sources: [TEST_SOURCE.id] } : spec;

/**
 * A taxonomy from plain objects, every field a test does not care about filled in: name the
 * functions, their focuses and each focus's levels, and say only what the test is about.
 */
export function buildTaxonomy(functions: FunctionSpec[], sources: Source[] = []): Taxonomy {
  const focuses: Focus[] = [];
  const profiles: ProfileRecord[] = [];
  const fns: TaxonomyFunction[] = functions.map((fn) => ({
    code: fn.code,
    key: fn.code.toLowerCase(),
    name: fn.name ?? `Function ${fn.code}`,
    description: `What ${fn.name ?? fn.code} does.`,
    sources: [TEST_SOURCE.id],
  }));
  for (const fn of functions) {
    for (const spec of fn.focuses) {
      const code = focusCodeFor(fn.code, spec.key);
      const name = spec.name ?? spec.key;
      const levelCodes = LEVELS.map((l) => l.code).filter((l) => Object.hasOwn(spec.levels, l));
      const levels: Focus['levels'] = {};
      for (const levelCode of levelCodes) {
        const p = spec.levels[levelCode] ?? {};
        levels[levelCode] = {
          responsibilities: (p.responsibilities ?? [`Does the ${levelCode} work of ${name}.`]).map(statement),
          rubric: {
            knowledge: `${levelCode} knowledge`,
            complexity: `${levelCode} complexity`,
            collaboration: `${levelCode} collaboration`,
            degreeYears: `${levelCode} degree and years`,
            sources: [TEST_SOURCE.id],
            ...(p.rubricRows ? { rows: p.rubricRows } : {}),
          },
          career: {
            entryFrom: (p.career?.entryFrom ?? []).map(statement),
            advancementTo: (p.career?.advancementTo ?? []).map(statement),
            lateral: (p.career?.lateral ?? []).map(statement),
          },
          ...(p.skills ? { skills: p.skills } : {}),
          ...(p.experience ? { experience: p.experience } : {}),
        };
        profiles.push({
          code: profileCode(fn.code, code, levelCode),
          functionCode: fn.code,
          focusCode: code,
          levelCode,
          status: p.status ?? 'approved',
          version: (p.status ?? 'approved') === 'approved' ? 1 : null,
          region: 'global',
          confidence: null,
          aliases: (p.aliases ?? []).map(statement),
          pay: p.pay ?? [],
        });
      }
      focuses.push({
        code,
        key: spec.key,
        functionCode: fn.code,
        name,
        description: `What a ${name} does.`,
        distinctFrom: [],
        differential: { pay: false, skill: false, sources: [TEST_SOURCE.id] },
        levelCodes,
        levels,
        skills: spec.skills ?? [],
        mappings: [
          ...(spec.soc ?? []).map((soc) => ({
            system: 'onet-soc' as const,
            code: soc,
            title: null,
            origin: 'test',
            confidence: null,
            sources: [TEST_SOURCE.id],
          })),
          ...(spec.mappings ?? []),
        ],
        transitions: [],
        titleCues: [],
        sources: [TEST_SOURCE.id],
      });
    }
  }
  return { sources: [TEST_SOURCE, ...sources], functions: fns, focuses, profiles };
}

export function buildCatalog(functions: FunctionSpec[], sources: Source[] = []): Catalog {
  return new Catalog(buildTaxonomy(functions, sources));
}
