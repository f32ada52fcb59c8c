// The demo council's ground truth holds together: referrals, follow-ups and threads point at real
// meetings and items, dates are sane, and the storylines show up in the records they claim.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { weekdayOf } from "../render/format";
import { generateCouncil } from "./generate";

const demo = generateCouncil({ meetings: 200, seed: "truth" });
const byId = new Map(demo.meetings.map((m) => [m.id, m]));

test("meetings come in date order, one per committee a day, never on a weekend or over Christmas", () => {
  const dates = demo.meetings.map((m) => m.doc.record.date!);
  assert.deepEqual(dates, [...dates].sort());
  assert.equal(new Set(demo.meetings.map((m) => m.id)).size, demo.meetings.length);
  for (const d of dates) {
    assert.ok(![0, 6].includes(weekdayOf(d)), `${d} is a weekend`);
    assert.ok(!/-12-(2[1-9]|3[01])$|-01-0[1-4]$/.test(d), `${d} is in the holidays`);
  }
});

test("each meeting's previous meeting is the same committee's last one before it", () => {
  const last = new Map<string, string>();
  for (const m of demo.meetings) {
    assert.equal(m.previousId, last.get(m.committee) ?? null);
    last.set(m.committee, m.id);
  }
});

test("referrals name the minute and clause that sent them and the item that received them", () => {
  assert.ok(demo.truth.referrals.length > 5);
  assert.deepEqual(new Set(demo.truth.referrals.map((r) => r.kind)), new Set(["comments"]));
  assert.deepEqual(new Set(demo.truth.onward.map((r) => r.kind)), new Set(["for-comment", "recommendation"]));
  for (const r of [...demo.truth.referrals, ...demo.truth.onward]) {
    const from = byId.get(r.from.meetingId)!;
    const minute = from.doc.record.minutes.find((x) => x.number === r.from.minute)!;
    assert.ok(minute.resolutions.some((c) => c.label === r.from.clause && c.text === r.text));
    const to = byId.get(r.to.meetingId);
    if (!to) continue; // after the last generated meeting
    assert.equal(to.doc.record.body, r.to.body);
    if (r.kind === "comments") assert.equal(r.to.body, "Cabinet");
    if (r.kind === "recommendation") assert.equal(r.to.body, "County Council");
    if (r.kind === "for-comment") assert.match(r.to.body, /Scrutiny/);
    assert.ok(r.to.date > r.from.date);
    const item = to.doc.record.agenda.find((a) => a.number === r.to.agendaItem);
    assert.ok(item, `referral to ${r.to.meetingId} has no receiving item`);
  }
});

test("kept follow-ups land in the promised month on an item of the same thread; broken ones never do", () => {
  const statuses = new Set(demo.truth.followUps.map((f) => f.status));
  assert.ok(statuses.has("met"));
  for (const f of demo.truth.followUps) {
    const promise = byId.get(f.promise.meetingId)!;
    assert.ok(promise.doc.record.minutes.some((x) => x.resolutions.some((c) => c.text === f.text)));
    assert.ok(f.text.includes("further report be submitted to the Cabinet in"));
    const thread = demo.truth.threads.find((t) => t.key === f.thread)!;
    if (f.met) {
      assert.equal(f.met.date.slice(0, 7), f.due);
      assert.ok(thread.occurrences.some((o) => o.meetingId === f.met!.meetingId && o.agendaItem === f.met!.agendaItem));
    } else if (f.status === "unmet") {
      assert.ok(!thread.occurrences.some((o) => o.date.slice(0, 7) === f.due && o.body === "Cabinet"));
    }
  }
});

test("threads recur across committees and years, and every occurrence is on the agenda it names", () => {
  const families = new Set(demo.truth.threads.map((t) => t.family));
  for (const f of ["budget", "library", "transport", "care"]) assert.ok(families.has(f), f);
  const budget = demo.truth.threads.find((t) => t.family === "budget" && t.occurrences.length >= 4)!;
  assert.ok(new Set(budget.occurrences.map((o) => o.body)).size >= 3);
  for (const t of demo.truth.threads)
    for (const o of t.occurrences) {
      const item = byId.get(o.meetingId)!.doc.record.agenda.find((a) => a.number === o.agendaItem);
      assert.equal(item?.title, o.title);
    }
});

test("records carry sums, key decisions, declarations and exempt items with Schedule 12A paragraphs", () => {
  const minutes = demo.meetings.flatMap((m) => m.doc.record.minutes);
  const texts = minutes.flatMap((x) => x.resolutions.map((c) => c.text)).join("\n");
  assert.match(texts, /£\d{1,3}(,\d{3})+\b/);
  assert.match(texts, /£\d+(\.\d+)?m\b/);
  assert.ok(minutes.some((x) => x.keyDecision === true));
  assert.ok(minutes.some((x) => x.declarations.length));
  const exempt = minutes.filter((x) => x.exemptParagraphs.length);
  assert.ok(exempt.some((x) => /^Exclusion/.test(x.title) && /Schedule 12A/.test(x.resolutions[0].text)));
});

test("any seed gives valid, deterministic councils", () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 10 }), fc.integer({ min: 1, max: 40 }), (seed, n) => {
      const a = generateCouncil({ meetings: n, seed });
      assert.equal(a.meetings.length, n);
      assert.deepStrictEqual(a, generateCouncil({ meetings: n, seed }));
    }),
    { numRuns: 15 },
  );
});
