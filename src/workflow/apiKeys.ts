import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { CanonError, quote } from '../core/errors.js';
import {
  type Actor,
  type Role,
  requireRole,
  requireWorkspaceRole,
  type WorkspaceNeed,
} from '../core/roles.js';
import { findActiveKey, insertKey, listKeys, revokeKey, type StoredKey } from '../store/apiKeyRepository.js';
import type { CanonDb } from '../store/openStore.js';
import { findWorkspace } from '../store/workspaceRepository.js';
import { auditedWrite } from './auditedWrite.js';

const scrypt = promisify(scryptCb) as (secret: string, salt: Buffer, length: number) => Promise<Buffer>;

/** canon_<8 hex id>_<43 base64url secret>: the id finds the row, the secret is checked against its hash. */
const KEY_SHAPE = /^canon_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;
const HASH_LENGTH = 32;

export interface CreatedKey {
  id: string;
  name: string;
  role: Role;
  /** The workspace it is scoped to; null for a key of the shared taxonomy. */
  workspace: string | null;
  /** The only time the whole key exists outside its holder's hands. */
  key: string;
}

/**
 * What managing a workspace's keys needs: an instance admin (or the operator) manages every workspace's
 * keys; a workspace's admin only its own, and another workspace's key learns nothing (404).
 */
function keysNeed(actor: Actor, workspace: string): Role | WorkspaceNeed {
  return actor.workspace === undefined ? 'admin' : { workspace, role: 'admin' };
}

/**
 * Makes a key, in a workspace when one is given (it must exist); only its scrypt hash is stored, so it
 * cannot be shown again.
 */
export async function createApiKey(
  db: CanonDb,
  actor: Actor,
  name: string,
  role: Role,
  workspace?: string,
): Promise<CreatedKey> {
  if (!name.trim())
    throw new CanonError('invalid_input', 'A key needs a name saying whose it is, e.g. --name alice.');
  const id = randomBytes(4).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const salt = randomBytes(16);
  const hash = await scrypt(secret, salt, HASH_LENGTH);
  const scope = workspace ?? null;
  await auditedWrite(db, actor, scope === null ? 'admin' : keysNeed(actor, scope), async (tx) => {
    if (scope !== null && !(await findWorkspace(tx, scope)))
      throw new CanonError('not_found', `No workspace ${quote(scope)}.`);
    await insertKey(tx, {
      id,
      name: name.trim(),
      role,
      workspace: scope,
      salt: salt.toString('base64'),
      hash: hash.toString('base64'),
    });
    return {
      result: undefined,
      audit: {
        action: 'key.create',
        target: `key:${id}`,
        before: null,
        after: { name: name.trim(), role, workspace: scope },
        note: null,
      },
    };
  });
  return { id, name: name.trim(), role, workspace: scope, key: `canon_${id}_${secret}` };
}

/**
 * Revokes an active key. Without a workspace, any key (an instance admin or the operator); with one,
 * only a key of that workspace, by whoever manages its keys (`keysNeed`): a key of another workspace
 * or of the shared taxonomy is not found there, as an unknown id is not.
 */
export async function revokeApiKey(db: CanonDb, actor: Actor, id: string, workspace?: string): Promise<void> {
  await auditedWrite(
    db,
    actor,
    workspace === undefined ? 'admin' : keysNeed(actor, workspace),
    async (tx) => {
      if (workspace !== undefined && !(await findWorkspace(tx, workspace)))
        throw new CanonError('not_found', `No workspace ${quote(workspace)}.`);
      if (!(await revokeKey(tx, id, workspace)))
        throw new CanonError(
          'not_found',
          `No active key with id ${quote(id)}${workspace === undefined ? '' : ` in workspace ${quote(workspace)}`}.`,
        );
      return {
        result: undefined,
        audit: {
          action: 'key.revoke',
          target: `key:${id}`,
          before: null,
          after: workspace === undefined ? null : { workspace },
          note: null,
        },
      };
    },
  );
}

/** A key as listings show it: never its hash. */
export type KeySummary = Omit<StoredKey, 'salt' | 'hash'>;

/**
 * Keys, revoked ones too, oldest first. An instance admin (or the operator) sees every key, or one
 * workspace's; a workspace's admin sees its own workspace's keys and no others.
 */
export async function listApiKeys(
  db: CanonDb,
  actor: Actor,
  options: { workspace?: string } = {},
): Promise<KeySummary[]> {
  const workspace = options.workspace ?? actor.workspace;
  if (workspace === undefined) requireRole(actor, 'admin');
  else {
    const need = keysNeed(actor, workspace);
    if (typeof need === 'string') requireRole(actor, need);
    else requireWorkspaceRole(actor, need);
    if (!(await findWorkspace(db, workspace)))
      throw new CanonError('not_found', `No workspace ${quote(workspace)}.`);
  }
  const keys = await listKeys(db, workspace);
  return keys.map(({ salt: _s, hash: _h, ...k }) => k);
}

/**
 * Turns a presented key into the actor it stands for. scrypt is slow on
 * purpose, so a verified key is remembered (by its SHA-256) for `ttlMs`; a
 * revocation therefore reaches a running server within that time.
 */
export class KeyVerifier {
  private readonly verified = new Map<string, { actor: Actor; until: number }>();

  /**
   * `operator`: the token a server leaves in its data folder's lock (readable by its owner only), which a
   * CLI command on the same folder presents. Whoever can read it could open the store itself, so it
   * acts as the local operator does on the CLI.
   */
  constructor(
    private readonly db: CanonDb,
    private readonly ttlMs = 60_000,
    private readonly operator?: { token: string; actor: Actor },
  ) {}

  /** The actor of a key verified within `ttlMs`, without hashing; undefined otherwise. */
  remembered(presented: string): Actor | undefined {
    const fingerprint = Buffer.from(fingerprintOf(presented));
    if (this.operator && timingSafeEqual(fingerprint, Buffer.from(fingerprintOf(this.operator.token))))
      return this.operator.actor;
    const cached = this.verified.get(fingerprintOf(presented));
    return cached && cached.until > Date.now() ? cached.actor : undefined;
  }

  async verify(presented: string): Promise<Actor> {
    const known = this.remembered(presented);
    if (known) return known;
    const match = KEY_SHAPE.exec(presented);
    if (!match)
      throw new CanonError(
        'unauthorized',
        'That is not a Canon API key: expected canon_<id>_<secret>, as `canon keys create` prints it.',
      );
    const [, id = '', secret = ''] = match;
    const stored = await findActiveKey(this.db, id);
    const expected = stored ? Buffer.from(stored.hash, 'base64') : null;
    // Hash even for unknown ids, so that timing does not tell which ids exist.
    const actual = await scrypt(
      secret,
      stored ? Buffer.from(stored.salt, 'base64') : Buffer.alloc(16),
      HASH_LENGTH,
    );
    if (!stored || !expected || expected.length !== actual.length || !timingSafeEqual(expected, actual))
      throw new CanonError('unauthorized', 'This API key is unknown or revoked.');
    const actor: Actor = {
      id: `key:${id} (${stored.name})`,
      role: stored.role,
      ...(stored.workspace === null ? {} : { workspace: stored.workspace }),
    };
    if (this.verified.size > 10_000) this.verified.clear();
    this.verified.set(fingerprintOf(presented), { actor, until: Date.now() + this.ttlMs });
    return actor;
  }
}

function fingerprintOf(presented: string): string {
  return createHash('sha256').update(presented).digest('base64');
}
