import type { ClassificationMapping } from '../core/taxonomy.js';
import type { Member } from './groupOccupations.js';
import { onetOccupationsOf, type ReferenceData } from './referenceData.js';
import { onetRow } from './sourceRows.js';

/** What made a generated mapping, shown beside it. */
export const BUILD_ORIGIN = 'canon.build';
const ESCO_PER_FOCUS = 12;

/**
 * A focus's classification mappings. SOC 2018 and O*NET-SOC are the focus's own
 * members (confidence 1). ISCO-08 comes from the BLS SOC 2010 ↔ ISCO-08 table,
 * chained through the SOC 2010 → 2018 crosswalk; ESCO occupations from O*NET's
 * ESCO → O*NET-SOC crosswalk, kept only where the ESCO label still matches
 * (codes were reused between ESCO versions). Where one SOC code maps to several
 * groups, each gets the share 1/n as its confidence: the tables say no more.
 */
export function focusMappings(members: readonly Member[], ref: ReferenceData): ClassificationMapping[] {
  const out: ClassificationMapping[] = [];
  const onetCodes: string[] = [];
  for (const m of members) {
    out.push({
      system: 'onet-soc',
      code: m.soc,
      title: m.title,
      origin: BUILD_ORIGIN,
      confidence: 1,
      sources: ['soc-2018', 'onet-29-3'],
      rows: [{ source: 'soc-2018', file: 'soc_2018_definitions.tsv', key: m.soc }],
      entryLevel: m.anchor,
    });
    for (const o of onetOccupationsOf(ref, m.soc)) {
      onetCodes.push(o.code);
      if (o.code.endsWith('.00')) continue;
      out.push({
        system: 'onet-soc',
        code: o.code,
        title: o.title,
        origin: BUILD_ORIGIN,
        confidence: 1,
        sources: ['onet-29-3'],
        rows: [onetRow('Occupation Data.txt', o.code)],
        entryLevel: m.anchor,
      });
    }
  }
  const isco = new Map<string, ClassificationMapping>();
  for (const m of members) {
    const groups = ref.isco.get(m.soc) ?? [];
    for (const g of groups) {
      if (isco.has(g.code)) continue;
      isco.set(g.code, {
        system: 'isco',
        code: g.code,
        title: g.title,
        origin: 'bls.soc-isco',
        confidence: round(1 / groups.length),
        sources: ['bls-soc-isco'],
        rows: [{ source: 'bls-soc-isco', file: 'ISCO_SOC_Crosswalk.csv', key: `${g.via} · ${g.code}` }],
      });
    }
  }
  const esco: ClassificationMapping[] = [];
  for (const code of onetCodes) {
    const matched = ref.esco.get(code) ?? [];
    for (const e of matched) {
      if (esco.some((x) => x.code === e.uri)) continue;
      esco.push({
        system: 'esco',
        code: e.uri,
        title: e.label,
        origin: 'onet.esco-crosswalk',
        confidence: round(1 / matched.length),
        sources: ['esco-1-2', 'onet-esco-crosswalk'],
        rows: [{ source: 'onet-esco-crosswalk', file: 'ESCO_to_ONET-SOC.csv', key: `${e.code} · ${code}` }],
      });
      // ESCO's own ISCO group stands in where the BLS table has none for this SOC code.
      if (e.isco && !isco.has(e.isco)) {
        isco.set(e.isco, {
          system: 'isco',
          code: e.isco,
          title: null,
          origin: 'esco.isco-group',
          confidence: round(1 / matched.length),
          sources: ['esco-1-2'],
          rows: [{ source: 'esco-1-2', file: 'occupations_en.csv', key: e.uri }],
        });
      }
    }
  }
  esco.sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0) || (a.code < b.code ? -1 : 1));
  return [
    ...out,
    ...[...isco.values()].sort((a, b) => (a.code < b.code ? -1 : 1)),
    ...esco.slice(0, ESCO_PER_FOCUS),
  ];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
