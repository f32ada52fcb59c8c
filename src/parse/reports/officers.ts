/**
 * "Officers to Contact" blocks: each person's name, role, phone and e-mail in whatever layout the
 * report used — "Name, Role" then "Tel: … Email: …"; name, role, department, phone, e-mail one a line
 * (with or without blank lines between); "Name - Role"; unlabelled phone and e-mail; "Email … ☎ …";
 * everything glued on one line. A new person starts at a name once the last one has an e-mail (or a
 * name-like line after a phone). Pure.
 */
import type { SourceDocument } from "../../model/document";
import type { Officer } from "../../model/parse-v1";
import { findEmail, findPhone, looksLikePersonName } from "../common/names";
import { clean, stripBullet } from "../common/text";

const LABELS = /\b(?:Tel(?:ephone)?|Phone|Mobile|Direct (?:line|dial)|E-?mail|Email address)\b\.?\s*:?/gi;

/** The text of a line with e-mail, phone and their labels removed. */
function residue(t: string, email: string | null, phone: string | null): string {
  let r = t;
  if (email) r = r.replace(email, " ");
  if (phone) r = r.replace(phone, " ");
  return clean(
    r
      .replace(LABELS, " ")
      .replace(/[☎✆📞]/gu, " ")
      .replace(/<[^>]{0,200}>/g, " "),
  )
    .replace(/^[,;:\s-]+|[,;:\s-]+$/g, "")
    .trim();
}

/** "Jon Wilson, Director of X" / "Phil Crossland - Director" → name and role. */
function splitNameRole(text: string): { name: string; role: string | null } | null {
  // A hyphen inside a name ("Marriott-Shaw") is part of it; only a spaced dash separates the role.
  const m = /^([^,–—]{3,60}?)\s*(?:,|\s[-–—]\s)\s*(.+)$/.exec(text);
  if (m && looksLikePersonName(m[1])) return { name: clean(m[1]), role: clean(m[2]) || null };
  if (looksLikePersonName(text)) return { name: clean(text), role: null };
  return null;
}

/** The label of an officers block begun on its own line ("Contact officer: Jane Smith, …"). */
const BLOCK_LABEL =
  /^(?:officers? to contact|officer\(s\) to contact|contact officers?|lead officers?|report authors?|author|officer contacts?|contact details|contact)\s*:\s*/i;
/** Field labels of a contact table or list: "Name:", "Job title:", "Service:". */
const NAME_FIELD = /^(?:name|officer|officer name|contact name)\s*:\s*/i;
const ROLE_FIELD = /^(?:job title|title|position|role|designation|post)\s*:\s*/i;
const OTHER_FIELD = /^(?:service|directorate|department|team|section)\s*:\s*/i;

/** An e-mail address cut at a hyphen or dot by a line break ("j.smith@radstone-" / "pc.org.uk"), joined. */
function joinWrappedEmail(t: string, next: string): string | null {
  if (!/[\w.-]+@[\w.-]*[-.]$/.test(t) && !/@[\w-]+$/.test(t)) return null;
  const m = /^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/i.exec(next);
  return m ? `${t}${next}` : null;
}

export function officersIn(doc: SourceDocument, from: number, to: number): Officer[] {
  const out: Officer[] = [];
  let cur: Officer | null = null;
  let gotPhoneOrEmail = false;
  const flush = () => {
    if (cur?.name) out.push(cur);
    cur = null;
    gotPhoneOrEmail = false;
  };
  for (let n = from; n <= to; n++) {
    const line = doc.lines[n - 1];
    // A table of three or more columns is not a contact block: the block is over.
    if ((line?.cells?.filter((c) => c.trim()).length ?? 0) >= 3) break;
    // A table row reads as its cells ("| Name: | Jane Smith |" in Markdown).
    const raw = line?.cells?.length
      ? line.cells
          .map((c) => clean(c))
          .filter(Boolean)
          .join(" ")
      : (line?.text ?? "");
    let t = clean(stripBullet(raw)).replace(BLOCK_LABEL, "");
    if (!t || /^none\.?$/i.test(t)) continue;
    const joined = n < to ? joinWrappedEmail(t, clean(doc.lines[n]?.text ?? "")) : null;
    if (joined) {
      t = joined;
      n++;
    }
    // A table or list of labelled fields: "Name: …" starts a person, "Job title: …" is the role.
    if (NAME_FIELD.test(t)) {
      const name = clean(t.replace(NAME_FIELD, ""));
      if (looksLikePersonName(name)) {
        flush();
        cur = { name, role: null, phone: null, email: null };
        continue;
      }
    }
    if (ROLE_FIELD.test(t) && cur) {
      if (!(cur as Officer).role) (cur as Officer).role = clean(t.replace(ROLE_FIELD, "")) || null;
      continue;
    }
    if (OTHER_FIELD.test(t)) continue;
    const email = findEmail(t);
    const phone = findPhone(email ? t.replace(email.value, " ") : t);
    const rest = residue(t, email?.value ?? null, phone?.value ?? null);
    if (rest) {
      const nr = splitNameRole(rest);
      // A new person once the last has an e-mail or phone, or when a "Name, Role" line follows a
      // complete name and role.
      const startsNew =
        nr &&
        (!cur ||
          (cur as Officer).email !== null ||
          gotPhoneOrEmail ||
          (nr.role !== null && (cur as Officer).role !== null));
      if (nr && startsNew) {
        flush();
        cur = { name: nr.name, role: nr.role, phone: null, email: null };
      } else if (cur && !(cur as Officer).role) (cur as Officer).role = rest;
    }
    if (!cur) continue;
    const c = cur as Officer;
    if (email && !c.email) c.email = email.value;
    if (phone && !c.phone) c.phone = phone.value;
    if (email || phone) gotPhoneOrEmail = true;
  }
  flush();
  return out;
}
