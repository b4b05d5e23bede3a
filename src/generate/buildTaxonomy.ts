import type { TaxonomyRelease } from '../builtin/releaseFile.js';
import { focusCodeFor, profileCode } from '../core/codes.js';
import { CanonError } from '../core/errors.js';
import { getLevel } from '../core/levels.js';
import type { OccupationPayRecord } from '../core/payBands.js';
import type { Focus, ProfileRecord, Source, Taxonomy, TaxonomyFunction } from '../core/taxonomy.js';
import { focusMappings } from './focusMappings.js';
import { focusSkills, onetCodesOf } from './focusSkills.js';
import { FUNCTION_RULES } from './functionRules.js';
import { type FocusPlan, planFocuses } from './groupOccupations.js';
import { levelAliases } from './levelAliases.js';
import { focusLevels, levelContent, placeTasks } from './levelContent.js';
import type { Overlay } from './overlay.js';
import type { ReferenceData } from './referenceData.js';
import { type BandedTask, bandOf } from './taskBands.js';

export const RELEASE_FORMAT = 1;
const DESCRIPTION_LIMIT = 700;

/**
 * Builds the generated part of the built-in taxonomy: every SOC 2018 occupation
 * that no curated focus claims (`claimedSocCodes`), grouped into focuses by the rules in
 * `groupOccupations.ts`, with each statement citing the row it came from. The
 * result depends on the inputs alone: no clock, no randomness, sorted output.
 */
export function buildTaxonomy(ref: ReferenceData, curated: Taxonomy, overlay: Overlay): TaxonomyRelease {
  const plans = planFocuses(ref, claimedSocCodes(curated), overlay);

  const banded = new Map<string, BandedTask[]>();
  for (const soc of ref.soc.keys())
    banded.set(
      soc,
      onetCodesOf(soc, ref).flatMap((code) => (ref.tasks.get(code) ?? []).map((t) => bandOf(t, ref))),
    );

  const anchorRank = new Map<string, number>();
  for (const plan of plans) for (const m of plan.members) anchorRank.set(m.soc, getLevel(m.anchor).rank);
  const anchorRankOf = (soc: string) => anchorRank.get(soc) ?? null;

  const functions: TaxonomyFunction[] = FUNCTION_RULES.filter((rule) =>
    plans.some((p) => p.functionKey === rule.key),
  ).map((rule) => ({
    code: rule.code,
    key: rule.key,
    name: rule.name,
    description: rule.description,
    sources: ['soc-2018'],
  }));
  const functionCode = new Map(FUNCTION_RULES.map((r) => [r.key, r.code]));
  const focuses: Focus[] = [];
  const profiles: ProfileRecord[] = [];
  const usedCodes = new Map<string, string>();
  for (const plan of plans) {
    const fnCode = functionCode.get(plan.functionKey) ?? 'EXECUT';
    const code = focusCodeFor(fnCode, plan.key);
    const clash = usedCodes.get(code);
    if (clash)
      throw new CanonError(
        'invalid_data',
        `Focus code ${code} would be shared by "${clash}" and "${plan.key}".`,
      );
    usedCodes.set(code, plan.key);
    const placed = placeTasks(plan, banded);
    const levelCodes = focusLevels(plan, placed);
    const levels: Focus['levels'] = {};
    for (const levelCode of levelCodes)
      levels[levelCode] = levelContent(plan, levelCode, placed, ref, anchorRankOf);
    const tasks = placed.map((p) => p.task);
    focuses.push({
      code,
      key: plan.key,
      functionCode: fnCode,
      name: plan.name,
      description: describe(plan, ref),
      distinctFrom: distinctFrom(plan, plans, ref),
      differential: { pay: false, skill: false, sources: ['onet-29-3'] },
      levelCodes,
      levels,
      skills: focusSkills(plan.members, tasks, ref),
      mappings: focusMappings(plan.members, ref),
      transitions: [],
      titleCues: [],
      sources: ['onet-29-3', 'soc-2018'],
    });
    const aliases = levelAliases(plan.members, levelCodes, ref);
    for (const levelCode of levelCodes) {
      profiles.push({
        code: profileCode(fnCode, code, levelCode),
        functionCode: fnCode,
        focusCode: code,
        levelCode,
        status: 'approved',
        version: 1,
        region: 'US',
        confidence: null,
        aliases: aliases.get(levelCode) ?? [],
        pay: [],
      });
    }
  }
  return {
    version: `${RELEASE_FORMAT}+${ref.releases.map((r) => r.id).join('.')}`,
    builtFrom: ref.releases,
    taxonomy: { sources: releaseSources(), functions, focuses, profiles },
    wages: wageRecords(ref),
  };
}

/** SOC's definition of the focus's occupation; for several, their list and the largest one's definition, named. */
/**
 * The SOC codes curated focuses take for themselves: those they map whole (29-1141 or
 * 29-1141.00). A curated focus that maps one O*NET specialisation (15-1299.08) shares
 * it; the rest of that SOC code's occupations still need a generated focus.
 */
export function claimedSocCodes(curated: Taxonomy): Set<string> {
  return new Set(
    curated.focuses.flatMap((f) =>
      f.mappings
        .filter((m) => m.system === 'onet-soc' && /^\d{2}-\d{4}(?:\.00)?$/.test(m.code))
        .map((m) => m.code.slice(0, 7)),
    ),
  );
}

function describe(plan: FocusPlan, ref: ReferenceData): string {
  const definition = (soc: string) => ref.soc.get(soc)?.definition ?? '';
  let text: string;
  if (plan.members.length === 1) text = definition(plan.members[0]?.soc ?? '');
  else {
    const largest = [...plan.members].sort(
      (a, b) =>
        (ref.wages.get(b.soc)?.employment ?? 0) - (ref.wages.get(a.soc)?.employment ?? 0) ||
        (a.soc < b.soc ? -1 : 1),
    )[0];
    text = `Covers ${plan.members.map((m) => m.title).join('; ')}.${largest ? ` ${largest.title}, the most employed: ${definition(largest.soc)}` : ''}`;
  }
  return text.length > DESCRIPTION_LIMIT
    ? `${text.slice(0, DESCRIPTION_LIMIT - 1).replace(/\s+\S*$/, '')}…`
    : text;
}

/** Focuses of the same SOC minor group read alike; each says how it differs, in SOC's own definitions. */
function distinctFrom(
  plan: FocusPlan,
  plans: readonly FocusPlan[],
  ref: ReferenceData,
): Focus['distinctFrom'] {
  const minor = plan.members[0]?.soc.slice(0, 4);
  return plans
    .filter((p) => p !== plan && p.members[0]?.soc.slice(0, 4) === minor)
    .slice(0, 3)
    .map((p) => {
      const definition = ref.soc.get(p.members[0]?.soc ?? '')?.definition ?? '';
      const first = definition.split(/(?<=\.)\s/)[0] ?? '';
      return { focusKey: p.key, how: `${p.name}: ${first}` };
    });
}

function wageRecords(ref: ReferenceData): OccupationPayRecord[] {
  const records: OccupationPayRecord[] = [];
  for (const w of [...ref.wages.values()].sort((a, b) => (a.soc < b.soc ? -1 : 1))) {
    const percentiles: OccupationPayRecord['percentiles'] = {};
    for (const key of ['p10', 'p25', 'median', 'p75', 'p90'] as const) {
      const v = w[key];
      if (v !== null) percentiles[key] = v;
    }
    records.push({
      dataset: 'bls-oews-2024',
      socCode: w.soc,
      region: 'US',
      currency: 'USD',
      percentiles,
      topCoded: w.topCoded as OccupationPayRecord['topCoded'],
      employment: w.employment,
      asOf: ref.wagesAsOf,
      source: 'BLS OEWS',
    });
  }
  return records;
}

/** The sources a generated release cites beside those of data/sources.yaml. */
export function releaseSources(): Source[] {
  const ref = (id: string, title: string, publisher: string, url: string, note: string): Source => ({
    id,
    title,
    kind: 'taxonomy',
    publisher,
    url,
    note,
  });
  return [
    ref(
      'esco-1-2',
      'ESCO v1.2.0 occupations and skills',
      'European Commission — this service uses the ESCO classification of the European Commission',
      'https://esco.ec.europa.eu/',
      'ESCO occupations, their alternative labels and essential skills (occupation–skill relations reconstructed by label; see the project README).',
    ),
    ref(
      'onet-esco-crosswalk',
      'ESCO to O*NET-SOC crosswalk (O*NET Resource Center)',
      'U.S. Department of Labor, Employment and Training Administration, CC BY 4.0; uses the ESCO classification of the European Commission (ESCO v1.1.0)',
      'https://www.onetcenter.org/crosswalks.html',
      'Matches ESCO occupations to O*NET-SOC 2019 codes; rows whose ESCO label no longer matches ESCO 1.2 are left out.',
    ),
    ref(
      'bls-soc-isco',
      'SOC 2010 to ISCO-08 crosswalk',
      'U.S. Bureau of Labor Statistics (public domain)',
      'https://www.bls.gov/soc/soccrosswalks.htm',
      'Chained to SOC 2018 through the BLS SOC 2010 → 2018 crosswalk.',
    ),
    ref(
      'bls-oews-2024',
      'Occupational Employment and Wage Statistics, May 2024, national',
      'U.S. Bureau of Labor Statistics (public domain)',
      'https://www.bls.gov/oes/',
      'Annual wage percentiles (10th–90th) and employment by SOC 2018 code, all industries.',
    ),
  ];
}
