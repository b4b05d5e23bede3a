import type { CliIO } from '../io.js';
import { cliActor } from './cliActor.js';
import { formatDraft } from './proposeCommand.js';
import { type StoreFlags, withCanon } from './withCanon.js';

export async function submitCommand(code: string, flags: StoreFlags & { json?: boolean }, io: CliIO) {
  await withCanon(flags, async ({ workflow }) => {
    const result = await workflow.submit(cliActor(), code);
    io.out(flags.json ? `${JSON.stringify(result, null, 2)}\n` : formatDraft(result));
  });
}
