import { type ChildProcess, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './config/readConfig.js';
import { SERVING, startCanonProcess } from './testing/canonProcess.js';
import { reportSkip } from './testing/reportSkip.js';
import { runCli } from './testing/runCli.js';

/**
 * Every shell, YAML and CSV example of the README, run as written and in order, in a fresh folder
 * whose `npx canon` is this checkout's and whose `../shared` is the one beside it. A comment
 * just before a block says how to treat it:
 * - `<!-- example: file NAME -->` — a YAML or CSV block saved as NAME for the commands after it
 *   (every YAML and CSV block must be one);
 * - `<!-- example: usage -->` — a synopsis with [optional] parts: every command and flag it names
 *   must be one `canon <command> --help` lists;
 * - `<!-- example: server -->` — run while `canon serve` listens on the port the block calls;
 * - `<!-- example: needs ../shared -->` — run when ../shared is there, else skipped with the reason;
 * - `<!-- example: skip — REASON -->` — not run, and the reason printed.
 * A shell block with no comment is run line by line and every line must exit 0.
 */
interface Example {
  line: number;
  lang: string;
  directive: string | null;
  text: string;
}

const README = join(PROJECT_ROOT, 'README.md');
const SHARED = join(PROJECT_ROOT, '..', 'shared');

function readmeExamples(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\S*)\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    const indent = open[1]?.length ?? 0;
    const lang = open[2] ?? '';
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j] ?? ''); j++)
      body.push((lines[j] ?? '').slice(indent));
    const directive = /^\s*<!-- example: (.+?) -->\s*$/.exec(lines[i - 1] ?? '')?.[1] ?? null;
    if (lang === 'sh' || lang === 'yaml' || lang === 'csv')
      examples.push({ line: i + 1, lang, directive, text: body.join('\n') });
    i = j;
  }
  return examples;
}

const examples = readmeExamples(readFileSync(README, 'utf8'));
let work: string;
let shims: string;
const servers: ChildProcess[] = [];

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'canon-readme-'));
  work = join(dir, 'work');
  await mkdir(join(work, 'node_modules', '.bin'), { recursive: true });
  await writeFile(join(work, 'package.json'), '{ "name": "readme-examples", "private": true }\n');
  // npx finds this checkout's canon, and the tools the project installs (openapi-typescript).
  await symlink(join(PROJECT_ROOT, 'bin', 'canon.js'), join(work, 'node_modules', '.bin', 'canon'));
  const bins = join(PROJECT_ROOT, 'node_modules', '.bin');
  for (const name of await readdir(bins))
    if (name !== 'canon') await symlink(join(bins, name), join(work, 'node_modules', '.bin', name));
  if (existsSync(SHARED)) await symlink(SHARED, join(dir, 'shared'));
  // `npx canon` runs node_modules/.bin/canon; this npx, first on the PATH, runs it without npm's own
  // start, half a second of every command (`npx canon --help` 1.1–1.3 s, the same run directly
  // 0.6–0.7 s). Anything else goes to the real npx.
  shims = join(dir, 'shims');
  await mkdir(shims);
  await writeFile(
    join(shims, 'npx'),
    `#!/usr/bin/env bash\nif [ "$1" = canon ]; then shift; exec ${JSON.stringify(join(work, 'node_modules', '.bin', 'canon'))} "$@"; fi\nexec ${JSON.stringify(realNpx())} "$@"\n`,
    { mode: 0o755 },
  );
});

afterAll(async () => {
  for (const s of servers) s.kill('SIGKILL');
  await rm(join(work, '..'), { recursive: true, force: true });
});

function runLine(command: string): { status: number | null; out: string } {
  // A command left running in the background would hold the output open and the test with it.
  if (/&\s*(#.*)?$/.test(command)) return { status: null, out: 'runs in the background: mark its block' };
  const run = spawnSync('bash', ['-c', command], {
    cwd: work,
    encoding: 'utf8',
    timeout: 240_000,
    killSignal: 'SIGKILL',
    // npx may run only what is installed: nothing downloads during a test.
    env: {
      ...process.env,
      PATH: `${shims}:${process.env.PATH ?? ''}`,
      CANON_LOG_LEVEL: 'silent',
      npm_config_yes: 'false',
    },
  });
  return {
    status: run.status,
    out: `${run.stdout}${run.stderr}${run.error ? ` (${run.error.message})` : ''}`,
  };
}

function realNpx(): string {
  const found = spawnSync('bash', ['-c', 'command -v npx'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error('npx is not on the PATH');
  return found;
}

function commandLines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
}

async function portFree(port: number): Promise<boolean> {
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function serveOn(port: number): Promise<ChildProcess> {
  const server = startCanonProcess(['serve', '--port', String(port)], {
    cwd: work,
    env: { CANON_LOG_LEVEL: 'silent' },
  });
  servers.push(server.child);
  await server.printed(SERVING);
  return server.child;
}

/** The commands and flags a synopsis line names, e.g. `keys revoke` and `--json`. */
async function checkUsage(line: string): Promise<string[]> {
  const problems: string[] = [];
  for (const form of line.replace(/#.*$/, '').split(' | ')) {
    const words = form
      .trim()
      .replace(/^npx canon /, '')
      .split(/\s+/);
    const path = [words[0] ?? ''].filter((w) => /^[a-z][a-z-]*$/.test(w));
    const top = await runCli(...path, '--help');
    const sub = words[1] ?? '';
    if (/^[a-z][a-z-]*$/.test(sub) && new RegExp(`^  ${sub}\\b`, 'm').test(top.out)) path.push(sub);
    const help = path.length === 1 ? top : await runCli(...path, '--help');
    if (help.code !== 0) problems.push(`canon ${path.join(' ')} --help exits ${help.code}`);
    for (const flag of form.match(/--[a-z][a-z-]*/g) ?? [])
      if (!help.out.includes(flag)) problems.push(`canon ${path.join(' ')} has no ${flag}`);
  }
  return problems;
}

describe('the README examples, run as written', () => {
  it('marks every YAML and CSV example with the file it is', () => {
    expect(examples.filter((e) => e.lang !== 'sh' && !e.directive?.startsWith('file '))).toEqual([]);
  });

  for (const example of examples) {
    const name = `README.md:${example.line} ${example.directive ?? example.text.split('\n')[0]}`;
    it(name, async () => {
      const directive = example.directive ?? '';
      if (directive.startsWith('skip')) {
        reportSkip(`README.md:${example.line}`, directive.replace(/^skip\s*—?\s*/, ''));
        return;
      }
      if (directive.startsWith('file ')) {
        await writeFile(join(work, directive.slice(5).trim()), `${example.text}\n`);
        return;
      }
      if (directive === 'usage') {
        const problems = (await Promise.all(commandLines(example.text).map(checkUsage))).flat();
        expect(problems).toEqual([]);
        return;
      }
      if (directive === 'needs ../shared' && !existsSync(SHARED)) {
        reportSkip(`README.md:${example.line}`, `needs ${SHARED}, which is not there`);
        return;
      }
      let server: ChildProcess | null = null;
      if (directive === 'server') {
        const port = Number(/localhost:(\d+)/.exec(example.text)?.[1] ?? 3000);
        if (!(await portFree(port))) {
          reportSkip(
            `README.md:${example.line}`,
            `port ${port}, which the example calls, is taken on this machine`,
          );
          return;
        }
        server = await serveOn(port);
      }
      try {
        for (const command of commandLines(example.text)) {
          const { status, out } = runLine(command);
          expect({ command, status, out: status === 0 ? '' : out }).toEqual({ command, status: 0, out: '' });
        }
      } finally {
        if (server) {
          const exited = once(server, 'exit');
          server.kill('SIGTERM');
          await exited;
        }
      }
    }, 300_000);
  }
});
