import { CanonError } from './errors.js';

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

/** Refuses (403) an actor whose role is weaker than the one needed. */
export function requireRole(actor: Actor, needed: Role): void {
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
}

/**
 * Whoever reads a page without a key, where the read policy lets them: it may read (the /ingest form
 * maps a ladder without storing it) and nothing more.
 */
export const VISITOR: Actor = { id: 'web:visitor', role: 'viewer' };
