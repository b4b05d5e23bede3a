import { formatDiff } from '../../core/workflow/diffContent.js';
import type { VersionRef } from '../../workflow/profileWorkflow.js';
import type { CliIO } from '../io.js';
import { type StoreFlags, withCanon } from './withCanon.js';

/** A version number, or "draft". */
export function versionRef(value: string): VersionRef {
  if (value === 'draft') return 'draft';
  const n = Number(value.replace(/^v/i, ''));
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`expected a version number such as 2 or v2, or "draft"; got ${JSON.stringify(value)}`);
  return n;
}

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

const label = (ref: VersionRef) => (ref === 'draft' ? 'draft' : `v${ref}`);
