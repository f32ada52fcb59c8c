// Table tests for the agenda builder: standard items per meeting type, referrals offered by a source,
// public reports before the exclusion item and exempt ones after it, numbering, late items and the
// chair's urgency reason.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type AgendaReport, buildAgenda, isLate, standardItemsFor } from "./agenda";

const MEETING = "2027-03-17"; // last day to publish: Tuesday 9 March
const early = new Date("2027-02-20T10:00:00Z");
const report = (id: number, title: string, over: Partial<AgendaReport> = {}): AgendaReport => ({
  reportId: id,
  title,
  reportBy: "Director of Corporate Resources",
  wholeExempt: false,
  exemptParagraphs: [],
  addedAt: early,
  urgencyReason: null,
  ...over,
});

describe("buildAgenda", () => {
  test("standard items, referrals, reports, exclusion and exempt reports, numbered 1..n", () => {
    const a = buildAgenda({
      kind: "executive",
      meetingDate: MEETING,
      policy: "principal",
      reports: [
        report(1, "Medium Term Financial Strategy"),
        report(2, "Sale of land at Oak Farm", { wholeExempt: true, exemptParagraphs: [3] }),
        report(3, "Waste contract", { exemptParagraphs: [3, 5] }),
      ],
      referrals: [{ key: "r:9", title: "Library review", from: "Scrutiny Commission", addedAt: early }],
    });
    assert.deepEqual(
      a.items.map((i) => `${i.number}. ${i.title}`),
      [
        "1. Apologies for absence",
        "2. Minutes of the previous meeting",
        "3. Declarations of interest",
        "4. Library review",
        "5. Medium Term Financial Strategy",
        "6. Waste contract",
        "7. Urgent items",
        "8. Exclusion of the press and public",
        "9. Sale of land at Oak Farm",
        "10. Date of the next meeting",
      ],
    );
    assert.deepEqual(a.items[7].exemptParagraphs, [3, 5]);
    assert.deepEqual(a.items[8].exemptParagraphs, [3]);
    assert.equal(a.items[5].partlyExempt, true);
    assert.deepEqual(a.items[5].exemptParagraphs, []);
    assert.equal(a.items[3].reportBy, "Scrutiny Commission");
    assert.deepEqual(a.problems, []);
  });

  test("no exempt business: no exclusion item", () => {
    const a = buildAgenda({ kind: "committee", meetingDate: MEETING, policy: "principal", reports: [report(1, "A")] });
    assert.ok(!a.items.some((i) => i.standard === "exclusion"));
  });

  test("a referral offered twice is added once", () => {
    const r = { key: "k", title: "Referred", from: "Council", addedAt: early };
    const a = buildAgenda({ kind: null, meetingDate: MEETING, policy: "principal", reports: [], referrals: [r, r] });
    assert.equal(a.items.filter((i) => i.kind === "referral").length, 1);
  });

  test("parish councils take public questions near the start", () => {
    assert.deepEqual(standardItemsFor("parish-council").slice(0, 3), ["apologies", "declarations", "public-questions"]);
  });

  test("a council's own standard items replace the default", () => {
    const a = buildAgenda({
      kind: "committee",
      meetingDate: MEETING,
      policy: "principal",
      standard: ["declarations"],
      reports: [report(1, "Only report")],
    });
    assert.deepEqual(
      a.items.map((i) => i.title),
      ["Declarations of interest", "Only report"],
    );
  });

  const lateRows: [string, string, boolean][] = [
    ["added on the last day to publish", "2027-03-09T15:00:00Z", false],
    ["added the day after", "2027-03-10T09:00:00Z", true],
    ["added at 23:30 on the last day (GMT in March): still that day", "2027-03-09T23:30:00Z", false],
    ["added at 00:30 the next morning", "2027-03-10T00:30:00Z", true],
  ];
  for (const [name, when, late] of lateRows)
    test(`late items: ${name}`, () => {
      assert.equal(isLate(new Date(when), MEETING, "principal"), late);
    });

  test("a late item needs the chair's urgency reason", () => {
    const lateAt = new Date("2027-03-12T10:00:00Z");
    const a = buildAgenda({
      kind: "committee",
      meetingDate: MEETING,
      policy: "principal",
      reports: [report(1, "Flood grant", { addedAt: lateAt })],
    });
    assert.equal(a.items.find((i) => i.reportId === 1)!.late, true);
    assert.match(a.problems.join(), /Flood grant.*reason it is urgent/);
    const b = buildAgenda({
      kind: "committee",
      meetingDate: MEETING,
      policy: "principal",
      reports: [report(1, "Flood grant", { addedAt: lateAt, urgencyReason: "The grant closes on 19 March." })],
    });
    assert.deepEqual(b.problems, []);
  });

  test("after publication the printed numbers stay: a later item takes the number before it and a letter", () => {
    const publishedAt = new Date("2027-03-05T10:00:00Z");
    const later = new Date("2027-03-12T10:00:00Z");
    const reason = { urgencyReason: "The grant closes on 19 March." };
    const input = {
      kind: "committee" as const,
      meetingDate: MEETING,
      policy: "principal" as const,
      publishedAt,
    };
    const before = buildAgenda({ ...input, publishedAt: null, reports: [report(1, "Budget"), report(2, "Libraries")] });
    const after = buildAgenda({
      ...input,
      reports: [
        report(1, "Budget"),
        report(2, "Libraries"),
        report(3, "Flood grant", { addedAt: later, ...reason }),
        report(4, "Depot sale", { addedAt: later, ...reason, wholeExempt: true, exemptParagraphs: [3] }),
      ],
    });
    const numberOf = (a: typeof after, title: string) => a.items.find((i) => i.title === title)?.number;
    // Every item published keeps its number.
    for (const i of before.items) assert.equal(numberOf(after, i.title), i.number, i.title);
    const libraries = numberOf(before, "Libraries");
    assert.equal(numberOf(after, "Flood grant"), `${libraries}a`);
    // The exclusion item the late exempt report brings, and the report, follow the last published item before them.
    const exclusion = after.items.find((i) => i.standard === "exclusion")!;
    assert.match(exclusion.number, /^\d+a$/);
    assert.equal(numberOf(after, "Depot sale"), exclusion.number.replace(/a$/, "b"));
    // Numbers are unique.
    assert.equal(new Set(after.items.map((i) => i.number)).size, after.items.length);
  });

  test("anything added after publication is late, even before the deadline", () => {
    assert.equal(
      isLate(new Date("2027-03-02T10:00:00Z"), MEETING, "principal", new Date("2027-03-01T10:00:00Z")),
      true,
    );
  });

  test("the officer is told why an item is late: after publication before the deadline, or past the deadline", () => {
    const problems = (addedAt: string) =>
      buildAgenda({
        kind: "committee",
        meetingDate: MEETING,
        policy: "principal",
        publishedAt: new Date("2027-03-01T10:00:00Z"),
        reports: [report(1, "Flood grant", { addedAt: new Date(addedAt) })],
      }).problems;
    assert.deepEqual(problems("2027-03-02T10:00:00Z"), [
      "“Flood grant” was added after the agenda was published (on 2027-03-01): the chair must give the reason it is urgent",
    ]);
    assert.deepEqual(problems("2027-03-10T10:00:00Z"), [
      "“Flood grant” was added after the agenda deadline (2027-03-09): the chair must give the reason it is urgent",
    ]);
  });
});
