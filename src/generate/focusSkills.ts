import { contentStems } from '../core/review/textSimilarity.js';
import type { Skill, SourceRow } from '../core/taxonomy.js';
import type { Member } from './groupOccupations.js';
import { onetOccupationsOf, type Rating, type ReferenceData, type Task } from './referenceData.js';
import { onetRow } from './sourceRows.js';

const SKILLS_KEPT = 5;
const KNOWLEDGE_KEPT = 3;
const ESCO_KEPT = 5;
/** O*NET rates importance 1–5; below 3 a skill is not what the work turns on. */
const MIN_IMPORTANCE = 3;

interface Rated {
  name: string;
  importance: number;
  rows: SourceRow[];
  soft: boolean;
}

/**
 * The focus's skills: O*NET's most important skills and knowledge areas across
 * its occupations, then the ESCO essential skills its matched ESCO occupations
 * share most. Each says how it is applied by quoting the focus's task that names
 * it, or says that no source states it.
 */
export function focusSkills(members: readonly Member[], tasks: readonly Task[], ref: ReferenceData): Skill[] {
  const onetCodes = members.flatMap((m) => onetCodesOf(m.soc, ref));
  const skills = topRated(onetCodes, ref.skills, 'Skills.txt', SKILLS_KEPT, (r) =>
    r.element.startsWith('2.B.1'),
  );
  const knowledge = topRated(onetCodes, ref.knowledge, 'Knowledge.txt', KNOWLEDGE_KEPT, () => false);
  const esco = topEsco(onetCodes, ref);
  const taskStems = tasks.map((t) => ({ task: t, stems: contentStems(t.text) }));
  const seen = new Set<string>();
  const out: Skill[] = [];
  for (const item of [...skills, ...knowledge, ...esco]) {
    const key = item.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const applied = appliedIn(item.name, taskStems);
    out.push({
      name: capitalise(item.name),
      kind: item.soft ? 'soft' : 'hard',
      application: applied
        ? `Applied in the focus's task: "${applied.text}"`
        : `No source states how this is applied in this focus${item.importance > 0 ? `; O*NET rates its importance ${item.importance.toFixed(1)} of 5` : ''}.`,
      sources: item.rows.some((r) => r.source === 'esco-1-2') ? ['esco-1-2'] : ['onet-29-3'],
      rows: applied ? [...item.rows, onetRow('Task Statements.txt', applied.id)] : item.rows,
    });
  }
  return out;
}

export function onetCodesOf(soc: string, ref: ReferenceData): string[] {
  return onetOccupationsOf(ref, soc).map((o) => o.code);
}

function topRated(
  onetCodes: readonly string[],
  ratings: ReadonlyMap<string, Rating[]>,
  file: string,
  kept: number,
  soft: (r: Rating) => boolean,
): Rated[] {
  const byElement = new Map<string, { rating: Rating; sum: number; n: number; rows: SourceRow[] }>();
  for (const code of onetCodes) {
    for (const r of ratings.get(code) ?? []) {
      const entry = byElement.get(r.element) ?? { rating: r, sum: 0, n: 0, rows: [] };
      entry.sum += r.importance;
      entry.n += 1;
      entry.rows.push(onetRow(file, `${code} · ${r.element}`));
      byElement.set(r.element, entry);
    }
  }
  return [...byElement.values()]
    .map((e) => ({
      name: e.rating.name,
      importance: e.sum / e.n,
      rows: e.rows.slice(0, 3),
      soft: soft(e.rating),
    }))
    .filter((e) => e.importance >= MIN_IMPORTANCE)
    .sort((a, b) => b.importance - a.importance || (a.name < b.name ? -1 : 1))
    .slice(0, kept);
}

function topEsco(onetCodes: readonly string[], ref: ReferenceData): Rated[] {
  const counts = new Map<string, { n: number; rows: SourceRow[] }>();
  for (const code of onetCodes) {
    for (const occupation of ref.esco.get(code) ?? []) {
      for (const skill of new Set(occupation.essentialSkills)) {
        const entry = counts.get(skill) ?? { n: 0, rows: [] };
        entry.n += 1;
        if (entry.rows.length < 2)
          entry.rows.push({
            source: 'esco-1-2',
            file: 'occupationSkillRelations_derived.csv',
            key: `${occupation.uri} · ${skill}`,
          });
        counts.set(skill, entry);
      }
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1))
    .slice(0, ESCO_KEPT)
    .map(([name, e]) => ({ name, importance: 0, rows: e.rows, soft: false }));
}

/** The task sharing most content words with the skill's name (at least one); ties go to core tasks. */
function appliedIn(name: string, tasks: readonly { task: Task; stems: Set<string> }[]): Task | null {
  const wanted = contentStems(name);
  let best: { task: Task; score: number } | null = null;
  for (const { task, stems } of tasks) {
    let score = 0;
    for (const s of wanted) if (stems.has(s)) score++;
    if (score === 0) continue;
    if (!best || score > best.score || (score === best.score && task.core && !best.task.core))
      best = { task, score };
  }
  return best?.task ?? null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
