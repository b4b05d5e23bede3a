import type { Command } from 'commander';
import { formatBand } from '../../core/format.js';
import type { PayBand } from '../../core/payBands.js';
import { dataDirOption, jsonOption, profileCodeArgument } from '../commonOptions.js';
import type { CliIO } from '../io.js';
import { type StoreFlags, withCatalog } from './withCanon.js';

/** Adds `canon pay`. */
export function payCommand(parent: Command, io: CliIO): void {
  parent
    .command('pay')
    .description('market pay for a profile: observed figures, the occupation, and the level estimate')
    .addArgument(profileCodeArgument())
    .option('--region <region>', 'e.g. US')
    .addOption(jsonOption())
    .addOption(dataDirOption())
    .action((code, flags) => printPay(code, flags, io));
}

async function printPay(
  code: string,
  flags: StoreFlags & { json?: boolean; region?: string },
  io: CliIO,
): Promise<void> {
  await withCatalog(flags, async ({ payBook }) => {
    const pay = payBook.forProfile(code, flags.region);
    const h = pay.headline;
    if (flags.json) {
      const bands = pay.levels.map((l) => ({
        level: l.levelCode,
        ...(l.band ? bandJson(l.band) : { median: null }),
      }));
      io.out(
        `${JSON.stringify({ code, ...(h ? bandJson(h) : { median: null, low: null, high: null, currency: null, basis: 'no pay data yet' }), occupation: pay.occupation ? bandJson(pay.occupation) : null, bands }, null, 2)}\n`,
      );
      return;
    }
    const line = (label: string, b: PayBand | null) =>
      b
        ? `${label}: ${formatBand(b)} — ${b.kind}; ${b.basis}${b.method ? `\n  method: ${b.method}` : ''}`
        : `${label}: no pay data yet`;
    io.out(
      `${[line(code, h), ...(pay.occupation && pay.occupation !== h ? [line('occupation', pay.occupation)] : []), ...pay.levels.map((l) => line(`  ${l.levelCode}`, l.band))].join('\n')}\n`,
    );
  });
}

function bandJson(b: PayBand) {
  return {
    median: b.median,
    low: b.low,
    high: b.high,
    currency: b.currency,
    region: b.region,
    kind: b.kind,
    basis: b.basis,
    method: b.method,
    sources: b.sources,
  };
}
