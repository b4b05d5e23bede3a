import { getLevel, type Level } from '../core/levels.js';
import type { CareerLinks, FocusLevelContent, RubricRow, SourceRow, Statement } from '../core/taxonomy.js';
import { onetCodesOf } from './focusSkills.js';
import { type FocusPlan, levelAbove, type Member } from './groupOccupations.js';
import type { ReferenceData } from './referenceData.js';
import { onetRow } from './sourceRows.js';
import type { BandedTask } from './taskBands.js';

/** Responsibilities kept per level: enough to describe the work, few enough to read. */
export const RESPONSIBILITIES_PER_LEVEL = 8;
const RELATED_PER_LEVEL = 5;
/** The statement a level gets when no source states work specific to it. */
export const NO_SOURCE_PREFIX = 'No source states';

export interface PlacedTask extends BandedTask {
  member: Member;
  level: string;
}

/** Each task at its member's anchor plus its band, so each level holds only the tasks placed there. */
export function placeTasks(plan: FocusPlan, banded: ReadonlyMap<string, BandedTask[]>): PlacedTask[] {
  return plan.members.flatMap((member) =>
    (banded.get(member.soc) ?? []).map((b) => ({ ...b, member, level: levelAbove(member.anchor, b.band) })),
  );
}

/** The focus's levels: every member's anchor up to the highest level its tasks reach, ordered by rank. */
export function focusLevels(plan: FocusPlan, placed: readonly PlacedTask[]): string[] {
  const codes = new Set<string>();
  for (const member of plan.members) {
    const mine = placed.filter((p) => p.member === member);
    const top = Math.max(0, ...mine.map((p) => p.band));
    for (let band = 0; band <= top; band++) codes.add(levelAbove(member.anchor, band));
  }
  const order = 'SPME';
  return [...codes].sort((a, b) => {
    const la = getLevel(a);
    const lb = getLevel(b);
    return la.rank - lb.rank || order.indexOf(la.track) - order.indexOf(lb.track);
  });
}

export function levelContent(
  plan: FocusPlan,
  levelCode: string,
  placed: readonly PlacedTask[],
  ref: ReferenceData,
  anchorRankOf: (soc: string) => number | null,
): FocusLevelContent {
  const level = getLevel(levelCode);
  const here = placed.filter((p) => p.level === levelCode);
  const members = membersAt(plan, levelCode, here);
  return {
    responsibilities: responsibilities(plan, level, here),
    rubric: rubric(level, members, here, ref),
    career: career(members, level, ref, anchorRankOf),
    ...(level.experience
      ? {
          experience: {
            min: level.experience.min,
            max: level.experience.max,
            openEnded: false,
            text: `${level.code} in the level framework: ${level.experience.min}–${level.experience.max} years of preparation.`,
            sources: [...level.experienceSources],
          },
        }
      : {}),
  };
}

/** The occupations whose work sits at this level; else those anchored nearest below it. */
function membersAt(plan: FocusPlan, levelCode: string, here: readonly PlacedTask[]): Member[] {
  const direct = plan.members.filter((m) => here.some((p) => p.member === m) || m.anchor === levelCode);
  if (direct.length > 0) return direct;
  const rank = getLevel(levelCode).rank;
  const below = plan.members.filter((m) => getLevel(m.anchor).rank <= rank);
  return below.length > 0 ? below : plan.members;
}

function responsibilities(plan: FocusPlan, level: Level, here: readonly PlacedTask[]): Statement[] {
  const seen = new Set<string>();
  const chosen = [...here]
    .sort(
      (a, b) =>
        Number(b.task.core) - Number(a.task.core) ||
        (b.task.incumbents ?? 0) - (a.task.incumbents ?? 0) ||
        Number(a.task.id) - Number(b.task.id),
    )
    .filter((p) => {
      const key = p.task.text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, RESPONSIBILITIES_PER_LEVEL);
  if (chosen.length === 0) {
    return [
      {
        text: `${NO_SOURCE_PREFIX} work specific to ${level.code} (${level.title}) in ${plan.name}: O*NET links none of its occupations' tasks to the work activities that mark this level.`,
        sources: ['onet-29-3'],
      },
    ];
  }
  return chosen.map((p) => ({
    text: p.task.text,
    sources: ['onet-29-3'],
    rows: [
      onetRow('Task Statements.txt', p.task.id),
      ...(p.because ? [onetRow('Tasks to DWAs.txt', `${p.task.id} · ${p.because.id}`)] : []),
    ],
  }));
}

function rubric(
  level: Level,
  members: readonly Member[],
  here: readonly PlacedTask[],
  ref: ReferenceData,
): RubricRow {
  const main = members[0];
  const onet = main ? (onetCodesOf(main.soc, ref).find((c) => c.endsWith('.00')) ?? `${main.soc}.00`) : '';
  // The occupation's own row comes first: some (military ones) have no ratings to cite beside it.
  const rows: SourceRow[] = main ? [onetRow('Occupation Data.txt', onet)] : [];
  const knowledge = [...(ref.knowledge.get(onet) ?? [])]
    .sort((a, b) => b.importance - a.importance || (a.name < b.name ? -1 : 1))
    .slice(0, 3);
  for (const k of knowledge) rows.push(onetRow('Knowledge.txt', `${onet} · ${k.element}`));
  const occupation = main?.title ?? 'this work';
  const knowledgeText =
    knowledge.length > 0
      ? `Applies ${list(knowledge.map((k) => `${k.name} (importance ${k.importance.toFixed(1)}/5)`))}, the knowledge O*NET rates most important for ${occupation}; ${lower(level.autonomy)}.`
      : `O*NET gives no knowledge ratings for ${occupation}; ${lower(level.autonomy)}.`;

  const zone = main?.jobZone ? ref.jobZones.get(main.jobZone) : undefined;
  if (zone) rows.push(onetRow('Job Zones.txt', onet));
  const complexity = `${level.complexity}.${zone ? ` O*NET places ${occupation} in ${zone.name}.` : ''}`;

  const activities = [
    ...new Set(
      here
        .flatMap((p) => p.task.dwas)
        .map((id) => ref.activities.get(id))
        .filter((a) => a?.element.startsWith('4.A.4'))
        .map((a) => a?.elementName ?? ''),
    ),
  ]
    .sort()
    .slice(0, 3);
  const collaboration = `${level.leadership}.${activities.length > 0 ? ` Its tasks at this level involve ${list(activities.map(lower))}.` : ''}`;

  const degreeYears = educationText(onet, level, ref, rows);
  return {
    knowledge: knowledgeText,
    complexity,
    collaboration,
    degreeYears,
    sources: ['onet-29-3', ...level.sources.filter((s) => s !== 'onet-29-3')],
    rows,
  };
}

function educationText(onet: string, level: Level, ref: ReferenceData, rows: SourceRow[]): string {
  const profile = ref.education.get(onet);
  const parts: string[] = [];
  if (profile) {
    const education = [...profile.education.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const [first, second] = education;
    if (first && first[1] > 0) {
      rows.push(onetRow('Education, Training, and Experience.txt', `${onet} · 2.D.1 · RL`));
      const name = (c: number) => shortCategory(ref.educationCategories.get(c) ?? `category ${c}`);
      parts.push(
        `Most often ${name(first[0])} (${Math.round(first[1])}% of O*NET respondents${second && second[1] >= 20 ? `; ${name(second[0])} ${Math.round(second[1])}%` : ''})`,
      );
    }
    const experience = [...profile.experience.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    const text = experience ? ref.experienceCategories.get(experience[0]) : undefined;
    if (experience && text) {
      rows.push(onetRow('Education, Training, and Experience.txt', `${onet} · 3.A.1 · RW`));
      parts.push(`related work experience most often ${lower(text)} (${Math.round(experience[1])}%)`);
    } else if (experience?.[0] === 1) {
      rows.push(onetRow('Education, Training, and Experience.txt', `${onet} · 3.A.1 · RW`));
      parts.push(`most respondents report no related work experience (${Math.round(experience[1])}%)`);
    }
  }
  const occupationWide =
    parts.length > 0 ? `${parts.join('; ')} — for the occupation as a whole, not this level alone.` : '';
  const years = level.experience
    ? ` The level framework puts ${level.code} at ${level.experience.min}–${level.experience.max} years.`
    : '';
  return `${occupationWide}${years}`.trim() || 'No source states the degree or years for this level.';
}

function career(
  members: readonly Member[],
  level: Level,
  ref: ReferenceData,
  anchorRankOf: (soc: string) => number | null,
): CareerLinks {
  const links: CareerLinks = { entryFrom: [], advancementTo: [], lateral: [] };
  const own = new Set(members.map((m) => m.soc));
  const seen = new Set<string>();
  for (const member of members) {
    for (const onet of onetCodesOf(member.soc, ref)) {
      const related = [...(ref.related.get(onet) ?? [])]
        .filter((r) => r.tier.startsWith('Primary'))
        .sort((a, b) => a.index - b.index);
      for (const r of related) {
        const soc = r.code.slice(0, 7);
        if (own.has(soc) || seen.has(soc)) continue;
        const rank = anchorRankOf(soc);
        const title = ref.onet.get(r.code)?.title;
        if (rank === null || !title) continue;
        seen.add(soc);
        const statement: Statement = {
          text: title,
          sources: ['onet-29-3'],
          rows: [onetRow('Related Occupations.txt', `${onet} · ${r.code}`)],
        };
        const list =
          rank > level.rank ? links.advancementTo : rank < level.rank ? links.entryFrom : links.lateral;
        if (list.length < RELATED_PER_LEVEL) list.push(statement);
      }
    }
  }
  return links;
}

function shortCategory(text: string): string {
  return text.replace(/\s+-\s+.*$/, '').replace(/\s*\(.*\)$/, '');
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
