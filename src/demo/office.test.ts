/** The demo council's kept structure: committees, dated memberships, a calendar past today and a register. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { decisionStatus } from "../office/decisions";
import { MinutesStore } from "../store/common/minutes";
import { openSqlite } from "../store/sqlite/index";
import { keepDemoStructure } from "./office";

test("the demo keeps committees, memberships, a calendar running past today and a register of interests", async () => {
  const dir = mkdtempSync(join(tmpdir(), "minutebook-demo-office-"));
  const repo = await openSqlite({ file: join(dir, "s.db") });
  try {
    const today = "2026-12-07";
    const s = await keepDemoStructure(repo, { today });
    assert.equal(s.committees, 6);
    const office = repo.office;
    const cabinet = (await office.listCommittees()).find((c) => c.name === "Cabinet")!;
    assert.equal(cabinet.kind, "executive");
    const members = await office.membersOn(cabinet.id, today);
    assert.equal(members.length, 8);
    assert.equal(members.filter((m) => m.position === "chair").length, 1);
    const future = await office.calendar({ from: today });
    assert.ok(future.length > 40, `${future.length} meetings ahead`);
    assert.ok(future.some((e) => e.date! > "2027-12-31"));
    assert.ok(future.some((e) => e.status === "cancelled") || future.some((e) => e.status === "postponed"));
    const past = await office.calendar({ from: "2025-05-01", to: today });
    assert.ok(past.every((e) => e.status === "held" && e.publishedAt));
    const councillors = await office.listPeople({ kind: "councillor" });
    assert.ok(councillors.length >= 54);
    let sensitive = 0;
    for (const c of councillors) for (const i of await office.interests(c.id, "public")) if (i.sensitive) sensitive++;
    assert.ok(sensitive >= 1, "a sensitive entry is on the register, withheld");
    assert.ok((await office.pendingInterests()).length > 0, "some entries await the monitoring officer");
    // A held Cabinet meeting with draft minutes for the clerk, and its decision in the call-in window.
    assert.ok(s.minutes, "the demo has a meeting record");
    const minutes = new MinutesStore(repo.sql);
    const draft = await minutes.draft(s.minutes.meetingId);
    assert.ok(draft && draft.record.attendance.length > 0 && draft.record.items.length > 0);
    assert.equal((await minutes.versions(s.minutes.meetingId)).length, 0, "not yet published: the clerk finishes them");
    const n = (await minutes.notice(s.minutes.noticeId))!;
    const state = decisionStatus({
      decidedOn: n.decidedOn,
      publishedAt: new Date(n.publishedAt!),
      callIns: [],
      now: new Date(`${today}T12:00:00Z`),
    }).state;
    assert.equal(state, "call-in-open");
    // The amended resolution reads as one sentence.
    const amended = draft.record.items.find((i) => i.keyDecision)!.resolution!;
    assert.match(amended, /[^.], subject to a report on progress in six months\.$/);
  } finally {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
