import { getLevel } from '../core/levels.js';
import type { SourceRow, Statement } from '../core/taxonomy.js';
import { normalizeTitle } from '../resolve/normalizeTitle.js';
import { readSeniority } from '../resolve/readSeniority.js';
import { onetCodesOf } from './focusSkills.js';
import type { Member } from './groupOccupations.js';
import type { ReferenceData } from './referenceData.js';
import { onetRow } from './sourceRows.js';

const ALIASES_PER_LEVEL = 15;

/**
 * Title aliases per level. A title whose words state a seniority (the resolver's
 * seniority reader: "Senior", "Lead", "Chief …") goes to the focus level nearest
 * that seniority's rank; a title that states none goes to its occupation's entry
 * level. Reported titles come first (people wrote them), then O*NET's alternate
 * titles, then ESCO's labels.
 */
export function levelAliases(
  members: readonly Member[],
  levelCodes: readonly string[],
  ref: ReferenceData,
): Map<string, Statement[]> {
  const out = new Map<string, Statement[]>(levelCodes.map((c) => [c, []]));
  const seen = new Set<string>();
  const place = (member: Member, title: string, row: SourceRow) => {
    const key = title.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    const seniority = readSeniority(normalizeTitle(title).words);
    const level = seniority.stated ? nearest(levelCodes, seniority.level.rank, member.anchor) : member.anchor;
    const list = out.get(level);
    if (list && list.length < ALIASES_PER_LEVEL)
      list.push({ text: title, sources: [row.source], rows: [row] });
  };
  for (const member of members) {
    const codes = onetCodesOf(member.soc, ref);
    for (const onet of codes)
      for (const t of ref.reportedTitles.get(onet) ?? [])
        place(member, t, onetRow('Sample of Reported Titles.txt', `${onet} · ${t}`));
    for (const onet of codes)
      for (const t of ref.alternateTitles.get(onet) ?? [])
        place(member, t, onetRow('Alternate Titles.txt', `${onet} · ${t}`));
    for (const onet of codes)
      for (const e of ref.esco.get(onet) ?? [])
        for (const t of [e.label, ...e.altLabels])
          place(member, capitalise(t), {
            source: 'esco-1-2',
            file: 'occupations_en.csv',
            key: `${e.uri} · ${t}`,
          });
  }
  return out;
}

/** The level of the focus nearest a rank; on a tie, the one on the anchor's track. */
function nearest(levelCodes: readonly string[], rank: number, anchor: string): string {
  const track = getLevel(anchor).track;
  let best = anchor;
  let gap = Number.POSITIVE_INFINITY;
  for (const code of levelCodes) {
    const level = getLevel(code);
    const d = Math.abs(level.rank - rank);
    if (d < gap || (d === gap && level.track === track)) {
      best = code;
      gap = d;
    }
  }
  return best;
}

function capitalise(text: string): string {
  return text.replace(/\b[a-z]/g, (c) => c.toUpperCase());
}
