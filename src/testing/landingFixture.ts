import { join } from 'node:path';
import { loadTaxonomy } from '../builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { focusCodeFor } from '../core/codes.js';
import type {
  ClassificationMapping,
  Focus,
  ProfileStatus,
  Taxonomy,
  TaxonomyFunction,
} from '../core/taxonomy.js';
import { GENERATED_ORIGIN } from '../resolve/focusLanding.js';
import type { OccupationIndexData } from '../store/occupationRepository.js';

/**
 * Small taxonomies and occupation tables for landing tests: focuses shaped like
 * the ones the taxonomy build generates (O*NET sources only, `canon.build`
 * mappings, ladders on several tracks) beside the curated ones in data/.
 * Occupations and titles are synthetic, in O*NET's shape.
 */

export interface FocusSpec {
  functionCode: string;
  key: string;
  name?: string;
  levels: string[];
  /** [code, origin]: an O*NET-SOC or SOC 2018 code and who made the mapping. */
  mappings?: [string, string][];
  cues?: string[];
}

export function fixtureFocus(spec: FocusSpec): Focus {
  const name = spec.name ?? spec.key;
  const mappings: ClassificationMapping[] = (spec.mappings ?? []).map(([code, origin]) => ({
    system: 'onet-soc',
    code,
    title: null,
    origin,
    confidence: null,
    sources: ['onet-29-3'],
  }));
  return {
    code: focusCodeFor(spec.functionCode, spec.key),
    key: spec.key,
    functionCode: spec.functionCode,
    name,
    description: name,
    distinctFrom: [],
    differential: { pay: false, skill: false, sources: ['onet-29-3'] },
    levelCodes: spec.levels,
    levels: Object.fromEntries(
      spec.levels.map((level) => [
        level,
        {
          responsibilities: [],
          rubric: {
            knowledge: '',
            complexity: '',
            collaboration: '',
            degreeYears: '',
            sources: ['onet-29-3'],
          },
          career: { entryFrom: [], advancementTo: [], lateral: [] },
        },
      ]),
    ),
    skills: [],
    mappings,
    transitions: [],
    titleCues: spec.cues ?? [],
    sources: ['onet-29-3'],
  };
}

/** Electricians as the build would generate them: the support track with the supervisor above it. */
export const SUPPORT_FOCUS: FocusSpec = {
  functionCode: 'CONSTR',
  key: 'electricians',
  name: 'Electricians',
  levels: ['S1', 'S2', 'S3', 'S4', 'M1'],
  mappings: [['47-2111', GENERATED_ORIGIN]],
  cues: ['electrician'],
};

/** Software developers as the build would generate them: four professional levels and three management ones. */
export const PROFESSIONAL_FOCUS: FocusSpec = {
  functionCode: 'COMPUT',
  key: 'software-developers',
  name: 'Software Developers',
  levels: ['P1', 'P2', 'P3', 'P4', 'M1', 'M2', 'M3'],
  mappings: [['15-1252.00', GENERATED_ORIGIN]],
  cues: ['software developer'],
};

const functionFor = (code: string): TaxonomyFunction => ({
  code,
  key: code.toLowerCase(),
  name: code,
  description: code,
  sources: ['onet-29-3'],
});

/**
 * `base` (data/'s curated taxonomy unless given) with the focuses of `specs` added, every level of
 * each a profile; `status` overrides a profile's status by its level code.
 */
export async function taxonomyWith(
  specs: FocusSpec[],
  options: { base?: Taxonomy; status?: Record<string, ProfileStatus> } = {},
): Promise<Taxonomy> {
  const base = options.base ?? (await loadTaxonomy(join(PROJECT_ROOT, 'data')));
  const focuses = specs.map(fixtureFocus);
  const known = new Set(base.functions.map((f) => f.code));
  const functions = [...new Set(focuses.map((f) => f.functionCode))]
    .filter((c) => !known.has(c))
    .map(functionFor);
  return {
    ...base,
    functions: [...base.functions, ...functions],
    focuses: [...base.focuses, ...focuses],
    profiles: [
      ...base.profiles,
      ...focuses.flatMap((focus) =>
        focus.levelCodes.map((level) => ({
          code: `${focus.functionCode}.${focus.code}.${level}`,
          functionCode: focus.functionCode,
          focusCode: focus.code,
          levelCode: level,
          status: options.status?.[level] ?? ('approved' as const),
          version: 1,
          region: 'global',
          confidence: null,
          aliases: [],
          pay: [],
        })),
      ),
    ],
  };
}

/** The tiny taxonomy of the landing tests: the curated focuses, one support-track and one professional focus. */
export const landingTaxonomy = () => taxonomyWith([SUPPORT_FOCUS, PROFESSIONAL_FOCUS]);

const occupation = (onetCode: string, title: string, jobZone: number) => ({
  onetCode,
  socCode: onetCode.slice(0, 7),
  title,
  jobZone,
});
const alternates = (onetCode: string, titles: string[]) =>
  titles.map((title) => ({ onetCode, title, kind: 'alternate' }));

/** Occupations for the fixture focuses and the curated ones, with the alternate titles the tests use. */
export const LANDING_OCCUPATIONS: OccupationIndexData = {
  occupations: [
    occupation('47-2111.00', 'Electricians', 3),
    occupation('47-3013.00', 'Helpers--Electricians', 2),
    occupation('15-1252.00', 'Software Developers', 4),
    occupation('15-1299.08', 'Computer Systems Engineers/Architects', 4),
    occupation('11-3021.00', 'Computer and Information Systems Managers', 4),
    occupation('11-9041.00', 'Architectural and Engineering Managers', 4),
    occupation('11-1011.00', 'Chief Executives', 5),
    occupation('13-1111.00', 'Management Analysts', 4),
  ],
  titles: [
    ...alternates('47-2111.00', ['Electrician', 'Journeyman Electrician', 'Maintenance Electrician']),
    ...alternates('47-3013.00', ['Electrician Helper', 'Electrical Apprentice']),
    ...alternates('15-1252.00', ['Software Developer', 'Software Engineer', 'Application Developer']),
    ...alternates('15-1299.08', ['Software Architect', 'Solutions Architect']),
    ...alternates('11-3021.00', ['Information Technology Director', 'IT Manager']),
    ...alternates('11-9041.00', [
      'Engineering Manager',
      'Engineering Director',
      'Vice President of Engineering',
    ]),
    ...alternates('11-1011.00', ['Chief Executive Officer', 'Chief Technology Officer']),
    ...alternates('13-1111.00', ['Management Consultant']),
  ],
  socTitles: [],
};
