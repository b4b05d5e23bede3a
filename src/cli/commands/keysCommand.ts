import type { Command } from 'commander';
import { CanonError, quote } from '../../core/errors.js';
import { isRole, ROLE_RIGHTS, ROLES } from '../../core/roles.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../../workflow/apiKeys.js';
import { dataDirOption, jsonOption } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { cliActor } from './cliActor.js';
import { type StoreFlags, withCanon } from './withCanon.js';

/** Adds `canon keys` and its subcommands `create`, `list` and `revoke`. */
export function keysCommand(parent: Command, io: CliIO): void {
  const keys = parent
    .command('keys')
    .description('API keys for writes (and for reads when CANON_PUBLIC_READS=false)');
  keys
    .command('create')
    .description(
      `create a key; prints it once. Roles: ${ROLES.map((r) => `${r} (${ROLE_RIGHTS[r]})`).join('; ')}`,
    )
    .requiredOption('--role <role>', ROLES.join(' | '))
    .requiredOption('--name <who>', 'whose key it is, as the audit log will show it')
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .action((flags) => createKey(flags, io));
  keys
    .command('list')
    .description('list keys (never the keys themselves)')
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .action((flags) => listKeys(flags, io));
  keys
    .command('revoke')
    .description('revoke a key by its id')
    .argument('<id>', 'the 8-character id from keys list')
    .addOption(dataDirOption())
    .action((id, flags) => revokeKey(id, flags, io));
}

async function createKey(flags: StoreFlags & { role: string; name: string; json?: boolean }, io: CliIO) {
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

async function listKeys(flags: StoreFlags & { json?: boolean }, io: CliIO) {
  await withCanon(flags, async ({ store }) => {
    const keys = await listApiKeys(store.db, cliActor());
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

async function revokeKey(id: string, flags: StoreFlags, io: CliIO) {
  await withCanon(flags, async ({ store }) => {
    await revokeApiKey(store.db, cliActor(), id);
    io.out(`Revoked key ${id}. Running servers stop accepting it within a minute.\n`);
  });
}
