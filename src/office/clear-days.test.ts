/** The clear-days calculator against a day-by-day reference (1990–2040, both policies) and fixed cases. */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { ENGLAND_AND_WALES } from "./bank-holidays";
import { clearDays, type NoticePolicy, noticeCheck } from "./clear-days";
import { addDays } from "./dates";

// ---- The reference: walks the calendar one day at a time with Date objects, nothing shared with the
// calculator but the bank holiday table itself.
const holidays = new Set(ENGLAND_AND_WALES.days.map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10)));
const iso = (d: Date) => d.toISOString().slice(0, 10);
const next = (d: Date, k = 1) => new Date(d.getTime() + k * 86_400_000);
function easter(y: number): Date {
  // Butcher's algorithm written out a second time, on purpose, for the reference.
  const a = y % 19;
  const b = Math.trunc(y / 100);
  const c = y % 100;
  const h = (19 * a + b - Math.trunc(b / 4) - Math.trunc((b - Math.trunc((b + 8) / 25) + 1) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.trunc(c / 4) - h - (c % 4)) % 7;
  const m = Math.trunc((a + 11 * h + 22 * l) / 451);
  const month = Math.trunc((h + l - 7 * m + 114) / 31);
  return new Date(Date.UTC(y, month - 1, ((h + l - 7 * m + 114) % 31) + 1));
}
function inParishBreak(d: Date): boolean {
  const y = d.getUTCFullYear();
  const e = easter(y);
  if (d >= next(e, -3) && d <= next(e, 2)) return true;
  const xmas = new Date(Date.UTC(y, 11, 25));
  const weekday = (x: Date) => x.getUTCDay() >= 1 && x.getUTCDay() <= 5;
  let start = next(xmas, -1);
  while (!weekday(start)) start = next(start, -1);
  let end = next(xmas, 1);
  while (!weekday(end) || holidays.has(iso(end))) end = next(end, 1);
  return d >= start && d <= end;
}
function referenceCounts(d: Date, policy: NoticePolicy): boolean {
  const wd = d.getUTCDay();
  if (holidays.has(iso(d)) || wd === 0) return false;
  if (policy === "principal") return wd !== 6;
  return !inParishBreak(d);
}
function referenceClearDays(published: string, meeting: string, policy: NoticePolicy): number {
  let n = 0;
  for (let d = next(new Date(published)); iso(d) < meeting; d = next(d)) if (referenceCounts(d, policy)) n++;
  return n;
}
function referenceLatest(meeting: string, required: number, policy: NoticePolicy): string {
  let p = addDays(meeting, -1);
  while (referenceClearDays(p, meeting, policy) < required) p = addDays(p, -1);
  return p;
}

const POLICIES: NoticePolicy[] = ["principal", "parish"];
const START = Date.UTC(1990, 1, 1);
const END = Date.UTC(2040, 11, 31);

test("every meeting day 1990–2040: latest publication date equals the reference, both policies, 3/5/28 days", () => {
  for (const policy of POLICIES) {
    const calc = clearDays(policy);
    for (let t = START; t <= END; t += 86_400_000) {
      const meeting = iso(new Date(t));
      for (const required of [3, 5]) {
        assert.equal(
          calc.latestPublicationDate(meeting, required),
          referenceLatest(meeting, required, policy),
          `${policy} ${meeting} ${required}`,
        );
      }
    }
    // 28 clear days (key decisions, private meetings) on a sample, as the reference walk is quadratic.
    for (let t = START + 60 * 86_400_000; t <= END; t += 13 * 86_400_000) {
      const meeting = iso(new Date(t));
      assert.equal(
        calc.latestPublicationDate(meeting, 28),
        referenceLatest(meeting, 28, policy),
        `${policy} ${meeting} 28`,
      );
    }
  }
});

test("property: clear days between any publication and meeting day equal the day-by-day count", () => {
  const day = fc.integer({ min: START / 86_400_000, max: END / 86_400_000 });
  fc.assert(
    fc.property(day, fc.integer({ min: -3, max: 60 }), fc.constantFrom(...POLICIES), (p, gap, policy) => {
      const published = iso(new Date(p * 86_400_000));
      const meeting = addDays(published, gap);
      const got = clearDays(policy).clearDaysBetween(published, meeting);
      assert.equal(got, referenceClearDays(published, meeting, policy));
      assert.equal(clearDays(policy).countedDays(published, meeting).length, got);
    }),
    { numRuns: 20_000 },
  );
});

test("fixed cases: the officer-side note's vectors for principal councils", () => {
  const p = clearDays("principal");
  // Meeting Wednesday 19 March 2025: Tue 18, Mon 17, Fri 14, Thu 13, Wed 12 count; latest is Tuesday 11.
  assert.deepEqual(p.countedDays("2025-03-11", "2025-03-19"), [
    "2025-03-12",
    "2025-03-13",
    "2025-03-14",
    "2025-03-17",
    "2025-03-18",
  ]);
  assert.equal(p.latestPublicationDate("2025-03-19"), "2025-03-11");
  // Meeting Monday 17 March 2025: Fri 14 back to Mon 10; latest Sunday 9, in practice Friday 7.
  assert.equal(p.latestPublicationDate("2025-03-17"), "2025-03-09");
  const c = noticeCheck({ meetingDate: "2025-03-17", policy: "principal", now: new Date("2025-03-01T09:00:00Z") });
  assert.deepEqual(
    [c.latestPublicationDate, c.latestWorkingPublicationDate, c.status],
    ["2025-03-09", "2025-03-07", "due"],
  );
});

test("fixed cases: a bank-holiday weekend moves the deadline back one working day", () => {
  const p = clearDays("principal");
  // Spring bank holiday Monday 26 May 2025; meeting Wednesday 28 May.
  assert.equal(p.excludedBecause("2025-05-26"), "Spring bank holiday");
  assert.equal(p.latestPublicationDate("2025-05-28"), "2025-05-19");
  // The same weekday a week later, no holiday in the window: Tuesday before the week before.
  assert.equal(p.latestPublicationDate("2025-06-04"), "2025-05-27");
  // Parish councils count the Saturday but not the bank holiday.
  assert.equal(clearDays("parish").latestPublicationDate("2025-05-28"), "2025-05-22");
});

test("fixed cases: Christmas", () => {
  // 2026: Christmas Friday, Boxing Day substitute Monday 28, New Year Friday 1 January 2027.
  const p = clearDays("principal");
  assert.deepEqual(p.countedDays("2026-12-23", "2027-01-05"), [
    "2026-12-24",
    "2026-12-29",
    "2026-12-30",
    "2026-12-31",
    "2027-01-04",
  ]);
  assert.equal(p.latestPublicationDate("2027-01-05"), "2026-12-23");
  // Parish: the Christmas break runs Thursday 24 (last weekday before) to Tuesday 29 (first weekday after
  // that is not a bank holiday); Saturday 26 is inside it and does not count.
  const s = clearDays("parish");
  assert.equal(s.excludedBecause("2026-12-24"), "Christmas break");
  assert.equal(s.excludedBecause("2026-12-29"), "Christmas break");
  assert.equal(s.excludedBecause("2026-12-26"), "Christmas break");
  assert.equal(s.excludedBecause("2026-12-30"), undefined);
  assert.equal(s.latestPublicationDate("2026-12-31"), "2026-12-21");
  // 2022: Christmas Sunday; Boxing Day Monday 26 and Christmas substitute Tuesday 27; break Fri 23 – Wed 28.
  assert.equal(s.excludedBecause("2022-12-23"), "Christmas break");
  assert.equal(s.excludedBecause("2022-12-28"), "Christmas break");
  assert.equal(s.excludedBecause("2022-12-29"), undefined);
  assert.equal(s.excludedBecause("2022-12-22"), undefined);
});

test("fixed cases: Easter", () => {
  // Easter Day 28 March 2027: Good Friday 26, Easter Monday 29; parish break Thursday 25 – Tuesday 30.
  const p = clearDays("principal");
  const s = clearDays("parish");
  assert.equal(p.latestPublicationDate("2027-04-06"), "2027-03-29");
  const c = noticeCheck({ meetingDate: "2027-04-06", policy: "principal", now: new Date("2027-03-01T12:00:00Z") });
  assert.equal(c.latestWorkingPublicationDate, "2027-03-25");
  assert.equal(s.latestPublicationDate("2027-04-06"), "2027-04-01");
  for (const d of ["2027-03-25", "2027-03-27", "2027-03-30"]) assert.equal(s.excludedBecause(d), "Easter break", d);
  assert.equal(p.excludedBecause("2027-03-25"), undefined);
  assert.equal(s.latestPublicationDate("2027-04-01"), "2027-03-22");
});

test("notice check: the publication day is the day in England, late flags carry the days counted", () => {
  // Published 16:15 on Friday 7 March 2025: Friday is the publication day and never counts.
  const friday = noticeCheck({
    meetingDate: "2025-03-14",
    policy: "principal",
    publishedAt: new Date("2025-03-07T16:15:00Z"),
    now: new Date("2025-03-08T00:00:00Z"),
  });
  assert.deepEqual([friday.publishedOn, friday.clearDays, friday.late, friday.status], ["2025-03-07", 4, true, "late"]);
  assert.deepEqual(friday.countedDays, ["2025-03-10", "2025-03-11", "2025-03-12", "2025-03-13"]);
  // 23:30 UTC on 5 June 2025 is 00:30 on the 6th in London (BST).
  const bst = noticeCheck({
    meetingDate: "2025-06-13",
    policy: "principal",
    publishedAt: new Date("2025-06-05T23:30:00Z"),
    now: new Date("2025-06-06T00:00:00Z"),
  });
  assert.deepEqual([bst.publishedOn, bst.clearDays, bst.late], ["2025-06-06", 4, true]);
  const onTime = noticeCheck({
    meetingDate: "2025-06-13",
    policy: "principal",
    publishedAt: new Date("2025-06-05T22:30:00Z"),
    now: new Date("2025-06-06T00:00:00Z"),
  });
  assert.deepEqual(
    [onTime.publishedOn, onTime.clearDays, onTime.late, onTime.status],
    ["2025-06-05", 5, false, "on-time"],
  );
  // Unpublished and past the deadline: overdue, with the clear days still available if published today.
  const overdue = noticeCheck({
    meetingDate: "2025-03-19",
    policy: "principal",
    now: new Date("2025-03-13T09:00:00Z"),
  });
  assert.deepEqual([overdue.status, overdue.late, overdue.clearDays], ["overdue", true, 3]);
  const due = noticeCheck({ meetingDate: "2025-03-19", policy: "principal", now: new Date("2025-03-11T21:00:00Z") });
  assert.deepEqual([due.status, due.late], ["due", false]);
  const past = noticeCheck({ meetingDate: "2025-03-19", policy: "principal", now: new Date("2025-04-01T09:00:00Z") });
  assert.equal(past.status, "not-recorded");
});
