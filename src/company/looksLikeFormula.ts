/**
 * Text a spreadsheet would run as a formula: "=…", or "+", "-", "@" before something other than a
 * number ("-5" and "+44 20…" are data). Canon keeps such text as data and never runs it; exports
 * neutralise it (cli/commands/toCsv.ts).
 */
export function looksLikeFormula(text: string): boolean {
  return /^\s*=/.test(text) || /^\s*[+@-]\s*(?![\d.,\s]*$)\S/.test(text);
}
