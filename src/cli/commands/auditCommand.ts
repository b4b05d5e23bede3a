import type { Command } from 'commander';
import type { AuditEntry } from '../../core/audit.js';
import { dataDirOption, jsonOption, keyOption, wholeNumber } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { cliActor } from './cliActor.js';
import { onStoreOrServer, type StoreFlags } from './withCanon.js';

/** Adds `canon audit`. */
export function auditCommand(parent: Command, io: CliIO): void {
  parent
    .command('audit')
    .description('the audit log of every write, newest first')
    .option('--target <code>', 'one profile code, or key:<id>')
    .option('--actor <who>', 'one actor, e.g. cli:maria or "key:3f9a2c1d (alice)"')
    .option('--limit <n>', 'how many entries', wholeNumber(1), 50)
    .addOption(jsonOption('print JSON with before/after'))
    .addOption(dataDirOption())
    .addOption(keyOption())
    .action((flags) => printAudit(flags, io));
}

async function printAudit(
  flags: StoreFlags & { target?: string; actor?: string; limit: number; json?: boolean },
  io: CliIO,
) {
  const query = {
    limit: flags.limit,
    ...(flags.target ? { target: flags.target } : {}),
    ...(flags.actor ? { actor: flags.actor } : {}),
  };
  const entries = await onStoreOrServer(flags, {
    store: ({ workflow }) => workflow.audit(cliActor(), query),
    server: async (api) => (await api.get<{ items: AuditEntry[] }>('/api/audit', query)).items,
  });
  if (flags.json) {
    io.out(`${JSON.stringify(entries, null, 2)}\n`);
    return;
  }
  for (const e of entries)
    io.out(
      `#${e.id}  ${e.at.slice(0, 19).replace('T', ' ')}  ${e.actor}  ${e.action}  ${e.target}${e.note ? `  — ${e.note}` : ''}\n`,
    );
  if (entries.length === 0) io.out('The audit log is empty for that query.\n');
}
