import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { releasePath } from '../../builtin/loadBuiltinTaxonomy.js';
import { loadTaxonomy } from '../../builtin/loadTaxonomy.js';
import { readRelease, writeRelease } from '../../builtin/releaseFile.js';
import { PROJECT_ROOT } from '../../config/readConfig.js';
import { CanonError, quote } from '../../core/errors.js';
import { diffReleases, type ReleaseDiff } from '../../core/releaseDiff.js';
import { buildTaxonomy } from '../../generate/buildTaxonomy.js';
import { readOverlay } from '../../generate/overlay.js';
import { readReferenceData } from '../../generate/readReferenceData.js';
import { reviewRelease } from '../../generate/reviewRelease.js';
import { jsonOption } from '../commonOptions.js';
import type { CliIO } from '../io.js';

export interface BuildFlags {
  from?: string;
  taxonomyDir?: string;
  out?: string;
  json?: boolean;
}

/** Adds `canon build`. */
export function buildCommand(parent: Command, io: CliIO): void {
  parent
    .command('build')
    .description(
      'generate the taxonomy release from the reference data (O*NET 29.3, SOC 2018, ESCO 1.2, BLS OEWS, crosswalks), review it and write it',
    )
    .option('--from <dir>', 'the reference data folder (default: ../shared/data beside the project)')
    .option(
      '--taxonomy-dir <dir>',
      'the taxonomy folder whose curated files and overlay.yaml apply (default: data/)',
    )
    .option('--out <file>', 'where to write the release (default: <taxonomy-dir>/release/taxonomy.json.gz)')
    .addOption(jsonOption('print the summary and the changes as JSON'))
    .action((flags) => build(flags, io));
}

/**
 * canon build — generates the taxonomy release from the reference data folder
 * (O*NET, SOC, ESCO, OEWS, crosswalks), reviews every generated profile, shows
 * what changed against the release it replaces, and writes it. Nothing is
 * written when a file is missing or malformed.
 */
async function build(flags: BuildFlags, io: CliIO): Promise<void> {
  const started = Date.now();
  const from = resolve(flags.from ?? join(PROJECT_ROOT, '..', 'shared', 'data'));
  const taxonomyDir = resolve(flags.taxonomyDir ?? join(PROJECT_ROOT, 'data'));
  const out = resolve(flags.out ?? releasePath(taxonomyDir));
  const [curated, overlay, previous] = await Promise.all([
    loadTaxonomy(taxonomyDir),
    readOverlay(join(taxonomyDir, 'overlay.yaml')),
    readRelease(out),
  ]);
  const ref = await readReferenceData(from, (file) => io.err(`reading ${file}\n`));
  io.err('grouping occupations and writing profiles\n');
  const release = buildTaxonomy(ref, curated, overlay);
  io.err(`reviewing ${release.taxonomy.profiles.length} profiles\n`);
  const review = reviewRelease(release, curated);
  const diff = previous ? diffReleases(previous.taxonomy, release.taxonomy) : null;
  const bytes = await writeRelease(out, release);
  const t = release.taxonomy;
  const summary = {
    release: release.version,
    out,
    bytes,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    functions: t.functions.length,
    focuses: t.focuses.length,
    profiles: t.profiles.length,
    approved: review.passed,
    drafts: review.failed,
    occupations: new Set(
      t.focuses.flatMap((f) =>
        f.mappings.filter((m) => m.system === 'onet-soc' && m.code.length === 7).map((m) => m.code),
      ),
    ).size,
    diff,
  };
  if (flags.json) {
    io.out(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  io.out(
    `Built release ${summary.release} in ${summary.seconds} s: ${summary.functions} functions, ${summary.focuses} focuses, ${summary.profiles} profiles (${summary.approved} approved, ${summary.drafts} drafts) over ${summary.occupations} SOC occupations.\nWrote ${out} (${(bytes / 1024 / 1024).toFixed(2)} MB).\n`,
  );
  io.out(diff ? formatDiff(diff) : 'No previous release to compare with.\n');
}

export function formatDiff(diff: ReleaseDiff): string {
  const lines: string[] = [];
  const section = (title: string, items: string[]) => {
    lines.push(`${title}: ${items.length}`);
    for (const item of items.slice(0, 20)) lines.push(`  ${item}`);
    if (items.length > 20) lines.push(`  … and ${items.length - 20} more`);
  };
  section(
    'Focuses added',
    diff.added.map((f) => `${f.code} ${f.name}`),
  );
  section(
    'Focuses removed',
    diff.removed.map((f) => `${f.code} ${f.name}`),
  );
  section(
    'Focuses renamed',
    diff.renamed.map((f) => `${f.code} "${f.from}" → "${f.to}"`),
  );
  section(
    'Focuses moved to another function',
    diff.moved.map((f) => `${f.code} ${f.name}: ${f.from} → ${f.to}`),
  );
  section(
    'Occupations moved to another focus',
    diff.occupationsMoved.map((o) => `${o.soc}: ${o.from} → ${o.to}`),
  );
  section(
    'Level ranges changed',
    diff.levels.map((l) => `${l.code} ${l.name}: ${l.from.join(',')} → ${l.to.join(',')}`),
  );
  lines.push(`Profiles added: ${diff.profiles.added}; removed: ${diff.profiles.removed}`);
  return `${lines.join('\n')}\n`;
}

/** Adds `canon release-diff`. */
export function releaseDiffCommand(parent: Command, io: CliIO): void {
  parent
    .command('release-diff')
    .description('show what one taxonomy release adds, removes, renames and moves against another')
    .argument('<before>', 'the earlier release file')
    .argument('<after>', 'the later release file')
    .addOption(jsonOption())
    .action((before, after, flags) => releaseDiff(before, after, flags, io));
}

/** canon release-diff OLD NEW — what a release adds, removes, renames and moves against another. */
async function releaseDiff(
  before: string,
  after: string,
  flags: { json?: boolean },
  io: CliIO,
): Promise<void> {
  const [a, b] = await Promise.all([readRelease(before), readRelease(after)]);
  if (!a) throw new CanonError('not_found', `No release at ${quote(before)}.`);
  if (!b) throw new CanonError('not_found', `No release at ${quote(after)}.`);
  const diff = diffReleases(a.taxonomy, b.taxonomy);
  io.out(
    flags.json ? `${JSON.stringify(diff, null, 2)}\n` : `${a.version} → ${b.version}\n${formatDiff(diff)}`,
  );
}
