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
