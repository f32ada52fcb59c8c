// The quorum check: a meeting may do business only while the members present in the room reach the
// quorum its constitution sets (LGA 1972 Sch 12 para 6 for full council: a quarter of the members, and
// for committees whatever the council fixes). Voting members and substitutes in the room count;
// remote attendees do not (Hertfordshire CC v Secretary of State, 2021: "present" means in the room);
// officers, apologies and absentees do not. Pure: takes the recorded attendance.
import type { Attendee } from "../model/minutes";

export type QuorumCheck = {
  quorum: number | null;
  counted: string[];
  notCounted: { name: string; why: string }[];
  quorate: boolean;
  /** What to print on the workspace ("Quorate: 4 of 3 needed"). */
  summary: string;
};

export function quorumCheck(quorum: number | null, attendance: readonly Attendee[]): QuorumCheck {
  const counted: string[] = [];
  const notCounted: { name: string; why: string }[] = [];
  for (const a of attendance) {
    if ((a.kind === "present" || a.kind === "substitute") && a.voting) counted.push(a.name);
    else if (a.kind === "present" || a.kind === "substitute") notCounted.push({ name: a.name, why: "non-voting" });
    else if (a.kind === "remote") notCounted.push({ name: a.name, why: "attended remotely" });
    else if (a.kind === "officer") notCounted.push({ name: a.name, why: "officer" });
  }
  const unique = [...new Set(counted)];
  if (quorum === null)
    return {
      quorum,
      counted: unique,
      notCounted,
      quorate: unique.length > 0,
      summary: `${unique.length} members present; the committee has no quorum set`,
    };
  const quorate = unique.length >= quorum;
  return {
    quorum,
    counted: unique,
    notCounted,
    quorate,
    summary: `${quorate ? "Quorate" : "Not quorate"}: ${unique.length} voting member${unique.length === 1 ? "" : "s"} present in the room, ${quorum} needed`,
  };
}
