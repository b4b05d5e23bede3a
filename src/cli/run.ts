import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { CanonError, isCanonError } from '../core/errors.js';
import { ROLE_RIGHTS, ROLES } from '../core/roles.js';
import { parseVersionRef, type VersionRef } from '../core/versionRef.js';
import { rootMessage, storeFailure } from '../store/storeFailure.js';
import { approveCommand } from './commands/approveCommand.js';
import { auditCommand } from './commands/auditCommand.js';
import { buildCommand, releaseDiffCommand } from './commands/buildCommand.js';
import { diffCommand } from './commands/diffCommand.js';
import { exportCommand } from './commands/exportCommand.js';
import { historyCommand } from './commands/historyCommand.js';
import { importCommand } from './commands/importCommand.js';
import { ingestCommand } from './commands/ingestCommand.js';
import { jdCommand } from './commands/jdCommand.js';
import { keysCreateCommand, keysListCommand, keysRevokeCommand } from './commands/keysCommand.js';
import { levelsCommand } from './commands/levelsCommand.js';
import { payCommand } from './commands/payCommand.js';
import { progressionCommand } from './commands/progressionCommand.js';
import { proposeCommand } from './commands/proposeCommand.js';
import { queueCommand } from './commands/queueCommand.js';
import { resolveCommand } from './commands/resolveCommand.js';
import { retireCommand } from './commands/retireCommand.js';
import { reviewCommand } from './commands/reviewCommand.js';
import { serveCommand } from './commands/serveCommand.js';
import { showCommand } from './commands/showCommand.js';
import { submitCommand } from './commands/submitCommand.js';
import { dataDirOption, jsonOption, noteOption, profileCodeArgument, wholeNumber } from './commonOptions.js';
import { EXIT_CODES } from './exitCodes.js';
import type { CliIO } from './io.js';

function versionArg(value: string): VersionRef {
  try {
    return parseVersionRef(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function program(io: CliIO): Command {
  const cmd = new Command('canon')
    .description('Canon — the canonical taxonomy of roles: serve it, show profiles, export them.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  serveCommand(cmd, io);
  showCommand(cmd, io);
  exportCommand(cmd, io);
  levelsCommand(cmd, io);
  progressionCommand(cmd, io);
  jdCommand(cmd, io);
  resolveCommand(cmd, io);
  reviewCommand(cmd, io);

  buildCommand(cmd, io);
  releaseDiffCommand(cmd, io);

  importCommand(cmd, io);

  payCommand(cmd, io);

  cmd
    .command('ingest')
    .description(
      'read career ladders and job descriptions (Markdown, HTML, DOCX, text) into sources with evidence; prints each crosswalk',
    )
    .argument('<files...>', 'documents to read')
    .option(
      '--ladder <name>',
      'the files are one ladder (e.g. one file per level): read and map them together',
    )
    .addOption(
      jsonOption('print JSON: one object per source (an array when several; one object for --ladder)'),
    )
    .addOption(dataDirOption())
    .action((files, flags) => ingestCommand(files, flags, io));

  cmd
    .command('propose')
    .description(
      'propose a change to a profile from a YAML or JSON file (set / add / remove); opens or updates its draft',
    )
    .addArgument(profileCodeArgument())
    .option('--file <file>', 'the proposal ("-" reads standard input); see the README for its shape')
    .option(
      '--from-source [id]',
      "apply the factory's open proposals for this profile (from one ingested source, or all)",
    )
    .addOption(noteOption('why, for the reviewers and the audit log'))
    .option(
      '--revision <n>',
      'refuse unless the draft is still at this revision (0: there is no open draft); without it, apply to the draft as it is',
      wholeNumber(0),
    )
    .option('--submit', 'put the draft in review right away')
    .addOption(jsonOption('print the draft and its review as JSON'))
    .addOption(dataDirOption())
    .action((code, flags) => proposeCommand(code, flags, io));

  cmd
    .command('submit')
    .description("put a profile's open draft in review")
    .addArgument(profileCodeArgument())
    .addOption(jsonOption('print the draft and its review as JSON'))
    .addOption(dataDirOption())
    .action((code, flags) => submitCommand(code, flags, io));

  cmd
    .command('approve')
    .description(
      'approve the draft in review into the next immutable version (the review panel must pass it)',
    )
    .addArgument(profileCodeArgument())
    .addOption(noteOption('what this version changes'))
    .option('--revision <n>', 'refuse unless the draft is still at this revision', wholeNumber(1))
    .addOption(jsonOption('print the new version as JSON'))
    .addOption(dataDirOption())
    .action((code, flags) => approveCommand(code, flags, io));

  cmd
    .command('retire')
    .description('retire a profile (its versions stay readable; a later approval brings it back)')
    .addArgument(profileCodeArgument())
    .addOption(noteOption('why'))
    .addOption(dataDirOption())
    .action((code, flags) => retireCommand(code, flags, io));

  cmd
    .command('history')
    .description("a profile's approved versions, newest first")
    .addArgument(profileCodeArgument())
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .action((code, flags) => historyCommand(code, flags, io));

  cmd
    .command('diff')
    .description('what changed between two versions, e.g. canon diff TECHNO.TECHNOLO6B55.M3 1 2 (or "draft")')
    .addArgument(profileCodeArgument())
    .argument('<from>', 'a version number, or draft', versionArg)
    .argument('<to>', 'a version number, or draft', versionArg)
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .action((code, from, to, flags) => diffCommand(code, from, to, flags, io));

  cmd
    .command('queue')
    .description('open drafts, oldest change first, with the review panel verdict on each')
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .action((flags) => queueCommand(flags, io));

  const keys = cmd
    .command('keys')
    .description('API keys for writes (and for reads when CANON_PUBLIC_READS=false)');
  keys
    .command('create')
    .description(
      `create a key; prints it once. Roles: ${ROLES.map((r) => `${r} (${ROLE_RIGHTS[r]})`).join('; ')}`,
    )
    .requiredOption('--role <role>', ROLES.join(' | '))
    .requiredOption('--name <who>', 'whose key it is, as the audit log will show it')
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .action((flags) => keysCreateCommand(flags, io));
  keys
    .command('list')
    .description('list keys (never the keys themselves)')
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .action((flags) => keysListCommand(flags, io));
  keys
    .command('revoke')
    .description('revoke a key by its id')
    .argument('<id>', 'the 8-character id from keys list')
    .addOption(dataDirOption())
    .action((id, flags) => keysRevokeCommand(id, flags, io));

  cmd
    .command('audit')
    .description('the audit log of every write, newest first')
    .option('--target <code>', 'one profile code, or key:<id>')
    .option('--actor <who>', 'one actor, e.g. cli:maria or "key:3f9a2c1d (alice)"')
    .option('--limit <n>', 'how many entries', wholeNumber(1), 50)
    .addOption(jsonOption('print JSON with before/after'))
    .addOption(dataDirOption())
    .action((flags) => auditCommand(flags, io));

  return cmd;
}

/** Runs the CLI and returns the exit code; errors become one line on stderr. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    await program(io).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "errors" are normal exits; commander has already printed usage problems.
      return error.exitCode === 0 ? 0 : EXIT_CODES.invalid_input;
    }
    const canonError = isCanonError(error)
      ? error
      : (storeFailure(error) ?? new CanonError('internal', rootMessage(error), { cause: error }));
    io.err(`canon: ${canonError.message}\n`);
    return EXIT_CODES[canonError.code];
  }
}
