import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { CanonError, quote } from '../../core/errors.js';
import { readOnetRelease } from '../../importers/onet/readOnetRelease.js';
import { openDataset } from '../../importers/openDataset.js';
import { importOnetRelease } from '../../workflow/importReferenceData.js';
import { dataDirOption } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { progressReporter } from '../progressReporter.js';
import { cliActor } from './cliActor.js';
import { type StoreFlags, withCanon } from './withCanon.js';

export const DEFAULT_RELEASE = '29.3';
export const releaseUrl = (release: string) =>
  `https://www.onetcenter.org/dl_files/database/db_${release.replace('.', '_')}_text.zip`;

export interface ImportOnetFlags extends StoreFlags {
  soc?: string;
  download?: boolean;
  release?: string;
  url?: string;
}

/** Adds `onet` to `canon import`. */
export function importOnetCommand(parent: Command, io: CliIO): void {
  parent
    .command('onet')
    .description('import the O*NET database text files (a folder or zip; releases 28 and later)')
    .argument('[path]', 'folder or zip of the O*NET text files')
    .option(
      '--soc <file>',
      'SOC 2018 definitions TSV (SOC Group, SOC Code, SOC Title) for the major/minor/broad/detailed structure',
    )
    .option('--download', 'fetch the official release archive (only when you ask for it)')
    .option('--release <version>', 'release to download', DEFAULT_RELEASE)
    .option('--url <url>', 'download from this address instead of the official one')
    .addOption(dataDirOption())
    .action((path, flags) => importOnet(path, flags, io));
}

/** canon import onet <folder|zip> — or, only when asked with --download, the official archive. */
async function importOnet(path: string | undefined, flags: ImportOnetFlags, io: CliIO): Promise<void> {
  if (!path && !flags.download)
    throw new CanonError(
      'invalid_input',
      'Give the O*NET folder or zip to import, or --download to fetch the official release.',
    );
  if (path && flags.download)
    throw new CanonError('invalid_input', 'Give either a folder or zip, or --download, not both.');
  const temp = flags.download ? await mkdtemp(join(tmpdir(), 'canon-onet-')) : null;
  try {
    const source = temp
      ? await download(flags.url ?? releaseUrl(flags.release ?? DEFAULT_RELEASE), temp, io)
      : (path as string);
    const progress = progressReporter(io);
    const socDataset = flags.soc ? await openDataset(flags.soc) : null;
    const release = await readOnetRelease(
      await openDataset(source),
      socDataset,
      flags.soc ? (flags.soc.split('/').pop() ?? null) : null,
      (file, n) => progress.update(`reading ${file}`, n),
    );
    const total =
      release.socCodes.length +
      release.occupations.length +
      release.titles.length +
      release.tasks.length +
      release.related.length +
      release.technologies.length;
    let stored = 0;
    let lastTable = '';
    let tableDone = 0;
    await withCanon(flags, async ({ store }) => {
      const counts = await importOnetRelease(store.db, cliActor(), release, source, (table, done) => {
        stored += table === lastTable ? done - tableDone : done;
        lastTable = table;
        tableDone = done;
        progress.update(`storing ${table}`, stored, total);
      });
      progress.stop();
      io.err(
        `Imported O*NET from ${source}: ${counts.occupations} occupations, ${counts.titles} titles, ${counts.tasks} tasks, ${counts.related} related pairs, ${counts.technologies} technologies, ${counts.socCodes} SOC codes.\n`,
      );
    });
  } finally {
    if (temp) await rm(temp, { recursive: true, force: true });
  }
}

async function download(url: string, dir: string, io: CliIO): Promise<string> {
  io.err(`Downloading ${url} …\n`);
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(10 * 60_000) });
  } catch (cause) {
    throw new CanonError('store_unavailable', `Cannot download ${url}: ${(cause as Error).message}`, {
      cause,
    });
  }
  if (!response.ok)
    throw new CanonError(
      'invalid_input',
      `Downloading ${url} answered ${response.status} ${quote(response.statusText)}.`,
    );
  const file = join(dir, 'onet.zip');
  await writeFile(file, new Uint8Array(await response.arrayBuffer()));
  return file;
}
