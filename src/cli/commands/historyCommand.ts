import type { Command } from 'commander';
import { versionSummaryDto } from '../../server/api/toDto.js';
import { dataDirOption, jsonOption, keyOption, profileCodeArgument } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { onStoreOrServer, type StoreFlags } from './withCanon.js';

type VersionSummary = ReturnType<typeof versionSummaryDto>;

/** Adds `canon history`. */
export function historyCommand(parent: Command, io: CliIO): void {
  parent
    .command('history')
    .description("a profile's approved versions, newest first")
    .addArgument(profileCodeArgument())
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .addOption(keyOption())
    .action((code, flags) => printHistory(code, flags, io));
}

async function printHistory(code: string, flags: StoreFlags & { json?: boolean }, io: CliIO) {
  const versions = await onStoreOrServer(flags, {
    store: async ({ workflow }) => (await workflow.history(code)).map(versionSummaryDto),
    server: async (api) =>
      (await api.get<{ items: VersionSummary[] }>(`/api/profiles/${encodeURIComponent(code)}/versions`))
        .items,
  });
  if (flags.json) {
    io.out(`${JSON.stringify(versions, null, 2)}\n`);
    return;
  }
  const lines = versions.map(
    (v) =>
      `v${v.version}  ${v.approvedAt.slice(0, 16).replace('T', ' ')}  ${v.approvedBy}${v.review ? `  review lowest ${v.review.minimum}` : ''}${v.note ? `  — ${v.note}` : ''}`,
  );
  io.out(`${code}\n${lines.join('\n') || '(no approved version yet)'}\n`);
}
