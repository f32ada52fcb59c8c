/**
 * Recorded votes in a minute: the counts and, where printed, the names on each side. Two layouts:
 * - a named (recorded) vote set as headed lists: "For (57)" then the names, "Against (0)", "Abstain (2)"
 *   then names, often followed by "Motion carried." (county councils' budget minutes);
 * - counts in a sentence: "For 7, Against 2, Abstentions 1" or "carried by 7 votes to 2 with 1 abstention";
 * - a verdict that says none voted against ("carried unanimously", "nem con", "all in favour").
 * Names are split on commas, with honours printed after a name ("Mr Hill, OBE") kept with it. Pure.
 */
import type { SourceDocument } from "../../model/document";
import type { Span, Vote, VoteSide } from "../../model/parse-v1";

type Side = "for" | "against" | "abstain";

/** "For (57)", "Against: 0", "Abstain (2)", "Abstentions (1)", "FOR – 12". */
const HEAD =
  /^\s*(for|against|abstain(?:ed|ing|ions?)?)\s*(?:\(\s*(\d{1,3})\s*\)|[:–—-]\s*(\d{1,3})|(\d{1,3}))?\s*:?\s*$/i;
/** Counts in one sentence: "For 7, Against 2, Abstentions 1" / "7 for, 2 against, 1 abstention". */
const INLINE_A =
  /\bfor\s*[:–-]?\s*(\d{1,3})\s*[,;]?\s*against\s*[:–-]?\s*(\d{1,3})(?:\s*[,;]?\s*(?:and\s+)?abst(?:ain(?:ed|ing)?|entions?)\s*[:–-]?\s*(\d{1,3}))?/i;
const INLINE_B =
  /\b(\d{1,3})\s+(?:votes?\s+)?(?:for|in favour)\s*[,;]?\s*(?:and\s+)?(\d{1,3})\s+(?:votes?\s+)?against(?:\s*[,;]?\s*(?:and\s+|with\s+)?(\d{1,3})\s+abst(?:ain(?:ed|ing)?|entions?))?/i;
const INLINE_C =
  /\bby\s+(\d{1,3})\s+votes?\s+to\s+(\d{1,3})(?:\s*[,;]?\s*(?:and\s+|with\s+)?(\d{1,3})\s+abst(?:ain(?:ed|ing)?|entions?))?/i;
/**
 * A verdict without counts that says no one voted against: "carried unanimously", "unanimously
 * agreed", "nem con", "all in favour". Read as carried with none against (the for side's count is
 * not printed, so it stays null).
 */
const UNANIMOUS =
  /\b(?:(?:carried|agreed|approved|resolved)\s+(?:unanimously|nem\.?\s*con\.?)|unanimously\s+(?:agreed|carried|approved|resolved)|nem\.?\s*con\.?|all\s+(?:in\s+favour|agreed))\b/i;
const OUTCOME = /\b(carried|lost|defeated|fell|not carried|was agreed|was not agreed)\b/i;
const HONOUR = /^(?:[A-Z]{2,4}|O\.?B\.?E\.?|M\.?B\.?E\.?|C\.?B\.?E\.?)$/;
/** A line that starts a new paragraph of the minute: "(4) RESOLVED", "4.", "RESOLVED". */
const NEW_PARAGRAPH = /^\s*(?:\(\d+\)|\d+\.\s|[A-Z]{4,}\b|[Rr]esolved\b|[Mm]otion\b|[Aa]mendment\b|[Tt]he\s)/;

function sideOf(word: string): Side {
  const w = word.toLowerCase();
  return w === "for" ? "for" : w === "against" ? "against" : "abstain";
}

function result(text: string): "carried" | "lost" | null {
  const m = OUTCOME.exec(text);
  if (!m) return null;
  return /^(carried|was agreed)$/i.test(m[1]) ? "carried" : "lost";
}

/** Names printed as a comma list, honours after a name kept with it ("Sir Paul Carter, CBE"). */
export function splitNames(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\s*[,;]\s*|\s+and\s+/)) {
    const part = raw.replace(/\s+/g, " ").replace(/\.$/, "").trim();
    if (!part) continue;
    if (HONOUR.test(part) && out.length) out[out.length - 1] = `${out[out.length - 1]}, ${part}`;
    else out.push(part);
  }
  return out;
}

const emptySide = (): VoteSide => ({ count: null, names: [] });

/** Every recorded vote inside `span` of the document (in order). */
export function readVotes(doc: SourceDocument, span: Span): Vote[] {
  const lines = doc.lines;
  const at = (n: number) => lines[n - 1];
  const votes: Vote[] = [];
  const last = Math.min(span.endLine, lines.length);
  let n = span.startLine;
  while (n <= last) {
    const line = at(n);
    const head = line ? HEAD.exec(line.text) : null;
    if (!line || !head) {
      const inline = line ? (INLINE_A.exec(line.text) ?? INLINE_B.exec(line.text) ?? INLINE_C.exec(line.text)) : null;
      if (line && inline) {
        const v: Vote = {
          motion: motionBefore(doc, span.startLine, n),
          result: result(line.text) ?? result(at(n + 1)?.text ?? ""),
          for: { count: Number(inline[1]), names: [] },
          against: { count: Number(inline[2]), names: [] },
          abstain: inline[3] === undefined ? null : { count: Number(inline[3]), names: [] },
          span: { startLine: n, endLine: n, page: line.page },
        };
        votes.push(v);
      } else if (line && UNANIMOUS.test(line.text) && !/\bnot\s+(?:carried|agreed)\b/i.test(line.text)) {
        votes.push({
          motion: motionBefore(doc, span.startLine, n),
          result: "carried",
          for: null,
          against: { count: 0, names: [] },
          abstain: null,
          span: { startLine: n, endLine: n, page: line.page },
        });
      }
      n++;
      continue;
    }
    // A headed vote: consecutive side headings, each with its names below, up to the outcome.
    const start = n;
    const sides: Partial<Record<Side, VoteSide>> = {};
    let end = n;
    let outcome: "carried" | "lost" | null = null;
    let current: Side | null = null;
    let names = "";
    const close = () => {
      if (current) sides[current] = { ...(sides[current] ?? emptySide()), names: splitNames(names) };
      names = "";
    };
    for (; n <= last; n++) {
      const l = at(n);
      if (!l) break;
      const text = l.text.trim();
      const h = HEAD.exec(l.text);
      if (h) {
        const side = sideOf(h[1]);
        if (sides[side]) break; // a second vote starts
        close();
        current = side;
        const count = h[2] ?? h[3] ?? h[4];
        sides[side] = { count: count === undefined ? null : Number(count), names: [] };
        end = n;
        continue;
      }
      if (!text) continue;
      const r =
        /^\s*(?:the\s+)?(?:motion|amendment|recommendation|substantive motion)?\s*(?:was\s+)?(carried|lost|defeated|fell)\.?\s*$/i.exec(
          text,
        );
      if (r) {
        outcome = result(r[1]);
        end = n;
        n++;
        break;
      }
      if (NEW_PARAGRAPH.test(text) || !current) break;
      names += ` ${text}`;
      end = n;
    }
    close();
    if (Object.keys(sides).length >= 2 || (sides.for && sides.for.names.length)) {
      votes.push({
        motion: motionBefore(doc, span.startLine, start),
        result: outcome,
        for: sides.for ?? null,
        against: sides.against ?? null,
        abstain: sides.abstain ?? null,
        span: { startLine: start, endLine: end, page: at(start)?.page ?? null },
      });
    }
    if (n === start) n++;
  }
  return votes;
}

/** What was put to the vote: the nearest line above (within the minute) that speaks of a motion or amendment. */
function motionBefore(doc: SourceDocument, from: number, before: number): string | null {
  for (let k = before - 1; k >= Math.max(from, before - 6); k--) {
    const t = doc.lines[k - 1]?.text.trim() ?? "";
    if (/\b(motion|amendment|recommendations?)\b/i.test(t) && /\bvot/i.test(t + (doc.lines[k]?.text ?? "")))
      return t.replace(/\s+/g, " ").replace(/^\(\d+\)\s*/, "");
  }
  return null;
}
