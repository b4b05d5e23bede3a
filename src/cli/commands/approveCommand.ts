import type { Command } from 'commander';
import { versionDto } from '../../server/api/toDto.js';
import {
  dataDirOption,
  jsonOption,
  keyOption,
  noteOption,
  profileCodeArgument,
  wholeNumber,
} from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { cliActor } from './cliActor.js';
import { onStoreOrServer, type StoreFlags } from './withCanon.js';

/** Adds `canon approve`. */
export function approveCommand(parent: Command, io: CliIO): void {
  parent
    .command('approve')
    .description(
      'approve the draft in review into the next immutable version (the review panel must pass it)',
    )
    .addArgument(profileCodeArgument())
    .addOption(noteOption('what this version changes'))
    .option('--revision <n>', 'refuse unless the draft is still at this revision', wholeNumber(1))
    .addOption(jsonOption('print the new version as JSON'))
    .addOption(dataDirOption())
    .addOption(keyOption())
    .action((code, flags) => approve(code, flags, io));
}

/** Approves the draft in review into the next version; refuses when the panel does not pass it. */
async function approve(
  code: string,
  flags: StoreFlags & { note?: string; revision?: number; json?: boolean },
  io: CliIO,
) {
  const approval = {
    ...(flags.note ? { note: flags.note } : {}),
    ...(flags.revision !== undefined ? { revision: flags.revision } : {}),
  };
  const v = await onStoreOrServer(flags, {
    store: async ({ workflow }) => versionDto(await workflow.approve(cliActor(), code, approval)),
    server: (api) =>
      api.post<ReturnType<typeof versionDto>>(`/api/profiles/${encodeURIComponent(code)}/approve`, approval),
  });
  io.out(
    flags.json
      ? `${JSON.stringify(v, null, 2)}\n`
      : `${code}: approved as v${v.version} by ${v.approvedBy} (review lowest ${v.review?.minimum ?? '—'})\n`,
  );
}
