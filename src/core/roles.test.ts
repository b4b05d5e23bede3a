import { describe, expect, it } from 'vitest';
import { CanonError } from './errors.js';
import { type Actor, ROLES, type Role, requireRole, requireWorkspaceRole } from './roles.js';

const codeOf = (check: () => void): string | null => {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof CanonError) return error.code;
    throw error;
  }
};

const key = (role: Role, workspace?: string): Actor => ({
  id: `key:test (${role}${workspace ? ` in ${workspace}` : ''})`,
  role,
  ...(workspace ? { workspace } : {}),
});
const OPERATOR: Actor = { id: 'cli:test', role: 'admin', operator: true };

describe('requireWorkspaceRole', () => {
  it("lets a workspace's own key act with its role or a weaker one, and refuses a stronger one (403)", () => {
    for (const held of ROLES)
      for (const needed of ROLES)
        expect(
          codeOf(() => requireWorkspaceRole(key(held, 'acme'), { workspace: 'acme', role: needed })),
        ).toBe(ROLES.indexOf(held) >= ROLES.indexOf(needed) ? null : 'forbidden');
  });

  it("answers another workspace's key, whatever its role, as if the workspace did not exist (404)", () => {
    for (const held of ROLES) {
      let message = '';
      try {
        requireWorkspaceRole(key(held, 'contoso'), { workspace: 'acme', role: 'viewer' });
      } catch (error) {
        message = (error as CanonError).message;
      }
      expect(message).toBe('No workspace "acme".');
    }
  });

  it('answers a key of the shared taxonomy, even an admin, with the same 404', () => {
    for (const held of ROLES)
      expect(codeOf(() => requireWorkspaceRole(key(held), { workspace: 'acme', role: 'viewer' }))).toBe(
        'not_found',
      );
  });

  it('lets the operator act in every workspace', () => {
    for (const role of ROLES)
      expect(codeOf(() => requireWorkspaceRole(OPERATOR, { workspace: 'acme', role }))).toBeNull();
  });
});

describe('requireRole on the shared taxonomy', () => {
  it('lets a workspace key read it but not change it, whatever its role there', () => {
    for (const held of ROLES) {
      expect(codeOf(() => requireRole(key(held, 'acme'), 'viewer'))).toBeNull();
      for (const needed of ROLES.filter((r) => r !== 'viewer'))
        expect(codeOf(() => requireRole(key(held, 'acme'), needed))).toBe('forbidden');
    }
  });

  it("holds a shared key's role as it is: enough or stronger passes, weaker is refused", () => {
    for (const held of ROLES)
      for (const needed of ROLES)
        expect(codeOf(() => requireRole(key(held), needed))).toBe(
          ROLES.indexOf(held) >= ROLES.indexOf(needed) ? null : 'forbidden',
        );
  });
});
