/**
 * The membership block under a front sheet's "Membership" heading: one name per line, two names on a
 * line separated only by a space or a TAB, or all names on one line; the chair flagged "(Chairman)".
 * Names are kept as printed; duplicates are dropped with a diagnostic.
 */
import type { SourceDocument } from "../../model/document";
import type { Diagnostic, Member } from "../../model/parse-v1";
import { spanOf } from "../common/lines";
import { HONORIFIC_START, looksLikePersonName, splitHonorificNames, splitRole } from "../common/names";
import { clean, head, normKey, stripBullet } from "../common/text";

export type MembershipResult = { members: Member[]; endLine: number; diagnostics: Diagnostic[] };

/** Names on one line (cells first, then honorific splitting); [] when the line holds no name. */
export function namesOnLine(text: string, cells?: string[]): Member[] {
  const parts = cells?.length ? cells : [text];
  const out: Member[] = [];
  for (const p of parts) {
    const t = clean(stripBullet(p));
    if (!t) continue;
    if (HONORIFIC_START.test(t) || /\s(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+[A-Z]/.test(head(t, 300))) {
      for (const piece of splitHonorificNames(t)) {
        const r = splitRole(piece);
        if (HONORIFIC_START.test(r.name)) out.push(r);
      }
      continue;
    }
    // "Councillors A. Smith (Chair), B. Jones and C. Brown": a list in one sentence.
    const listed = t
      .replace(/^(?:Councillors?|Cllrs?)\.?\s+/, "")
      .split(/\s*[,;]\s*|\s+and\s+|\s+&\s+/)
      .filter(Boolean);
    for (const part of listed) {
      const r = splitRole(part.replace(/^(?:Councillors?|Cllrs?)\.?\s+/, ""));
      if (looksLikePersonName(r.name.replace(/\s+(?:CC|MBE|OBE|CBE|JP|MP)\b.*$/, ""))) out.push(r);
    }
  }
  return out;
}

/** Reads members from line `from` (just after the heading) until a line that holds no name. */
export function parseMembership(doc: SourceDocument, from: number, to: number): MembershipResult {
  const members: Member[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  let end = from - 1;
  for (let n = from; n <= to; n++) {
    const line = doc.lines[n - 1];
    if (!line) break;
    const t = clean(line.text);
    if (!t) continue;
    // Sub-headings inside the block ("Councillors:", "Other Members:").
    if (/^[A-Za-z][A-Za-z ]{2,40}:$/.test(t) && !/\b(?:Mr|Mrs|Ms|Dr)\b/.test(t)) {
      if (/substitut|reserve/i.test(t)) break;
      end = n;
      continue;
    }
    if (t.length > 300) break;
    const names = namesOnLine(line.text, line.cells);
    if (!names.length) break;
    for (const m of names) {
      const key = normKey(m.name);
      if (seen.has(key)) {
        diagnostics.push({
          level: "info",
          message: `member "${m.name}" is listed twice; kept once`,
          span: spanOf(doc, n, n),
        });
        continue;
      }
      seen.add(key);
      members.push(m);
    }
    end = n;
  }
  return { members, endLine: end, diagnostics };
}
