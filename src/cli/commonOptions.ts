import { Argument, InvalidArgumentError, Option } from 'commander';

/**
 * The options and arguments several commands share, declared once so their
 * flags and help read the same everywhere. Each call makes a new instance: a
 * command owns the options added to it.
 */

/** Every command that opens the store takes it; `withCanon` reads it as `flags.dataDir`. */
export function dataDirOption(): Option {
  return new Option(
    '--data-dir <dir>',
    'folder of the embedded store (default .canon/data, or CANON_DATA_DIR)',
  );
}

/** `--key` of the commands that go through a running server's API when it holds the store. */
export function keyOption(): Option {
  return new Option(
    '--key <key>',
    "API key for when a running server holds the store (default CANON_API_KEY; on the server's machine its owner needs none)",
  );
}

/** `--json`; a command whose JSON is not the plain answer says what it prints. */
export function jsonOption(description = 'print JSON'): Option {
  return new Option('--json', description);
}

/** `-o, --out <file>` of the commands that print a document unless told where to write it. */
export function outFileOption(): Option {
  return new Option('-o, --out <file>', 'write to a file instead of standard output');
}

/** `--note <text>` of the workflow's writes, kept in the audit log. */
export function noteOption(description: string): Option {
  return new Option('--note <text>', description);
}

/** The profile code of the commands about one profile; `review` may go without it. */
export function profileCodeArgument(required = true): Argument {
  return new Argument(required ? '<code>' : '[code]', 'profile code FUNCTION.FOCUS.LEVEL');
}

/** A parser for whole-number options from `min` up. */
export function wholeNumber(min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min)
      throw new InvalidArgumentError(`expected a whole number from ${min}.`);
    return n;
  };
}
