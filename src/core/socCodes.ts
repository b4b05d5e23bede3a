import type { ClassificationMapping } from './taxonomy.js';

const SOC_DETAILED = /^\d{2}-\d{4}$/;
const ONET_SOC = /^\d{2}-\d{4}\.\d{2}$/;
/** An O*NET-SOC code at the start of a reference row's key, e.g. "29-1141.00 · 2.C.1.a". */
const LEADING_ONET_SOC = /^(\d{2}-\d{4}\.\d{2})(?!\d)/;

/**
 * The forms a reader may type for one occupation code: SOC 2018 writes "29-1141", O*NET
 * "29-1141.00" for the same occupation (and "29-1141.01" for a specialty under it, whose
 * detailed code is still "29-1141").
 */
export function socForms(code: string): string[] {
  if (SOC_DETAILED.test(code)) return [code, `${code}.00`];
  if (ONET_SOC.test(code)) return [code, code.slice(0, 7)];
  return [code];
}

/** The O*NET-SOC code O*NET OnLine names an occupation by, or null for a code of another shape. */
export function onetSocCode(code: string): string | null {
  if (ONET_SOC.test(code)) return code;
  if (SOC_DETAILED.test(code)) return `${code}.00`;
  return null;
}

/** The O*NET-SOC code a reference row's key starts with, when it starts with one. */
export function onetSocCodeInKey(key: string): string | null {
  return LEADING_ONET_SOC.exec(key)?.[1] ?? null;
}

/** A focus's O*NET-SOC mappings as O*NET-SOC codes, in mapping order. */
export function onetSocCodesOf(mappings: readonly ClassificationMapping[]): string[] {
  return mappings
    .filter((m) => m.system === 'onet-soc')
    .map((m) => onetSocCode(m.code))
    .filter((c): c is string => c !== null);
}
