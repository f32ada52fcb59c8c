/**
 * The list-like parts of a report: recommendations (top-level lettered items, or the single
 * recommendation paragraph), appendices ("Appendix A - Title") and background papers (titles with
 * their links removed). Pure.
 */
import type { SourceDocument } from "../../model/document";
import { findDate } from "../common/dates";
import { clean, head, isUpperLine, stripBullet } from "../common/text";

type Para = { text: string; label: string | null; line: number; num?: string };

const LABEL = /^(?:\(?([a-z]{1,2}|[ivx]{1,6})[).]|\((\d{1,2})\))\s+/;
const PARA_NO = /^(\d{1,3})\.?\s+(?=\S)/;
/** "2.1 That …": a decimal paragraph number, as reports number the paragraphs of a section. */
const DECIMAL_NO = /^(\d{1,2}\.\d{1,2})\.?\s+(?=\S)/;

/** The label that follows l in a list: "b" after "a", "3" after "2". */
function nextLetter(l: string): string {
  if (/^\d+$/.test(l)) return String(Number(l) + 1);
  return l.length === 1 ? String.fromCharCode(l.charCodeAt(0) + 1) : l;
}

/** Lines → paragraphs: a label or paragraph number starts one; a line that runs on is joined. */
function paragraphs(doc: SourceDocument, from: number, to: number): Para[] {
  const out: Para[] = [];
  let blankBefore = false;
  for (let n = from; n <= to; n++) {
    const raw = doc.lines[n - 1]?.text ?? "";
    let t = clean(stripBullet(raw));
    if (!t) {
      blankBefore = true;
      continue;
    }
    const no = DECIMAL_NO.exec(t) ?? PARA_NO.exec(t);
    if (no) t = t.slice(no[0].length);
    const m = LABEL.exec(head(t, 20));
    const prev = out[out.length - 1];
    if (m) out.push({ text: t.slice(m[0].length), label: m[1] ?? m[2], line: n });
    else if (no) out.push({ text: t, label: null, line: n, num: no[1] });
    else if (prev && (!blankBefore || /^[a-z]/.test(t)) && !/[.;:]$|:-$/.test(prev.text))
      prev.text = `${prev.text} ${t}`; // a sentence split by a page break or wrapping
    else out.push({ text: t, label: null, line: n });
    blankBefore = false;
  }
  return out;
}

/** The recommendations under a heading: lettered items in sequence, else the first paragraph. */
export function recommendationsIn(doc: SourceDocument, from: number, to: number): string[] {
  const paras = paragraphs(doc, from, to);
  const labelled = paras.filter((p) => p.label);
  if (labelled.length) {
    const out: string[] = [];
    let expected = "a";
    let started = false;
    for (const p of paras) {
      if (!p.label) continue;
      if (p.label === expected || (!started && (p.label.length === 1 || p.label === "1"))) {
        out.push(clean(p.text));
        expected = nextLetter(p.label);
        started = true;
      }
      // Anything else is a sub-item ((i), (ii)) of the item before it.
    }
    return out;
  }
  // A numbered list (1. 2. 3., or 2.1 2.2 2.3 under section 2) that counts up from its first item:
  // each number is a recommendation; an unnumbered lead-in ("It is recommended that:") is not.
  const numbered = numberedRun(paras);
  const leadIn = paras.length > 1 && !paras[0].num && /:-?$/.test(paras[0].text);
  if (numbered.length >= 2 || (numbered.length === 1 && leadIn && paras[1] === numbered[0]))
    return numbered.map((p) => clean(p.text));
  // Recommendations set out as paragraphs of their own, each "That …".
  const that = paras.filter((p) => /^That\b/.test(p.text));
  if (that.length >= 2) return that.map((p) => clean(p.text));
  const first = paras[0];
  return first ? [clean(first.text)] : [];
}

/** The longest run of paragraphs numbered in sequence (1, 2, 3 or 4.1, 4.2, 4.3) starting at the first. */
function numberedRun(paras: Para[]): Para[] {
  const withNo = paras.filter((p) => p.num);
  if (!withNo.length) return [];
  const step = (a: string, b: string) => {
    const [a1, a2] = a.split(".").map(Number);
    const [b1, b2] = b.split(".").map(Number);
    return a2 === undefined ? b2 === undefined && b1 === a1 + 1 : b1 === a1 && b2 === a2 + 1;
  };
  const first = withNo[0].num as string;
  // A list restarts at 1 (or N.1); a report's running paragraph numbers (7, 8, 9) are not a list.
  if (!/^(?:1|\d{1,2}\.1)$/.test(first)) return [];
  const run = [withNo[0]];
  for (const p of withNo.slice(1)) {
    if (!step(run[run.length - 1].num as string, p.num as string)) break;
    run.push(p);
  }
  return run;
}

/** Whether a recommendations section addresses the meeting ("It is recommended that", "is asked to"). */
export function addressesMeeting(doc: SourceDocument, from: number, to: number): boolean {
  const first = paragraphs(doc, from, Math.min(to, from + 6))[0];
  return (
    !!first && /\b(?:is|are) (?:recommended|asked|invited|requested)\b|\brecommended that\b|^That\b/i.test(first.text)
  );
}

const URL = /<?(?:https?:\/\/|www\.)[^\s>]{1,500}>?/gi;

/** Appendix entries: one a line; indented "Annex" lines under an appendix are left out. */
export function appendicesIn(doc: SourceDocument, from: number, to: number): string[] {
  const out: string[] = [];
  let prevBlank = true;
  for (let n = from; n <= to; n++) {
    const raw = doc.lines[n - 1]?.text ?? "";
    const t = clean(stripBullet(raw)).replace(PARA_NO, "");
    if (!t) {
      prevBlank = true;
      continue;
    }
    const blankBefore = prevBlank;
    prevBlank = false;
    if (/^none\.?$/i.test(t)) continue;
    if (out.length && /^Annex\b/i.test(t)) continue;
    const last = out[out.length - 1];
    // A labelled entry wrapped onto the next line ("Appendix 1: Letter to ... from" / "Jim McMahon ...").
    const wrapped =
      last &&
      !blankBefore &&
      /^(?:Appendix|Annex)\b/i.test(last) &&
      !/[.;]$/.test(last) &&
      !/^(?:Appendix|Annex)\b/i.test(t);
    if (last && (/^[a-z]/.test(t) || wrapped)) out[out.length - 1] = `${last} ${t}`;
    else out.push(t);
  }
  return out;
}

/** Background papers: paragraphs or bullets, with links removed; date-only link lines dropped. */
export function backgroundPapersIn(doc: SourceDocument, from: number, to: number): string[] {
  const out: string[] = [];
  let open = false;
  for (let n = from; n <= to; n++) {
    const raw = doc.lines[n - 1]?.text ?? "";
    const bullet = /^\s*[-•*]\s+/.test(raw);
    const unlinked = clean(stripBullet(raw).replace(URL, " "))
      .replace(/\\\$/g, "$")
      .replace(/\s*[–—-]+$/, "");
    if (!clean(raw)) {
      open = false;
      continue;
    }
    const d = findDate(unlinked);
    if (d && unlinked.replace(/[\s–—:,-]/g, "").length <= d.length + 2) continue; // "19 November 2014 – <link>"
    const t = unlinked.replace(PARA_NO, "");
    if (!t || /^none\.?$/i.test(t)) continue;
    if (open && !bullet && out.length) out[out.length - 1] = `${out[out.length - 1]} ${t}`;
    else out.push(t);
    open = true;
  }
  return out.map((s) => clean(s)).filter((s) => s.length > 1);
}

const APPENDIX_HEADING = /^APPENDIX(?:\s+([A-Z0-9]{1,3}))?\.?$/;

/**
 * Appendices a report carries without listing them: an "APPENDIX" / "APPENDIX B" heading followed by
 * a title in capitals (one or two blocks), read as "Appendix B - TITLE – SUBTITLE".
 */
export function unlistedAppendices(doc: SourceDocument, from: number, to: number): string[] {
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    const raw = doc.lines[n - 1]?.text ?? "";
    if (raw.length > 40 || !raw.includes("APPENDIX")) continue;
    const m = APPENDIX_HEADING.exec(clean(raw));
    if (!m) continue;
    const parts: string[] = [];
    let k = n + 1;
    for (; k <= to && parts.length < 2; k++) {
      const t = clean(doc.lines[k - 1]?.text ?? "");
      if (!t) continue;
      if (!isUpperLine(t) || t.length > 150 || APPENDIX_HEADING.test(t)) break;
      parts.push(t);
    }
    if (parts.length) out.push(`${m[1] ? `Appendix ${m[1]} - ` : ""}${parts.join(" – ")}`);
    n = k - 1;
  }
  return out;
}
