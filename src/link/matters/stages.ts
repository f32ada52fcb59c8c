/**
 * The subject of a title without its stage: "Integrated Commissioning of Mental Health Recovery and
 * Resilience Services - Outcome of Consultation", "Final Report of the Scrutiny Review Panel on Help
 * to Live at Home", "Update on Archives …", "2018/19 … Funding Proposals" name the same subject at a
 * later or earlier stage. A title gives one or more cores (lemma lists): the whole title with stage
 * words taken off, and, when a dash or colon splits it into a subject and a stage, the subject part;
 * each carries the reference codes the title prints (titleRefs). Pure.
 */
import { lemmas } from "./lemma";

/** Openings that name a stage, not a subject ("Final Report of the Scrutiny Review Panel on …"). */
const STAGE_OPENINGS = [
  /^final report of (?:the )?(?:scrutiny )?(?:review )?panel on /,
  /^final report of (?:the )?/,
  /^(?:further |progress )?updates? (?:on|to|regarding) (?:the )?/,
  /^progress (?:report )?(?:on|with) (?:the )?/,
  /^outcome of (?:the )?consultation on (?:the )?(?:proposals? for )?(?:changes? (?:in|to) )?(?:the )?/,
  /^consultation on (?:the )?(?:proposals? for )?(?:changes? (?:in|to) )?(?:the )?/,
  /^proposals? for (?:the )?/,
  /^draft /,
  /^revised /,
  /^(?:annual|interim|quarterly) (?:report|review) (?:of|on) (?:the )?/,
  /^report (?:of|on) (?:the )?/,
  /^(?:future )?strategy for the delivery of /,
  /^review of (?:the )?/,
  /^(?:the )?delivery of (?:the )?/,
];

/** Words that end a title as its stage ("… Refresh", "… Proposals", "… Business Case"). */
const STAGE_ENDINGS = [
  / (?:outcome of consultation|consultation outcome|final report|business case|refresh|proposals?|update|progress report|consultation|final submission|position statement)$/,
];

/** A part after a dash or colon that is a stage ("Outcome of Consultation", "Joint Statement of Co-operation"). */
const STAGE_PART =
  /^(?:confirmation|consideration|outcome|update|joint statement|statement|development of a business case|position|progress|approval|final|refresh|results?|response|consultation|proposals?|decision|next steps)\b/;

/** Years, year ranges, quarters and months: "2017/18", "2017-21", "2014/15", "Quarter 3", "November 2023". */
const DATES =
  /\b(?:(?:19|20)\d\d(?:\s*[/–—-]\s*(?:19|20)?\d\d)?|quarter \d|q[1-4]|(?:january|february|march|april|may|june|july|august|september|october|november|december)(?: (?:19|20)\d\d)?)\b/g;

function clean(title: string): string {
  return title
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[‘’“”"']/g, "")
    .replace(DATES, " ")
    .replace(/\s+(?:to|and|-|–)\s*$/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function strip(part: string): string {
  let s = part.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of STAGE_OPENINGS) {
      const next = s.replace(re, "");
      if (next !== s && next.trim()) {
        s = next.trim();
        changed = true;
      }
    }
    for (const re of STAGE_ENDINGS) {
      const next = s.replace(re, "");
      if (next !== s && next.trim()) {
        s = next.trim();
        changed = true;
      }
    }
  }
  return s;
}

export type Core = { lemmas: string[]; key: string; from: "title" | "subject-part" };

/**
 * Reference codes a title prints: planning application, forward plan and decision numbers
 * ("/0286/11", "24/00096", "FP/2017/012", "P/21/0456/FUL"), digits joined by "/" that are not a year
 * range ("2017/18") or a date ("10/02/2017"). Two titles with different codes are different matters
 * however alike their words ("Application No. /0024/08 – Construction of …" beside "… /0033/12 – …").
 */
export function titleRefs(title: string): string[] {
  const out: string[] = [];
  for (const m of title.matchAll(/(?<![\w/])[A-Za-z]{0,5}\/?\d{1,6}(?:\/\d{1,6})+(?:\/[A-Za-z]{1,5})?(?![\w/])/g)) {
    const code = m[0].toLowerCase();
    if (/^(?:19|20)\d\d\/\d\d$/.test(code) || /^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(code)) continue;
    out.push(`#${code.replace(/^\//, "")}`);
  }
  return [...new Set(out)];
}

/**
 * The cores of a title: its whole subject, and, when a separator splits off a stage, the subject
 * part alone. `drop` removes the council's own place words ("leicestershire").
 */
export function cores(title: string, drop: (lemma: string) => boolean = () => false): Core[] {
  const out = titleCores(title, drop);
  // "National Performance Benchmarking 2022/23 and Performance Report 2023/24": two papers, each
  // with its own year, joined in one item; each names a subject of its own, so each is a core too.
  const dated = datedHalves(title);
  if (dated)
    for (const half of dated)
      for (const c of titleCores(half, drop))
        if (!out.some((o) => o.key === c.key)) out.push({ ...c, from: "subject-part" });
  return out;
}

/** "A 2022/23 and B 2023/24": a title whose first half ends with a year and whose second half has words. */
const DATED_PAIR = /^(.*?[a-z].*?\b(?:19|20)\d\d(?:\s*[/–—-]\s*(?:19|20)?\d\d)?)\s+and\s+(.*?[A-Za-z]{3,}.*)$/i;

/** The two halves of "A 2022/23 and B 2023/24", or null when the title is not two dated papers. */
export function datedHalves(title: string): [string, string] | null {
  const m = DATED_PAIR.exec(title);
  return m ? [m[1], m[2]] : null;
}

function titleCores(title: string, drop: (lemma: string) => boolean): Core[] {
  const t = clean(title);
  const refs = titleRefs(title);
  const out: Core[] = [];
  const add = (text: string, from: Core["from"]) => {
    // A title's reference codes belong to every core of it, so titles with different codes never share one.
    const words = lemmas(strip(text)).filter((l) => !drop(l));
    const ls = words.length ? [...words, ...refs] : words;
    if (!ls.length) return;
    const key = ls.join(" ");
    if (!out.some((c) => c.key === key)) out.push({ lemmas: ls, key, from });
  };
  const parts = t
    .split(/\s+[-–—]\s+|:\s+|\s+[-–—]$/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length > 1) {
    const subject = parts.filter((p) => !STAGE_PART.test(strip(p)) && !STAGE_PART.test(p));
    const stage = parts.filter((p) => STAGE_PART.test(p) || STAGE_PART.test(strip(p)));
    if (stage.length && subject.length) {
      for (const p of subject) add(p, "subject-part");
      return out;
    }
    // "Working Together to Build Great Communities: Draft Communities Strategy": both halves name it.
    add(parts.join(" "), "title");
    for (const p of parts) add(p, "subject-part");
    return out;
  }
  add(t, "title");
  return out;
}

/** Whether a part of a title after a dash or colon is a stage ("Position at Quarter 2", "Outcome of Consultation"). */
export function isStagePart(part: string): boolean {
  const p = clean(part);
  return STAGE_PART.test(p) || STAGE_PART.test(strip(p));
}

/** The stage words a title carries, as printed, for saying why two titles are one matter. */
export function stageOf(title: string): string | null {
  const t = clean(title);
  const parts = t.split(/\s+[-–—]\s+|:\s+/);
  const tail = parts.length > 1 ? parts.slice(1).find((p) => STAGE_PART.test(p)) : undefined;
  if (tail) return tail;
  for (const re of STAGE_OPENINGS) {
    const m = t.match(re);
    if (m) return m[0].trim();
  }
  for (const re of STAGE_ENDINGS) {
    const m = t.match(re);
    if (m) return m[0].trim();
  }
  return null;
}
