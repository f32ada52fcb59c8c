/**
 * The office part of the store contract, run on both engines (store/sqlite and store/postgres tests):
 * keyed-in committees, people, dated memberships, the calendar and the register of interests, and that
 * imported papers meet keyed-in records in one committee, one person and one meeting.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { committeeInput, interestInput, meetingInput, membershipInput, personInput } from "../model/office";
import { emptyMeeting, type ParseResult } from "../model/parse-v1";
import type { SqlRepository } from "./common/sql-repository";
import { agendaPack, doc, type Factory } from "./conformance";

const COUNCIL = "Borsetshire County Council";

export function runOfficeConformance(engine: string, factory: Factory): void {
  describe(`Office store conformance: ${engine}`, () => {
    let repo: SqlRepository;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ repo, cleanup } = await factory());
    });
    after(async () => {
      await cleanup();
    });

    test("keyed-in committees and people join the ones imported papers name, before or after", async () => {
      const office = repo.office;
      await assert.rejects(
        office.saveCommittee(committeeInput.parse({ name: "Cabinet", kind: "executive" })),
        /no council/,
      );
      await office.setCouncil({ name: COUNCIL, policy: "principal" });
      assert.deepEqual(await office.council(), {
        id: (await office.council())!.id,
        name: COUNCIL,
        policy: "principal",
      });

      // Keyed in first: the Cabinet and a councillor with a full forename.
      const cabinet = await office.saveCommittee(
        committeeInput.parse({
          name: "Cabinet",
          kind: "executive",
          quorum: "3",
          termsOfReference: "Executive functions.",
        }),
      );
      const archer = await office.savePerson(
        personInput.parse({ kind: "councillor", name: "Mrs Alice Archer", ward: "Ambridge", party: "Independent" }),
      );
      const changes = (await repo.stats()).changes;
      // Then the papers: their "Cabinet" and "Mrs. A. Archer CC" are the same committee and person.
      await repo.importDocument(agendaPack("Cabinet", "2024-03-05", "2024-02-06", "Lightbulb"), { path: "/a.txt" });
      const cabinets = (await repo.listCommittees()).filter((c) => c.name === "Cabinet");
      assert.deepEqual(
        cabinets.map((c) => c.id),
        [cabinet],
      );
      assert.equal(cabinets[0].meetings, 2);
      const people = await repo.listPeople({ limit: 50, offset: 0 });
      assert.deepEqual(
        people.items.filter((p) => /Archer/.test(p.name)).map((p) => p.id),
        [archer],
      );
      assert.equal(people.items.find((p) => p.id === archer)!.name, "Mrs Alice Archer");

      // Keyed in after: a councillor the papers already printed becomes that person, not a second one.
      const rhodesImported = people.items.find((p) => /Rhodes/.test(p.name))!;
      const rhodes = await office.savePerson(
        personInput.parse({
          kind: "councillor",
          name: "Mr John Brian Rhodes",
          ward: "Borchester North",
          party: "Conservative",
        }),
      );
      assert.equal(rhodes, rhodesImported.id);
      const officer = await office.savePerson(
        personInput.parse({ kind: "officer", name: "Ms Jane Doe", jobTitle: "Head of Democratic Services" }),
      );
      // A committee keyed in after papers named it is the same committee too.
      const again = await office.saveCommittee(
        committeeInput.parse({ name: "The Cabinet", kind: "executive", clerkId: String(officer) }),
      );
      assert.equal(again, cabinet);
      assert.equal((await office.getCommittee(cabinet))!.clerk!.name, "Ms Jane Doe");

      // Councillors and officers are kept apart; the index filters by name, ward and party.
      assert.deepEqual(
        (await office.listPeople({ kind: "councillor" })).map((p) => p.name),
        ["Mrs Alice Archer", "Mr John Brian Rhodes"],
      );
      assert.deepEqual(
        (await office.listPeople({ kind: "officer" })).map((p) => p.id),
        [officer],
      );
      assert.deepEqual(
        (await office.listPeople({ kind: "councillor", q: "rhod" })).map((p) => p.id),
        [rhodes],
      );
      assert.deepEqual(
        (await office.listPeople({ ward: "ambridge" })).map((p) => p.id),
        [archer],
      );
      assert.deepEqual(
        (await office.listPeople({ party: "Conservative" })).map((p) => p.id),
        [rhodes],
      );
      assert.deepEqual(await office.wardsAndParties(), {
        wards: ["Ambridge", "Borchester North"],
        parties: ["Conservative", "Independent"],
      });
      assert.ok((await repo.stats()).changes > changes, "office writes move the change counter");

      // Re-importing a changed version of the papers (which deletes and re-adds their records) keeps the kept ones.
      const changed = agendaPack("Cabinet", "2024-03-05", "2024-02-06", "Streetlight");
      await repo.importDocument(changed, { path: "/a.txt" });
      assert.equal((await repo.getPerson(archer))?.name, "Mrs Alice Archer");
      assert.equal((await office.getCommittee(cabinet))!.kind, "executive");
    });

    test("dated memberships: who sat on the committee on a date is one query, boundaries inclusive", async () => {
      const office = repo.office;
      const council = (await office.council())!;
      assert.ok(council);
      const scrutiny = await office.saveCommittee(
        committeeInput.parse({ name: "Adults Scrutiny Committee", kind: "scrutiny" }),
      );
      const cabinet = (await office.listCommittees()).find((c) => c.name === "The Cabinet")!.id;
      await office.saveCommittee(
        committeeInput.parse({ name: "Adults Scrutiny Committee", kind: "scrutiny", receiverIds: [String(cabinet)] }),
        scrutiny,
      );
      assert.deepEqual(
        (await office.getCommittee(scrutiny))!.receivers.map((r) => r.id),
        [cabinet],
      );
      const [archer, rhodes] = await office.listPeople({ kind: "councillor" });
      const lay = await office.savePerson(personInput.parse({ kind: "councillor", name: "Dr Theo Eynon" }));
      await office.addMembership(
        membershipInput.parse({
          committeeId: scrutiny,
          personId: archer.id,
          role: "member",
          position: "chair",
          from: "2024-05-20",
          to: "2025-05-18",
        }),
      );
      const r = await office.addMembership(
        membershipInput.parse({ committeeId: scrutiny, personId: rhodes.id, role: "member", from: "2024-05-20" }),
      );
      await office.addMembership(
        membershipInput.parse({
          committeeId: scrutiny,
          personId: lay,
          role: "co-opted",
          voting: "",
          from: "2024-09-01",
        }),
      );
      await assert.rejects(
        office.addMembership(
          membershipInput.parse({
            committeeId: scrutiny,
            personId: rhodes.id,
            role: "member",
            position: "chair",
            from: "2025-01-01",
          }),
        ),
        /already chair/,
      );
      const on = async (d: string) =>
        (await office.membersOn(scrutiny, d)).map((s) => `${s.person.name}:${s.position ?? s.role}`);
      assert.deepEqual(await on("2024-05-19"), []);
      assert.deepEqual(await on("2024-05-20"), ["Mrs Alice Archer:chair", "Mr John Brian Rhodes:member"]);
      assert.deepEqual(await on("2024-09-01"), [
        "Mrs Alice Archer:chair",
        "Mr John Brian Rhodes:member",
        "Dr Theo Eynon:co-opted",
      ]);
      assert.equal((await office.membersOn(scrutiny, "2024-09-01")).find((s) => s.role === "co-opted")!.voting, false);
      assert.deepEqual(await on("2025-05-18"), [
        "Mrs Alice Archer:chair",
        "Mr John Brian Rhodes:member",
        "Dr Theo Eynon:co-opted",
      ]);
      assert.deepEqual(await on("2025-05-19"), ["Mr John Brian Rhodes:member", "Dr Theo Eynon:co-opted"]);
      await office.endMembership(r, "2025-01-31");
      assert.deepEqual(await on("2025-02-01"), ["Mrs Alice Archer:chair", "Dr Theo Eynon:co-opted"]);
      await assert.rejects(office.endMembership(r, "2020-01-01"), /cannot end before/);
      assert.deepEqual(
        (await office.seats({ personId: archer.id })).map((s) => s.committee.id),
        [scrutiny],
      );
    });

    test("the calendar: scheduled, moved, postponed and cancelled meetings, joined with imported ones", async () => {
      const office = repo.office;
      const cabinet = (await office.listCommittees()).find((c) => c.name === "The Cabinet")!.id;
      // The papers' meeting of 5 March 2024 is the calendar's meeting of that day.
      const imported = (await repo.listMeetings({ committee: cabinet }, { limit: 10, offset: 0 })).items.find(
        (m) => m.date === "2024-03-05",
      )!;
      const same = await office.scheduleMeeting(
        meetingInput.parse({ committeeId: cabinet, date: "2024-03-05", start: "14:00", end: "16:00" }),
      );
      assert.equal(same, imported.id);
      const next = await office.scheduleMeeting(
        meetingInput.parse({
          committeeId: cabinet,
          date: "2024-04-09",
          start: "10:00",
          end: "12:30",
          location: "County Hall",
        }),
      );
      const later = await office.scheduleMeeting(
        meetingInput.parse({ committeeId: cabinet, date: "2024-05-14", start: "10:00" }),
      );
      await office.updateMeeting(next, { date: "2024-04-16" });
      await office.updateMeeting(later, { status: "cancelled", note: "No business" });
      await assert.rejects(office.updateMeeting(next, { date: "2024-03-05" }), /already has a meeting/);
      const cal = await office.calendar({ from: "2024-02-01", to: "2024-05-31", committeeId: cabinet });
      assert.deepEqual(
        cal.map((e) => [e.date, e.status, e.start, e.end, e.originalDate]),
        [
          ["2024-02-06", "held", null, null, null],
          ["2024-03-05", "scheduled", "14:00", "16:00", null],
          ["2024-04-16", "moved", "10:00", "12:30", "2024-04-09"],
          ["2024-05-14", "cancelled", "10:00", null, null],
        ],
      );
      await office.markPublished(next, new Date("2024-04-08T09:00:00Z"));
      assert.equal((await office.meeting(next))!.publishedAt, "2024-04-08T09:00:00.000Z");
      // Removing the papers leaves the calendar's meeting (with no papers) in place.
      const doc2: ParseResult = doc("other.txt", [
        {
          ...emptyMeeting("The Cabinet", { startLine: 1, endLine: 2, page: null }),
          authority: COUNCIL,
          date: "2024-05-14",
        },
      ]);
      await repo.importDocument(doc2, { path: "/b.txt" });
      assert.equal((await office.meeting(later))!.status, "cancelled");
      assert.ok(await repo.getMeeting(later));
    });

    test("the register of interests: approval, sensitive entries withheld from the public", async () => {
      const office = repo.office;
      const [archer] = await office.listPeople({ kind: "councillor", q: "archer" });
      const a = await office.addInterest(
        interestInput.parse({
          personId: archer.id,
          category: "land",
          description: "Home at 1 Brookfield Lane",
          submittedOn: "2024-05-30",
        }),
      );
      const s = await office.addInterest(
        interestInput.parse({
          personId: archer.id,
          category: "employment",
          description: "Refuge worker at a named shelter",
          sensitive: "on",
          submittedOn: "2024-05-30",
        }),
      );
      await office.addInterest(
        interestInput.parse({
          personId: archer.id,
          category: "securities",
          description: "Shares in Borchester Land",
          submittedOn: "2024-06-01",
        }),
      );
      assert.equal((await office.interests(archer.id, "public")).length, 0, "nothing is public before approval");
      await office.approveInterest(a, "Monitoring Officer", new Date("2024-06-02T10:00:00Z"));
      await office.approveInterest(s, "Monitoring Officer", new Date("2024-06-02T10:00:00Z"));
      const pub = await office.interests(archer.id, "public");
      assert.deepEqual(
        pub.map((i) => [i.category, i.description, i.sensitive]),
        [
          ["employment", "", true],
          ["land", "Home at 1 Brookfield Lane", false],
        ],
      );
      assert.ok(!JSON.stringify(pub).includes("Refuge"));
      assert.equal((await office.interests(archer.id, "office")).length, 3);
      assert.deepEqual(
        (await office.pendingInterests()).map((i) => i.description),
        ["Shares in Borchester Land"],
      );
      assert.equal(await office.firstFiled(archer.id), "2024-05-30");
    });
  });
}
