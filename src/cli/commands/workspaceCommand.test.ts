import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVING, startCanonProcess } from '../../testing/canonProcess.js';
import { runCli } from '../../testing/runCli.js';
import { openedDataDir } from '../../testing/testStore.js';
import { EXIT_CODES } from '../exitCodes.js';

// Every command opens the embedded store, seconds each on a busy machine.
/** A data folder holding the run's migrated store: a first start would migrate and load the taxonomy. */
async function copiedStore(prefix: string): Promise<{ dir: string; dataDir: string }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const dataDir = join(dir, 'data');
  await openedDataDir(dataDir);
  return { dir, dataDir };
}

describe('canon workspace, and keys in a workspace', { timeout: 240_000 }, () => {
  let dir: string;
  let dataDir: string;
  beforeAll(async () => {
    ({ dir, dataDir } = await copiedStore('canon-workspace-cli-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const canon = (...args: string[]) => runCli(...args, '--data-dir', dataDir);

  it('creates a workspace, refuses a bad id quoting it and a taken one, and lists what there is', async () => {
    const made = await canon('workspace', 'create', 'acme', '--name', 'Acme Anvils');
    expect(made.err).toBe('');
    expect(made.out).toMatch(/^Created workspace acme \(Acme Anvils\)\./);
    const bad = await canon('workspace', 'create', 'Acme Anvils', '--name', 'x');
    expect(bad.code).toBe(EXIT_CODES.invalid_input);
    expect(bad.err).toContain('got "Acme Anvils"');
    expect((await canon('workspace', 'create', 'acme', '--name', 'Again')).code).toBe(EXIT_CODES.conflict);
    await canon('workspace', 'create', 'contoso', '--name', 'Contoso', '--json');
    const listed = JSON.parse((await canon('workspace', 'list', '--json')).out) as {
      id: string;
      name: string;
    }[];
    expect(listed.map((w) => [w.id, w.name])).toEqual([
      ['acme', 'Acme Anvils'],
      ['contoso', 'Contoso'],
    ]);
    expect((await canon('workspace', 'list')).out).toMatch(
      /^acme\s+Acme Anvils {2}created \d{4}-\d\d-\d\d\n/,
    );
  });

  it("makes keys in a workspace that exists, and lists them with it, or one workspace's alone", async () => {
    const key = await canon(
      'keys',
      'create',
      '--workspace',
      'acme',
      '--role',
      'editor',
      '--name',
      'dana',
      '--json',
    );
    expect(key.code).toBe(0);
    expect(JSON.parse(key.out)).toMatchObject({ name: 'dana', role: 'editor', workspace: 'acme' });
    await canon('keys', 'create', '--role', 'viewer', '--name', 'shared-reader');
    const nowhere = await canon(
      'keys',
      'create',
      '--workspace',
      'nowhere',
      '--role',
      'viewer',
      '--name',
      'x',
    );
    expect(nowhere.code).toBe(EXIT_CODES.not_found);
    expect(nowhere.err).toContain('No workspace "nowhere"');
    const badId = await canon('keys', 'create', '--workspace', 'No Where', '--role', 'viewer', '--name', 'x');
    expect(badId.code).not.toBe(0);
    expect(badId.err).toContain('got "No Where"');
    const all = (await canon('keys', 'list')).out;
    expect(all).toMatch(/ editor {4}dana {2}workspace acme {2}created /);
    expect(all).toMatch(/ viewer {4}shared-reader {2}created /);
    const acme = JSON.parse((await canon('keys', 'list', '--workspace', 'acme', '--json')).out) as {
      name: string;
    }[];
    expect(acme.map((k) => k.name)).toEqual(['dana']);
  });

  it("revokes a workspace's key with --workspace, and refuses a key that is not that workspace's", async () => {
    const made = JSON.parse(
      (await canon('keys', 'create', '--workspace', 'contoso', '--role', 'viewer', '--name', 'ivy', '--json'))
        .out,
    ) as { id: string };
    const elsewhere = await canon('keys', 'revoke', made.id, '--workspace', 'acme');
    expect(elsewhere.code).toBe(EXIT_CODES.not_found);
    expect(elsewhere.err).toContain(`No active key with id "${made.id}" in workspace "acme"`);
    const revoked = await canon('keys', 'revoke', made.id, '--workspace', 'contoso');
    expect(revoked.code).toBe(0);
    expect(revoked.out).toContain(`Revoked key ${made.id} of workspace contoso.`);
    const listed = JSON.parse((await canon('keys', 'list', '--workspace', 'contoso', '--json')).out) as {
      id: string;
      revokedAt: string | null;
    }[];
    expect(listed.find((k) => k.id === made.id)?.revokedAt).toEqual(expect.any(String));
    expect((await canon('keys', 'revoke', made.id, '--workspace', 'contoso')).code).toBe(
      EXIT_CODES.not_found,
    );
  });

  it('documents every option', async () => {
    for (const command of [
      ['workspace', 'create'],
      ['workspace', 'list'],
      ['keys', 'create'],
      ['keys', 'list'],
      ['keys', 'revoke'],
    ]) {
      const { code, out } = await runCli(...command, '--help');
      expect(code).toBe(0);
      for (const option of out.matchAll(/^\s+(--[\w-]+)[^\n]*$/gm))
        expect(option[0].trim().split(/\s{2,}/).length, `${command.join(' ')} ${option[1]}`).toBeGreaterThan(
          1,
        );
    }
    expect((await runCli('keys', 'create', '--help')).out).toContain('--workspace <id>');
  });
});

describe('canon workspace beside a running server', { timeout: 240_000 }, () => {
  let dir: string;
  let dataDir: string;
  let server: ChildProcess;
  let url: string;
  beforeAll(async () => {
    ({ dir, dataDir } = await copiedStore('canon-workspace-beside-'));
    const serving = startCanonProcess(['serve', '--port', '0', '--data-dir', dataDir], {
      from: 'source',
      env: { CANON_LOG_LEVEL: 'silent' },
    });
    server = serving.child;
    url = (await serving.printed(SERVING))[1] ?? '';
  }, 120_000);
  afterAll(async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });
  const canon = (...args: string[]) => runCli(...args, '--data-dir', dataDir);

  it("creates a workspace and its keys through the server's API, as the operator, and the key works there", async () => {
    const made = await canon('workspace', 'create', 'beside', '--name', 'Beside Co', '--json');
    expect(made.err).toBe('');
    expect(JSON.parse(made.out)).toMatchObject({ id: 'beside', name: 'Beside Co' });
    expect(JSON.parse((await canon('workspace', 'list', '--json')).out)).toHaveLength(1);
    const key = await canon('keys', 'create', '--workspace', 'beside', '--role', 'viewer', '--name', 'kim');
    expect(key.code).toBe(0);
    const listed = await canon('keys', 'list', '--workspace', 'beside');
    expect(listed.out).toMatch(/ viewer {4}kim {2}workspace beside /);
    const res = await fetch(new URL('/api/workspaces/beside', url), {
      headers: { authorization: `Bearer ${key.out.trim()}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: 'beside', name: 'Beside Co' });
  });

  it("revokes a workspace's key through the server's API", async () => {
    const made = JSON.parse(
      (await canon('keys', 'create', '--workspace', 'beside', '--role', 'editor', '--name', 'lou', '--json'))
        .out,
    ) as { id: string; key: string };
    const revoked = await canon('keys', 'revoke', made.id, '--workspace', 'beside');
    expect(revoked.err).toBe('');
    expect(revoked.out).toContain(`Revoked key ${made.id} of workspace beside.`);
    // Never verified by the server, so it is not remembered there: refused at once.
    const res = await fetch(new URL('/api/workspaces/beside', url), {
      headers: { authorization: `Bearer ${made.key}` },
    });
    expect(res.status).toBe(401);
    const again = await canon('keys', 'revoke', made.id, '--workspace', 'beside');
    expect(again.code).toBe(EXIT_CODES.not_found);
  });
});
