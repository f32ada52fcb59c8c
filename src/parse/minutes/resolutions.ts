/**
 * The decision part of a minute item: RESOLVED clauses ("Decision:" in Scottish minutes; lettered,
 * nested roman sub-clauses, unlettered single resolutions, preambles such as "That the following be recommended to the
 * County Council:-" dropped), "(KEY DECISION)", and the REASONS FOR DECISION paragraphs. Also the
 * label-stripped Modern.Gov form, where only runs of blank lines mark RESOLVED and REASONS.
 */
import type { Clause, Diagnostic, Span } from "../../model/parse-v1";
import { decisionText } from "./motions";
import { type Block, endsTerminal, type LabelKind, readLabel, startsLower } from "./text";

export type Decision = {
  resolutions: Clause[];
  keyDecision: boolean;
  reasons: string[];
  diagnostics: Diagnostic[];
};

const RESOLVED_STRICT =
  /^(\(?\d{1,3}[).]\s+)?(?:RESOLVED\b|Resolved\s*(?::|that\b)|it\s+was\s+resolved\s+that\b|(?:AGREED|DECIDED)\b(?=\s*(?:[:–—-]|that\b|$))|(?:Agreed|Decided)(?=\s*[:–—])|(?:DECISIONS?|Decisions?)(?=\s*(?::|$)))\s*(?:[:,–—-]+\s*)?/;
const REASONS = /^reasons?\s+for\s+(?:the\s+)?(?:decisions?|recommendations?)\s*:?-?\s*/i;
const KEY = /^\(?\s*key\s+decision\s*\)?\.?$/i;

type Level = { kind: LabelKind; clauses: Clause[] };

const PREV_LETTER: Record<string, string> = { i: "h", v: "u", x: "w" };

class ClauseBuilder {
  top: Clause[] = [];
  levels: Level[] = [];
  last: Clause | null = null;
  lastHadChildren = false;

  /** Adds a labelled clause; returns a note when an ambiguous label (i, v, x) had to be decided. */
  add(kindIn: LabelKind, label: string, ambiguous: boolean, text: string): string | null {
    let decided: string | null = null;
    let kind: LabelKind = kindIn === "upper" ? "letter" : kindIn;
    const lvl0 = this.levels[0];
    if (ambiguous && lvl0 && lvl0.kind === "letter") {
      const parent = lvl0.clauses[lvl0.clauses.length - 1];
      const lastTopLabel = (parent?.label ?? "").toLowerCase();
      const introducesList = parent && /(?::-?|including|includes|following)$/i.test(parent.text.trim());
      const inRoman = this.levels[1]?.kind === "roman" && this.last !== parent;
      if (PREV_LETTER[label.toLowerCase()] === lastTopLabel && !introducesList && !inRoman) {
        kind = "letter";
        decided = `clause (${label}) read as the letter after (${lastTopLabel}), not a roman numeral`;
      } else kind = "roman";
    } else if (ambiguous && !lvl0) kind = label === "i" ? "roman" : "letter";
    const clause: Clause = { label, text, children: [] };
    const depth = this.levels.findIndex((l) => l.kind === kind);
    if (depth === 0 || this.levels.length === 0) {
      if (!this.levels.length) this.levels.push({ kind, clauses: this.top });
      this.levels.length = 1;
      this.levels[0].clauses.push(clause);
    } else if (depth > 0) {
      this.levels.length = depth + 1;
      const parentLevel = this.levels[depth - 1];
      const parent = parentLevel.clauses[parentLevel.clauses.length - 1];
      parent.children.push(clause);
      this.levels[depth].clauses = parent.children;
    } else {
      if (this.levels.length >= 3) {
        this.levels[this.levels.length - 1].clauses.push(clause);
      } else {
        const parentLevel = this.levels[this.levels.length - 1];
        const parent = parentLevel.clauses[parentLevel.clauses.length - 1];
        parent.children.push(clause);
        this.levels.push({ kind, clauses: parent.children });
      }
    }
    this.last = clause;
    return decided;
  }

  /**
   * A second list under its own lead-in ("This Council believes that: a) ... d)" then "This Council
   * agrees to: a) ... b)"): each list becomes the children of its lead-in, an unlabelled clause.
   * `firstLeadIn` is the lead-in of the list already read, if it had one.
   */
  startGroup(firstLeadIn: string | null, leadIn: string, kind: LabelKind): void {
    if (firstLeadIn !== null && !this.top.some((c) => c.label === null && c.children.length)) {
      const first: Clause = { label: null, text: firstLeadIn, children: this.top.splice(0) };
      this.top.push(first);
    }
    const group: Clause = { label: null, text: leadIn, children: [] };
    this.top.push(group);
    this.levels = [{ kind: kind === "upper" ? "letter" : kind, clauses: group.children }];
    this.last = group;
  }

  addUnlabelled(text: string): void {
    const clause: Clause = { label: null, text, children: [] };
    this.top.push(clause);
    this.levels = [];
    this.last = clause;
  }
}

function spanOf(b: Block, page: number | null): Span {
  return { startLine: b.start, endLine: b.end, page };
}

/**
 * Reads the decision from an item's body blocks. `stripped` selects the Modern.Gov blank-run grammar;
 * `decisionOnly` reads blocks that are all decision text (the "Decision:" field of a record of
 * decision), as if they followed "RESOLVED:".
 */
export function readDecision(
  blocks: Block[],
  stripped: boolean,
  pageOf: (n: number) => number | null,
  decisionOnly = false,
): Decision {
  const out: Decision = { resolutions: [], keyDecision: false, reasons: [], diagnostics: [] };
  const builder = new ClauseBuilder();
  let state: "narrative" | "resolved" | "reasons" | "after" = decisionOnly ? "resolved" : "narrative";
  let pendingPreamble: Block | null = null;
  const hasMarker = blocks.some((b) => RESOLVED_STRICT.test(b.text));
  const useGaps = stripped && !hasMarker;
  let clausesSeen = false;
  let afterPreamble = decisionOnly;
  /** the narrative paragraph number printed before RESOLVED ("8) RESOLVED ..."), if any */
  let paraNumber: string | null = null;
  const nextParagraph = (text: string): boolean => {
    if (!paraNumber) return false;
    const m = /^(\(?)(\d{1,3})([).])\s/.exec(text);
    const p = /^(\(?)(\d{1,3})([).])/.exec(paraNumber);
    return !!m && !!p && m[1] === p[1] && m[3] === p[3] && Number(m[2]) > Number(p[2]);
  };

  const note = (b: Block, message: string, level: Diagnostic["level"] = "info") =>
    out.diagnostics.push({ level, message, span: spanOf(b, pageOf(b.start)) });

  let current: Block = blocks[0];
  const takeClauseBlock = (text: string): boolean => {
    const lab = readLabel(text);
    if (lab?.rest) {
      const decided = builder.add(lab.kind, lab.label, lab.ambiguousRoman, lab.rest);
      if (decided) note(current, decided);
      clausesSeen = true;
      return true;
    }
    return false;
  };

  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    current = b;
    const text = b.text;
    if (KEY.test(text)) {
      out.keyDecision = true;
      continue;
    }
    const rm = REASONS.exec(text);
    if (rm && text.length < 200 + rm[0].length) {
      state = "reasons";
      const rest = text.slice(rm[0].length).trim();
      if (rest) out.reasons.push(rest);
      continue;
    }
    if (useGaps && b.gapBefore >= 4) {
      if (state === "narrative" && !clausesSeen) state = "resolved";
      else if (state === "resolved" && clausesSeen) state = "reasons";
    }
    const strict = hasMarker ? RESOLVED_STRICT.exec(text) : null;
    if (strict) {
      state = "resolved";
      afterPreamble = false;
      paraNumber = strict[1] ? strict[1].trim() : null;
      const rest = text.slice(strict[0].length).trim();
      if (!rest) continue;
      if (takeClauseBlock(rest)) continue;
      if (/:-?$/.test(rest)) {
        pendingPreamble = { ...b, text: rest };
        afterPreamble = true;
        builder.levels = [];
        continue;
      }
      builder.addUnlabelled(decisionText(rest));
      clausesSeen = true;
      continue;
    }
    if (state === "resolved") {
      // "(a)<TAB>That ...": a clause whose label sits in its own column is not a table row.
      const labelRow =
        b.cellTexts?.length === 2 && /^(?:\(?[a-z]{1,4}\)|[a-z]{1,4}\.|\(\d{1,3}\))$/i.test(b.cellTexts[0]);
      if (b.cells && !labelRow) {
        // One note per table: consecutive rows extend the previous note's span.
        const prev = out.diagnostics[out.diagnostics.length - 1];
        if (prev?.message.startsWith("table inside") && prev.span && b.start - prev.span.endLine <= 2)
          prev.span.endLine = b.end;
        else note(b, `table inside a resolution (after clause ${builder.last?.label ?? "-"}) not kept in clause text`);
        continue;
      }
      if (/^[[(]/.test(text) && !readLabel(text)) {
        state = "after";
        continue;
      }
      if (nextParagraph(text)) {
        state = "after";
        continue;
      }
      const lab = readLabel(text);
      if (
        lab &&
        lab.kind === "number" &&
        /^\d{1,3}\.\s/.test(text) &&
        builder.levels[0] &&
        builder.levels[0].kind !== "number"
      ) {
        state = "after"; // the next numbered paragraph of the narrative
        continue;
      }
      if (takeClauseBlock(text)) continue;
      if (/^(?:and|or)\s*[;,:]?$/i.test(text)) continue; // "And;" between two lists
      // A subheading or "In addition:" between the clauses of one list.
      const nextLabel = bi + 1 < blocks.length ? readLabel(blocks[bi + 1].text) : null;
      if (nextLabel && (/:-?$/.test(text) || (text.length < 80 && !endsTerminal(text)))) {
        if (!clausesSeen) pendingPreamble = b;
        else if (
          /:-?$/.test(text) &&
          /^(?:a|A|1|i)$/.test(nextLabel.label) &&
          builder.levels[0] &&
          builder.levels[0].kind === (nextLabel.kind === "upper" ? "letter" : nextLabel.kind)
        ) {
          // The lettering starts again under a new lead-in: a second list.
          builder.startGroup(pendingPreamble ? pendingPreamble.text : null, text, nextLabel.kind);
          pendingPreamble = null;
        }
        continue;
      }
      const last = builder.last;
      // "• Agrees ...": a bulleted resolution without a letter.
      if (b.bulleted && !startsLower(text)) {
        builder.addUnlabelled(text);
        clausesSeen = true;
        continue;
      }
      if (
        last &&
        !endsTerminal(last.text) &&
        (startsLower(text) || /[,]$|\b(?:the|of|and|to|in|for|a|an|be)$/.test(last.text))
      ) {
        last.text = `${last.text} ${text}`;
        continue;
      }
      if (last && startsLower(text)) {
        note(
          b,
          `text after the sub-clauses of clause ${builder.levels[0] ? (builder.top[builder.top.length - 1].label ?? "") : ""} not kept in clause text: "${text.slice(0, 80)}"`,
        );
        continue;
      }
      if (!clausesSeen) {
        if (/:-?$/.test(text)) {
          pendingPreamble = b;
          afterPreamble = true;
          continue;
        }
        builder.addUnlabelled(text);
        clausesSeen = true;
        continue;
      }
      // After "RESOLVED that:" every paragraph up to the next narrative paragraph is a resolution.
      if (useGaps || afterPreamble) {
        builder.addUnlabelled(text);
        continue;
      }
      state = "after";
      continue;
    }
    if (state === "reasons") {
      if (/^[[(]/.test(text) && /[\])]\.?$/.test(text)) {
        state = "after";
        continue;
      }
      const prev = out.reasons.length ? out.reasons[out.reasons.length - 1] : null;
      if (prev !== null && !endsTerminal(prev) && (startsLower(text) || b.gapBefore <= 1)) {
        out.reasons[out.reasons.length - 1] = `${prev} ${text}`;
        continue;
      }
      out.reasons.push(text);
    }
  }
  if (pendingPreamble && !clausesSeen) {
    // "RESOLVED that the Council:" with nothing lettered after it: the preamble is the resolution.
    const p: Block = pendingPreamble;
    builder.addUnlabelled(p.text);
    note(p, "resolution ends with a colon but no clauses follow");
  }
  out.resolutions = builder.top;
  if (hasMarker && !builder.top.length && blocks.length)
    out.diagnostics.push({
      level: "warning",
      message: "RESOLVED printed but no resolution text found after it",
      span: spanOf(blocks[0], pageOf(blocks[0].start)),
    });
  return out;
}
