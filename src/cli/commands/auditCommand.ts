import type { CliIO } from '../io.js';
import { cliActor } from './cliActor.js';
import { type StoreFlags, withCanon } from './withCanon.js';

export async function auditCommand(
  flags: StoreFlags & { target?: string; actor?: string; limit: number; json?: boolean },
  io: CliIO,
) {
  await withCanon(flags, async ({ workflow }) => {
    const entries = await workflow.audit(cliActor(), {
      limit: flags.limit,
      ...(flags.target ? { target: flags.target } : {}),
      ...(flags.actor ? { actor: flags.actor } : {}),
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
  });
}
