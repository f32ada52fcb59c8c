/**
 * A meeting the papers say will not take place as planned: "This meeting has been cancelled",
 * "MEETING CANCELLED", "CABINET – CANCELLED", "POSTPONED", "rescheduled to 3 March 2025", and
 * Modern.Gov's own meeting status ("Cancelled", "Postponed"). Councils print such notices on the
 * front sheet (or as the whole of a one-page agenda) and Modern.Gov prints them beside the meeting,
 * so only the head of a document is read: a minute that mentions another meeting being cancelled
 * ("the meeting of 3 May was cancelled") is not a notice about this one. Pure functions, no I/O.
 */
import type { MeetingState, Span } from "../../model/parse-v1";
import { findDate } from "../common/dates";
import { clean } from "../common/text";

/** Lines with text read from the top of the document for a notice. */
export const NOTICE_HEAD_LINES = 40;

const CANCELLED_SENTENCE =
  /\b(?:this|the|today['’]s|tonight['’]s)\s+(?:[\w'’-]+\s+){0,6}?meeting\s+(?:(?:of|on)\s+(?:[\w'’&,-]+\s+){1,8}?)?(?:has\s+(?:now\s+)?been|is|was|will\s+be)\s+cancell?ed\b/i;
const POSTPONED_SENTENCE =
  /\b(?:this|the|today['’]s|tonight['’]s)\s+(?:[\w'’-]+\s+){0,6}?meeting\s+(?:(?:of|on)\s+(?:[\w'’&,-]+\s+){1,8}?)?(?:has\s+(?:now\s+)?been|is|was|will\s+be)\s+(?:postponed|rescheduled|re-arranged|rearranged|deferred|moved)\b/i;
/** A short line that is the notice itself: "CANCELLED", "Meeting cancelled", "CABINET - POSTPONED", "(CANCELLED)". */
const STANDALONE =
  /^(?:(?:this\s+)?meeting\s+(?:has\s+been\s+)?)?(cancell?ed|postponed)\.?$|^.{0,80}?(?:\s[-–—(]|:)\s*(?:meeting\s+)?(cancell?ed|postponed)\)?\.?$/i;
const STATUS_LINE = /^(?:meeting\s+)?status\s*:\s*(cancell?ed|postponed)\b/i;
const NEW_DATE =
  /\b(?:postponed|rescheduled|re-?arranged|moved|deferred)\s+(?:until|to|till)\b|\bwill\s+now\s+(?:be\s+held|take\s+place|meet)\s+on\b|\bnew\s+date\b/i;
const NEGATED = /\bnot\s+(?:been\s+)?(?:cancell?ed|postponed)\b/i;
/** Another meeting than the one the document is for ("the next meeting has been moved to …"). */
const OTHER_MEETING = /\b(?:next|previous|last|earlier|future|following|subsequent)\s+meetings?\b/i;
/** An agenda item's number: an item marked "(POSTPONED)" is not the meeting. */
const ITEM_NUMBER = /^\(?(?:item\s+)?\d{1,3}[a-z]?[.)]?\s/i;

/** The notice a line of text makes, or null. Uppercase single words only count when set apart. */
export function noticeIn(text: string): { state: MeetingState["state"]; rescheduledTo: string | null } | null {
  const t = clean(text);
  if (!t || t.length > 300 || NEGATED.test(t) || OTHER_MEETING.test(t)) return null;
  let state: MeetingState["state"] | null = null;
  const labelled = STATUS_LINE.exec(t);
  if (labelled) state = /^cancel/i.test(labelled[1]) ? "cancelled" : "postponed";
  else if (CANCELLED_SENTENCE.test(t)) state = "cancelled";
  else if (POSTPONED_SENTENCE.test(t)) state = "postponed";
  else if (t.length <= 90 && !ITEM_NUMBER.test(t)) {
    const m = STANDALONE.exec(t);
    const word = m?.[1] ?? m?.[2];
    // A short line ending in the word counts when the word is in capitals or the line is the word alone.
    if (word && (m?.[1] || word === word.toUpperCase())) state = /^cancel/i.test(word) ? "cancelled" : "postponed";
  }
  if (!state && NEW_DATE.test(t) && /\bmeeting\b/i.test(t)) state = "postponed";
  if (!state) return null;
  const after = NEW_DATE.exec(t);
  const date = after ? findDate(t.slice(after.index)) : null;
  return { state, rescheduledTo: state === "postponed" && date ? date.iso : null };
}

/**
 * The first notice among the first NOTICE_HEAD_LINES lines with text (a notice and the new date
 * printed on the next line are read together). `span` gives the line and page of each line.
 */
export function findNotice(
  lines: readonly { n: number; text: string; page: number | null }[],
  limit = NOTICE_HEAD_LINES,
): MeetingState | null {
  let seen = 0;
  for (let i = 0; i < lines.length && seen < limit; i++) {
    const t = clean(lines[i].text);
    if (!t) continue;
    seen++;
    const found = noticeIn(t);
    if (!found) continue;
    let rescheduledTo = found.rescheduledTo;
    let end = lines[i].n;
    // "This meeting has been postponed to:" / "Thursday 3 March 2025"
    if (found.state === "postponed" && !rescheduledTo && NEW_DATE.test(t)) {
      const next = lines.slice(i + 1, i + 3).find((l) => clean(l.text));
      const d = next ? findDate(clean(next.text)) : null;
      if (next && d) {
        rescheduledTo = d.iso;
        end = next.n;
      }
    }
    const span: Span = { startLine: lines[i].n, endLine: end, page: lines[i].page };
    return { state: found.state, note: t, rescheduledTo, span };
  }
  return null;
}

/** Modern.Gov's meeting status field ("Confirmed", "Cancelled", "Postponed", "Moved"), or null when it says held/planned. */
export function stateFromStatusField(status: string): MeetingState["state"] | null {
  const s = status.trim();
  if (/^cancel/i.test(s)) return "cancelled";
  if (/^(?:postpon|adjourn|moved|rearrang|re-arrang|deferred)/i.test(s)) return "postponed";
  return null;
}
