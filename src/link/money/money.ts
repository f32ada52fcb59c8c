/**
 * Sums of money in resolutions, reasons and report recommendations ("£750,000", "£2.85m", "£348m",
 * "£1.2 million"), normalised to pence and pounds, each with the words around it that say what it
 * is for and the place it was printed.
 */
import type { Span } from "../../model/parse-v1";
import type { LinkInput } from "../index";
import { flattenClauses, minuteRef, sortEntries } from "../threads/items";

export type MoneySource = "resolution" | "reason" | "recommendation";

export type MoneyMention = {
  docId: string;
  meetingKey: string;
  body: string;
  date: string | null;
  source: MoneySource;
  /** "minute 523(h)", "report (agenda item 9) recommendation 1". */
  ref: string;
  /** The minute's or report's title, as printed. */
  title: string;
  asPrinted: string;
  pence: number;
  pounds: number;
  /** "per annum" and the like, when printed straight after the sum. */
  per: string | null;
  /** What the sum is for, as far as the words around it say ("the construction of the footbridge …"). */
  purpose: string;
  /** The clause around the sum, cut at sentence or clause boundaries. */
  context: string;
  span: Span | null;
};

const MULTIPLIERS: Record<string, bigint> = {
  "": 1n,
  k: 1000n,
  thousand: 1000n,
  m: 1000000n,
  million: 1000000n,
  bn: 1000000000n,
  billion: 1000000000n,
};

// "£" then digits with optional thousands groups and decimals, then an optional unit. Linear: each
// repetition of the group needs its own comma.
const SUM = /£\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}|\d+))?\s?(k|m|bn|thousand|million|billion)?\b/gi;

/** "£2.85m" → 285000000 pence; null when the text is not a sum. */
export function parseSum(asPrinted: string): number | null {
  SUM.lastIndex = 0;
  const m = SUM.exec(asPrinted);
  SUM.lastIndex = 0;
  if (!m) return null;
  return toPence(m[1], m[2] ?? "", (m[3] ?? "").toLowerCase());
}

function toPence(whole: string, frac: string, unit: string): number {
  const mult = MULTIPLIERS[unit] ?? 1n;
  const digits = BigInt(whole.replace(/,/g, "") + frac);
  const scale = 10n ** BigInt(frac.length);
  return Number((digits * mult * 100n) / scale);
}

const PURPOSE_OPENERS = ["for ", "towards ", "to fund ", "to support ", "to meet ", "to cover ", "on "];
const STOPPERS = [";", ". ", " subject to ", " provided that ", " from ", ", and ", " and that ", " which "];

function cutAt(text: string, stoppers: string[]): string {
  let end = text.length;
  for (const s of stoppers) {
    const i = text.indexOf(s);
    if (i >= 0 && i < end) end = i;
  }
  return text.slice(0, end).trim();
}

function words(text: string, n: number, fromEnd: boolean): string {
  const w = text.split(/\s+/).filter(Boolean);
  return (fromEnd ? w.slice(-n) : w.slice(0, n)).join(" ");
}

function describe(text: string, start: number, end: number): { purpose: string; context: string; per: string | null } {
  const before = text.slice(0, start);
  const after = text.slice(end);
  const clauseStart = Math.max(before.lastIndexOf(";"), before.lastIndexOf(". "), -1) + 1;
  const ctxBefore = words(before.slice(clauseStart), 18, true);
  const ctxAfter = words(cutAt(after, [";", ". "]), 18, false);
  const context = `${ctxBefore} ${text.slice(start, end)} ${ctxAfter}`.replace(/\s+/g, " ").trim();
  const afterTrim = after.trimStart();
  const perMatch = /^(per annum|per year|a year|each year|per month|per week)\b/i.exec(afterTrim);
  const per = perMatch ? perMatch[1].toLowerCase() : null;
  const rest = perMatch ? afterTrim.slice(perMatch[0].length).trimStart() : afterTrim;
  const lower = rest.toLowerCase();
  // Skip "be allocated", "be approved" and the like before the purpose.
  let purpose = "";
  const beVerb = /^(?:be|is|was|being|has been|will be)\s+\w+\s+/i.exec(rest);
  const tail = beVerb ? rest.slice(beVerb[0].length) : rest;
  const opener = PURPOSE_OPENERS.find((o) => tail.toLowerCase().startsWith(o) || lower.startsWith(o));
  if (opener)
    purpose = words(cutAt(tail.slice(tail.toLowerCase().indexOf(opener) + opener.length), STOPPERS), 14, false);
  if (!purpose) {
    // "the recommended revenue budget for 2017/18 totalling £348m": the words before the sum,
    // from the last comma; "the transfer of £2.85m from A to B" keeps its "from … to …".
    const clause = before.slice(clauseStart);
    const lead = clause
      .slice(clause.lastIndexOf(",") + 1)
      .replace(/\b(?:totalling|of|at|amounting to|costing|be|is|was)\s*$/i, "");
    purpose = words(lead.replace(/^\s*(?:that|the)\s+/i, ""), 12, true);
    if (lower.startsWith("from ")) purpose = `${purpose} ${words(cutAt(rest, [";", ". ", " be ", " is "]), 14, false)}`;
  }
  return { purpose: purpose.replace(/[,;:.]+$/, "").trim(), context, per };
}

function scan(text: string): { asPrinted: string; pence: number; start: number; end: number }[] {
  const out: { asPrinted: string; pence: number; start: number; end: number }[] = [];
  for (const m of text.matchAll(SUM)) {
    const start = m.index ?? 0;
    out.push({
      asPrinted: m[0].trim(),
      pence: toPence(m[1], m[2] ?? "", (m[3] ?? "").toLowerCase()),
      start,
      end: start + m[0].length,
    });
  }
  return out;
}

export function findMoney(input: LinkInput): MoneyMention[] {
  const out: MoneyMention[] = [];
  for (const entry of sortEntries(input)) {
    const m = entry.meeting;
    const base = { docId: entry.docId, meetingKey: entry.meetingKey, body: m.body, date: m.date };
    const add = (source: MoneySource, ref: string, title: string, text: string, span: Span | null) => {
      for (const s of scan(text)) {
        const d = describe(text, s.start, s.end);
        out.push({
          ...base,
          source,
          ref,
          title,
          asPrinted: s.asPrinted,
          pence: s.pence,
          pounds: s.pence / 100,
          ...d,
          span,
        });
      }
    };
    for (const x of m.minutes) {
      const ref = minuteRef(x.number, x.title, x.agendaItem);
      for (const c of flattenClauses(x.resolutions ?? []))
        add("resolution", `${ref}${c.label}`, x.title, c.text, x.span ?? null);
      (x.reasons ?? []).forEach((r, i) => {
        add("reason", `${ref} reason ${i + 1}`, x.title, r, x.span ?? null);
      });
    }
    for (const r of m.reports) {
      const ref = r.agendaItem ? `report (agenda item ${r.agendaItem})` : `report "${r.title}"`;
      (r.recommendations ?? []).forEach((t, i) => {
        add("recommendation", `${ref} recommendation ${i + 1}`, r.title, t, r.span ?? null);
      });
    }
  }
  return out;
}
