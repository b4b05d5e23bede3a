import type { Command } from 'commander';
import { CanonError } from '../../core/errors.js';
import { type ReviewSummary, reviewAll } from '../../core/review/reviewAll.js';
import { DIMENSION_LABELS, DIMENSIONS, reviewProfile } from '../../core/review/reviewProfile.js';
import { dataDirOption, jsonOption, profileCodeArgument } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { progressReporter } from '../progressReporter.js';
import { type StoreFlags, withCatalog } from './withCanon.js';

/** Adds `canon review`. */
export function reviewCommand(parent: Command, io: CliIO): void {
  parent
    .command('review')
    .description("the review panel's scores and findings for a profile, or a summary over every profile")
    .addArgument(profileCodeArgument(false))
    .option('--all', 'review every profile: pass/fail counts, lowest scores in bins, the commonest failures')
    .addOption(
      jsonOption(
        'print JSON: {code, scores, minimum, passed, confidence, findings}; with --all, {summary, reviews}',
      ),
    )
    .addOption(dataDirOption())
    .action((code, flags) => review(code, flags, io));
}

async function review(
  code: string | undefined,
  flags: StoreFlags & { json?: boolean; all?: boolean },
  io: CliIO,
): Promise<void> {
  if (flags.all && code) throw new CanonError('invalid_input', 'Give a profile code or --all, not both.');
  if (flags.all) return reviewEveryProfile(flags, io);
  if (!code) throw new CanonError('invalid_input', 'Give a profile code to review, or --all.');
  await withCatalog(flags, async ({ catalog }) => {
    const r = reviewProfile(catalog, code);
    if (flags.json) {
      io.out(`${JSON.stringify(r, null, 2)}\n`);
      return;
    }
    const lines = [
      `${code}: ${r.passed ? 'passes' : 'does not pass'} (lowest ${r.minimum}; confidence ${r.confidence.band} ${r.confidence.score.toFixed(2)})`,
      ...DIMENSIONS.map((d) => `  ${DIMENSION_LABELS[d].padEnd(22)} ${r.scores[d]}`),
      ...(r.findings.length
        ? [
            '',
            'Findings:',
            ...r.findings.map(
              (f) => `  [${f.dimension}] ${f.severity}: ${f.message}${statementLines(f.statements)}`,
            ),
          ]
        : []),
    ];
    io.out(`${lines.join('\n')}\n`);
  });
}

async function reviewEveryProfile(flags: StoreFlags & { json?: boolean }, io: CliIO): Promise<void> {
  const progress = progressReporter(io);
  progress.update('opening the catalog', 0);
  await withCatalog(flags, async ({ catalog }) => {
    const { reviews, summary } = reviewAll(catalog, {
      onProgress: (done, total) => progress.update(`reviewing ${total} profiles`, done, total),
    });
    progress.stop();
    io.out(flags.json ? `${JSON.stringify({ summary, reviews }, null, 2)}\n` : summaryText(summary));
  });
}

function summaryText(s: ReviewSummary): string {
  const count = (n: number) => String(n).padStart(String(s.profiles).length);
  const lines = [
    `Reviewed ${s.profiles} profiles: ${s.passed} pass, ${s.failed} do not.`,
    '',
    'Lowest dimension score:',
    ...s.distribution.map((b) => `  ${`${b.from}–${b.to}`.padEnd(8)} ${count(b.profiles)}`),
    '',
    'Most common failing findings (findings, profiles):',
    ...(s.commonFailures.length === 0
      ? ['  none']
      : s.commonFailures.map(
          (f) =>
            `  ${count(f.findings)}  ${count(f.profiles)}  ${DIMENSION_LABELS[f.dimension]}: ${f.pattern}`,
        )),
  ];
  return `${lines.join('\n')}\n`;
}

/** The statements behind a finding, the first three quoted in full, so a reader can find each. */
function statementLines(statements: readonly string[]): string {
  const shown = statements.slice(0, 3).map((s) => `\n      “${s}”`);
  const more = statements.length > 3 ? `\n      … and ${statements.length - 3} more` : '';
  return shown.join('') + more;
}
