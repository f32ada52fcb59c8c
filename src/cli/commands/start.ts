/**
 * `minutebook start`: what `npm start` runs on a fresh clone. If the store is empty it generates the
 * fictional demo council, imports its papers through the normal pipeline (read → parse → store),
 * then serves the portal. A store that already holds meetings is served as it is.
 */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { DEMO_PASSWORD, ensureDemoAccounts } from "../../auth/demo";
import { AuthStore } from "../../auth/store";
import { demoCouncillorSeat, keepDemoReports, keepDemoStructure } from "../../demo/office";
import { importPaths } from "../../import/import-paths";
import { updateLinks } from "../../import/links";
import { londonDate } from "../../office/dates";
import { openRepository } from "../../store/open";
import { storeLocation } from "../../store/repository";
import { parseOptions, UsageError } from "../args";
import type { Command } from "../main";
import { command as demo } from "./demo";
import { command as serve } from "./serve";

const usage = "minutebook start [--db FILE] [--port N] [--host H] [--meetings N] [--seed S]";
const DEFAULT_MEETINGS = "160";

export const command: Command = {
  summary:
    "Generate and import the demo council when the store is empty, then serve the portal (default http://127.0.0.1:3000).",
  usage,
  async run(argv) {
    const { values, positionals } = parseOptions(
      argv,
      {
        db: { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        meetings: { type: "string" },
        seed: { type: "string" },
      },
      usage,
    );
    if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}\nusage: ${usage}`);
    const loc = storeLocation(values.db);
    // Work the demo left waiting, printed under the sign-in accounts.
    const waiting: string[] = [];
    const repo = await openRepository(loc, { migrate: true });
    try {
      const stats = await repo.stats();
      if (stats.meetings === 0) {
        // Demo papers live beside the SQLite file (or under data/ for PostgreSQL) so a re-run can re-import them.
        const base = loc.kind === "sqlite" ? dirname(loc.file) : "data";
        const dir = join(base, "demo");
        if (!existsSync(join(dir, "truth.json"))) {
          console.log(`The store is empty: generating the demo council into ${dir}…`);
          const code = await demo.run([
            "--meetings",
            values.meetings ?? DEFAULT_MEETINGS,
            "--out",
            dir,
            // Its own folder: a run killed part-way left some of the same files, which are rewritten.
            "--force",
            ...(values.seed ? ["--seed", values.seed] : []),
          ]);
          if (code !== 0) return code;
        }
        console.log(`Importing ${dir}…`);
        // The papers only: truth.json is the generator's answer key, not a council document.
        const papers = readdirSync(dir)
          .filter((f) => f !== "truth.json")
          .map((f) => join(dir, f));
        const summary = await importPaths(repo, papers);
        const d = summary.documents;
        const after = await repo.stats();
        console.log(
          `Imported ${d.new + d.replaced} documents (${d.unchanged} unchanged, ${d.failed} failed) in ${summary.seconds} s: the store holds ${after.meetings} meetings, ${after.agendaItems} agenda items, ${after.minutes} minutes, ${after.reports} reports.`,
        );
        for (const f of summary.failures) console.error(`  failed: ${f.file}: ${f.reason}`);
        if (d.failed) return 1;
        const now = new Date();
        const links = await updateLinks(repo, { today: now.toISOString().slice(0, 10), now: now.toISOString() });
        console.log(`Linked the meetings: ${links.topics} topics in ${links.seconds.toFixed(1)} s.`);
        // What the council keeps in Minutebook itself: committees, people, memberships, calendar, register.
        if (!(await repo.office.council())) {
          const kept = await keepDemoStructure(repo, { seed: values.seed, today: londonDate(new Date()) });
          console.log(
            `Kept ${kept.committees} committees, ${kept.people} people, ${kept.memberships} memberships, ${kept.meetings} calendar meetings and ${kept.interests} register entries.`,
          );
          if (kept.minutes)
            waiting.push(
              `  Minutes: /office/meetings/${kept.minutes.meetingId}/minutes (the last Cabinet's draft: the clerk finishes and publishes it; the next meeting approves it and its chair signs); its key decision is open to call-in: /decision-notices/${kept.minutes.noticeId}`,
            );
        }
      } else {
        console.log(`The store holds ${stats.meetings} meetings; serving it as it is.`);
      }
      // Sign-in accounts for trying the office side (local, known password, no second factor).
      // The councillor sits where the confidential papers are, as one of that committee's members.
      const seat = await demoCouncillorSeat(repo, londonDate(new Date()));
      const committees = (await repo.listCommittees()).map((c) => c.id);
      if (seat) committees.unshift(seat.committeeId);
      const auth = new AuthStore(repo.sql);
      const accounts = await ensureDemoAccounts(auth, committees, new Date());
      const councillor = await auth.localByEmail("councillor@demo.minutebook.test");
      if (seat && councillor && (await repo.office.personOfUser(councillor.userId)) === null)
        await repo.office.linkAccount(seat.personId, councillor.userId);
      console.log(`Demo sign-in (at /sign-in), password "${DEMO_PASSWORD}" for each:`);
      for (const a of accounts) {
        const as = seat && a.email === councillor?.email ? ` (${seat.committee}, as ${seat.name})` : "";
        console.log(`  ${a.email.padEnd(34)} ${a.name}: ${a.what}${as}`);
      }
      // A report waiting for clearance and a draft, for the next meeting the clerk can build an agenda for.
      const clerk = await new AuthStore(repo.sql).localByEmail("clerk@demo.minutebook.test");
      if (clerk && (await keepDemoReports(repo, clerk.userId, new Date())))
        console.log(
          "  Reports and agendas: /office/reports (a report awaits clearance; the clerk builds the next agenda)",
        );
      for (const w of waiting) console.log(w);
      process.env.MINUTEBOOK_LOCAL_2FA ??= "optional";
    } finally {
      await repo.close();
    }
    const serveArgs = [
      ...(values.db ? ["--db", values.db] : []),
      ...(values.port ? ["--port", values.port] : []),
      ...(values.host ? ["--host", values.host] : []),
    ];
    return serve.run(serveArgs);
  },
};
