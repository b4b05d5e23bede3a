import { type Config, readConfig } from '../../config/readConfig.js';
import { type Canon, openCanon } from '../../runtime/openCanon.js';

export interface StoreFlags {
  dataDir?: string;
}

/** Opens Canon for a one-shot command, runs it and always closes it (its store and document readers). */
export async function withCanon<T>(
  flags: StoreFlags,
  fn: (canon: Canon, config: Config) => Promise<T>,
): Promise<T> {
  const config = configWith(flags);
  const canon = await openCanon(config);
  try {
    return await fn(canon, config);
  } finally {
    await canon.close();
  }
}

export function configWith(flags: StoreFlags & { port?: number; host?: string }): Config {
  const config = readConfig();
  return {
    ...config,
    ...(flags.dataDir ? { dataDir: flags.dataDir } : {}),
    ...(flags.port !== undefined ? { port: flags.port } : {}),
    ...(flags.host ? { host: flags.host } : {}),
  };
}
