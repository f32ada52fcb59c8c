/**
 * CSV for open-data downloads (RFC 4180): fields quoted when needed, quotes doubled, CRLF line ends,
 * and cells that a spreadsheet would run as a formula (= + - @, tab, carriage return) prefixed with '.
 */

export type CsvValue = string | number | boolean | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let s = typeof value === "string" ? value : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  let out = `${header.map(csvCell).join(",")}\r\n`;
  for (const row of rows) out += `${row.map(csvCell).join(",")}\r\n`;
  return out;
}
