import type { Source, SourceRow, Taxonomy } from '../core/taxonomy.js';
import { buildTaxonomy, type FocusSpec, type FunctionSpec, type ProfileSpec } from './buildTaxonomy.js';

/** The reference release the large taxonomy's rows come from, as data/sources.yaml names it. */
export const ONET_SOURCE: Source = {
  id: 'onet-29-3',
  title: 'O*NET 29.3 Database',
  kind: 'taxonomy',
  publisher: 'U.S. Department of Labor, Employment and Training Administration (used under CC BY 4.0)',
  url: 'https://www.onetcenter.org/database.html',
  note: null,
};

const FUNCTION_NAMES = [
  'Management',
  'Business and Financial Operations',
  'Computer and Mathematical',
  'Architecture and Engineering',
  'Life, Physical and Social Science',
  'Community and Social Service',
  'Legal',
  'Educational Instruction and Library',
  'Arts, Design, Entertainment and Media',
  'Healthcare Practitioners and Technical',
  'Healthcare Support',
  'Protective Service',
  'Food Preparation and Serving',
  'Building and Grounds Maintenance',
  'Personal Care and Service',
  'Sales and Related',
  'Office and Administrative Support',
  'Farming, Fishing and Forestry',
  'Construction and Extraction',
  'Installation, Maintenance and Repair',
  'Production',
  'Transportation and Material Moving',
  'Military Specific',
  'Research and Development',
  'Customer Operations',
];

const NOUNS = [
  'Nurse',
  'Electrician',
  'Accountant',
  'Welder',
  'Paralegal',
  'Chemist',
  'Cook',
  'Driver',
  'Teacher',
  'Librarian',
  'Designer',
  'Surveyor',
  'Plumber',
  'Pharmacist',
  'Mechanic',
  'Auditor',
  'Analyst',
  'Therapist',
  'Machinist',
  'Carpenter',
  'Dispatcher',
  'Editor',
  'Geologist',
  'Inspector',
  'Janitor',
  'Baker',
  'Clerk',
  'Counselor',
  'Dietitian',
  'Engineer',
  'Firefighter',
  'Gardener',
  'Hygienist',
  'Illustrator',
  'Jeweler',
  'Keeper',
  'Locksmith',
  'Millwright',
  'Navigator',
  'Optician',
];

const QUALIFIERS = [
  'Clinical',
  'Industrial',
  'Field',
  'Regional',
  'Commercial',
  'Residential',
  'Marine',
  'Forensic',
  'Public',
  'Digital',
  'Mobile',
  'Quality',
  'Senior Care',
];

/** Six-level ladders on all four tracks, taken in turn by the focuses. */
const LADDERS = [
  ['S1', 'S2', 'S3', 'S4', 'M1', 'M2'],
  ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'],
  ['P3', 'P4', 'P5', 'M3', 'M4', 'M5'],
  ['M4', 'M5', 'M6', 'E1', 'E2', 'E3'],
  ['S2', 'S3', 'S4', 'P1', 'P2', 'P3'],
] as const;

const ALIAS_PREFIXES = ['Trainee', 'Junior', 'Lead', 'Senior', 'Chief', 'Head'];

const row = (file: string, key: string): SourceRow => ({ source: ONET_SOURCE.id, file, key });

/**
 * A taxonomy the size of the generated release, deterministic: 25 functions (the first with 60
 * focuses), 500 focuses of six levels on the S, P, M and E tracks — 3,000 profiles — each focus
 * mapped to its own SOC code, each profile with two title aliases, statements citing O*NET rows,
 * and every status represented.
 */
export function largeTaxonomy(options: { functions?: number; focuses?: number } = {}): Taxonomy {
  const functionCount = options.functions ?? FUNCTION_NAMES.length;
  const focusCount = options.focuses ?? 500;
  const firstFocuses = Math.min(60, focusCount);
  const rest = Math.max(1, functionCount - 1);
  let focusIndex = 0;
  let profileIndex = 0;
  const functions: FunctionSpec[] = Array.from({ length: functionCount }, (_, f) => {
    const share =
      f === 0
        ? firstFocuses
        : Math.floor((focusCount - firstFocuses) / rest) + (f <= (focusCount - firstFocuses) % rest ? 1 : 0);
    const focuses: FocusSpec[] = Array.from({ length: share }, () => {
      const g = focusIndex++;
      const noun = NOUNS[g % NOUNS.length] as string;
      const name = `${QUALIFIERS[Math.floor(g / NOUNS.length) % QUALIFIERS.length]} ${noun}`;
      const soc = `${11 + (f % 43)}-${String(1000 + g).padStart(4, '0')}`;
      const ladder = LADDERS[g % LADDERS.length] ?? LADDERS[0];
      const levels = Object.fromEntries(
        ladder.map((levelCode, step) => {
          const n = profileIndex++;
          const aliases = [`${ALIAS_PREFIXES[step]} ${noun}`, `${name} grade ${step + 1}`];
          return [
            levelCode,
            {
              status:
                n % 17 === 0 ? 'retired' : n % 7 === 3 ? 'draft' : n % 11 === 5 ? 'in_review' : 'approved',
              aliases: aliases.map((text) => ({
                text,
                sources: [ONET_SOURCE.id],
                rows: [row('Alternate Titles.txt', `${soc}.00 · ${text}`)],
              })),
              responsibilities: [0, 1, 2].map((i) => ({
                text: `Carries out ${levelCode} duty ${i + 1} of a ${name}.`,
                sources: [ONET_SOURCE.id],
                rows: [row('Task Statements.txt', String(10_000 + n * 3 + i))],
              })),
              rubricRows: [row('Job Zones.txt', `${soc}.00`)],
            } satisfies ProfileSpec,
          ];
        }),
      );
      return { key: `${name} ${g}`, name, soc: [soc], levels };
    });
    return {
      code: `FUNC${String.fromCharCode(65 + Math.floor(f / 26))}${String.fromCharCode(65 + (f % 26))}`,
      name: FUNCTION_NAMES[f % FUNCTION_NAMES.length] as string,
      focuses,
    };
  });
  return buildTaxonomy(functions, [ONET_SOURCE]);
}
