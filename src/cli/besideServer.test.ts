import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { SERVING, startCanonProcess } from '../testing/canonProcess.js';
import { runCli } from '../testing/runCli.js';
import { EXIT_CODES } from './exitCodes.js';

/**
 * The CLI on a data folder that a running `canon serve` holds: reads answer from the catalog the
 * server publishes, and what only the store has, and every write, goes through the server's API with
 * the operator token the server leaves in its lock — or the key given.
 */
const M3 = 'TECHNO.TECHNOLO6B55.M3';
let dir: string;
let dataDir: string;
let server: ChildProcess;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'canon-beside-'));
  dataDir = join(dir, 'data');
  const serving = startCanonProcess(['serve', '--port', '0', '--data-dir', dataDir], {
    env: { CANON_LOG_LEVEL: 'silent' },
  });
  server = serving.child;
  await serving.printed(SERVING);
}, 120_000);

afterAll(async () => {
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

const at = (...args: string[]) => runCli(...args, '--data-dir', dataDir);

describe('the CLI beside a running server', () => {
  it('reads a profile from what the server published, without opening the store it holds', async () => {
    const { code, out, err } = await at('show', M3, '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ code: M3, version: 1 });
  });

  it("writes through the server's API as the operator, and reads back what it wrote", async () => {
    const proposal = join(dir, 'change.json');
    await writeFile(
      proposal,
      JSON.stringify({
        note: 'beside the server',
        add: {
          responsibilities: [
            {
              text: 'Runs the quarterly delivery review for 3-5 engineering teams and reports its findings.',
              sources: ['canon-profile-m3'],
            },
          ],
        },
      }),
    );
    const proposed = await at('propose', M3, '--file', proposal, '--submit');
    expect(proposed.err).toBe('');
    expect(proposed.code).toBe(0);
    expect(proposed.out).toMatch(new RegExp(`^${M3}: draft revision 1, in review`));

    const approved = await at('approve', M3);
    expect(approved.code).toBe(0);
    expect(approved.out).toContain(`approved as v2 by cli:${userInfo().username}`);

    // The server published its new snapshot before it answered the approval.
    expect(JSON.parse((await at('show', M3, '--json')).out)).toMatchObject({ version: 2 });
    expect((await at('history', M3)).out).toMatch(new RegExp(`^v2 .* cli:${userInfo().username}`, 'm'));
    const diff = await at('diff', M3, '1', '2', '--json');
    expect(JSON.parse(diff.out)).toMatchObject({ code: M3, from: 1, to: 2 });
    expect(JSON.parse(diff.out).text).toContain('quarterly delivery review');
    const audit = JSON.parse((await at('audit', '--target', M3, '--json')).out) as { action: string }[];
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['draft.save', 'draft.submit']));
  });

  it('ingests documents through the server', async () => {
    const ladder = join(PROJECT_ROOT, 'src', 'factory', 'fixtures', 'career-site', 'data-science-levels.md');
    const { code, out, err } = await at('ingest', ladder, '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const source = JSON.parse(out) as { source: { id: string }; levels: unknown[] };
    expect(source.levels.length).toBeGreaterThan(1);
    const stored = await at('ingest', ladder);
    expect(stored.out).toContain(`${source.source.id}`);
    expect(stored.out).toContain('(already stored; unchanged)');
  });

  it('sends the key it is given, and says so when the server refuses it', async () => {
    const { code, err } = await at('retire', M3, '--key', `canon_0badcafe_${'b'.repeat(43)}`);
    expect(code).toBe(EXIT_CODES.unauthorized);
    expect(err).toMatch(/unknown or revoked/);
  });

  it('after the server is killed, opens the store itself and finds every write', async () => {
    server.kill('SIGKILL');
    await once(server, 'exit');
    // The dead server's lock says nothing can be trusted from its last publication: the store is opened.
    const { code, out } = await at('history', M3);
    expect(code).toBe(0);
    expect(out).toMatch(/^v2 /m);
    expect(JSON.parse((await at('show', M3, '--json')).out)).toMatchObject({ version: 2 });
  });
});
