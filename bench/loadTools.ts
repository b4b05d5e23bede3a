/** Shared by the load benchmarks: autocannon runs with medians, and a `canon serve` child process. */
import { type ChildProcess, spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../src/config/readConfig.js';

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, seconds: number, requests?: { path: string }[]): Promise<LoadFigures> {
  const result = await autocannon({
    url,
    connections: 32,
    duration: seconds,
    pipelining: 1,
    ...(requests ? { requests } : {}),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** Median figures of `runs` loads of `seconds` each; `requests` cycles through several paths. */
export async function loadRuns(
  url: string,
  options: { seconds: number; runs: number; requests?: { path: string }[] },
): Promise<LoadFigures> {
  const runs: LoadFigures[] = [];
  for (let i = 0; i < options.runs; i++) runs.push(await load(url, options.seconds, options.requests));
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  };
}

/** `npm start` on a data folder; `ready` resolves with the time until `firstPath` answers. */
export function startCanon(
  dataDir: string,
  port: number,
  firstPath: string,
  env: Record<string, string> = {},
): { child: ChildProcess; ready: Promise<number> } {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(port), CANON_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  const ready = new Promise<number>((resolve, reject) => {
    let log = '';
    let seen = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk;
      if (seen || !log.includes('Canon is serving')) return;
      seen = true;
      fetch(`http://127.0.0.1:${port}${firstPath}`).then(
        (res) =>
          res.ok
            ? resolve(performance.now() - started)
            : reject(new Error(`first page answered ${res.status}`)),
        reject,
      );
    });
    child.once('exit', (code) => reject(new Error(`canon exited with ${code}: ${log}`)));
  });
  return { child, ready };
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  if (child.pid) process.kill(-child.pid, 'SIGTERM');
  await exited;
}
