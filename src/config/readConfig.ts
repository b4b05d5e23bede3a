import { join, resolve } from 'node:path';
import { CanonError, quote } from '../core/errors.js';

/** Settings that come from the environment. This is the only module that reads process.env. */
export interface Config {
  /** PostgreSQL connection string; when absent Canon uses the embedded PGlite store. */
  databaseUrl: string | null;
  /** Folder of the embedded store. */
  dataDir: string;
  port: number;
  host: string;
  /** Folder holding the built-in taxonomy files. */
  taxonomyDir: string;
  /** Whether reads need no API key (writes always need one). */
  publicReads: boolean;
  /** Requests a minute per address and per key, and failed authentications a minute per address; 0 turns a limit off. */
  rateLimits: { writes: number; resolve: number; failedAuth: number };
  /** What the server may keep of rendered reads, in megabytes (0: keep nothing). */
  cacheMb: number;
  /** Free space the embedded store's disk must have at start, in megabytes (0: no check). */
  minFreeMb: number;
  /** The key a CLI command sends when a running server holds the embedded store and it uses that server's API. */
  apiKey: string | null;
  /**
   * How long a bulk job's chunk may be coded before it counts as lost (its worker killed) and is
   * handed to another worker, in seconds; on PostgreSQL only.
   */
  jobExpireSeconds: number;
  /**
   * Where Canon keeps what it can make again but would rather not (a freshly created embedded store,
   * copied for each new data folder in a quarter of a second instead of running initdb for five); null keeps
   * nothing.
   */
  cacheDir: string | null;
  /**
   * The embedded store's buffer pool in megabytes. Every start of the store sets it up, so it is most
   * of what opening the store costs a command; the data itself is cached by the operating system too.
   */
  storeBuffersMb: number;
  /** pino level for request logs (JSON lines on standard output). */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
}

/** How long a bulk job's chunk may be out with a worker before it counts as lost (CANON_JOB_EXPIRE_SECONDS). */
export const DEFAULT_JOB_EXPIRE_SECONDS = 300;

export const PROJECT_ROOT = resolve(new URL('../../', import.meta.url).pathname);

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CanonError(
      'invalid_input',
      `PORT must be a whole number from 0 to 65535; got ${quote(env.PORT)}.`,
    );
  }
  const jobExpireSeconds = count(
    'CANON_JOB_EXPIRE_SECONDS',
    env.CANON_JOB_EXPIRE_SECONDS,
    DEFAULT_JOB_EXPIRE_SECONDS,
    SECONDS,
  );
  atLeastOne('CANON_JOB_EXPIRE_SECONDS', jobExpireSeconds, SECONDS);
  return {
    databaseUrl: env.DATABASE_URL?.trim() || null,
    dataDir: resolve(env.CANON_DATA_DIR?.trim() || '.canon/data'),
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    taxonomyDir: resolve(env.CANON_TAXONOMY_DIR?.trim() || resolve(PROJECT_ROOT, 'data')),
    publicReads: flag('CANON_PUBLIC_READS', env.CANON_PUBLIC_READS, true),
    apiKey: env.CANON_API_KEY?.trim() || null,
    logLevel: logLevel(env.CANON_LOG_LEVEL),
    minFreeMb: count('CANON_MIN_FREE_MB', env.CANON_MIN_FREE_MB, 64, 'megabytes (0 for no check)'),
    cacheMb: count('CANON_CACHE_MB', env.CANON_CACHE_MB, 64, 'megabytes (0 to keep nothing)'),
    cacheDir: cacheDir(env),
    storeBuffersMb: atLeastOne(
      'CANON_STORE_BUFFERS_MB',
      count('CANON_STORE_BUFFERS_MB', env.CANON_STORE_BUFFERS_MB, 32, BUFFERS),
      BUFFERS,
    ),
    jobExpireSeconds,
    rateLimits: {
      writes: count('CANON_RATE_WRITES', env.CANON_RATE_WRITES, 120, RATE),
      resolve: count('CANON_RATE_RESOLVE', env.CANON_RATE_RESOLVE, 60_000, RATE),
      failedAuth: count(
        'CANON_RATE_FAILED_AUTH',
        env.CANON_RATE_FAILED_AUTH,
        30,
        'failed authentications a minute (0 for no limit)',
      ),
    },
  };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;

function logLevel(value: string | undefined): Config['logLevel'] {
  const v = value?.trim().toLowerCase() || 'info';
  const level = LOG_LEVELS.find((l) => l === v);
  if (!level)
    throw new CanonError(
      'invalid_input',
      `CANON_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got ${quote(value)}.`,
    );
  return level;
}

const RATE = 'requests a minute (0 for no limit)';
const BUFFERS = 'megabytes, at least 1';
const SECONDS = 'seconds, at least 1';

function count(name: string, value: string | undefined, fallback: number, unit: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new CanonError('invalid_input', `${name} must be a whole number of ${unit}; got ${quote(value)}.`);
  return n;
}

/** A count that may not be 0, where count() lets 0 mean "none". */
function atLeastOne(name: string, n: number, unit: string): number {
  if (n < 1) throw new CanonError('invalid_input', `${name} must be a whole number of ${unit}; got "0".`);
  return n;
}

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  const v = value?.trim().toLowerCase();
  if (!v) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new CanonError('invalid_input', `${name} must be true or false; got ${quote(value)}.`);
}

/** The PostgreSQL database the store contract suite may use; tests skip PostgreSQL runs without it. */
export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.CANON_TEST_DATABASE_URL?.trim() || null;
}

/** The Chromium the browser tests drive: Debian's package by default. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CANON_CHROMIUM?.trim() || '/usr/bin/chromium';
}

/** CANON_CACHE_DIR ("off" for none), else the user's cache folder (XDG_CACHE_HOME, ~/.cache). */
function cacheDir(env: NodeJS.ProcessEnv): string | null {
  const chosen = env.CANON_CACHE_DIR?.trim();
  if (chosen === 'off') return null;
  if (chosen) return resolve(chosen);
  const home = env.XDG_CACHE_HOME?.trim() || (env.HOME?.trim() ? join(env.HOME.trim(), '.cache') : null);
  return home ? join(home, 'canon') : null;
}
