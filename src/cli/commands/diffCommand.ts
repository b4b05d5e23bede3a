import { formatVersionRef, type VersionRef } from '../../core/versionRef.js';
import { formatDiff } from '../../core/workflow/diffContent.js';
import type { CliIO } from '../io.js';
import { type StoreFlags, withCanon } from './withCanon.js';

export async function diffCommand(
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
