import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import { importOnetCommand } from './importOnetCommand.js';
import { importPayCommand } from './importPayCommand.js';

/** Adds `canon import` and what it imports: `onet` and `pay`. */
export function importCommand(parent: Command, io: CliIO): void {
  const group = parent.command('import').description('import reference data into the store');
  importOnetCommand(group, io);
  importPayCommand(group, io);
}
