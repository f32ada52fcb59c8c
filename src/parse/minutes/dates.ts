/**
 * Date and time reading for minutes. Dates come from the shared reader in common/dates; the time
 * reader differs on purpose (see parseTime).
 */

import { findDate, isoDate } from "../common/dates";

export { type FoundDate, findDate } from "../common/dates";

export function parseDate(text: string): string | null {
  return findDate(text)?.iso ?? null;
}

/**
 * "7.30pm", "2.00 pm", "19:15", "10am" → "HH:MM" (first occurrence). Unlike common/findTime it reads
 * a 24-hour time only with a colon ("19:15", never "19.15") and knows no "noon".
 */
export function parseTime(text: string): string | null {
  const t = text.length > 300 ? text.slice(0, 300) : text;
  const m = /\b(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?![a-z])/i.exec(t);
  if (m) {
    let h = Number(m[1]);
    const min = m[2] ? Number(m[2]) : 0;
    const pm = m[3].toLowerCase().startsWith("p");
    if (h > 12 || min > 59) return null;
    if (pm && h < 12) h += 12;
    if (!pm && h === 12) h = 0;
    return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
  }
  const n = /\b([01]?\d|2[0-3]):([0-5]\d)\b/.exec(t);
  if (n) return `${n[1].padStart(2, "0")}:${n[2]}`;
  return null;
}

/**
 * A date as a title block or a file name may print it besides the written forms findDate reads:
 * ISO "2025-03-03" (a clerk's file name kept as a header), "03.03.25" or "03-03-2025" (day first, as
 * in the UK). Only for a title block's lines, where a minute number ("23.03.01") is not expected.
 */
export function headerDate(text: string): string | null {
  const written = findDate(text);
  if (written) return written.iso;
  const t = text.length > 300 ? text.slice(0, 300) : text;
  const iso = /(?:^|[^\d])((?:19|20)\d{2})[-_.](\d{2})[-_.](\d{2})(?!\d)/.exec(t);
  if (iso) {
    const d = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (d) return d;
  }
  const dmy = /(?:^|[^\d.])(\d{1,2})[.-](\d{1,2})[.-](\d{4}|\d{2})(?![\d.])/.exec(t);
  if (dmy) {
    const y = Number(dmy[3]);
    return isoDate(y < 100 ? 2000 + y : y, Number(dmy[2]), Number(dmy[1]));
  }
  return null;
}
