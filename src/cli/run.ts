import { Command, CommanderError } from 'commander';
import { CanonError, isCanonError } from '../core/errors.js';
import { rootMessage, storeFailure } from '../store/storeFailure.js';
import { approveCommand } from './commands/approveCommand.js';
import { auditCommand } from './commands/auditCommand.js';
import { buildCommand, releaseDiffCommand } from './commands/buildCommand.js';
import { companyCommand } from './commands/companyCommand.js';
import { diffCommand } from './commands/diffCommand.js';
import { exportCommand } from './commands/exportCommand.js';
import { historyCommand } from './commands/historyCommand.js';
import { importCommand } from './commands/importCommand.js';
import { ingestCommand } from './commands/ingestCommand.js';
import { jdCommand } from './commands/jdCommand.js';
import { jobsCommand } from './commands/jobsCommand.js';
import { keysCommand } from './commands/keysCommand.js';
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
import { workerCommand } from './commands/workerCommand.js';
import { workspaceCommand } from './commands/workspaceCommand.js';
import { EXIT_CODES } from './exitCodes.js';
import type { CliIO } from './io.js';

/** Every command, in the order `canon --help` lists them; each declares its options, help and action. */
const COMMANDS: readonly ((parent: Command, io: CliIO) => void)[] = [
  serveCommand,
  workerCommand,
  jobsCommand,
  showCommand,
  exportCommand,
  levelsCommand,
  progressionCommand,
  jdCommand,
  resolveCommand,
  companyCommand,
  reviewCommand,
  buildCommand,
  releaseDiffCommand,
  importCommand,
  payCommand,
  ingestCommand,
  proposeCommand,
  submitCommand,
  approveCommand,
  retireCommand,
  historyCommand,
  diffCommand,
  queueCommand,
  workspaceCommand,
  keysCommand,
  auditCommand,
];

function program(io: CliIO): Command {
  const cmd = new Command('canon')
    .description('Canon — the canonical taxonomy of roles: serve it, show profiles, export them.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  // Added with parent.command(), each subcommand inherits the settings above: usage errors
  // throw instead of exiting, and help goes to `io`.
  for (const add of COMMANDS) add(cmd, io);
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
