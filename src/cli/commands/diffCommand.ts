import { type Command, InvalidArgumentError } from 'commander';
import { formatDiff } from '../../core/content/diffContent.js';
import { formatVersionRef, parseVersionRef, type VersionRef } from '../../core/versionRef.js';
import { dataDirOption, jsonOption, profileCodeArgument } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { type StoreFlags, withCanon } from './withCanon.js';

/** Adds `canon diff`. */
export function diffCommand(parent: Command, io: CliIO): void {
  parent
    .command('diff')
    .description('what changed between two versions, e.g. canon diff TECHNO.TECHNOLO6B55.M3 1 2 (or "draft")')
    .addArgument(profileCodeArgument())
    .argument('<from>', 'a version number, or draft', versionArg)
    .argument('<to>', 'a version number, or draft', versionArg)
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .action((code, from, to, flags) => printDiff(code, from, to, flags, io));
}

function versionArg(value: string): VersionRef {
  try {
    return parseVersionRef(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

async function printDiff(
  code: string,
  from: VersionRef,
  to: VersionRef,
  flags: StoreFlags & { json?: boolean },
  io: CliIO,
) {
  await withCanon(flags, async ({ workflow }) => {
    const diff = await workflow.diff(code, from, to);
    io.out(
      flags.json
        ? `${JSON.stringify(diff, null, 2)}\n`
        : `${code}: ${label(from)} → ${label(to)}\n\n${formatDiff(diff)}`,
    );
  });
}

const label = formatVersionRef;
