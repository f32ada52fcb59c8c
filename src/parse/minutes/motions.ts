/**
 * Decisions in minutes that print no RESOLVED: parish and town councils (and some committees) record
 * them as motions and agreements in running text. Read here, in order, as unlabelled clauses:
 *  - a motion proposed and seconded ("Cllr A proposed X, seconded by Cllr B. Unanimously agreed",
 *    "Proposed by Cllr A, seconded by Cllr B - agreed"), with the outcome sentences that follow it;
 *    a motion recorded as lost, withdrawn or not seconded is not a decision;
 *  - an agreement stated by the meeting ("It was agreed that ...", "Councillors agreed to ...",
 *    "Parish Councillors voted to support the application");
 *  - the previous minutes confirmed ("The minutes of the meeting held on ... were confirmed as a
 *    true record").
 * Only used where the minutes have no RESOLVED anywhere: where they do, the RESOLVED clauses are the
 * decisions and motions are the debate before them. Pure.
 */
import type { Clause } from "../../model/parse-v1";

/** Sentence ends: ". " before a capital, except after an honorific, an initial or "No.". */
function sentences(text: string): string[] {
  const t = text.length > 20000 ? text.slice(0, 20000) : text;
  const out: string[] = [];
  let start = 0;
  const re = /[.!?]["”’)]?\s+(?=["“‘(]?[A-Z0-9£])|\s[–—-]\s(?=[A-Z][a-z]+ly\s+agreed\b|Agreed\b|Carried\b)/g;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const before = t.slice(Math.max(0, m.index - 12), m.index + 1);
    if (/\b(?:Mr|Mrs|Ms|Dr|Cllr|Cllrs|St|No|Nos|Rev|Revd|Prof|ie|eg|i\.e|e\.g|approx|etc|[A-Z])\.$/.test(before))
      continue;
    out.push(t.slice(start, m.index + 1).trim());
    start = m.index + m[0].length;
  }
  out.push(t.slice(start).trim());
  return out.filter(Boolean);
}

const PROPOSED = /\bproposed\b|\bmoved\b/i;
const SECONDED = /\bseconded\b/i;
const FAILED =
  /\b(?:(?:motion|proposal|amendment)\s+(?:was\s+)?(?:lost|defeated|fell|failed|withdrawn|rejected)|not\s+(?:carried|agreed|seconded)|no\s+seconder|was\s+lost|(?:were|was)\s+not\s+in\s+favour)\b/i;
const OUTCOME =
  /^(?:(?:it\s+was\s+|this\s+was\s+|motion\s+|proposal\s+)?(?:\w+\s+)?(?:agreed|carried|approved|resolved)\b|unanimous(?:ly)?\b|all\s+(?:in\s+)?(?:agreed|agreement|in\s+favour)\b|\d+\s+(?:votes?\s+)?(?:for|in\s+favour)\b|(?:votes?\s+)?for\s*:?\s*\d+|agreed\b|carried\b)/i;
const AGREEMENT =
  /^(?:(?:following\s+(?:a\s+)?(?:discussion|debate)|after\s+(?:some\s+)?discussion)\s*,?\s*)?(?:it\s+was\s+(?:\w+\s+)?(?:agreed|resolved|decided)\b|resolved\s+(?:unanimously\s+)?(?:to|that)\b|(?:the\s+|all\s+)?(?:parish\s+|town\s+|present\s+)?(?:council(?:lors)?|members|committee|panel|meeting)\s+(?:\w+\s+)?(?:agreed|resolved|decided|voted)\s+(?:that|to|unanimously|in\s+favour|not\s+to)\b)/i;
const MINUTES_CONFIRMED =
  /\bminutes\b.{0,160}?\b(?:were|was|be|been|are)\s+(?:\w+\s+)?(?:confirmed|approved|agreed|accepted|adopted|signed)\b.{0,60}?\b(?:true|correct|accurate)\s+record\b/i;

/** A proposal whose own words say nothing but who moved it ("Proposed by A, seconded by B"). */
function bareProposal(s: string): boolean {
  return /^(?:it\s+was\s+)?proposed\s+by\b/i.test(s) && !/\bthat\b/i.test(s);
}

/** The decisions in an item's paragraphs, as unlabelled clauses in order. */
export function readMotions(paragraphs: string[]): Clause[] {
  const out: Clause[] = [];
  for (const p of paragraphs) {
    const ss = sentences(p);
    for (let i = 0; i < ss.length; i++) {
      const s = ss[i];
      if (PROPOSED.test(s) && (SECONDED.test(s) || /^seconded\b/i.test(ss[i + 1] ?? ""))) {
        let text = s;
        let j = i + 1;
        // "Proposed by A." "Seconded by B."
        if (!SECONDED.test(s) && j < ss.length) text += ` ${ss[j++]}`;
        if (bareProposal(s) && i > 0 && !out.some((c) => c.text.endsWith(ss[i - 1]))) text = `${ss[i - 1]} ${text}`;
        let failed = FAILED.test(text);
        // The outcome sentences: short vote counts and verdicts, or an agreement restating it.
        while (j < ss.length && (OUTCOME.test(ss[j]) || AGREEMENT.test(ss[j]) || FAILED.test(ss[j]))) {
          if (ss[j].split(" ").length > 25) break;
          if (FAILED.test(ss[j])) failed = true;
          text += ` ${ss[j]}`;
          j++;
        }
        if (!failed) out.push({ label: null, text: tidy(text), children: [] });
        i = j - 1;
        continue;
      }
      const agreed = agreementIn(s);
      if (agreed !== null) out.push({ label: null, text: tidy(agreed), children: [] });
      // "The payments listed were approved, carried unanimously.": what was decided, then its verdict.
      else if (TRAILING_VERDICT.test(s) && !FAILED.test(s) && s.split(" ").length >= 5)
        out.push({ label: null, text: s.replace(TRAILING_VERDICT, ".").replace(/\s+/g, " ").trim(), children: [] });
    }
  }
  return out;
}

/**
 * The agreement a sentence states, or null. A sentence that opens with a sub-item heading ("9.6
 * Reporting Policy Councillors agreed to defer ...") is read from the capitalised word where the
 * agreement starts.
 */
function agreementIn(s: string): string | null {
  if (AGREEMENT.test(s) || MINUTES_CONFIRMED.test(s)) return s;
  if (!/^\d{1,2}(?:\.\d{1,2})+\.?\s/.test(s)) return null;
  for (let i = s.indexOf(" "); i > 0 && i < 100; i = s.indexOf(" ", i + 1)) {
    const rest = s.slice(i + 1);
    if (/^[A-Z]/.test(rest) && AGREEMENT.test(rest)) return rest;
  }
  return null;
}

function tidy(s: string): string {
  return decisionText(s.replace(/\s+/g, " ").trim());
}

/** Who moved it, as printed: "Cllr A Smith", "Councillor Jones", "the Chairman", "Mrs B Lee". */
const MOVER = "[^,;.]{2,60}?";
/** How the vote went, as printed after "carried" / "agreed". */
const HOW = String.raw`(?:\s+(?:unanimously|nem\.?\s*con\.?|by\s+(?:a\s+)?(?:majority|\d+\s+votes?\s+to\s+\d+)(?:\s+votes?)?))?(?:\s*\([^()]{0,80}\))?`;
/** The formula before what was decided: "It was RESOLVED", "Proposed by A, seconded by B and carried unanimously". */
const FORMULA = new RegExp(
  String.raw`^(?:it\s+was\s+(?:\w+ly\s+)?(?:resolved|agreed|decided)${HOW}|(?:it\s+was\s+)?proposed\s+by\s+${MOVER},?\s+(?:and\s+)?seconded\s+by\s+${MOVER},?\s+(?:and\s+)?(?:it\s+was\s+)?(?:carried|agreed|resolved|approved)${HOW}|${MOVER}\s+proposed\s*,?\s+(?:and\s+${MOVER}\s+seconded|seconded\s+by\s+${MOVER},?)(?:\s*,?\s+and\s+(?:it\s+was\s+)?(?:carried|agreed|resolved|approved)${HOW})?)\s*[:,–—-]?\s*(?=(?:that|to)\s)`,
  "i",
);
/**
 * The verdict printed after what was decided: "; all agreed", ", carried unanimously", " - agreed",
 * "; 4 for, 2 against, 1 abstention".
 */
const TRAILING_VERDICT =
  /\s*[;,–—-]\s*(?:(?:this\s+was\s+|and\s+)?(?:all\s+(?:agreed|in\s+favour)|(?:unanimously\s+)?(?:agreed|carried|approved)(?:\s+unanimously|\s+nem\.?\s*con\.?|\s+by\s+(?:a\s+)?majority)?|unanimous(?:ly)?|nem\.?\s*con\.?)|\d{1,3}\s+(?:votes?\s+)?(?:for|in\s+favour)\s*[,;]?\s*(?:and\s+)?\d{1,3}\s+against(?:\s*[,;]?\s*(?:and\s+|with\s+)?\d{1,3}\s+abst(?:ain(?:ed|ing)?|entions?))?)\s*\.?$/i;
/** A vote count printed after the decision: ". (5 for, 1 against, 1 abstention)". */
const TRAILING_VOTE = /[.;]?\s*\((?:[^()]*\b(?:for|against|abstentions?|unanimous(?:ly)?|in\s+favour)\b[^()]*)\)\.?$/i;

/**
 * What a decision sentence decides, without the formula that records it: "It was RESOLVED that X",
 * "Proposed by Cllr A, seconded by Cllr B and carried unanimously that X" and "RESOLVED: that X. (5
 * for, 1 against)" all decide "that X". A sentence without such a formula is kept whole.
 */
export function decisionText(s: string): string {
  let t = s;
  const f = FORMULA.exec(t);
  if (f) t = t.slice(f[0].length);
  if (/\b(?:for|against)\b/i.test(t)) t = t.replace(TRAILING_VOTE, ".");
  // Only a decision read out of its formula loses its verdict: a sentence kept whole keeps its words.
  if (f) t = t.replace(TRAILING_VERDICT, ".");
  return t.trim();
}
