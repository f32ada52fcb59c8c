/**
 * Background papers read as citations of earlier reports: "Report to the Cabinet on 10 February 2017
 * on Community Speed Enforcement", "Cabinet Report – 10 February 2017, 2018/19 Schools and High
 * Needs Funding proposals", "Report to the Cabinet, 19 September 2014 - Outcome of Consultation on …".
 * Gives the body, the day and the title cited, each when printed. Pure.
 */
import { bodyAt } from "../referrals/bodies";
import { findDates } from "../referrals/dates";

export type Citation = { body: string | null; date: string | null; title: string; asPrinted: string };

const QUOTED = /[‘'“"]([^‘'“”"’]{6,})[’'”"]/;

/** The earlier report a background paper cites, or null when it names no report (an Act, a website). */
export function readCitation(paper: string, knownBodies: readonly string[] = []): Citation | null {
  const text = paper.replace(/\s+/g, " ").trim();
  const days = findDates(text).filter((d) => d.start === d.end);
  const day = days[0] ?? null;
  let body: string | null = null;
  const lower = text.toLowerCase();
  for (const b of knownBodies) {
    if (b && lower.includes(b.toLowerCase())) {
      body = b;
      break;
    }
  }
  if (!body) {
    const at = lower.search(/\bto (?:the )?[A-Z]?/i);
    const m = /\b(?:reports? (?:of the [a-z]+ )?to|to) (?:the )?/i.exec(text);
    const b = m ? bodyAt(text, m.index + m[0].length) : at >= 0 ? bodyAt(text, at + 3) : null;
    if (b) body = b.name;
    else {
      const lead = bodyAt(text, 0);
      if (lead) body = lead.name;
    }
  }
  let title = "";
  const q = QUOTED.exec(text);
  if (q) title = q[1];
  else {
    let rest = text;
    if (day) rest = rest.replace(day.raw, " ");
    if (body) rest = rest.replace(new RegExp(body.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i"), " ");
    rest = rest
      .replace(/\b(?:and )?(?:the )?minutes of (?:that|the) meeting\b/gi, " ")
      .replace(/\b(?:reports?|meeting)\b(?: (?:of|to) (?:the)?)?/gi, " ")
      .replace(/\b(?:to|on|of|the|in|at|report)\b(?=\s*(?:[–—:,.-]|$))/gi, " ")
      .replace(/^[\s–—:,.;-]*(?:(?:to|on|in|of|the|at)\b[\s–—:,.;-]*)*/i, "")
      .replace(/[\s–—:,.;-]+$/, "")
      .replace(/\s+/g, " ")
      .trim();
    title = rest;
  }
  if (!day && !body) return null;
  // Without the word "report" a paper is a citation only when it prints both a body and a day.
  if (!/\breports?\b|\bminutes?\b/i.test(text) && !(day && body)) return null;
  title = title.replace(/^["'‘“]+|["'’”]+$/g, "");
  return { body, date: day?.start ?? null, title: title.trim(), asPrinted: paper };
}
