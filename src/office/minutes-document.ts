// The recorded minutes (model/minutes.ts) as the parse/v1 meeting the renderer prints (render/), so
// authored minutes come out in the same conventions as the papers Minutebook reads, and Minutebook's
// own parser reads them back. Two projections: the full minutes (exempt items in full, for members and
// officers entitled to them) and the public minutes, where an exempt item keeps only its title, its
// Schedule 12A paragraphs and its public summary (s100C(2)). Motions, amendments, votes, the urgency
// reason and the recommendation-to-resolution verdict become the minute's narrative. Pure.
import type { MinuteItem, MinutesRecord, Motion } from "../model/minutes";
import { DECLARATION_LABELS } from "../model/minutes";
import type { Clause, Meeting, Minute } from "../model/parse-v1";
import type { MeetingDoc, MinuteProse } from "../render/types";
import { resolutionDiff, VERDICT_TEXT } from "./resolution-diff";

export type MeetingMeta = {
  body: string;
  authority: string | null;
  date: string;
  location: string | null;
};

/**
 * "(a) That …" lines as lettered clauses; unlettered lines are clauses without a label. A line indented
 * (two spaces a level) is a sub-clause of the line above it ("(i) Upper limit …" under "(l) That …").
 */
export function clausesOf(resolution: string | null): Clause[] {
  if (!resolution) return [];
  const root: Clause[] = [];
  const stack: { depth: number; children: Clause[] }[] = [{ depth: -1, children: root }];
  for (const raw of resolution.split(/\n+/)) {
    if (!raw.trim()) continue;
    const depth = Math.floor((/^ */.exec(raw)?.[0].length ?? 0) / 2);
    const l = raw.trim();
    const m = /^\(?([a-z]{1,2}|[ivx]{1,5}|\d{1,2})\)\s+(.*)$/i.exec(l);
    const text = (m ? m[2] : l).replace(/[;.]\s*(and)?\s*$/i, "").trim();
    const clause: Clause = { label: m ? m[1] : null, text, children: [] };
    while (stack.length > 1 && stack[stack.length - 1].depth >= depth) stack.pop();
    stack[stack.length - 1].children.push(clause);
    stack.push({ depth, children: clause.children });
  }
  return root;
}

const list = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;

/** One sentence for a motion or amendment, its mover and seconder, and how it was decided. */
export function motionSentence(m: Motion): string {
  const what = m.kind === "amendment" ? "An amendment" : "A motion";
  const seconded = m.seconder ? ` and seconded by ${m.seconder}` : "";
  const c = m.counts;
  const counts = c ? ` (${c.for} for, ${c.against} against, ${c.abstain} abstention${c.abstain === 1 ? "" : "s"})` : "";
  const verb = m.outcome === "withdrawn" ? "was withdrawn" : `was put to the vote and ${m.outcome}${counts}`;
  return `${what} was moved by ${m.mover}${seconded}: "${m.text.replace(/\s+/g, " ").trim()}". The ${m.kind} ${verb}.`;
}

export function recordedVoteSentence(m: Motion): string | null {
  if (!m.recorded.length) return null;
  const by = (v: string) => m.recorded.filter((r) => r.vote === v).map((r) => r.member);
  const parts = [
    `For the ${m.kind}: ${list(by("for")) || "none"}`,
    `Against: ${list(by("against")) || "none"}`,
    `Abstaining: ${list(by("abstain")) || "none"}`,
  ];
  return `A recorded vote was taken on the ${m.kind}. ${parts.join(". ")}.`;
}

const isDeclarationsItem = (i: MinuteItem) => /^declarations? of interest/i.test(i.title);

function narrative(item: MinuteItem): string[] {
  const out: string[] = [];
  if (item.urgencyReason)
    out.push(`The Chairman agreed to take this item as urgent because ${item.urgencyReason.replace(/\.$/, "")}.`);
  out.push(
    ...item.minuteText
      .split(/\n+/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
  for (const m of item.motions) {
    out.push(motionSentence(m));
    const r = recordedVoteSentence(m);
    if (r) out.push(r);
  }
  if (item.resolution && item.recommendation) {
    out.push(`${VERDICT_TEXT[resolutionDiff(item.recommendation, item.resolution).verdict]}.`);
  }
  return out;
}

export function toMeetingDoc(meta: MeetingMeta, rec: MinutesRecord, opts: { publicOnly: boolean }): MeetingDoc {
  const chair = rec.attendance.find((a) => a.chair)?.name ?? null;
  const present = rec.attendance
    .filter((a) => a.kind === "present" || a.kind === "substitute" || a.kind === "remote")
    .map((a) => a.name);
  const apologies = rec.attendance.filter((a) => a.kind === "apologies").map((a) => a.name);
  const officers = rec.attendance.filter((a) => a.kind === "officer");
  const notes: Record<string, string> = {};
  for (const o of officers) if (o.role) notes[o.name] = o.role;
  const proseMinutes: Record<string, MinuteProse> = {};
  // Declarations are printed under the "Declarations of interest" minute, by the item they concern.
  const allDeclarations = rec.items.flatMap((i) => i.declarations.map((d) => ({ d, item: i.agendaItem ?? i.number })));
  const declItem = rec.items.find(isDeclarationsItem);
  const minutes: Minute[] = rec.items.map((item) => {
    const exempt = item.exemptParagraphs.length > 0;
    const hidden = exempt && opts.publicOnly;
    const base: Minute = {
      number: item.number,
      agendaItem: null,
      title: item.title,
      declarations: [],
      resolutions: hidden ? [] : clausesOf(item.resolution),
      keyDecision: item.keyDecision ? true : null,
      reasons: hidden
        ? []
        : item.reasons
            .split(/\n+/)
            .map((s) => s.trim())
            .filter(Boolean),
      exemptParagraphs: item.exemptParagraphs,
      span: { startLine: 1, endLine: 1, page: null },
    };
    if (item === declItem) {
      base.declarations = allDeclarations.map(({ d, item: at }) => ({
        member: d.member,
        interest: DECLARATION_LABELS[d.kind].replace(/^an? /, ""),
        item: at,
      }));
      proseMinutes[item.number] = {
        capacities: allDeclarations.map(({ d }) =>
          [
            d.nature,
            d.leftRoom ? "and left the room for that item" : "",
            d.dispensation ? `(dispensation: ${d.dispensation})` : "",
          ]
            .filter(Boolean)
            .join(" ")
            .replace(/\.$/, ""),
        ),
        narrative: [],
      };
    } else {
      proseMinutes[item.number] = {
        narrative: hidden
          ? [item.publicSummary ?? "This item was considered in private. The minute is not for publication."]
          : narrative(item),
      };
    }
    return base;
  });
  const record: Meeting = {
    body: meta.body,
    authority: meta.authority,
    date: meta.date,
    time: rec.startTime,
    location: meta.location,
    contact: null,
    membership: [],
    agenda: [],
    attendance: rec.attendance.length ? { chair, present, apologies, inAttendance: officers.map((o) => o.name) } : null,
    minutes,
    reports: [],
    nextMeeting: null,
    span: { startLine: 1, endLine: 1, page: null },
  };
  return { record, prose: { minutes: proseMinutes, attendanceNotes: notes } };
}
