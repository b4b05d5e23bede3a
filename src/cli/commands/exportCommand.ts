import type { Command } from 'commander';
import type { Catalog } from '../../core/catalog.js';
import { CanonError, quote } from '../../core/errors.js';
import type { PayBook } from '../../core/payBands.js';
import { toCsv } from '../../core/toCsv.js';
import { profileDto } from '../../server/api/toDto.js';
import { dataDirOption, outFileOption } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { type StoreFlags, withCatalog } from './withCanon.js';
import { writeOutput } from './writeOutput.js';

export type ExportFormat = 'json' | 'csv';

/** Adds `canon export`. */
export function exportCommand(parent: Command, io: CliIO): void {
  parent
    .command('export')
    .description('export every profile as JSON (a top-level "profiles" array) or CSV')
    .requiredOption('-f, --format <format>', 'json or csv')
    .addOption(outFileOption())
    .addOption(dataDirOption())
    .action((flags) => exportProfiles(flags, io));
}

async function exportProfiles(
  flags: StoreFlags & { format: string; out?: string },
  io: CliIO,
): Promise<void> {
  const format = flags.format.toLowerCase();
  if (format !== 'json' && format !== 'csv') {
    throw new CanonError('invalid_input', `--format must be json or csv; got ${quote(flags.format)}.`);
  }
  await withCatalog(flags, async ({ catalog, payBook }) => {
    const text = renderExport(catalog, payBook, format);
    if (!flags.out) {
      io.out(text);
      return;
    }
    await writeOutput(flags.out, text);
    io.err(`Exported ${catalog.taxonomy.profiles.length} profiles to ${flags.out}\n`);
  });
}

export function renderExport(catalog: Catalog, payBook: PayBook, format: ExportFormat): string {
  const views = catalog.listProfiles({}, { limit: Number.MAX_SAFE_INTEGER, offset: 0 }).items;
  if (format === 'json') {
    return `${JSON.stringify({ format: 'canon.profiles/1', profiles: views.map((v) => profileDto(v, catalog)) }, null, 2)}\n`;
  }
  const header = [
    'code',
    'title',
    'function',
    'focus',
    'level',
    'track',
    'rank',
    'level_title',
    'status',
    'version',
    'region',
    'confidence',
    'pay_median',
    'pay_low',
    'pay_high',
    'pay_currency',
    'pay_kind',
    'onet_soc',
    'responsibilities',
    'sources',
  ];
  const rows = views.map((v) => {
    const pay = payBook.forProfile(v.code).headline;
    const own = v.ladder.find((s) => s.current)?.content;
    return [
      v.code,
      v.title,
      v.fn.name,
      v.focus.name,
      v.level.code,
      v.level.track,
      v.level.rank,
      v.level.title,
      v.record.status,
      v.record.version,
      v.record.region,
      v.confidence?.score ?? null,
      pay?.median ?? null,
      pay?.low ?? null,
      pay?.high ?? null,
      pay?.currency ?? null,
      pay?.kind ?? null,
      v.focus.mappings
        .filter((m) => m.system === 'onet-soc')
        .map((m) => m.code)
        .join(' '),
      own?.responsibilities.map((r) => r.text).join(' | ') ?? '',
      v.sources.map((s) => s.id).join(' '),
    ];
  });
  return toCsv([header, ...rows]);
}
