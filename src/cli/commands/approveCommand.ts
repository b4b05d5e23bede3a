import type { CliIO } from '../io.js';
import { cliActor } from './cliActor.js';
import { type StoreFlags, withCanon } from './withCanon.js';

/** Approves the draft in review into the next version; refuses when the panel does not pass it. */
export async function approveCommand(
  code: string,
  flags: StoreFlags & { note?: string; revision?: number; json?: boolean },
  io: CliIO,
) {
  await withCanon(flags, async ({ workflow }) => {
    const v = await workflow.approve(cliActor(), code, {
      ...(flags.note ? { note: flags.note } : {}),
      ...(flags.revision !== undefined ? { revision: flags.revision } : {}),
    });
    io.out(
      flags.json
        ? `${JSON.stringify(v, null, 2)}\n`
        : `${code}: approved as v${v.version} by ${v.approvedBy} (review lowest ${v.review?.minimum ?? '—'})\n`,
    );
  });
}
