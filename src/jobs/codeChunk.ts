import { setImmediate as turn } from 'node:timers/promises';
import type { BulkJob, ChunkTask, RowProblem } from '../core/bulkJob.js';
import { quote } from '../core/errors.js';
import { startsLikeFormula } from '../core/toCsv.js';
import { codeTitleRows } from '../resolve/codeTitleRows.js';
import type { TitleResolver } from '../resolve/titleResolver.js';
import { storeChunkOutput, takeChunk } from '../store/jobRepository.js';
import type { CanonDb } from '../store/openStore.js';

export interface CodeChunkDeps {
  db: CanonDb;
  resolver: () => Promise<TitleResolver>;
}

export interface ChunkOutcome {
  /** The job after this chunk was counted; null when nothing was stored. */
  job: BulkJob | null;
  /**
   * `stored`: this worker's output is the chunk's; `stored-before`: another worker stored it while
   * this one coded it (it was thought lost); `nothing-to-do`: stored already, or its job failed.
   */
  outcome: 'stored' | 'stored-before' | 'nothing-to-do';
}

/** Rows coded between turns of the event loop, so that a server coding in process still answers. */
const ROWS_PER_TURN = 250;

/**
 * Takes one chunk (telling `onTaken` which attempt this is), codes its rows with the resolver and
 * stores the canon_* cells and the problems found, in one transaction that stores a chunk only once
 * whoever else coded it.
 */
export async function codeChunk(
  deps: CodeChunkDeps,
  task: ChunkTask,
  onTaken: (attempt: number) => void = () => {},
): Promise<ChunkOutcome> {
  const taken = await deps.db.transaction((tx) => takeChunk(tx, task));
  if (!taken) return { job: null, outcome: 'nothing-to-do' };
  onTaken(taken.attempts);
  const { job, input } = taken;
  const resolver = await deps.resolver();
  const problems: RowProblem[] = [];
  const output: (string | number)[][] = [];
  async function* records() {
    yield { record: job.header, line: 1 };
    for (const [i, record] of input.rows.entries()) {
      if (i % ROWS_PER_TURN === 0) await turn();
      const line = input.lines[i] ?? 0;
      const formulas = job.header.filter((_, c) => startsLikeFormula(record[c] ?? ''));
      if (formulas.length > 0)
        problems.push({
          line,
          message: `${formulas.map((h) => quote(h)).join(', ')} ${formulas.length === 1 ? 'starts' : 'start'} like a formula (=, +, -, @); the result writes ${formulas.length === 1 ? 'it' : 'them'} with a leading apostrophe.`,
        });
      yield { record, line };
    }
  }
  let header = true;
  const { bad } = await codeTitleRows(resolver, records(), {
    source: job.sourceName,
    column: job.titleColumn,
    employerColumn: job.employerColumn ?? undefined,
    write: async (row) => {
      if (header) header = false;
      else output.push(row.slice(job.header.length).map((cell) => cell ?? ''));
    },
    problem: (line, message) => problems.push({ line, message }),
  });
  problems.sort((a, b) => a.line - b.line);
  const stored = await deps.db.transaction((tx) =>
    storeChunkOutput(tx, task, { output, problems, badRows: bad }),
  );
  return { job: stored, outcome: stored ? 'stored' : 'stored-before' };
}
