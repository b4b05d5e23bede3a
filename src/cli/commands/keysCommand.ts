import { CanonError, quote } from '../../core/errors.js';
import { isRole, ROLES } from '../../core/roles.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../../workflow/apiKeys.js';
import type { CliIO } from '../io.js';
import { cliActor } from './cliActor.js';
import { type StoreFlags, withCanon } from './withCanon.js';

export async function keysCreateCommand(
  flags: StoreFlags & { role: string; name: string; json?: boolean },
  io: CliIO,
) {
  const role = flags.role;
  if (!isRole(role))
    throw new CanonError('invalid_input', `--role must be one of ${ROLES.join(', ')}; got ${quote(role)}.`);
  await withCanon(flags, async ({ store }) => {
    const key = await createApiKey(store.db, cliActor(), flags.name, role);
    if (flags.json) {
      io.out(`${JSON.stringify(key, null, 2)}\n`);
      return;
    }
    io.out(`${key.key}\n`);
    io.err(
      `Created key ${key.id} for ${key.name} (${key.role}). It is shown once: store it now; Canon keeps only a hash.\n`,
    );
  });
}

export async function keysListCommand(flags: StoreFlags & { json?: boolean }, io: CliIO) {
  await withCanon(flags, async ({ store }) => {
    const keys = await listApiKeys(store.db);
    if (flags.json) {
      io.out(`${JSON.stringify(keys, null, 2)}\n`);
      return;
    }
    if (keys.length === 0) io.out('No keys yet: canon keys create --role <role> --name <who>\n');
    for (const k of keys)
      io.out(
        `${k.id}  ${k.role.padEnd(8)}  ${k.name}  created ${k.createdAt.slice(0, 10)}${k.revokedAt ? `  revoked ${k.revokedAt.slice(0, 10)}` : ''}\n`,
      );
  });
}

export async function keysRevokeCommand(id: string, flags: StoreFlags, io: CliIO) {
  await withCanon(flags, async ({ store }) => {
    await revokeApiKey(store.db, cliActor(), id);
    io.out(`Revoked key ${id}. Running servers stop accepting it within a minute.\n`);
  });
}
