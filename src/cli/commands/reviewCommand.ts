import { DIMENSION_LABELS, DIMENSIONS, reviewProfile } from '../../core/review/reviewProfile.js';
import type { CliIO } from '../io.js';
import { type StoreFlags, withCanon } from './withCanon.js';

export async function reviewCommand(
  code: string,
  flags: StoreFlags & { json?: boolean },
  io: CliIO,
): Promise<void> {
  await withCanon(flags, async ({ catalog }) => {
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
              (f) =>
                `  [${f.dimension}] ${f.severity}: ${f.message}${f.statements[0] ? `\n      “${f.statements[0]}”` : ''}`,
            ),
          ]
        : []),
    ];
    io.out(`${lines.join('\n')}\n`);
  });
}
