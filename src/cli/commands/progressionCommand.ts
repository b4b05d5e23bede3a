import { formatYearsEstimate, progressionGuide } from '../../core/progressionGuide.js';
import type { CliIO } from '../io.js';
import { type StoreFlags, withCanon } from './withCanon.js';

export async function progressionCommand(
  from: string,
  to: string,
  flags: StoreFlags & { json?: boolean },
  io: CliIO,
): Promise<void> {
  await withCanon(flags, async ({ catalog }) => {
    const g = progressionGuide(catalog, from, to);
    if (flags.json) {
      io.out(
        `${JSON.stringify({ ...g, from: g.from.code, to: g.to.code, skills: g.skills.kept.map((s) => s.name) }, null, 2)}\n`,
      );
      return;
    }
    const lines = [
      `${g.from.focus.name}: ${g.from.level.code} → ${g.to.level.code}`,
      `Typical time: ${formatYearsEstimate(g.typicalYears)}`,
      '',
      ...g.steps.flatMap((s) => [
        `${s.from} → ${s.to} (${formatYearsEstimate(s.typicalYears)}${s.derived ? '; derived from the level definitions' : `; ${s.sources.join(', ')}`})`,
        `  ${s.keyShift}`,
      ]),
      '',
      'How the level changes:',
      ...[...g.levelChanges, ...g.rubricChanges].flatMap((c) => [
        `  ${c.label}`,
        `    from: ${c.from}`,
        `    to:   ${c.to}`,
      ]),
      '',
      `What ${g.to.level.code} is responsible for:`,
      ...g.newResponsibilities.map((r) => `  • ${r.text}`),
    ];
    io.out(`${lines.join('\n')}\n`);
  });
}
