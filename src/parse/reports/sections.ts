/**
 * Section headings inside an officer report ("Recommendations", "Officers to Contact", "Appendices",
 * "Background Papers", and the others that end them) and the lines each section holds. Headings are
 * short lines after a blank line, without closing punctuation, matching a known wording. Pure.
 */
import type { SourceDocument } from "../../model/document";
import { isBlankAt } from "../common/lines";
import { clean, hasBlankPagePhrase, isUpperLine, stripBullet } from "../common/text";

export type SectionKind = "recommendations" | "officers" | "appendices" | "backgroundPapers" | "other";

const KINDS: [RegExp, SectionKind][] = [
  [
    /^(?:recommendations?|recommendation\(s\)|recommended decisions?|recommendations? to (?:the )?[a-z ]{3,40})$/i,
    "recommendations",
  ],
  [
    /^(?:officers? to contact|officer\(s\) to contact|officers? to be contacted|contact officers?|officer contacts?|report authors?|authors?|contact details|lead officers?|contact|relevant (?:corporate |executive )?directors?|responsible (?:officers?|directors?))$/i,
    "officers",
  ],
  [
    /^(?:appendices|appendix|list of appendices|appendices to (?:this|the) report|annexes|list of annexes)$/i,
    "appendices",
  ],
  [/^(?:background papers|list of background papers|background documents|background reading)$/i, "backgroundPapers"],
];

const OTHER =
  /^(?:purpose|reasons?|timetable|policy framework|resources?|financial|finance|legal|circulation|part [a-d]$|background$|consultations?|equalit|human rights|health implications|environmental|crime and disorder|partnership working|risk|conclusions?|introduction|summary|executive summary|options|proposals|next steps|relevant impact|foreword|scope of|membership of|conduct of|context|other options|implications|key issues|issues|comments|discussion|current position|proposal|legal implications|financial implications|statutory)\b/i;

const JOB_TITLE =
  /\b(?:Manager|Officer|Director|Clerk|Assistant|Adviser|Advisor|Accountant|Solicitor|Engineer|Planner|Co-?ordinator|Analyst|Controller|Surveyor)$/i;

/** A heading's kind, or null when the line is not a heading. */
export function headingKind(text: string): SectionKind | null {
  // Cheap rejections first: headings are short and start with a letter.
  if (text.length > 120 || !/^[\s*•-]*(?:\d{1,2}\.?\s+)?[A-Za-z]/.test(text.slice(0, 12))) return null;
  let t = clean(stripBullet(text)).replace(/\s*:$/, "");
  // A numbered heading ("1. Background", "3 Recommendations") counts when its words are a known heading.
  const numbered = /^\d{1,2}\.?\s+(?=[A-Z])/.exec(t);
  if (numbered) t = t.slice(numbered[0].length);
  if (!t || t.length > 80 || /[.,;]$/.test(t) || /^\d/.test(t)) return null;
  for (const [re, kind] of KINDS) if (re.test(t)) return kind;
  // A job title under an officer's name ("Finance Manager", "Policy Officer") is not a heading.
  if (JOB_TITLE.test(t)) return null;
  if (numbered) return OTHER.test(t) && t.length <= 60 ? "other" : null;
  if (OTHER.test(t) || /\bImplications\b/i.test(t)) return "other";
  return null;
}

/** "Contact officer: Jane Smith, Finance Manager, Tel: …": an officers block that starts on its label's line. */
const INLINE_OFFICERS =
  /^(?:officers? to contact|officer\(s\) to contact|contact officers?|lead officers?|report authors?|author|officer contacts?|contact details|contact)\s*:\s*\S/i;

export function isInlineOfficers(text: string): boolean {
  return text.length <= 400 && INLINE_OFFICERS.test(clean(stripBullet(text)));
}

/** A labelled appendix entry: "Appendix B - Title", "Annex 2: Title". */
const LABELLED_ENTRY = /^(?:Appendix|Annex)\s+[A-Z0-9]{1,3}\b/i;

/**
 * Lines [from, to] (up to the next section heading) hold only labelled appendix entries: an
 * appendix list that carries on over a page break, not the appended material that follows it.
 */
function entriesUpTo(doc: SourceDocument, from: number, to: number): boolean {
  if (to - from > 12) return false;
  let entries = 0;
  for (let n = from; n <= to; n++) {
    const t = clean(stripBullet(doc.lines[n - 1]?.text ?? ""));
    if (!t) continue;
    if (!LABELLED_ENTRY.test(t) || t.length > 150) return false;
    entries++;
  }
  return entries > 0;
}

export type Section = { kind: SectionKind; heading: number; from: number; to: number };

/** Every known heading in [start, end] (after a blank line), with the lines up to the next one. */
export function findSections(doc: SourceDocument, start: number, end: number): Section[] {
  const marks: { kind: SectionKind; line: number; inline?: boolean }[] = [];
  for (let n = start; n <= end; n++) {
    if (isBlankAt(doc, n)) continue;
    if (n > start && !isBlankAt(doc, n - 1)) continue;
    const k = headingKind(doc.lines[n - 1].text);
    if (k) marks.push({ kind: k, line: n });
    else if (isInlineOfficers(doc.lines[n - 1].text)) marks.push({ kind: "officers", line: n, inline: true });
  }
  const out: Section[] = [];
  for (let i = 0; i < marks.length; i++) {
    const from = marks[i].inline ? marks[i].line : marks[i].line + 1;
    let to = i + 1 < marks.length ? marks[i + 1].line - 1 : end;
    // A section read for its contents also ends at a blank-page marker or a capitals title (an
    // appendix starting); other sections are only boundaries.
    // Lists of papers also end at a page break once they hold something: what follows a page break
    // after the list is the appended material itself.
    const list = marks[i].kind === "appendices" || marks[i].kind === "backgroundPapers";
    let seen = false;
    for (let n = from; marks[i].kind !== "other" && n <= to; n++) {
      const line = doc.lines[n - 1];
      const t = clean(line?.text ?? "");
      if (hasBlankPagePhrase(t) || (isUpperLine(t, 6) && t.split(" ").length >= 2 && !/@/.test(t))) {
        to = n - 1;
        break;
      }
      if (
        list &&
        seen &&
        t &&
        line?.page != null &&
        line.page !== doc.lines[n - 2]?.page &&
        !(marks[i].kind === "appendices" && i + 1 < marks.length && entriesUpTo(doc, n, to))
      ) {
        to = n - 1;
        break;
      }
      if (t) seen = true;
    }
    out.push({ kind: marks[i].kind, heading: marks[i].line, from, to });
  }
  return out;
}
