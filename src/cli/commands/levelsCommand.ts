import type { Command } from 'commander';
import { CanonError, quote } from '../../core/errors.js';
import { formatYears, LEVELS, TRACKS } from '../../core/levels.js';
import { levelDto } from '../../server/api/toDto.js';
import { jsonOption } from '../commonOptions.js';
import type { CliIO } from '../io.js';

/** Adds `canon levels`. */
export function levelsCommand(parent: Command, io: CliIO): void {
  parent
    .command('levels')
    .description('print the universal level framework')
    .option('--track <track>', 'only one track: P, M or E')
    .addOption(jsonOption())
    .action((flags) => printLevels(flags, io));
}

function printLevels(flags: { json?: boolean; track?: string }, io: CliIO): void {
  const track = flags.track?.toUpperCase();
  const tracks = Object.keys(TRACKS);
  if (track !== undefined && !tracks.includes(track)) {
    throw new CanonError('invalid_input', `--track must be ${tracks.join(', ')}; got ${quote(flags.track)}.`);
  }
  const levels = LEVELS.filter((l) => !track || l.track === track);
  if (flags.json) {
    io.out(`${JSON.stringify({ items: levels.map(levelDto) }, null, 2)}\n`);
    return;
  }
  const rows = levels.map((l) => [l.code, String(l.rank), l.title, formatYears(l.experience), l.summary]);
  const header = ['CODE', 'RANK', 'TITLE', 'EXPERIENCE', 'SUMMARY'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ');
  io.out(`${[line(header), ...rows.map(line)].join('\n')}\n`);
}
