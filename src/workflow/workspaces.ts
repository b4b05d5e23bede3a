import { CanonError, quote } from '../core/errors.js';
import { type Actor, type Role, requireRole, requireWorkspaceRole } from '../core/roles.js';
import type { CanonDb } from '../store/openStore.js';
import {
  findWorkspace,
  insertWorkspace,
  listWorkspaces,
  type StoredWorkspace,
} from '../store/workspaceRepository.js';
import { type CreatedKey, createApiKey, type KeySummary, listApiKeys, revokeApiKey } from './apiKeys.js';
import { auditedWrite } from './auditedWrite.js';

export type Workspace = StoredWorkspace;

/** As the workspaces table's check has it: the id goes into paths (/w/<id>) and cookies' paths as it is. */
const WORKSPACE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const MAX_WORKSPACE_ID = 40;
export const MAX_WORKSPACE_NAME = 200;

/** A workspace id as a person typed it, or a refusal quoting it. */
export function parseWorkspaceId(value: string): string {
  if (!WORKSPACE_ID.test(value))
    throw new CanonError(
      'invalid_input',
      `A workspace id is 1 to ${MAX_WORKSPACE_ID} lower-case letters, digits and hyphens, starting with a letter or digit (e.g. northwind); got ${quote(value)}.`,
    );
  return value;
}

/**
 * Workspaces, and the keys scoped to them, over one store: what the CLI and the API call. A workspace's
 * own data (a company's mapping) is `CompanyWorkspace`'s.
 */
export class Workspaces {
  constructor(private readonly db: CanonDb) {}

  /**
   * Creates a workspace. Only an instance admin or the operator may: a workspace's own keys act inside
   * it, never on the set of workspaces.
   */
  async create(actor: Actor, input: { id: string; name: string }): Promise<Workspace> {
    const id = parseWorkspaceId(input.id);
    const name = input.name.trim();
    if (!name || name.length > MAX_WORKSPACE_NAME)
      throw new CanonError(
        'invalid_input',
        `A workspace needs a name of 1 to ${MAX_WORKSPACE_NAME} characters, e.g. --name "Northwind Traders"; got ${quote(input.name)}.`,
      );
    return auditedWrite(this.db, actor, 'admin', async (tx) => {
      if (!(await insertWorkspace(tx, { id, name, createdBy: actor.id })))
        throw new CanonError('conflict', `Workspace ${quote(id)} exists already.`);
      const created = await findWorkspace(tx, id);
      if (!created)
        throw new CanonError('internal', `Workspace ${quote(id)} was not there after its insert.`);
      return {
        result: created,
        audit: {
          action: 'workspace.create',
          target: `workspace:${id}`,
          before: null,
          after: { name },
          note: null,
        },
      };
    });
  }

  /**
   * The workspaces an actor may see: an instance admin or the operator sees all, a workspace's key its
   * own; any other key of the shared taxonomy none, and is told so (403).
   */
  async list(actor: Actor): Promise<Workspace[]> {
    if (actor.workspace !== undefined && !actor.operator) {
      const own = await findWorkspace(this.db, actor.workspace);
      return own ? [own] : [];
    }
    requireRole(actor, 'admin');
    return listWorkspaces(this.db);
  }

  /** One workspace, to a viewer in it; to anyone else the 404 an unknown id gets. */
  async read(actor: Actor, id: string): Promise<Workspace> {
    requireWorkspaceRole(actor, { workspace: id, role: 'viewer' });
    const found = await findWorkspace(this.db, id);
    if (!found) throw new CanonError('not_found', `No workspace ${quote(id)}.`);
    return found;
  }

  /** A key scoped to the workspace (see `createApiKey` for who may make one). */
  createKey(actor: Actor, workspace: string, name: string, role: Role): Promise<CreatedKey> {
    return createApiKey(this.db, actor, name, role, workspace);
  }

  /** Revokes one of the workspace's keys; any other key is not found here (see `revokeApiKey`). */
  revokeKey(actor: Actor, workspace: string, id: string): Promise<void> {
    return revokeApiKey(this.db, actor, id, workspace);
  }

  /** The workspace's keys, never their hashes. */
  keys(actor: Actor, workspace: string): Promise<KeySummary[]> {
    return listApiKeys(this.db, actor, { workspace });
  }
}
