import { CanonError, quote } from '../../core/errors.js';
import { jobDescription, jobDescriptionMarkdown } from '../../core/jobDescription.js';
import { Layout, renderPage } from '../../server/web/Layout.js';
import { JobDescriptionBody } from '../../server/web/pages/JobDescriptionPage.js';
import type { CliIO } from '../io.js';
import { type StoreFlags, withCanon } from './withCanon.js';
import { writeOutput } from './writeOutput.js';

export async function jdCommand(
  code: string,
  flags: StoreFlags & { format: string; out?: string },
  io: CliIO,
): Promise<void> {
  const format = flags.format.toLowerCase();
  if (format !== 'md' && format !== 'html')
    throw new CanonError('invalid_input', `--format must be md or html; got ${quote(flags.format)}.`);
  await withCanon(flags, async ({ catalog }) => {
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
