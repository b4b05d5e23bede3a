import type { Catalog, ProfileView } from './catalog.js';
import { CanonError, quote } from './errors.js';
import { escapeMarkdown } from './format.js';

/** How often a person already does a thing: the scale of the self-assessment. */
export const RATING_LABELS = ['Not yet', 'Sometimes', 'Usually', 'Consistently'] as const;
export const RATING_MAX = RATING_LABELS.length - 1;
/** Items rated below "Usually" are what to grow. */
export const GROW_BELOW = 2;

export interface ReadinessItem {
  id: string;
  section: 'Responsibilities' | 'Level guidelines';
  label: string;
  text: string;
}

export interface RatedItem extends ReadinessItem {
  rating: number;
}

export interface ReadinessReport {
  profile: ProfileView;
  items: RatedItem[];
  /** Mean rating as a share of the maximum, 0–1. */
  score: number;
  band: 'ready' | 'nearly ready' | 'developing';
  toGrow: RatedItem[];
}

/** What a person rates themselves on: the target level's responsibilities and its rubric row. */
export function readinessItems(view: ProfileView): ReadinessItem[] {
  const own = view.ladder.find((s) => s.current)?.content;
  if (!own) return [];
  return [
    ...own.responsibilities.map(
      (r, i): ReadinessItem => ({
        id: `r${i + 1}`,
        section: 'Responsibilities',
        label: `Responsibility ${i + 1}`,
        text: r.text,
      }),
    ),
    {
      id: 'knowledge',
      section: 'Level guidelines',
      label: 'Knowledge & Application',
      text: own.rubric.knowledge,
    },
    {
      id: 'complexity',
      section: 'Level guidelines',
      label: 'Complexity & Problem Solving',
      text: own.rubric.complexity,
    },
    {
      id: 'collaboration',
      section: 'Level guidelines',
      label: 'Collaboration & Interaction',
      text: own.rubric.collaboration,
    },
  ];
}

/** Scores a self-assessment against a target profile; every item needs a rating from 0 to RATING_MAX. */
export function readinessReport(
  catalog: Catalog,
  code: string,
  ratings: Record<string, unknown>,
): ReadinessReport {
  const profile = catalog.getProfile(code);
  const items = readinessItems(profile);
  const missing = items.filter((i) => ratings[i.id] === undefined || ratings[i.id] === '').map((i) => i.id);
  if (missing.length > 0)
    throw new CanonError('invalid_input', `Rate every item; missing: ${missing.join(', ')}.`);
  const rated = items.map((item): RatedItem => {
    const rating = Number(ratings[item.id]);
    if (!Number.isInteger(rating) || rating < 0 || rating > RATING_MAX) {
      throw new CanonError(
        'invalid_input',
        `Rating for ${item.id} must be a whole number from 0 to ${RATING_MAX}; got ${quote(ratings[item.id])}.`,
      );
    }
    return { ...item, rating };
  });
  const score = rated.reduce((n, i) => n + i.rating, 0) / (rated.length * RATING_MAX);
  return {
    profile,
    items: rated,
    score: Math.round(score * 100) / 100,
    band: score >= 0.8 ? 'ready' : score >= 0.55 ? 'nearly ready' : 'developing',
    toGrow: rated.filter((i) => i.rating < GROW_BELOW).sort((a, b) => a.rating - b.rating),
  };
}

/** The report as Markdown; the profile's statements are escaped, as in the job description. */
export function readinessMarkdown(report: ReadinessReport): string {
  const md = escapeMarkdown;
  const lines = [
    `# Readiness for ${md(report.profile.title)}`,
    '',
    `Profile ${md(report.profile.code)} · score ${Math.round(report.score * 100)}% · ${report.band}`,
    '',
    '## What to grow',
    '',
    ...(report.toGrow.length
      ? report.toGrow.map((i) => `- **${md(i.label)}** (${RATING_LABELS[i.rating]}): ${md(i.text)}`)
      : ['- Nothing rated below "Usually".']),
    '',
    '## All ratings',
    '',
    ...report.items.map((i) => `- ${md(i.label)}: ${RATING_LABELS[i.rating]}`),
    '',
  ];
  return lines.join('\n');
}
