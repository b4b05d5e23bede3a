import type { CliIO } from '../io.js';
import { cliActor } from './cliActor.js';
import { type StoreFlags, withCanon } from './withCanon.js';

export async function retireCommand(code: string, flags: StoreFlags & { note?: string }, io: CliIO) {
  await withCanon(flags, async ({ workflow }) => {
    await workflow.retire(cliActor(), code, flags.note);
    io.out(`${code}: retired\n`);
  });
}
