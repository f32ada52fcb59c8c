/**
 * The reports / agenda / publication part of the store contract (migrations 12–14), run on both engines
 * (store/sqlite and store/postgres tests): report versions keyed by content hash, append-only clearance
 * decisions, per-committee clearance steps, a meeting's agenda plan and numbered publications with the
 * confidential pack kept apart.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { committeeInput, meetingInput } from "../model/office";
import { clearance, DEFAULT_STEPS } from "../office/clearance";
import { contentSha256, reportContent } from "../office/reports";
import { PackStore } from "./common/packs";
import type { SqlRepository } from "./common/sql-repository";
import type { Factory } from "./conformance";

export function runPackConformance(engine: string, factory: Factory): void {
  describe(`Reports, agenda and publication store conformance: ${engine}`, () => {
    let repo: SqlRepository;
    let cleanup: () => Promise<void>;
    let packs: PackStore;
    let committee: number;
    let meeting: number;
    before(async () => {
      ({ repo, cleanup } = await factory());
      packs = new PackStore(repo.sql);
      await repo.office.setCouncil({ name: "Borsetshire County Council", policy: "principal" });
      committee = await repo.office.saveCommittee(committeeInput.parse({ name: "Cabinet", kind: "executive" }));
      meeting = await repo.office.scheduleMeeting(meetingInput.parse({ committeeId: committee, date: "2031-03-19" }));
    });
    after(async () => {
      await cleanup();
    });

    const content = reportContent.parse({
      title: "Sale of land at Oak Farm",
      author: "Director of Corporate Resources",
      recommendations: ["That the land be sold"],
      appendices: [
        {
          label: "A",
          title: "Valuation",
          text: "Valued at £1.2m.",
          exempt: { paragraphs: [3], publicInterest: "Prejudice to the sale." },
        },
      ],
    });

    test("report versions: a new version only when the content's hash changes", async () => {
      const at = new Date("2031-02-01T10:00:00Z");
      const id = await packs.createReport({ committeeId: committee, meetingId: null, authorUserId: 7, content }, at);
      const r = (await packs.report(id))!;
      assert.equal(r.current.n, 1);
      assert.equal(r.current.sha256, contentSha256(content));
      assert.deepEqual(r.current.content, content);
      const same = await packs.saveVersion(id, JSON.parse(JSON.stringify(content)), 7, at);
      assert.equal(same.changed, false);
      assert.equal(same.version.n, 1);
      const edited = await packs.saveVersion(id, { ...content, title: "Sale of land at Oak Farm, Ambridge" }, 7, at);
      assert.equal(edited.changed, true);
      assert.equal(edited.version.n, 2);
      assert.equal((await packs.report(id))!.versions.length, 2);
      assert.equal((await packs.version(id, 1))!.title, "Sale of land at Oak Farm");
      const mine = await packs.listReports({ authorUserId: 7 });
      assert.deepEqual(
        mine.map((x) => [x.id, x.n, x.title]),
        [[id, 2, "Sale of land at Oak Farm, Ambridge"]],
      );
      assert.deepEqual(await packs.listReports({ authorUserId: 8 }), []);
      await assert.rejects(
        packs.createReport({ committeeId: 999_999, meetingId: null, authorUserId: 7, content }, at),
        /no committee/,
      );
    });

    test("clearance decisions are kept in order, bound to a hash, and cannot be changed or deleted", async () => {
      const id = await packs.createReport(
        { committeeId: committee, meetingId: null, authorUserId: 7, content },
        new Date("2031-02-02T10:00:00Z"),
      );
      const v1 = (await packs.report(id))!.current.sha256;
      await packs.addDecision(id, {
        step: "author",
        sha256: v1,
        decision: "approved",
        by: 7,
        at: "2031-02-02T10:01:00.000Z",
      });
      await packs.addDecision(id, {
        step: "legal",
        sha256: v1,
        decision: "approved",
        by: 8,
        byName: "Lee Gal",
        at: "2031-02-02T10:02:00.000Z",
        comment: "Fine",
      });
      const ds = await packs.decisions(id);
      assert.deepEqual(
        ds.map((d) => [d.step, d.by, d.byName, d.comment]),
        [
          ["author", 7, "", null],
          ["legal", 8, "Lee Gal", "Fine"],
        ],
      );
      assert.equal(clearance(DEFAULT_STEPS, v1, ds).next, "finance");
      await assert.rejects(repo.sql.run("UPDATE report_decisions SET decision = 'returned'"), /append-only/);
      await assert.rejects(repo.sql.run("DELETE FROM report_decisions"), /append-only/);
      assert.equal((await packs.decisions(id)).length, 2);
    });

    test("clearance steps per committee, default author → legal → finance → monitoring officer", async () => {
      assert.deepEqual(await packs.clearanceSteps(committee), ["author", "legal", "finance", "monitoring-officer"]);
      await packs.setClearanceSteps(committee, ["author", "finance"]);
      assert.deepEqual(await packs.clearanceSteps(committee), ["author", "finance"]);
      await assert.rejects(packs.setClearanceSteps(committee, ["legal"]), /author/);
      await packs.setClearanceSteps(committee, [...DEFAULT_STEPS]);
    });

    test("agenda plan: a report or a referral once per meeting; the chair's urgency reason", async () => {
      const [r] = await packs.listReports({ authorUserId: 7 });
      const at = new Date("2031-03-01T10:00:00Z");
      const base = { meetingId: meeting, title: "Sale", reportBy: "Director", exemptParagraphs: [3], addedBy: 1 };
      const a = await packs.addToAgenda({ ...base, kind: "report", reportId: r.id, referralKey: null }, at);
      const again = await packs.addToAgenda({ ...base, kind: "report", reportId: r.id, referralKey: null }, at);
      assert.equal(a, again);
      assert.equal((await packs.report(r.id))!.meetingId, meeting);
      const ref = await packs.addToAgenda(
        {
          ...base,
          kind: "referral",
          reportId: null,
          referralKey: "minute:12",
          title: "Library review",
          exemptParagraphs: [],
        },
        new Date("2031-03-15T10:00:00Z"),
      );
      await packs.setUrgency(ref, "The grant closes on 20 March.", "Cllr Chair");
      const plan = await packs.agendaPlan(meeting);
      assert.deepEqual(
        plan.map((p) => [p.kind, p.title, p.exemptParagraphs, p.urgencyReason]),
        [
          ["report", "Sale", [3], null],
          ["referral", "Library review", [], "The grant closes on 20 March."],
        ],
      );
      await packs.removeFromAgenda(ref);
      assert.equal((await packs.agendaPlan(meeting)).length, 1);
    });

    test("publications are numbered, supersede the one before, and keep the confidential pack apart", async () => {
      const [r] = await packs.listReports({ authorUserId: 7 });
      const pdf = new Uint8Array([37, 80, 68, 70, 45, 0, 255, 1]);
      const secret = new Uint8Array([37, 80, 68, 70, 45, 9, 9, 9]);
      const pageMap = [{ number: "5", title: "Sale", pages: { start: 3, end: 9 }, bookmark: "5. Sale" }];
      const first = await packs.recordPublication({
        meetingId: meeting,
        publishedAt: new Date("2031-03-07T16:15:00Z"),
        publishedBy: 1,
        documentId: null,
        pdf,
        pageCount: 9,
        pageMap,
        agenda: [{ number: "1" }],
        check: { outcome: "ok", clearDays: 7 },
        versions: [{ reportId: r.id, n: r.n, sha256: r.sha256 }],
        supplementPdf: null,
        confidential: { pdf: secret, pageCount: 11, pageMap },
      });
      assert.equal(first.seq, 1);
      assert.equal(first.kind, "agenda");
      assert.equal(first.publishedAt, "2031-03-07T16:15:00.000Z");
      assert.deepEqual(first.pageMap, pageMap);
      assert.deepEqual(await packs.publicPdf(first.id), pdf);
      assert.equal((await packs.report(r.id))!.publishedVersion, r.n);
      const second = await packs.recordPublication({
        meetingId: meeting,
        publishedAt: new Date("2031-03-15T09:00:00Z"),
        publishedBy: 1,
        documentId: null,
        pdf,
        pageCount: 9,
        pageMap,
        agenda: [],
        check: {},
        versions: [],
        supplementPdf: pdf,
        confidential: null,
      });
      assert.equal(second.seq, 2);
      assert.equal(second.kind, "supplement");
      assert.equal(second.hasSupplement, true);
      const all = await packs.publications(meeting);
      assert.equal(all[0].supersededAt, "2031-03-15T09:00:00.000Z");
      assert.equal(all[1].supersededAt, null);
      assert.equal((await packs.currentPublication(meeting))!.id, second.id);
      const conf = await packs.confidentialPack(first.id);
      assert.deepEqual(conf!.pdf, secret);
      assert.equal(await packs.confidentialPack(second.id), null);
      // The public columns never carry the confidential bytes.
      const rows = await repo.sql.all("SELECT * FROM pack_publications");
      assert.ok(!JSON.stringify(rows).includes(Buffer.from(secret).toString("base64")));
      assert.deepEqual(
        (await packs.publishedMeetings()).map((m) => m.meetingId),
        [meeting],
      );
    });
  });
}
