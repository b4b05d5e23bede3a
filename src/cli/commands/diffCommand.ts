import { type Command, InvalidArgumentError } from 'commander';
import { formatDiff, type SectionDiff } from '../../core/content/diffContent.js';
import { formatVersionRef, parseVersionRef, type VersionRef } from '../../core/versionRef.js';
import { dataDirOption, jsonOption, keyOption, profileCodeArgument } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { onStoreOrServer, type StoreFlags } from './withCanon.js';

/** The API's answer, which `--json` prints. */
interface DiffAnswer {
  code: string;
  from: VersionRef;
  to: VersionRef;
  sections: SectionDiff[];
  text: string;
}

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
    .addOption(keyOption())
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
  const diff = await onStoreOrServer<DiffAnswer>(flags, {
    store: async ({ workflow }) => {
      const sections = await workflow.diff(code, from, to);
      return { code, from, to, sections, text: formatDiff(sections) };
    },
    server: (api) =>
      api.get(`/api/profiles/${encodeURIComponent(code)}/diff`, { from: label(from), to: label(to) }),
  });
  io.out(
    flags.json
      ? `${JSON.stringify(diff, null, 2)}\n`
      : `${code}: ${label(from)} → ${label(to)}\n\n${diff.text}`,
  );
}

const label = formatVersionRef;
