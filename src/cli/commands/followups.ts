/**
 * `minutebook followups [--json] [--db FILE] [--committee X] [--today DATE] [--from-files PATH...]`:
 * promises of later action in resolutions (a further report, an update, a report back) with their
 * due date or meeting and whether a later item met them, plus referrals to other bodies. From the
 * store, what import stored (the state set for --today); from files, the linkers run on them now.
 */
import { type FollowUp, findFollowUps, findReferrals, type Referral } from "../../link/index";
import { sameBody } from "../../link/referrals/bodies";
import { parseOptions, UsageError } from "../args";
import type { Command } from "../main";
import { loadInput, SOURCE_OPTIONS, withStoredLinks } from "./topics";

const usage =
  "minutebook followups [--json] [--committee NAME] [--today YYYY-MM-DD] [--db FILE | --from-files PATH... [--no-text]]";

function matchesCommittee(name: string, wanted: string): boolean {
  return name.toLowerCase().includes(wanted.toLowerCase()) || sameBody(name, wanted);
}

export function formatFollowUps(followUps: FollowUp[], referrals: Referral[]): string {
  const out: string[] = [`${followUps.length} follow-up${followUps.length === 1 ? "" : "s"}`];
  for (const f of followUps) {
    const due = f.dueAsPrinted ? `due ${f.dueAsPrinted}${f.dueBy ? ` (by ${f.dueBy})` : ""}` : "no due date";
    out.push(
      "",
      `[${f.status.toUpperCase()}] ${f.from.body}, ${f.from.date ?? "undated"}, ${f.from.ref}: ${f.promise} to ${f.dueBody}, ${due}`,
      `   "${f.from.text}"`,
    );
    if (f.metBy)
      out.push(
        `   met by ${f.metBy.ref} "${f.metBy.title}" (${f.metBy.body}, ${f.metBy.date}${f.metBy.late ? ", late" : ""}) — shares "${f.metBy.phrases[0]}"`,
      );
  }
  out.push("", `${referrals.length} referral${referrals.length === 1 ? "" : "s"}`);
  for (const r of referrals) {
    const when = r.to.date ?? r.to.dateAsPrinted ?? "date not given";
    out.push(
      `   ${r.from.body}, ${r.from.date ?? "undated"}, ${r.from.ref}: ${r.verb} ${r.to.body} ${when}${r.to.stub ? " (stub: no such meeting in the input)" : ` → ${r.to.meetingKey}`}`,
    );
  }
  return out.join("\n");
}

export const command: Command = {
  summary:
    "Promised follow-up actions (further reports, updates) and whether a later meeting met them; referrals to other bodies.",
  usage,
  async run(argv) {
    const { values, positionals } = parseOptions(
      argv,
      { ...SOURCE_OPTIONS, committee: { type: "string" }, today: { type: "string" } },
      usage,
    );
    const today = values.today ?? new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today expects YYYY-MM-DD\nusage: ${usage}`);
    const committee = values.committee;
    let followUps: FollowUp[];
    let referrals: Referral[];
    if (values["from-files"]) {
      const input = await loadInput({ fromFiles: true, text: !values["no-text"] }, positionals, usage);
      followUps = findFollowUps(input, { today });
      referrals = findReferrals(input);
    } else {
      // What import stored (the portal reads the same); each follow-up's state set for --today.
      ({ followUps, referrals } = await withStoredLinks(values.db, positionals, usage, async (repo) => ({
        followUps: (await repo.links.followUps()).map((f) => {
          const raw = f.raw as FollowUp;
          const status: FollowUp["status"] = raw.metBy ? "met" : raw.dueBy && raw.dueBy < today ? "overdue" : "open";
          return { ...raw, status };
        }),
        referrals: (await repo.links.referrals()).map((r) => r.raw as Referral),
      })));
    }
    if (committee) {
      followUps = followUps.filter(
        (f) => matchesCommittee(f.from.body, committee) || matchesCommittee(f.dueBody, committee),
      );
      referrals = referrals.filter(
        (r) => matchesCommittee(r.from.body, committee) || matchesCommittee(r.to.body, committee),
      );
    }
    if (values.json) process.stdout.write(`${JSON.stringify({ today, followUps, referrals }, null, 1)}\n`);
    else process.stdout.write(`${formatFollowUps(followUps, referrals)}\n`);
    return 0;
  },
};
