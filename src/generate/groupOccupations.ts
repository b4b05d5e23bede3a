import type { DataProblem } from '../builtin/dataProblem.js';
import { findLevel, getLevel, LEVELS, type Track } from '../core/levels.js';
import { FUNCTION_RULES, functionFor } from './functionRules.js';
import { type Overlay, overlayError } from './overlay.js';
import { onetOccupationsOf, type ReferenceData } from './referenceData.js';

/**
 * The rules that turn SOC 2018's 867 detailed occupations into focuses and give
 * each occupation its place on the level framework. Every rule is here, so the
 * shape of the generated taxonomy can be read (and tested) in one file:
 *
 * 1. **Role.** Occupations in SOC's "Supervisors of …" minor groups are first-line
 *    supervisors; the other 11-xxxx occupations are managers, except chief
 *    executives and legislators, who are executives.
 * 2. **Focus.** Workers are grouped by SOC broad group (e.g. 35-2010 Cooks). A
 *    supervisor joins the worker focus of its own major group whose titles share
 *    most words with what it supervises (ties: more employment), and sits at M1.
 *    Managers and executives form focuses of their own broad group.
 * 3. **Track.** A worker occupation is on the professional track (P) when O*NET puts
 *    it in Job Zone 4 or 5, or in Job Zone 3 inside a professional SOC minor group
 *    (healthcare practitioners, business and financial specialists, scientists, …);
 *    otherwise on the support track (S).
 * 4. **Entry level** (the anchor) follows the Job Zone: S1 for Job Zone 1, S2 for
 *    Job Zones 2–3 (an apprentice or trainee before journey level), P1 for Job
 *    Zones 3–4, P2 for Job Zone 5 (a graduate degree before the first post);
 *    supervisors M1, managers M2, executives E1.
 * 5. **Levels above the anchor** hold the occupation's tasks that O*NET links to
 *    more senior work activities (see `taskBands.ts`): one level per band, at most
 *    two above the anchor, never past the track's top.
 *
 * Curated focuses (data/focuses) take precedence: the SOC codes they map are left
 * out here. The overlay (data/overlay.yaml) is applied last.
 */

export type Role = 'worker' | 'supervisor' | 'manager' | 'executive';

export interface Member {
  soc: string;
  title: string;
  role: Role;
  jobZone: number | null;
  /** The level the occupation's entry-level tasks sit at. */
  anchor: string;
}

export interface FocusPlan {
  /** Stable key: the SOC group's title as a slug; never the display name. */
  key: string;
  name: string;
  functionKey: string;
  members: Member[];
}

/** Minor groups whose Job Zone 3 occupations are professional work, not support work. */
const PROFESSIONAL_MINOR_GROUPS = [
  '13-1',
  '13-2',
  '15-1',
  '15-2',
  '17-1',
  '17-2',
  '19-1',
  '19-2',
  '19-3',
  '21-1',
  '21-2',
  '23-1',
  '25-1',
  '25-2',
  '25-3',
  '25-4',
  '27-1',
  '27-3',
  '29-1',
];
const EXECUTIVE_GROUPS = ['11-1010', '11-1030'];
/** Two bands above the anchor at most: O*NET's activities tell no more steps apart. */
export const MAX_BANDS_ABOVE_ANCHOR = 2;

export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function broadGroupOf(soc: string): string {
  return `${soc.slice(0, 6)}0`;
}

export function roleOf(soc: string, groups: ReadonlyMap<string, string>): Role {
  const minor = `${soc.slice(0, 4)}000`;
  if (/^supervisors of|first-line enlisted military supervisors/i.test(groups.get(minor) ?? ''))
    return 'supervisor';
  if (!soc.startsWith('11-')) return 'worker';
  return EXECUTIVE_GROUPS.includes(broadGroupOf(soc)) ? 'executive' : 'manager';
}

export function trackOf(soc: string, jobZone: number | null): Track {
  if (jobZone !== null && jobZone >= 4) return 'P';
  const professional = PROFESSIONAL_MINOR_GROUPS.some((p) => soc.startsWith(p));
  if (jobZone === 3 || jobZone === null) return professional ? 'P' : 'S';
  return 'S';
}

export function anchorOf(role: Role, soc: string, jobZone: number | null): string {
  if (role === 'supervisor') return 'M1';
  if (role === 'manager') return 'M2';
  if (role === 'executive') return 'E1';
  if (trackOf(soc, jobZone) === 'P') return jobZone === 5 ? 'P2' : 'P1';
  return jobZone === 1 ? 'S1' : 'S2';
}

/** The level `bands` steps above `anchor` on its track, stopping at the track's top (supervisors stay at M1). */
export function levelAbove(anchor: string, bands: number): string {
  const level = getLevel(anchor);
  if (level.track === 'M' && level.step === 1) return anchor;
  const top = level.track === 'P' ? 5 : Number.POSITIVE_INFINITY;
  const step = Math.min(level.step + bands, top);
  return (
    findLevel(`${level.track}${step}`)?.code ??
    LEVELS.filter((l) => l.track === level.track).at(-1)?.code ??
    anchor
  );
}

/** An occupation's Job Zone: its O*NET .00 code's, else the lowest of its O*NET specialisations'. */
export function jobZoneOf(soc: string, ref: ReferenceData): number | null {
  const main = ref.onet.get(`${soc}.00`)?.jobZone;
  if (main) return main;
  const zones = onetOccupationsOf(ref, soc).flatMap((o) => (o.jobZone === null ? [] : [o.jobZone]));
  if (zones.length > 0) return Math.min(...zones);
  // "All Other" codes carry no ratings; their broad group's siblings say what preparation such work needs.
  const siblings = [...ref.onet.values()].filter(
    (o) => o.soc !== soc && broadGroupOf(o.soc) === broadGroupOf(soc) && o.jobZone !== null,
  );
  if (siblings.length === 0) return null;
  const sorted = siblings.map((o) => o.jobZone as number).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}

const STOP = new Set([
  'and',
  'of',
  'the',
  'or',
  'workers',
  'except',
  'all',
  'other',
  'first',
  'line',
  'supervisors',
  'occupations',
]);
function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length > 2 && !STOP.has(w))
      .map((w) => w.replace(/(?:ers|ing|ion|s)$/, '')),
  );
}

/**
 * Groups every SOC detailed occupation not claimed by a curated focus into
 * focus plans, then applies the overlay. Deterministic: plans come out sorted by key.
 */
export function planFocuses(ref: ReferenceData, claimed: ReadonlySet<string>, overlay: Overlay): FocusPlan[] {
  const byKey = new Map<string, FocusPlan>();
  const supervisors: Member[] = [];
  const memberOf = (soc: string): Member => {
    const title = ref.soc.get(soc)?.title ?? soc;
    const jobZone = jobZoneOf(soc, ref);
    const role = roleOf(soc, ref.socGroups);
    return { soc, title, role, jobZone, anchor: anchorOf(role, soc, jobZone) };
  };
  for (const soc of [...ref.soc.keys()].sort()) {
    if (claimed.has(soc)) continue;
    const member = memberOf(soc);
    if (member.role === 'supervisor') {
      supervisors.push(member);
      continue;
    }
    const broad = broadGroupOf(soc);
    const groupTitle = ref.socGroups.get(broad) ?? member.title;
    const key = slug(groupTitle);
    const plan = byKey.get(key) ?? {
      key,
      name: groupTitle,
      functionKey: functionFor(soc).key,
      members: [],
    };
    plan.members.push(member);
    byKey.set(key, plan);
  }

  const employment = (plan: FocusPlan) =>
    plan.members.reduce((sum, m) => sum + (ref.wages.get(m.soc)?.employment ?? 0), 0);
  for (const supervisor of supervisors) {
    const wanted = words(supervisor.title.replace(/^first-line supervisors of/i, ''));
    let best: { plan: FocusPlan; score: number; employment: number } | null = null;
    for (const plan of byKey.values()) {
      if (!plan.members.some((m) => m.role === 'worker' && m.soc.slice(0, 2) === supervisor.soc.slice(0, 2)))
        continue;
      const have = words(`${plan.name} ${plan.members.map((m) => m.title).join(' ')}`);
      const score = [...wanted].filter((w) => have.has(w)).length;
      const jobs = employment(plan);
      if (!best || score > best.score || (score === best.score && jobs > best.employment))
        best = { plan, score, employment: jobs };
    }
    if (best) best.plan.members.push(supervisor);
    else {
      // A supervisor with no worker focus in its major group leads a focus of its own.
      const key = slug(supervisor.title);
      byKey.set(key, {
        key,
        name: supervisor.title,
        functionKey: functionFor(supervisor.soc).key,
        members: [supervisor],
      });
    }
  }

  for (const plan of byKey.values()) {
    const only = plan.members.length === 1 ? plan.members[0] : undefined;
    if (only) plan.name = only.title;
  }
  const plans = applyOverlay([...byKey.values()], overlay, memberOf);
  for (const plan of plans) plan.members.sort((a, b) => (a.soc < b.soc ? -1 : a.soc > b.soc ? 1 : 0));
  return plans.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function applyOverlay(plans: FocusPlan[], overlay: Overlay, memberOf: (soc: string) => Member): FocusPlan[] {
  const byKey = new Map(plans.map((p) => [p.key, p]));
  const problems: DataProblem[] = [];
  const problem = (path: PropertyKey[], message: string) =>
    problems.push({ file: overlay.file, line: overlay.lineOf(path), field: path.join('.'), message });
  const focus = (key: string, path: PropertyKey[]): FocusPlan | null => {
    const plan = byKey.get(key);
    if (!plan) problem(path, `no generated focus has the key "${key}"`);
    return plan ?? null;
  };
  const take = (soc: string, path: PropertyKey[]): Member | null => {
    const plan = [...byKey.values()].find((p) => p.members.some((m) => m.soc === soc));
    if (!plan) {
      problem(path, `occupation ${soc} is in no generated focus (unknown, or claimed by a curated focus)`);
      return null;
    }
    const member = plan.members.find((m) => m.soc === soc) ?? memberOf(soc);
    plan.members = plan.members.filter((m) => m.soc !== soc);
    if (plan.members.length === 0) byKey.delete(plan.key);
    return member;
  };
  overlay.merges.forEach((merge, i) => {
    const into = focus(merge.into, ['merge', i, 'into']);
    merge.focuses.forEach((key, j) => {
      const from = focus(key, ['merge', i, 'focuses', j]);
      if (!into || !from || from === into) return;
      into.members.push(...from.members);
      byKey.delete(key);
    });
  });
  overlay.splits.forEach((split, i) => {
    if (byKey.has(split.key))
      problem(['split', i, 'key'], `a focus with the key "${split.key}" already exists`);
    const members = split.occupations
      .map((soc, j) => take(soc, ['split', i, 'occupations', j]))
      .filter((m): m is Member => m !== null);
    const first = members[0];
    if (first)
      byKey.set(split.key, {
        key: split.key,
        name: split.name,
        functionKey: functionFor(first.soc).key,
        members,
      });
  });
  overlay.moves.forEach((move, i) => {
    const target = focus(move.to, ['move', i, 'to']);
    const member = take(move.occupation, ['move', i, 'occupation']);
    if (target && member) target.members.push(move.level ? { ...member, anchor: move.level } : member);
  });
  overlay.renames.forEach((rename, i) => {
    const plan = focus(rename.focus, ['rename', i, 'focus']);
    if (plan) plan.name = rename.name;
  });
  overlay.functions.forEach((placement, i) => {
    const plan = focus(placement.focus, ['function', i, 'focus']);
    if (!FUNCTION_RULES.some((f) => f.key === placement.function))
      problem(
        ['function', i, 'function'],
        `unknown function "${placement.function}"; expected one of ${FUNCTION_RULES.map((f) => f.key).join(', ')}`,
      );
    else if (plan) plan.functionKey = placement.function;
  });
  if (problems.length > 0) throw overlayError(overlay.file, problems);
  return [...byKey.values()];
}
