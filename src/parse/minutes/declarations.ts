/**
 * Declarations of interest recorded in a minute: "Mr. Rhodes CC - a Personal Interest which might
 * lead to bias as ...", "Ms Newton CC declared a personal interest in item 9 ...", "Mrs Chandler and
 * Mr Rayner declared a pecuniary interest in item 12", "All Members ... declared an Other
 * Registerable Interest in agenda item 11". The item is the agenda item number the text names,
 * either in the declaration or in the sentence that introduces a group of them.
 */
import type { Declaration } from "../../model/parse-v1";
import type { Block } from "./text";

/** "item 9", "agenda item 9a", "Min 9/23", "minute 24.05.03", "item 21/049": the number as printed. */
const REF = String.raw`\s+(?:no\.?\s*|ref\.?\s*)?(\d{1,4}(?:[./]\d{1,4}){0,2}[a-z]?)(?![\d/])`;
const AGENDA_REF = new RegExp(String.raw`\b(?:agenda\s+)?item${REF}`, "i");
/** A minute cited instead of an item ("in Min 9/23"); "(minute 40 refers)" is a cross-reference, not it. */
const MINUTE_REF = new RegExp(String.raw`\b(?:minute|min\.?)${REF}(?!\s+refers)`, "i");
const itemRef = (...texts: string[]): RegExpExecArray | null => {
  for (const re of [AGENDA_REF, MINUTE_REF])
    for (const t of texts) {
      const m = re.exec(t);
      if (m) return m;
    }
  return null;
};
const VERB =
  /\s(?:declared|declares|indicated|registered|disclosed|made\s+a\s+declaration\s+of)\s+(?:that\s+(?:he|she|they)\s+had\s+)?(?:(an?|the)\s+)?/i;

function cleanMember(s: string): string {
  return s
    .replace(/^\(?\d{1,3}[).]\s*/, "")
    .replace(/^[-•]\s*/, "")
    .replace(
      /^(?:later|subsequently|at|during|before|after|also|then)\b[^,]{0,60}?(?=\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Dame)\b)/i,
      "",
    )
    .replace(/,\s*(?:in attendance|who|as|having|present)\b.*$/i, "")
    .replace(/[\s,;:–—-]+$/, "")
    .trim();
}

function interestText(rest: string): string | null {
  const r = rest.slice(0, 160);
  const cut = /\s(?:as|in|on|under|that|because|since|regarding|relating|with\s+regard)\s|[.,;(]|\s[-–—]\s/.exec(r);
  const head = (cut ? r.slice(0, cut.index) : r).replace(/^(?:(?:an?|the)\s+)/i, "").trim();
  if (!/\binterests?\b/i.test(head)) return null;
  return head;
}

function splitMembers(s: string): string[] {
  if (/^(?:all|the|members|those|a number)\b/i.test(s) || s.length > 60) return [s];
  // "Cllrs Smith & Jones": the plural title belongs to the list, not to its first name.
  return s
    .replace(/^(?:Cllrs\.?|Councillors)\s+/, "")
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/)
    .map((x) => x.trim())
    .filter(Boolean);
}

export function readDeclarations(blocks: Block[]): Declaration[] {
  const out: Declaration[] = [];
  let groupItem: string | null = null;
  for (const b of blocks) {
    const t = b.text.length > 1500 ? b.text.slice(0, 1500) : b.text;
    if (/^[[(]/.test(t) && !/^\(?\d{1,3}\)/.test(t)) continue; // bracketed notes ("having declared an interest, left")
    if (/\bhaving\b[^.]{0,40}\bdeclared\b/i.test(t)) continue;
    // "The following declarations were made with regard to item 9 on the agenda ...:-"
    if (/\bdeclarations?\b/i.test(t) && /:-?$/.test(t) && !VERB.test(t)) {
      const r = itemRef(t);
      groupItem = r ? r[1] : null;
      continue;
    }
    const v = VERB.exec(t);
    if (v && v.index > 1 && v.index < 200) {
      const who = cleanMember(t.slice(0, v.index));
      const rest = t.slice(v.index + v[0].length);
      const interest = interestText(rest);
      if (!interest || /^(?:any|no)\b/i.test(who) || /\b(?:invited|asked|reminded)\b/i.test(who)) continue;
      const r = itemRef(rest, t);
      const item = r ? r[1] : groupItem;
      for (const m of splitMembers(who)) if (m) out.push({ member: m, interest, item });
      continue;
    }
    // "Mr. Rhodes CC - a Personal Interest which might lead to bias as ..."
    const dash = /^(.{3,80}?)\s[-–—]\s(?:(?:an?|the)\s+)?(.{0,120}?\binterests?)\b/i.exec(t);
    if (dash && /^[A-Z]/.test(dash[1])) {
      const r = itemRef(t.slice(dash[0].length));
      const interest = interestText(t.slice(dash[1].length).replace(/^\s[-–—]\s/, "")) ?? dash[2].trim();
      out.push({ member: cleanMember(dash[1]), interest, item: r ? r[1] : groupItem });
    }
  }
  return out;
}
