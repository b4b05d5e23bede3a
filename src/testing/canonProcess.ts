import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config/readConfig.js';

/** What `canon serve` prints once it listens; the first group is its address. */
export const SERVING = /Canon is serving (http:\/\/\S+)/;

/** A `canon` command running as a child process, as tests and benchmarks drive a server or a worker. */
export interface CanonProcess {
  child: ChildProcess;
  /** Everything it printed on stderr so far. */
  log: () => string;
  /** Resolves with the match once stderr matches `pattern`; rejects, with the log, if it exits first. */
  printed: (pattern: RegExp) => Promise<RegExpExecArray>;
}

/**
 * Starts `canon ARGS…`: the compiled program (`bin/canon.js`, as users run it) or, with
 * `from: 'source'`, the TypeScript through tsx. `env` is added to this process's environment.
 */
export function startCanonProcess(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; from?: 'dist' | 'source' } = {},
): CanonProcess {
  const entry =
    options.from === 'source'
      ? ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'cli', 'main.ts')]
      : [join(PROJECT_ROOT, 'bin', 'canon.js')];
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: options.cwd ?? PROJECT_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  let exited: string | null = null;
  const waiting = new Set<() => void>();
  child.stderr?.on('data', (d: Buffer) => {
    err += d;
    for (const check of waiting) check();
  });
  child.once('exit', (code, signal) => {
    exited = String(code ?? signal);
    for (const check of waiting) check();
  });
  return {
    child,
    log: () => err,
    printed: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = pattern.exec(err);
          if (found) resolve(found);
          else if (exited !== null) reject(new Error(`canon ${args.join(' ')} exited (${exited}): ${err}`));
          else return;
          waiting.delete(check);
        };
        waiting.add(check);
        check();
      }),
  };
}
