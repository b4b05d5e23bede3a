import { type Command, Option } from 'commander';
import { CanonError, quote } from '../../core/errors.js';
import { isRole, ROLE_RIGHTS, ROLES } from '../../core/roles.js';
import type { Canon } from '../../runtime/openCanon.js';
import { keyDto } from '../../server/api/toDto.js';
import { type CreatedKey, createApiKey, listApiKeys, revokeApiKey } from '../../workflow/apiKeys.js';
import { parseWorkspaceId } from '../../workflow/workspaces.js';
import { dataDirOption, jsonOption, keyOption } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { cliActor } from './cliActor.js';
import { onPlainStoreOrServer, type StoreFlags, withStore } from './withCanon.js';

type KeyAnswer = ReturnType<typeof keyDto>;

const workspaceOption = (what: string) =>
  new Option('--workspace <id>', what).argParser((value: string) => parseWorkspaceId(value));

const keysPath = (workspace: string) => `/api/workspaces/${encodeURIComponent(workspace)}/keys`;

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
    .addOption(
      workspaceOption(
        'scope the key to this workspace: its role holds there only, and on the shared taxonomy it may only read',
      ),
    )
    .addOption(jsonOption('print the key and its id, name, role and workspace as JSON'))
    .addOption(dataDirOption())
    .addOption(keyOption())
    .action((flags) => createKey(flags, io));
  keys
    .command('list')
    .description('list keys with their workspace (never the keys themselves)')
    .addOption(workspaceOption("list only this workspace's keys"))
    .addOption(jsonOption('print the keys as JSON'))
    .addOption(dataDirOption())
    .addOption(keyOption())
    .action((flags) => listKeys(flags, io));
  keys
    .command('revoke')
    .description('revoke a key by its id')
    .argument('<id>', 'the 8-character id from keys list')
    .addOption(
      workspaceOption(
        "revoke only if the key is this workspace's (as its admin may, beside a running server too)",
      ),
    )
    .addOption(dataDirOption())
    .addOption(keyOption())
    .action((id, flags) => revokeKey(id, flags, io));
}

async function createKey(
  flags: StoreFlags & { role: string; name: string; workspace?: string; json?: boolean },
  io: CliIO,
) {
  const role = flags.role;
  if (!isRole(role))
    throw new CanonError('invalid_input', `--role must be one of ${ROLES.join(', ')}; got ${quote(role)}.`);
  const { workspace } = flags;
  const onStore = (store: Canon['store']) => createApiKey(store.db, cliActor(), flags.name, role, workspace);
  // A workspace's keys have an API, so they can be made beside a running server; the shared
  // taxonomy's keys are made on the store only.
  const key =
    workspace === undefined
      ? await withStore(flags, onStore)
      : await onPlainStoreOrServer(flags, {
          store: onStore,
          server: (api) => api.post<CreatedKey>(keysPath(workspace), { name: flags.name, role }),
        });
  if (flags.json) {
    io.out(`${JSON.stringify(key, null, 2)}\n`);
    return;
  }
  io.out(`${key.key}\n`);
  io.err(
    `Created key ${key.id} for ${key.name} (${key.role}${key.workspace ? ` in workspace ${key.workspace}` : ''}). It is shown once: store it now; Canon keeps only a hash.\n`,
  );
}

async function listKeys(flags: StoreFlags & { workspace?: string; json?: boolean }, io: CliIO) {
  const { workspace } = flags;
  const onStore = async (store: Canon['store']) =>
    (await listApiKeys(store.db, cliActor(), workspace === undefined ? {} : { workspace })).map(keyDto);
  const keys: KeyAnswer[] =
    workspace === undefined
      ? await withStore(flags, onStore)
      : await onPlainStoreOrServer(flags, {
          store: onStore,
          server: async (api) => (await api.get<{ items: KeyAnswer[] }>(keysPath(workspace))).items,
        });
  if (flags.json) {
    io.out(`${JSON.stringify(keys, null, 2)}\n`);
    return;
  }
  if (keys.length === 0) io.out('No keys yet: canon keys create --role <role> --name <who>\n');
  for (const k of keys)
    io.out(
      `${k.id}  ${k.role.padEnd(8)}  ${k.name}${k.workspace ? `  workspace ${k.workspace}` : ''}  created ${k.createdAt.slice(0, 10)}${k.revokedAt ? `  revoked ${k.revokedAt.slice(0, 10)}` : ''}\n`,
    );
}

async function revokeKey(id: string, flags: StoreFlags & { workspace?: string }, io: CliIO) {
  const { workspace } = flags;
  const onStore = (store: Canon['store']) => revokeApiKey(store.db, cliActor(), id, workspace);
  // Like making one: a workspace's keys are revoked through a running server's API too.
  if (workspace === undefined) await withStore(flags, onStore);
  else
    await onPlainStoreOrServer(flags, {
      store: onStore,
      server: (api) => api.delete<null>(`${keysPath(workspace)}/${encodeURIComponent(id)}`),
    });
  io.out(
    `Revoked key ${id}${workspace === undefined ? '' : ` of workspace ${workspace}`}. Running servers stop accepting it within a minute.\n`,
  );
}
