import type { Command } from 'commander';
import type { Catalog, ProfileView } from '../../core/catalog.js';
import { differential, differentialSentence } from '../../core/differential.js';
import { formatBand } from '../../core/format.js';
import { formatYears } from '../../core/levels.js';
import type { PayBook } from '../../core/payBands.js';
import { reviewProfile } from '../../core/review/reviewProfile.js';
import { CLASSIFICATION_LABELS, STATUS_LABELS } from '../../core/taxonomy.js';
import { profileDto } from '../../server/api/toDto.js';
import { dataDirOption, jsonOption, profileCodeArgument } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { type StoreFlags, withCatalog } from './withCanon.js';

/** Adds `canon show`. */
export function showCommand(parent: Command, io: CliIO): void {
  parent
    .command('show')
    .description('print one profile, e.g. canon show TECHNO.TECHNOLO6B55.M3')
    .addArgument(profileCodeArgument())
    .addOption(jsonOption('print the API JSON instead of text'))
    .addOption(dataDirOption())
    .action((code, flags) => show(code, flags, io));
}

async function show(code: string, flags: StoreFlags & { json?: boolean }, io: CliIO): Promise<void> {
  await withCatalog(flags, async ({ catalog, payBook }) => {
    const view = catalog.getProfile(code);
    io.out(
      flags.json
        ? `${JSON.stringify(profileDto(view, catalog), null, 2)}\n`
        : formatProfile(view, catalog, payBook),
    );
  });
}

/** The profile as plain text for a terminal, in the order of the profile page. */
export function formatProfile(view: ProfileView, catalog: Catalog, payBook: PayBook): string {
  const { record, focus, fn, level } = view;
  const own = view.ladder.find((s) => s.current)?.content;
  const pay = payBook.forProfile(view.code).headline;
  const review = reviewProfile(catalog, view.code);
  const lines = [
    `${view.title}`,
    `${view.code} · ${fn.name} · ${focus.name}`,
    `${level.code} — ${level.title} · ${formatYears(level.experience)} · ${STATUS_LABELS[record.status]} · ${record.region} · ${
      record.version === null ? 'no approved version' : `v${record.version}`
    } · confidence ${review.confidence.band} ${review.confidence.score.toFixed(2)}`,
    '',
    focus.description,
    '',
    `Market pay (median): ${pay ? `${formatBand(pay)}${pay.kind === 'estimate' ? ' estimate' : ''} — ${pay.basis}` : 'no pay data yet'}`,
    differentialSentence(differential(catalog, payBook, view.code)),
    '',
    'Responsibilities:',
    ...(own?.responsibilities.map((r) => `  • ${r.text}`) ?? []),
    '',
    'Level guidelines:',
    `  Knowledge & Application: ${own?.rubric.knowledge ?? ''}`,
    `  Complexity & Problem Solving: ${own?.rubric.complexity ?? ''}`,
    `  Collaboration & Interaction: ${own?.rubric.collaboration ?? ''}`,
    `  Typical Degree & Years: ${own?.rubric.degreeYears ?? ''}`,
    '',
    'Skills:',
    ...focus.skills.map((s) => `  • ${s.name} — ${s.application}`),
    '',
    'Classification mappings:',
    ...focus.mappings.map(
      (m) =>
        `  ${CLASSIFICATION_LABELS[m.system]} ${m.code}${m.title ? ` ${m.title}` : ''} (source ${m.origin})`,
    ),
    '',
    `Sources (${view.sources.length}):`,
    ...view.sources.map((s, i) => `  ${i + 1}. ${s.title}`),
  ];
  return `${lines.join('\n')}\n`;
}
