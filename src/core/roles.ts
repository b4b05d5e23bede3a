import { CanonError, quote } from './errors.js';

/** Who may do what, weakest first: each role may do everything the roles before it may. */
export const ROLES = ['viewer', 'editor', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What each role adds, for help texts and the README. */
export const ROLE_RIGHTS: Readonly<Record<Role, string>> = {
  viewer: 'read, when reads are not public',
  editor: 'propose changes and submit drafts for review',
  approver: 'approve drafts into new versions, retire profiles',
  admin: 'read the audit log',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleAllows(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}

/**
 * Refuses (403) an actor whose role is weaker than the one needed. A workspace's key holds its role in
 * its workspace only: on the shared taxonomy it may read and nothing more.
 */
export function requireRole(actor: Actor, needed: Role): void {
  if (actor.workspace !== undefined && needed !== 'viewer')
    throw new CanonError(
      'forbidden',
      `The key in use (${actor.id}) belongs to workspace ${quote(actor.workspace)}: it may read the shared taxonomy but not change it.`,
    );
  if (!roleAllows(actor.role, needed))
    throw new CanonError(
      'forbidden',
      `This needs the ${needed} role; the key in use (${actor.id}) is ${actor.role === 'admin' ? 'an' : 'a'} ${actor.role}.`,
    );
}

/** Who is acting: an API key's holder or the operator at the CLI. */
export interface Actor {
  /** As written to the audit log, e.g. "key:3f9a2c1d (alice)" or "cli:maria". */
  id: string;
  role: Role;
  /**
   * The workspace a key is scoped to: its role holds there alone. Absent for the shared taxonomy's
   * keys, which see no workspace's data.
   */
  workspace?: string;
  /**
   * The local operator — the CLI, or a command presenting the server's operator token — who holds the
   * store itself and so acts in every workspace.
   */
  operator?: true;
}

/** What a write or read of a company's data needs: a role in that workspace. */
export interface WorkspaceNeed {
  workspace: string;
  role: Role;
}

/**
 * Refuses an actor who may not act in a workspace with the role needed. Outside its workspace a key
 * learns nothing, not even that the workspace exists: the answer is the one an unknown workspace gets
 * (404). Only the workspace's own keys and the local operator pass.
 */
export function requireWorkspaceRole(actor: Actor, need: WorkspaceNeed): void {
  if (!actor.operator && actor.workspace !== need.workspace)
    throw new CanonError('not_found', `No workspace ${quote(need.workspace)}.`);
  if (!roleAllows(actor.role, need.role))
    throw new CanonError(
      'forbidden',
      `This needs the ${need.role} role in workspace ${quote(need.workspace)}; the key in use (${actor.id}) is ${actor.role === 'admin' ? 'an' : 'a'} ${actor.role}.`,
    );
}

/**
 * Whoever reads a page without a key, where the read policy lets them: it may read (the /ingest form
 * maps a ladder without storing it) and nothing more.
 */
export const VISITOR: Actor = { id: 'web:visitor', role: 'viewer' };
