import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { CanonError, quote } from '../../core/errors.js';
import { CLAIM_KINDS, type ClaimKind, type IngestSummary, MAX_DOCUMENT_BYTES } from '../../core/evidence.js';
import type { IngestResult } from '../../workflow/ingestSources.js';
import { dataDirOption, jsonOption, keyOption } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { progressReporter } from '../progressReporter.js';
import { cliActor } from './cliActor.js';
import { onStoreOrServer, type StoreFlags } from './withCanon.js';

/** Adds `canon ingest`. */
export function ingestCommand(parent: Command, io: CliIO): void {
  parent
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
    .addOption(keyOption())
    .action((files, flags) => ingest(files, flags, io));
}

/** Reads ladders and job descriptions into sources with evidence and prints each one's crosswalk. */
async function ingest(
  files: string[],
  flags: StoreFlags & { ladder?: string; json?: boolean },
  io: CliIO,
): Promise<void> {
  const inputs = await Promise.all(
    files.map(async (file) => {
      try {
        const bytes = await readFile(file);
        if (bytes.length > MAX_DOCUMENT_BYTES)
          throw new CanonError(
            'too_large',
            `${quote(file)} is over ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; documents may be up to that.`,
          );
        return { name: basename(file), bytes: new Uint8Array(bytes) };
      } catch (cause) {
        if (cause instanceof CanonError) throw cause;
        throw new CanonError('invalid_input', `Cannot read ${quote(file)}: ${(cause as Error).message}`, {
          cause,
        });
      }
    }),
  );
  const result = await onStoreOrServer<IngestResult>(flags, {
    store: async (canon) => {
      // The parsers and the pipeline load only when documents are read, not with every command.
      const [{ ingestSources }, { ingestDeps }] = await Promise.all([
        import('../../workflow/ingestSources.js'),
        import('../../runtime/openCanon.js'),
      ]);
      const progress = progressReporter(io);
      try {
        return await ingestSources(ingestDeps(canon), cliActor(), inputs, {
          ladder: flags.ladder ?? null,
          onProgress: (done, total, name) => progress.update(`stored ${name}`, done, total),
        });
      } finally {
        progress.stop();
      }
    },
    server: async (api) => {
      const form = new FormData();
      for (const input of inputs) form.append('file', new Blob([input.bytes]), input.name);
      if (flags.ladder) form.append('ladder', flags.ladder);
      const { items, skipped } = await api.postForm<{
        items: IngestResult['sources'];
        skipped: IngestResult['skipped'];
      }>('/api/sources', form);
      return { sources: items, skipped };
    },
  });
  const skippedWarnings = result.skipped.flatMap((s) => s.warnings);
  if (flags.json) {
    const out = flags.ladder
      ? ladderSummary(flags.ladder, result.sources, skippedWarnings)
      : result.sources.length === 1 && skippedWarnings.length === 0
        ? result.sources[0]
        : result.sources;
    io.out(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  for (const s of result.sources) {
    io.out(
      `${s.source.id}  ${s.source.kind}  "${s.source.title}"${s.stored ? '' : '  (already stored; unchanged)'}\n`,
    );
    for (const l of s.levels)
      io.out(
        `  ${l.label.padEnd(40)} → ${l.canonical.code} ${l.canonical.title} (confidence ${l.confidence.toFixed(1)}): ${l.reason}\n`,
      );
    for (const p of s.proposals)
      io.out(
        `  proposal for ${p.profileCode}: ${p.responsibilities} responsibilities, ${p.aliases} aliases, ${p.skills} skills${p.experience ? ', experience' : ''} (canon propose ${p.profileCode} --from-source ${s.source.id})\n`,
      );
    io.out(
      `  claims: ${Object.entries(s.claims)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}\n`,
    );
    for (const w of s.warnings) io.err(`  warning: ${w}\n`);
  }
  for (const w of skippedWarnings) io.err(`warning: ${w} (not stored)\n`);
}

/** One object for a whole ladder read from several files. */
function ladderSummary(name: string, sources: IngestSummary[], skipped: string[]) {
  const claims = Object.fromEntries(CLAIM_KINDS.map((k) => [k, 0])) as Record<ClaimKind, number>;
  for (const s of sources) for (const k of CLAIM_KINDS) claims[k] += s.claims[k];
  return {
    source: { id: `ladder:${name}`, title: name, kind: 'ladder', files: sources.map((s) => s.source.id) },
    levels: sources.flatMap((s) => s.levels).sort((a, b) => a.canonical.rank - b.canonical.rank),
    claims,
    warnings: [...sources.flatMap((s) => s.warnings), ...skipped],
  };
}
