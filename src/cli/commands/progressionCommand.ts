import type { Command } from 'commander';
import { formatYearsEstimate, progressionGuide } from '../../core/progressionGuide.js';
import { dataDirOption, jsonOption } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { type StoreFlags, withCatalog } from './withCanon.js';

/** Adds `canon progression`. */
export function progressionCommand(parent: Command, io: CliIO): void {
  parent
    .command('progression')
    .description(
      'progression guide between two levels of one focus, e.g. canon progression TECHNO.TECHNOLO6B55.M3 TECHNO.TECHNOLO6B55.M4',
    )
    .argument('<from-code>', 'the profile you are at')
    .argument('<to-code>', 'a higher level of the same focus')
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .action((from, to, flags) => printProgression(from, to, flags, io));
}

async function printProgression(
  from: string,
  to: string,
  flags: StoreFlags & { json?: boolean },
  io: CliIO,
): Promise<void> {
  await withCatalog(flags, async ({ catalog }) => {
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
