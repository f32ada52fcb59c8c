/**
 * The meeting-record part of the store contract, run on both engines (store/sqlite and store/postgres
 * tests): drafts, frozen versions the database refuses to change, approval at a later meeting of the same
 * committee, the signature chain and its verifier (a byte changed behind the store's back is named),
 * decision notices with call-ins, and pending items offered to the receiving committee.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { minutesRecord } from "../model/minutes";
import { committeeInput, meetingInput } from "../model/office";
import { decisionStatus } from "../office/decisions";
import { pendingItemsFor } from "../office/pending-items";
import type { SqlRepository } from "./common/sql-repository";
import type { Factory } from "./conformance";

export function runMinutesConformance(engine: string, factory: Factory): void {
  describe(`Minutes store conformance: ${engine}`, () => {
    let repo: SqlRepository;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ repo, cleanup } = await factory());
    });
    after(async () => {
      await cleanup();
    });

    test("drafts, frozen versions, approval, the signature chain and tampering", async () => {
      const { office, minutes } = repo;
      await office.setCouncil({ name: "Borsetshire County Council", policy: "principal" });
      const cabinet = await office.saveCommittee(
        committeeInput.parse({ name: "Cabinet", kind: "executive", quorum: "3" }),
      );
      const scrutiny = await office.saveCommittee(
        committeeInput.parse({ name: "Scrutiny Commission", kind: "scrutiny" }),
      );
      const meet = (committeeId: number, date: string) =>
        office.scheduleMeeting(meetingInput.parse({ committeeId, date }));
      const m1 = await meet(cabinet, "2027-01-12");
      const m2 = await meet(cabinet, "2027-02-09");
      const m3 = await meet(cabinet, "2027-03-09");
      const s1 = await meet(scrutiny, "2027-01-20");
      const at = new Date("2027-01-12T16:00:00Z");

      assert.equal(await minutes.draft(m1), null);
      const rec = minutesRecord.parse({
        attendance: [{ name: "Mr. J. B. Rhodes CC", kind: "present", chair: true }],
        items: [{ number: "1", title: "Library", resolution: "That the library be refurbished." }],
      });
      await minutes.saveDraft(m1, rec, null, at);
      await minutes.saveDraft(m1, { ...rec, startTime: "14:00" }, null, at);
      assert.equal((await minutes.draft(m1))!.record.startTime, "14:00");

      const v1 = await minutes.freeze(m1, { record: rec, publicText: "Minutes one\n" }, null, at);
      const v1b = await minutes.freeze(m1, { record: rec, publicText: "Minutes one, corrected\n" }, null, at);
      assert.deepEqual([v1.number, v1b.number], [1, 2]);
      assert.match(v1.sha256, /^[0-9a-f]{64}$/);
      assert.notEqual(v1.sha256, v1b.sha256);
      // The database itself refuses to change or delete a version's content.
      await assert.rejects(repo.sql.run("UPDATE minutes_versions SET public_text = 'x' WHERE id = ?", [v1.id]));
      await assert.rejects(repo.sql.run("DELETE FROM minutes_versions WHERE id = ?", [v1.id]));

      await assert.rejects(minutes.sign(v1b.id, { id: null, name: "Chair" }, at), /approved/);
      await assert.rejects(minutes.approve(v1b.id, s1, at), /same committee/);
      await minutes.approve(v1b.id, m2, new Date("2027-02-09T15:00:00Z"));
      await assert.rejects(minutes.approve(v1.id, m2, at), /already approved/);
      const l1 = await minutes.sign(
        v1b.id,
        { id: null, name: "Mr. J. B. Rhodes CC" },
        new Date("2027-02-09T15:05:00Z"),
      );
      assert.equal(l1.prevHash, null);
      await assert.rejects(minutes.sign(v1b.id, { id: null, name: "Chair" }, at), /already signed/);
      await assert.rejects(repo.sql.run("DELETE FROM minute_signatures WHERE version_id = ?", [v1b.id]));

      const v2 = await minutes.freeze(m2, { record: rec, publicText: "Minutes two\n" }, null, at);
      await minutes.approve(v2.id, m3, new Date("2027-03-09T15:00:00Z"));
      const l2 = await minutes.sign(v2.id, { id: null, name: "Mr. J. B. Rhodes CC" }, new Date("2027-03-09T15:05:00Z"));
      assert.equal(l2.prevHash, l1.hash);
      assert.deepEqual(await minutes.verify(cabinet), { ok: true, links: 2 });

      // Someone with the database's own keys lifts the guard and changes one byte of the signed text.
      if (engine === "sqlite") await repo.sql.exec("DROP TRIGGER minutes_versions_frozen");
      else await repo.sql.exec("ALTER TABLE minutes_versions DISABLE TRIGGER minutes_versions_frozen");
      await repo.sql.run("UPDATE minutes_versions SET public_text = ? WHERE id = ?", ["Minutes twO\n", v2.id]);
      const check = await minutes.verify(cabinet);
      assert.equal(check.ok, false);
      assert.equal(!check.ok && check.brokenAt, 1);
      assert.equal(!check.ok && check.meetingId, m2);
      assert.match(!check.ok ? check.reason : "", /changed since they were signed/);
    });

    test("decision notices, call-ins and pending items", async () => {
      const { office, minutes } = repo;
      const committees = await office.listCommittees();
      const cabinet = committees.find((c) => c.name === "Cabinet")!.id;
      const scrutiny = committees.find((c) => c.name === "Scrutiny Commission")!.id;
      const m1 = (await office.calendar({ committeeId: cabinet }))[0].meetingId;
      const notice = await minutes.saveNotice({
        meetingId: m1,
        minuteNumber: "1",
        title: "Library",
        decision: "That the library be refurbished",
        decidedOn: "2027-01-12",
        reasons: "Accessibility",
        alternatives: "Closure, rejected",
        conflicts: "None declared",
        dispensations: "None",
        keyDecision: true,
        urgent: false,
        exemptParagraphs: [],
      });
      await assert.rejects(
        minutes.addCallIn(notice.id, {
          requestedAt: new Date(),
          requestedBy: null,
          signatories: ["A", "B"],
          reasons: "x",
        }),
        /published/,
      );
      await minutes.publishNotice(notice.id, new Date("2027-01-13T10:00:00Z"));
      await assert.rejects(minutes.saveNotice({ ...notice, decision: "other" }), /does not change/);
      await minutes.addCallIn(notice.id, {
        requestedAt: new Date("2027-01-15T10:00:00Z"),
        requestedBy: null,
        signatories: ["Mrs A", "Mr B"],
        reasons: "Not consulted",
      });
      const stored = (await minutes.notice(notice.id))!;
      const callIns = await minutes.callIns(notice.id);
      const status = (now: Date, scrutinyDone = stored.scrutiny) =>
        decisionStatus({
          decidedOn: stored.decidedOn,
          publishedAt: new Date(stored.publishedAt!),
          callIns: callIns.map((c) => ({ ...c, requestedAt: new Date(c.requestedAt) })),
          scrutiny: scrutinyDone,
          now,
        }).state;
      assert.equal(status(new Date("2027-01-25T12:00:00Z")), "called-in");
      await minutes.recordScrutiny(notice.id, "released", new Date("2027-01-22T12:00:00Z"));
      assert.equal(
        status(new Date("2027-01-25T12:00:00Z"), (await minutes.notice(notice.id))!.scrutiny),
        "may-be-implemented",
      );
      assert.equal((await minutes.notices({ published: true })).length, 1);

      // A referral from the Cabinet to the Scrutiny Commission waits for the Commission's next meeting.
      const added = await minutes.carryForward(
        m1,
        [
          {
            kind: "referral",
            minuteNumber: "1",
            toCommitteeId: scrutiny,
            text: "Refer the library plan to the Scrutiny Commission",
            notBefore: null,
          },
        ],
        new Date(),
      );
      assert.equal(added, 1);
      assert.equal(
        await minutes.carryForward(
          m1,
          [{ kind: "referral", minuteNumber: "1", toCommitteeId: scrutiny, text: "again", notBefore: null }],
          new Date(),
        ),
        0,
      );
      const items = await minutes.pendingItems(scrutiny);
      const offered = pendingItemsFor(items, scrutiny, await minutes.meetingSlots(scrutiny), "2027-01-13");
      assert.equal(offered.length, 1);
      assert.equal(offered[0].fromCommitteeName, "Cabinet");
      assert.equal(offered[0].due?.date, "2027-01-20");
      await minutes.placePending(items[0].id, offered[0].due!.meetingId);
      assert.equal(pendingItemsFor(await minutes.pendingItems(scrutiny), scrutiny, [], "2027-01-13").length, 0);
    });
  });
}
