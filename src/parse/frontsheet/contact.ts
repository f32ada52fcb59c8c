/**
 * The front sheet's contact and next meeting where they are not labelled fields: a sentence ("For
 * further information please contact Jane Smith, Democratic Services Officer, on 01234 567890 or
 * email …"), a parish clerk's signature block under the summons ("Signed: J Smith" / "Clerk to the
 * Council" / "Tel: … Email: …"), and "Date of next meeting: …" (or an item of that name with the
 * date beneath it). Pure.
 */
import type { SourceDocument } from "../../model/document";
import type { Contact } from "../../model/parse-v1";
import { findDate } from "../common/dates";
import { findEmail, findPhone, looksLikePersonName } from "../common/names";
import { clean } from "../common/text";

/** "For more information contact Jane Smith, … on 01234 567890 or email j.smith@x.gov.uk". */
export function contactInSentence(text: string): Contact {
  const e = findEmail(text);
  const after = e ? text.slice(e.index) : text;
  const phone = findPhone(after) ?? findPhone(text);
  const m = /\bcontact\s+(?:the\s+)?((?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})/.exec(
    text.slice(0, 600),
  );
  const name = m && looksLikePersonName(m[1]) ? m[1] : null;
  return { name, email: e?.value ?? null, phone: phone?.value ?? null };
}

/** The role line of a clerk's signature: "Clerk to the Council", "Parish Clerk", "Clerk & RFO", "Proper Officer". */
const CLERK_ROLE =
  /^(?:(?:the\s+)?(?:parish|town|deputy|assistant|locum)\s+)?clerk(?:\s+(?:to|of)\s+the\s+(?:parish\s+|town\s+|community\s+)?council)?(?:\s*(?:and|&|\/)\s*(?:RFO|responsible financial officer))?\.?$|^proper officer(?:\s+of the council)?\.?$/i;
const SIGNED = /^(?:signed(?:\s+by)?|signature|yours\s+(?:faithfully|sincerely))\s*[:.,-]?\s*/i;

/** A name as signed: "Signed: Mrs J Smith", "J Smith", "Jane Smith,". */
function signedName(t: string): string | null {
  const n = clean(t.replace(SIGNED, "")).replace(/[,.]$/, "");
  return n && looksLikePersonName(n) ? n : null;
}

/**
 * The clerk who signs a summons, and the phone and e-mail printed under the signature: the role line,
 * with the name on the line above (or before a comma on the same line). Null when there is none.
 */
export function clerkSignature(doc: SourceDocument, from: number, to: number): Contact | null {
  for (let n = from; n <= to; n++) {
    const t = clean(doc.lines[n - 1]?.text ?? "");
    if (!t || t.length > 90 || !/clerk|proper officer/i.test(t)) continue;
    let name: string | null = null;
    const comma = /^(.{3,60}?),\s*(.+)$/.exec(t);
    if (CLERK_ROLE.test(t)) {
      for (let k = n - 1; k >= Math.max(from, n - 3) && !name; k--) {
        const above = clean(doc.lines[k - 1]?.text ?? "");
        if (!above) continue;
        name = signedName(above);
        break;
      }
    } else if (comma && CLERK_ROLE.test(comma[2])) name = signedName(comma[1]);
    if (!name) continue;
    let phone: string | null = null;
    let email: string | null = null;
    for (let k = n + 1; k <= Math.min(to, n + 5); k++) {
      const below = clean(doc.lines[k - 1]?.text ?? "");
      if (!below) continue;
      const e = findEmail(below);
      const p = findPhone(e ? below.replace(e.value, " ") : below);
      if (!e && !p) break;
      email ??= e?.value ?? null;
      phone ??= p?.value ?? null;
    }
    return { name, phone, email };
  }
  return null;
}

const NEXT = /\b(?:date\s+of\s+(?:the\s+)?next\s+meeting|next\s+(?:(?:ordinary|scheduled|full|council)\s+)?meeting)\b/i;

/**
 * The next meeting's date as the front sheet prints it: on the "Date of next meeting" line or within
 * the three lines below it (an agenda item of that name with its sentence beneath). Null when none.
 */
export function nextMeetingIn(doc: SourceDocument, from: number, to: number): string | null {
  for (let n = from; n <= Math.min(to, from + 600); n++) {
    const t = doc.lines[n - 1]?.text ?? "";
    const i = t.search(NEXT);
    if (i < 0) continue;
    const parts = [t.slice(i)];
    for (let k = n + 1; k <= Math.min(to, n + 6) && parts.length < 4; k++) {
      const below = clean(doc.lines[k - 1]?.text ?? "");
      if (below) parts.push(below);
    }
    const d = findDate(clean(parts.join(" ")).slice(0, 240));
    if (d) return d.iso;
  }
  return null;
}
