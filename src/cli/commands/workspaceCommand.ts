import type { Command } from 'commander';
import { workspaceDto } from '../../server/api/toDto.js';
import { Workspaces } from '../../workflow/workspaces.js';
import { dataDirOption, jsonOption, keyOption } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import type { ServerApi } from '../serverApi.js';
import { cliActor } from './cliActor.js';
import { onPlainStoreOrServer, type StoreFlags } from './withCanon.js';

type WorkspaceAnswer = ReturnType<typeof workspaceDto>;

/** Adds `canon workspace` and its subcommands `create` and `list`. */
export function workspaceCommand(parent: Command, io: CliIO): void {
  const workspace = parent
    .command('workspace')
    .description("workspaces: where each company's data lives, apart from every other's");
  workspace
    .command('create')
    .description('create a workspace; then make its keys with keys create --workspace <id>')
    .argument('<id>', 'the workspace id: up to 40 lower-case letters, digits and hyphens (e.g. northwind)')
    .requiredOption('--name <name>', 'the company\'s name, as its pages show it (e.g. "Northwind Traders")')
    .addOption(jsonOption('print the workspace as JSON'))
    .addOption(dataDirOption())
    .addOption(keyOption())
    .action((id, flags) => create(id, flags, io));
  workspace
    .command('list')
    .description('list the workspaces')
    .addOption(jsonOption('print the workspaces as JSON'))
    .addOption(dataDirOption())
    .addOption(keyOption())
    .action((flags) => list(flags, io));
}

async function create(id: string, flags: StoreFlags & { name: string; json?: boolean }, io: CliIO) {
  const created = await onPlainStoreOrServer(flags, {
    store: async (store) =>
      workspaceDto(await new Workspaces(store.db).create(cliActor(), { id, name: flags.name })),
    server: (api) => api.post<WorkspaceAnswer>('/api/workspaces', { id, name: flags.name }),
  });
  if (flags.json) io.out(`${JSON.stringify(created, null, 2)}\n`);
  else
    io.out(
      `Created workspace ${created.id} (${created.name}). Give it keys: canon keys create --workspace ${created.id} --role admin --name <who>\n`,
    );
}

async function list(flags: StoreFlags & { json?: boolean }, io: CliIO) {
  const items = await onPlainStoreOrServer(flags, {
    store: async (store) => (await new Workspaces(store.db).list(cliActor())).map(workspaceDto),
    server: async (api: ServerApi) => (await api.get<{ items: WorkspaceAnswer[] }>('/api/workspaces')).items,
  });
  if (flags.json) {
    io.out(`${JSON.stringify(items, null, 2)}\n`);
    return;
  }
  if (items.length === 0) io.out('No workspaces yet: canon workspace create <id> --name <name>\n');
  const width = Math.max(0, ...items.map((w) => w.id.length));
  for (const w of items) io.out(`${w.id.padEnd(width)}  ${w.name}  created ${w.created.slice(0, 10)}\n`);
}
