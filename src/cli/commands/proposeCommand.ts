import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parse } from 'yaml';
import { CanonError, quote } from '../../core/errors.js';
import { DIMENSION_LABELS, DIMENSIONS, type Review } from '../../core/review/reviewProfile.js';
import { draftDto } from '../../server/api/toDto.js';
import type { ReviewedDraft } from '../../workflow/profileWorkflow.js';
import { type ProposalInput, ProposalSchema } from '../../workflow/proposalSchema.js';
import {
  dataDirOption,
  jsonOption,
  keyOption,
  noteOption,
  profileCodeArgument,
  wholeNumber,
} from '../commonOptions.js';
import type { CliIO } from '../io.js';
import type { ServerApi } from '../serverApi.js';
import { cliActor } from './cliActor.js';
import { onStoreOrServer, type StoreFlags } from './withCanon.js';

/** A draft and its review as the API returns it, and as `--json` prints it. */
export type DraftAnswer = ReturnType<typeof draftDto>;

/** Adds `canon propose`. */
export function proposeCommand(parent: Command, io: CliIO): void {
  parent
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
    .addOption(keyOption())
    .action((code, flags) => propose(code, flags, io));
}

/** Applies a proposal file (YAML or JSON; "-" reads standard input) to the profile's draft. */
async function propose(
  code: string,
  flags: StoreFlags & {
    file?: string;
    fromSource?: string | boolean;
    note?: string;
    revision?: number;
    submit?: boolean;
    json?: boolean;
  },
  io: CliIO,
): Promise<void> {
  if (!flags.file === !flags.fromSource)
    throw new CanonError(
      'invalid_input',
      "Give either --file <proposal> or --from-source [id] (the factory's proposals).",
    );
  if (flags.fromSource && flags.revision !== undefined)
    throw new CanonError(
      'invalid_input',
      '--revision goes with --file only: --from-source leaves out what the draft already has.',
    );
  const input = flags.file ? await readProposal(flags.file) : null;
  const source = typeof flags.fromSource === 'string' ? flags.fromSource : undefined;
  const result = await onStoreOrServer(flags, {
    store: async ({ workflow }) => {
      const actor = cliActor();
      let proposed: ReviewedDraft;
      if (input) {
        const { note, revision, ...proposal } = input;
        proposed = await workflow.propose(actor, code, proposal, {
          note: flags.note ?? note,
          revision: flags.revision ?? revision,
        });
      } else {
        proposed = await workflow.proposeFromSources(actor, code, source);
      }
      return draftDto(flags.submit ? await workflow.submit(actor, code) : proposed);
    },
    server: async (api) => {
      const draft = input
        ? await api.post<DraftAnswer>(draftPath(code), {
            ...input,
            note: flags.note ?? input.note,
            revision: flags.revision ?? input.revision,
          })
        : await api.post<DraftAnswer>(`${draftPath(code)}/from-sources`, { source });
      return flags.submit ? submitThrough(api, code) : draft;
    },
  });
  io.out(flags.json ? `${JSON.stringify(result, null, 2)}\n` : formatDraft(result));
}

export function draftPath(code: string): string {
  return `/api/profiles/${encodeURIComponent(code)}/draft`;
}

export function submitThrough(api: ServerApi, code: string): Promise<DraftAnswer> {
  return api.post<DraftAnswer>(`${draftPath(code)}/submit`, {});
}

export function formatDraft(draft: DraftAnswer): string {
  return `${draft.code}: draft revision ${draft.revision}, ${draft.status === 'in_review' ? 'in review' : 'not yet submitted'} (from v${draft.baseVersion ?? '—'})\n${formatVerdict(draft.review)}`;
}

export function formatVerdict(review: Review): string {
  return [
    `Review panel: ${review.passed ? 'passes' : 'does not pass'} (lowest ${review.minimum})`,
    ...DIMENSIONS.map((d) => `  ${DIMENSION_LABELS[d].padEnd(22)} ${review.scores[d]}`),
    ...review.findings.map((f) => `  [${f.dimension}] ${f.severity}: ${f.message}`),
    '',
  ].join('\n');
}

async function readProposal(file: string): Promise<ProposalInput> {
  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (cause) {
    throw new CanonError('invalid_input', `Cannot read ${quote(file)}: ${(cause as Error).message}`, {
      cause,
    });
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (cause) {
    throw new CanonError('invalid_input', `${file} is neither YAML nor JSON: ${(cause as Error).message}`, {
      cause,
    });
  }
  const result = ProposalSchema.safeParse(data ?? {});
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`)
      .join('; ');
    throw new CanonError('invalid_input', `${file}: ${problems}`);
  }
  return result.data;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
