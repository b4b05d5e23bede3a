import { describe, expect, it } from 'vitest';
import { readConfig } from './readConfig.js';

describe('readConfig', () => {
  it('has defaults for an empty environment', () => {
    expect(readConfig({})).toMatchObject({
      databaseUrl: null,
      port: 3000,
      host: '127.0.0.1',
      publicReads: true,
      minFreeMb: 64,
      cacheMb: 64,
      jobExpireSeconds: 300,
      storeBuffersMb: 32,
      rateLimits: { writes: 120, resolve: 60_000, failedAuth: 30 },
      logLevel: 'info',
    });
  });

  it('reads every setting it is given', () => {
    expect(
      readConfig({
        DATABASE_URL: ' postgres://db/canon ',
        PORT: '0',
        CANON_PUBLIC_READS: 'no',
        CANON_MIN_FREE_MB: '0',
        CANON_CACHE_MB: '8',
        CANON_RATE_WRITES: '5',
        CANON_RATE_FAILED_AUTH: '0',
        CANON_LOG_LEVEL: 'WARN',
        CANON_JOB_EXPIRE_SECONDS: '20',
        CANON_STORE_BUFFERS_MB: '128',
        CANON_CACHE_DIR: ' /var/cache/canon ',
      }),
    ).toMatchObject({
      databaseUrl: 'postgres://db/canon',
      port: 0,
      publicReads: false,
      minFreeMb: 0,
      cacheMb: 8,
      rateLimits: { writes: 5, resolve: 60_000, failedAuth: 0 },
      logLevel: 'warn',
      jobExpireSeconds: 20,
      storeBuffersMb: 128,
      cacheDir: '/var/cache/canon',
    });
  });

  it('keeps its cache in the user cache folder, or nowhere when told', () => {
    expect(readConfig({ HOME: '/home/ana' }).cacheDir).toBe('/home/ana/.cache/canon');
    expect(readConfig({ HOME: '/home/ana', XDG_CACHE_HOME: '/tmp/xdg' }).cacheDir).toBe('/tmp/xdg/canon');
    expect(readConfig({ HOME: '/home/ana', CANON_CACHE_DIR: 'off' }).cacheDir).toBeNull();
    expect(readConfig({}).cacheDir).toBeNull();
  });

  it.each([
    [{ PORT: '70000' }, /PORT must be a whole number from 0 to 65535; got "70000"/],
    [
      { CANON_MIN_FREE_MB: '1.5' },
      /CANON_MIN_FREE_MB must be a whole number of megabytes \(0 for no check\); got "1.5"/,
    ],
    [{ CANON_RATE_RESOLVE: '-1' }, /CANON_RATE_RESOLVE must be a whole number of requests a minute/],
    [{ CANON_PUBLIC_READS: 'maybe' }, /CANON_PUBLIC_READS must be true or false/],
    [{ CANON_LOG_LEVEL: 'loud' }, /CANON_LOG_LEVEL must be one of fatal, error/],
    [
      { CANON_STORE_BUFFERS_MB: '0' },
      /CANON_STORE_BUFFERS_MB must be a whole number of megabytes, at least 1; got "0"/,
    ],
    [
      { CANON_JOB_EXPIRE_SECONDS: '0' },
      /CANON_JOB_EXPIRE_SECONDS must be a whole number of seconds, at least 1; got "0"/,
    ],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});
