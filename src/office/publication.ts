// The publication check (officer-side note R1, R2, R4, R13) as one pure function over what is about to be
// published and the instant it would be: refuses ("block") what Minutebook itself would otherwise publish
// unlawfully (exempt text in the public pack, an uncleared report, a late item without the chair's
// urgency reason, a meeting already past); flags ("flag") an agenda published with fewer than 5 clear days
// (3 for parish councils) with the days counted, for the officer to confirm; otherwise "ok".

import { clearDays, type NoticePolicy, REQUIRED_CLEAR_DAYS } from "./clear-days";
import { type IsoDate, londonDate } from "./dates";

export type PublicationInput = {
  meetingDate: IsoDate;
  policy: NoticePolicy;
  /** The instant of publication. */
  at: Date;
  /** Whether this is the first publication (an agenda) or a supplement with items added since. */
  supplement: boolean;
  items: readonly { number: string; title: string; late: boolean; urgencyReason: string | null }[];
  reports: readonly { title: string; cleared: boolean }[];
  /** The text of the public pack as it would be published (its extracted lines will do). */
  publicText: string;
  /** Every exempt passage of the reports on the agenda. */
  exemptTexts: readonly string[];
};

export type Problem = { level: "block" | "flag"; message: string };

export type PublicationCheck = {
  outcome: "ok" | "flag" | "block";
  required: number;
  clearDays: number;
  countedDays: IsoDate[];
  latestPublicationDate: IsoDate;
  publishedOn: IsoDate;
  problems: Problem[];
};

const squash = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9£%]+/g, " ")
    .trim();

/**
 * The exempt passages whose words appear in `publicText`: each passage is cut into runs of 8 words (a
 * sentence, not a common phrase), and any run found in the public text counts as a leak.
 */
export function leakedPassages(publicText: string, exemptTexts: readonly string[]): string[] {
  const hay = ` ${squash(publicText)} `;
  const out: string[] = [];
  for (const t of exemptTexts) {
    const words = squash(t).split(" ").filter(Boolean);
    if (!words.length) continue;
    const runs: string[] = [];
    if (words.length <= 8) runs.push(words.join(" "));
    else for (let i = 0; i + 8 <= words.length; i += 4) runs.push(words.slice(i, i + 8).join(" "));
    if (runs.some((r) => (r.split(" ").length >= 3 || words.length <= 8) && hay.includes(` ${r} `))) out.push(t);
  }
  return out;
}

export function publicationCheck(input: PublicationInput): PublicationCheck {
  const calc = clearDays(input.policy);
  const required = REQUIRED_CLEAR_DAYS[input.policy];
  const publishedOn = londonDate(input.at);
  const clear = publishedOn < input.meetingDate ? calc.clearDaysBetween(publishedOn, input.meetingDate) : 0;
  const counted = publishedOn < input.meetingDate ? calc.countedDays(publishedOn, input.meetingDate) : [];
  const latest = calc.latestPublicationDate(input.meetingDate, required);
  const problems: Problem[] = [];
  if (publishedOn >= input.meetingDate)
    problems.push({ level: "block", message: `The meeting on ${input.meetingDate} has already begun or passed` });
  for (const r of input.reports)
    if (!r.cleared) problems.push({ level: "block", message: `“${r.title}” has not been cleared for publication` });
  for (const i of input.items)
    if (i.late && !i.urgencyReason?.trim())
      problems.push({
        level: "block",
        message: `Item ${i.number}, “${i.title}”, is late: the chair must give the reason it is urgent before it is published`,
      });
  const leaks = leakedPassages(input.publicText, input.exemptTexts);
  if (leaks.length)
    problems.push({
      level: "block",
      message: `The public pack would contain exempt text (${leaks.length} passage${leaks.length === 1 ? "" : "s"}); it cannot be published`,
    });
  // A supplement of late items each carrying the chair's urgency reason is lawful at short notice (R2).
  const allLateWithReason = input.supplement && input.items.every((i) => !i.late || !!i.urgencyReason?.trim());
  if (clear < required && publishedOn < input.meetingDate && !allLateWithReason)
    problems.push({
      level: "flag",
      message: `Published ${publishedOn}, this gives ${clear} clear day${clear === 1 ? "" : "s"} before the meeting on ${input.meetingDate}; ${required} are required (the last day to publish was ${latest})${counted.length ? `. Days counted: ${counted.join(", ")}` : ""}`,
    });
  const outcome = problems.some((p) => p.level === "block") ? "block" : problems.length ? "flag" : "ok";
  return {
    outcome,
    required,
    clearDays: clear,
    countedDays: counted,
    latestPublicationDate: latest,
    publishedOn,
    problems,
  };
}
