/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or carriage return) are prefixed with an apostrophe.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Whether a spreadsheet would run the text as a formula: it starts with =, +, -, @, a tab or a CR. */
export function startsLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && startsLikeFormula(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
