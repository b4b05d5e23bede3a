import { Command, CommanderError } from 'commander';
import { CanonError, isCanonError } from '../core/errors.js';
import { rootMessage, storeFailure } from '../store/storeFailure.js';
import { EXIT_CODES } from './exitCodes.js';
import type { CliIO } from './io.js';

type AddCommand = (parent: Command, io: CliIO) => void;

/**
 * Every command by the name it is run by, in the order `canon --help` lists them, each module loaded only
 * when needed: a command's module brings in what its action uses (the generator, the server, the YAML
 * parser, the document readers…), which no other command should pay for at its start.
 */
export const COMMANDS: readonly (readonly [name: string, load: () => Promise<AddCommand>])[] = [
  ['serve', async () => (await import('./commands/serveCommand.js')).serveCommand],
  ['worker', async () => (await import('./commands/workerCommand.js')).workerCommand],
  ['jobs', async () => (await import('./commands/jobsCommand.js')).jobsCommand],
  ['show', async () => (await import('./commands/showCommand.js')).showCommand],
  ['export', async () => (await import('./commands/exportCommand.js')).exportCommand],
  ['levels', async () => (await import('./commands/levelsCommand.js')).levelsCommand],
  ['progression', async () => (await import('./commands/progressionCommand.js')).progressionCommand],
  ['jd', async () => (await import('./commands/jdCommand.js')).jdCommand],
  ['resolve', async () => (await import('./commands/resolveCommand.js')).resolveCommand],
  ['company', async () => (await import('./commands/companyCommand.js')).companyCommand],
  ['review', async () => (await import('./commands/reviewCommand.js')).reviewCommand],
  ['build', async () => (await import('./commands/buildCommand.js')).buildCommand],
  ['release-diff', async () => (await import('./commands/buildCommand.js')).releaseDiffCommand],
  ['import', async () => (await import('./commands/importCommand.js')).importCommand],
  ['pay', async () => (await import('./commands/payCommand.js')).payCommand],
  ['ingest', async () => (await import('./commands/ingestCommand.js')).ingestCommand],
  ['propose', async () => (await import('./commands/proposeCommand.js')).proposeCommand],
  ['submit', async () => (await import('./commands/submitCommand.js')).submitCommand],
  ['approve', async () => (await import('./commands/approveCommand.js')).approveCommand],
  ['retire', async () => (await import('./commands/retireCommand.js')).retireCommand],
  ['history', async () => (await import('./commands/historyCommand.js')).historyCommand],
  ['diff', async () => (await import('./commands/diffCommand.js')).diffCommand],
  ['queue', async () => (await import('./commands/queueCommand.js')).queueCommand],
  ['workspace', async () => (await import('./commands/workspaceCommand.js')).workspaceCommand],
  ['keys', async () => (await import('./commands/keysCommand.js')).keysCommand],
  ['audit', async () => (await import('./commands/auditCommand.js')).auditCommand],
];

/**
 * The program with the command `argv` names, or with every command when it names none of them (`--help`,
 * `--version`, `help`, a mistyped name, which commander then answers with the list or a suggestion).
 */
async function program(argv: readonly string[], io: CliIO): Promise<Command> {
  const cmd = new Command('canon')
    .description('Canon — the canonical taxonomy of roles: serve it, show profiles, export them.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  const named = COMMANDS.find(([name]) => name === argv[0]);
  // Added with parent.command(), each subcommand inherits the settings above: usage errors
  // throw instead of exiting, and help goes to `io`.
  for (const add of await Promise.all((named ? [named] : COMMANDS).map(([, load]) => load()))) add(cmd, io);
  return cmd;
}

/** Runs the CLI and returns the exit code; errors become one line on stderr. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    await (await program(argv, io)).parseAsync([...argv], { from: 'user' });
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
