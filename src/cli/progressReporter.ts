import { SingleBar } from 'cli-progress';
import type { CliIO } from './io.js';

export interface ProgressReporter {
  update(label: string, done: number, total?: number): void;
  stop(): void;
}

/**
 * A progress bar on a terminal; elsewhere (CI, pipes) one line per stage, so
 * logs stay readable.
 */
export function progressReporter(io: CliIO, interactive = Boolean(process.stderr.isTTY)): ProgressReporter {
  if (!interactive) {
    let last = '';
    return {
      update: (label) => {
        if (label !== last) io.err(`… ${label}\n`);
        last = label;
      },
      stop: () => {},
    };
  }
  const bar = new SingleBar(
    { format: ' {bar} {percentage}% | {label} {value}/{total}', stream: process.stderr, hideCursor: true },
    undefined,
  );
  let started = false;
  return {
    update: (label, done, total) => {
      if (!started) {
        bar.start(total ?? done, done, { label });
        started = true;
      }
      bar.setTotal(total ?? Math.max(done, 1));
      bar.update(done, { label });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
