import { hostname } from 'node:os';

/** This process as the store's bookkeeping names it: what a lease's holder or a dry run's owner is. */
export const THIS_PROCESS = `pid ${process.pid} on ${hostname()}`;

/**
 * Whether a process so named was one of this machine's that has since ended. A process of another
 * machine cannot be asked: its silence (a lease lapsing, a run not touched) has to tell instead.
 */
export function processIsGone(name: string): boolean {
  const at = /^pid (\d+) on (.+)$/.exec(name);
  if (!at || at[2] !== hostname()) return false;
  try {
    process.kill(Number(at[1]), 0);
    return false;
  } catch (error) {
    // EPERM: the process runs, under another user; only ESRCH says it is gone.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
