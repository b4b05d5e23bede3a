import type { Command } from 'commander';
import { CanonError, quote } from '../../core/errors.js';
import { jobDescription, jobDescriptionMarkdown } from '../../core/jobDescription.js';
import { Layout, renderPage } from '../../server/web/Layout.js';
import { JobDescriptionBody } from '../../server/web/pages/JobDescriptionPage.js';
import { dataDirOption, outFileOption, profileCodeArgument } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { type StoreFlags, withCatalog } from './withCanon.js';
import { writeOutput } from './writeOutput.js';

/** Adds `canon jd`. */
export function jdCommand(parent: Command, io: CliIO): void {
  parent
    .command('jd')
    .description('write a job description generated from a profile')
    .addArgument(profileCodeArgument())
    .option('-f, --format <format>', 'md or html', 'md')
    .addOption(outFileOption())
    .addOption(dataDirOption())
    .action((code, flags) => writeJobDescription(code, flags, io));
}

async function writeJobDescription(
  code: string,
  flags: StoreFlags & { format: string; out?: string },
  io: CliIO,
): Promise<void> {
  const format = flags.format.toLowerCase();
  if (format !== 'md' && format !== 'html')
    throw new CanonError('invalid_input', `--format must be md or html; got ${quote(flags.format)}.`);
  await withCatalog(flags, async ({ catalog }) => {
    const jd = jobDescription(catalog, code);
    const text =
      format === 'md'
        ? jobDescriptionMarkdown(jd)
        : renderPage(
            Layout({ title: `Job description — ${jd.title}`, children: JobDescriptionBody({ jd }) }),
          );
    if (!flags.out) {
      io.out(text);
      return;
    }
    await writeOutput(flags.out, text);
    io.err(`Wrote the job description for ${jd.code} to ${flags.out}\n`);
  });
}
