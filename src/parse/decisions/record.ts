/**
 * A record of decision as its own document: "RECORD OF DECISION", "PROPOSED RECORD OF DECISION",
 * "Decision notice" forms with labelled fields (who takes the decision, its number, "Key decision:
 * YES/NO", the title, "Decision:", "Reason(s) for decision:", alternatives, interests declared and
 * dispensations). English executive-decision rules (SI 2012/2089 reg 12) make councils record
 * exactly these facts, so the labels recur across councils in small variations.
 *
 * The record becomes one meeting (the decision maker as its body) holding one minute: the decision
 * number, title, clauses, key-decision flag, reasons and declarations; its `decision` facts (maker,
 * status, call-in, publication and effective dates) mark it a decision, not a committee meeting. The date is the printed
 * "Date of decision" when there is one; a proposed record prints none and the date stays null.
 */
import type { Line, SourceDocument } from "../../model/document";
import type { DecisionFacts, Declaration, Diagnostic, Meeting, Minute } from "../../model/parse-v1";
import { emptyMeeting } from "../../model/parse-v1";
import { findDate } from "../common/dates";
import { spanOf } from "../common/lines";
import { clean, head, isBlank, stripTrailingStop } from "../common/text";
import { readDeclarations } from "../minutes/declarations";
import { exemptParagraphs } from "../minutes/facts";
import { readDecision } from "../minutes/resolutions";
import { type LineView, toBlocks } from "../minutes/text";

export type DecisionRecord = { meeting: Meeting; diagnostics: Diagnostic[] };

/** The document's title: a record of (executive / officer / key ...) decision, or a decision notice. */
const TITLE =
  /\b(?:(?:proposed|draft|formal)\s+)?record\s+of\s+(?:an?\s+)?(?:(?:executive|key|officer|delegated|cabinet|individual(?:\s+cabinet)?\s+member|urgent|non-key)\s+)*decisions?\b|\bdecision\s+(?:notice|record\s+sheet)\b|^(?:executive|officer|delegated)\s+decision\s+record\b/i;

type Field = "takenBy" | "number" | "key" | "title" | "decision" | "reasons" | "interests" | "date" | "end";

/** Field labels at the start of a line; the value follows the label or sits on the lines below. */
const LABELS: [RegExp, Field][] = [
  [/^decisions?\s+(?:to\s+be\s+)?(?:taken|made)\s+by\b\s*:?/i, "takenBy"],
  [/^decision[-\s]+(?:maker|taker)\b\s*:?/i, "takenBy"],
  [/^decision\s+(?:no\.?|number|ref(?:erence)?\.?)\s*:?/i, "number"],
  [/^(?:is\s+(?:this\s+a\s+|it\s+a\s+)?)?key\s+decision\s*\??\s*:?\s*(?=(?:yes|no)\b)/i, "key"],
  [/^(?:subject\s+matter\s*\/\s*)?title\s+of\s+(?:the\s+)?decision\b\s*:?|^subject(?:\s+matter)?\s*:/i, "title"],
  [/^(?:the\s+)?decisions?(?:\s+(?:taken|made))?\s*:/i, "decision"],
  [/^reasons?(?:\s*\(s\))?\s+for\s+(?:the\s+)?decisions?\b\s*:?/i, "reasons"],
  [/^(?:any\s+)?(?:interests?|conflicts?\s+of\s+interests?)\s+declared\b/i, "interests"],
  [/^date\s+of\s+(?:the\s+)?decision\b\s*:?|^decision\s+date\s*:?/i, "date"],
  [
    /^(?:cabinet\s+committee\s+recommendations|any\s+alternatives?|alternatives?\s+(?:options?\s+)?considered|options?\s+considered|(?:any\s+)?dispensations?\b|background\s+(?:documents|papers)|consultations?\s*(?:undertaken)?\s*:|signed\b|signature\b|key\s+decision\s+criteria\b|for\s+publication\b)/i,
    "end",
  ],
];

function labelOf(text: string): { field: Field; rest: string } | null {
  const t = head(clean(text), 200);
  for (const [re, field] of LABELS) {
    const m = re.exec(t);
    if (m) return { field, rest: clean(t.slice(m[0].length)) };
  }
  return null;
}

/** A row of dots or underscores: the signature line that closes the form. */
function isRule(t: string): boolean {
  return /^[.…_\s‖|]{10,}$/.test(t);
}

type Region = { field: Field; label: number; from: number; to: number; rest: string };

/** Reads the document as a record of decision, or null when it is not one. */
export function parseDecisionRecord(doc: SourceDocument): DecisionRecord | null {
  const lines = doc.lines;
  const text = (n: number) => clean(lines[n - 1]?.text ?? "");
  // The title is among the first lines of the document.
  let titleLine = 0;
  for (let n = 1, seen = 0; n <= lines.length && seen < 6; n++) {
    const t = text(n);
    if (!t) continue;
    seen++;
    if (t.length <= 120 && TITLE.test(t)) {
      titleLine = n;
      break;
    }
  }
  if (!titleLine) return null;

  // Labelled fields, in order. A row of label cells ("DECISION TO BE TAKEN BY: | DECISION NO:")
  // takes its values from the same columns of the next row.
  const regions: Region[] = [];
  const cellValues = new Map<Field, string>();
  for (let n = titleLine + 1; n <= lines.length; n++) {
    const line: Line = lines[n - 1];
    const t = clean(line.text);
    if (!t) continue;
    if (isRule(t)) {
      regions.push({ field: "end", label: n, from: n, to: n, rest: "" });
      continue;
    }
    const cells = line.cells?.map((c) => clean(c));
    if (cells && cells.length >= 2 && cells.filter(Boolean).every((c) => labelOf(c)?.rest === "")) {
      let v = n + 1;
      while (v <= lines.length && !text(v)) v++;
      const values = lines[v - 1]?.cells?.map((c) => clean(c));
      if (values) {
        cells.forEach((c, i) => {
          const l = c ? labelOf(c) : null;
          if (l && values[i]) cellValues.set(l.field, values[i]);
        });
        regions.push({ field: "end", label: n, from: n, to: v, rest: "" });
        n = v;
        continue;
      }
    }
    const prevBlank = n === 1 || isBlank(lines[n - 2].text);
    const l = labelOf(t);
    // A label opens a paragraph or is set in bold; inside running text it is just words.
    if (l && (prevBlank || line.bold)) regions.push({ field: l.field, label: n, from: n + 1, to: n, rest: l.rest });
  }
  for (let i = 0; i < regions.length; i++)
    regions[i].to = i + 1 < regions.length ? regions[i + 1].label - 1 : lines.length;
  const decision = regions.find((r) => r.field === "decision");
  if (!decision) return null;

  const diagnostics: Diagnostic[] = [];
  const pageOf = (n: number) => lines[n - 1]?.page ?? null;
  const viewsOf = (from: number, to: number): LineView[] => {
    const out: LineView[] = [];
    for (let n = from; n <= Math.min(to, lines.length); n++) {
      const l = lines[n - 1];
      if (isRule(clean(l.text))) break;
      out.push({ n, raw: l.text, text: l.text, line: l });
    }
    return out;
  };
  const fieldText = (r: Region | undefined): string => {
    if (!r) return "";
    // The value: the label's own line after the colon, then the lines below up to a blank line.
    const parts = r.rest ? [r.rest] : [];
    let n = r.from;
    while (n <= r.to && !text(n) && !parts.length) n++;
    for (; n <= r.to && text(n); n++) parts.push(text(n));
    return clean(parts.join(" "));
  };
  const find = (f: Field) => regions.find((r) => r.field === f);

  const titleText = stripTrailingStop(fieldText(find("title")));
  const takenBy = cellValues.get("takenBy") ?? fieldText(find("takenBy"));
  const number = cellValues.get("number") ?? (fieldText(find("number")) || null);
  const keyRegion = find("key");
  const keyDecision = keyRegion ? /^yes\b/i.test(keyRegion.rest) : null;

  const authorityMatch = /^(.{3,80}?\bcouncil)\b\s*[–—:-]/i.exec(text(titleLine));
  const body = takenBy || "Decision maker not printed";
  const meeting = emptyMeeting(body, spanOf(doc, titleLine, lines.length));
  if (authorityMatch) meeting.authority = titleCase(authorityMatch[1]);
  if (!takenBy)
    diagnostics.push({
      level: "warning",
      message: "record of decision: the decision maker is not printed",
      span: spanOf(doc, titleLine, titleLine),
    });

  const dateText = cellValues.get("date") ?? fieldText(find("date"));
  const date = dateText ? findDate(dateText) : null;
  meeting.date = date?.iso ?? null;
  if (!meeting.date)
    diagnostics.push({
      level: "info",
      message: `record of decision${/\bproposed\b/i.test(text(titleLine)) ? " (proposed)" : ""}: no date of decision printed, so the meeting date is left empty`,
      span: spanOf(doc, titleLine, titleLine),
    });

  // The decision's clauses: the field read as if it followed "RESOLVED:".
  const decisionViews = viewsOf(decision.from, decision.to);
  if (decision.rest) {
    const l = lines[decision.label - 1];
    decisionViews.unshift({ n: decision.label, raw: decision.rest, text: decision.rest, line: l });
  }
  const read = readDecision(toBlocks(decisionViews), false, pageOf, true);
  diagnostics.push(...read.diagnostics);
  if (!read.resolutions.length)
    diagnostics.push({
      level: "warning",
      message: "record of decision: the Decision field is empty",
      span: spanOf(doc, decision.label, decision.label),
    });

  // Reasons: each paragraph of the field, without its paragraph number; sub-headings and table
  // rows (figures set out in columns) are not reasons.
  const reasons: string[] = [];
  const reasonsRegion = find("reasons");
  if (reasonsRegion) {
    const views = viewsOf(reasonsRegion.from, reasonsRegion.to);
    if (reasonsRegion.rest)
      views.unshift({
        n: reasonsRegion.label,
        raw: reasonsRegion.rest,
        text: reasonsRegion.rest,
        line: lines[reasonsRegion.label - 1],
      });
    // Sub-headings ("Background", "3. Financial Implications") are short lines set in bold: they
    // separate paragraphs like a blank line and are not reasons themselves.
    for (let i = 0; i < views.length; i++) {
      const v = views[i];
      if (v.line.bold && !v.line.cells && clean(v.text).length < 90) views[i] = { ...v, raw: "", text: "" };
    }
    let skipped = 0;
    let prevCells = false;
    for (const b of toBlocks(views)) {
      const t = b.text.replace(/^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[A-Z])/, "");
      // A row directly under a table's rows, without a blank line, is the table's last row.
      const tableTail = prevCells && b.gapBefore === 0;
      prevCells = b.cells;
      if (b.cells || tableTail || !/[a-z]{3}/.test(t)) {
        if (b.cells || tableTail) skipped++;
        continue;
      }
      // A paragraph carried over a page break continues the last one.
      const prev = reasons[reasons.length - 1];
      if (prev !== undefined && !/[.;:!?)"”]$/.test(prev) && /^[a-z]/.test(t))
        reasons[reasons.length - 1] = `${prev} ${t}`;
      else reasons.push(t);
    }
    if (skipped)
      diagnostics.push({
        level: "info",
        message: `record of decision: ${skipped} table row(s) under the reasons not kept as reasons`,
        span: spanOf(doc, reasonsRegion.label, reasonsRegion.to),
      });
  }

  // "Any interest declared when the decision was taken ...: None".
  let declarations: Declaration[] = [];
  const interests = find("interests");
  if (interests) {
    const value = fieldText(interests).replace(/^.*?:\s*/, "");
    if (value && !/^(?:none|nil|no\b|n\/a)/i.test(value)) {
      const l = lines[interests.label - 1];
      declarations = readDeclarations(toBlocks([{ n: interests.label, raw: value, text: value, line: l }]));
    }
  }

  const minute: Minute = {
    number,
    agendaItem: null,
    title: titleText || (read.resolutions[0]?.text ?? "Decision"),
    declarations,
    resolutions: read.resolutions,
    keyDecision,
    reasons,
    exemptParagraphs: exemptParagraphs(decisionViews.map((v) => v.text).concat(text(titleLine))),
    span: spanOf(doc, titleLine, Math.max(decision.to, reasonsRegion?.to ?? 0)),
  };
  if (!titleText)
    diagnostics.push({
      level: "warning",
      message: "record of decision: no title printed; the minute is titled from the decision",
      span: minute.span,
    });
  meeting.minutes.push(minute);
  meeting.decision = decisionFacts(doc, titleLine, takenBy || null, meeting.span);
  return { meeting, diagnostics };
}

const NO_CALL_IN =
  /\bnot\s+(?:be\s+)?subject\s+to\s+call[-\s]?in\b|\bcall[-\s]?in\s+(?:does|will|shall)\s+not\s+apply\b|\bexempt(?:ed)?\s+from\s+call[-\s]?in\b|\bcall[-\s]?in\s*(?:\?|:)\s*no\b/i;
const CALL_IN = /\bsubject\s+to\s+call[-\s]?in\b|\bcall[-\s]?in\s*(?:\?|:)\s*yes\b/i;
const DATE_LABELS: [RegExp, "callInDeadline" | "publicationDate" | "effectiveDate"][] = [
  [
    /^(?:call[-\s]?in\s+(?:deadline|expiry(?:\s+date)?|period\s+(?:ends|expires)|expires)|deadline\s+for\s+call[-\s]?in|last\s+(?:date|day)\s+for\s+call[-\s]?in)\b/i,
    "callInDeadline",
  ],
  [/^(?:date\s+of\s+publication|publication\s+date|date\s+published|published\s+on)\b/i, "publicationDate"],
  [
    /^(?:effective\s+(?:date|from)|date\s+(?:the\s+)?decision\s+(?:is\s+)?(?:effective|takes\s+effect|comes\s+into\s+force|may\s+be\s+implemented)|implementation\s+date|date\s+of\s+implementation|decision\s+(?:effective|may\s+be\s+implemented)\s+(?:from|on))\b/i,
    "effectiveDate",
  ],
];

/**
 * The decision's own facts beyond its minute: the decision maker, whether it may be called in and
 * the dates printed for call-in, publication and effect. A proposed (or draft) record is a decision
 * still to be taken: "For determination", as councils' forward plans call it.
 */
function decisionFacts(
  doc: SourceDocument,
  titleLine: number,
  maker: string | null,
  span: DecisionFacts["span"],
): DecisionFacts {
  const facts: DecisionFacts = {
    maker,
    status: /\b(?:proposed|draft)\b/i.test(clean(doc.lines[titleLine - 1]?.text ?? "")) ? "For determination" : null,
    callIn: null,
    callInDeadline: null,
    publicationDate: null,
    effectiveDate: null,
    decidedAt: null,
    span,
  };
  for (let n = titleLine; n <= doc.lines.length; n++) {
    const t = clean(doc.lines[n - 1].text);
    if (!t) continue;
    if (facts.callIn === null && NO_CALL_IN.test(t)) facts.callIn = false;
    else if (facts.callIn === null && CALL_IN.test(t)) facts.callIn = true;
    const status = /^(?:decision\s+)?status\s*:\s*(.{3,60})$/i.exec(t);
    if (status) facts.status = stripTrailingStop(status[1]);
    for (const [re, key] of DATE_LABELS) {
      const m = re.exec(t);
      if (!m || facts[key]) continue;
      const next = doc.lines[n]?.text ?? "";
      const d = findDate(t.slice(m[0].length)) ?? findDate(clean(next));
      if (d) facts[key] = d.iso;
    }
  }
  if (facts.callInDeadline && facts.callIn === null) facts.callIn = true;
  return facts;
}

function titleCase(s: string): string {
  if (/[a-z]/.test(s)) return s;
  return s.toLowerCase().replace(/\b([a-z])/g, (c) => c.toUpperCase());
}
