/**
 * Meeting status (issue 16): a meeting the papers print as cancelled (Modern.Gov's GetMeetings from
 * ../shared) and one the council's own calendar cancels show the same way on the meeting page (a red
 * GOV.UK tag and a warning, never as held), in /api/meetings, the meetings list, /meetings.ics
 * (STATUS:CANCELLED), /meetings.csv and the council's calendar.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { committeeInput, meetingInput } from "../model/office";
import { parseFileWithText } from "../pipeline/parse-file";
import type { MeetingSummary } from "../store/repository";
import { sharedPath } from "../testing/shared";
import { createApp } from "./app";
import { type SeededStore, seededStore } from "./testing";

let store: SeededStore;
let app: Hono;
let meetings: MeetingSummary[];
let authored: number;

before(async () => {
  store = await seededStore();
  const path = sharedPath("corpus", "moderngov-xml", "manchester_GetMeetings_audit_committee_trimmed.xml");
  const { result, lines } = await parseFileWithText(path);
  await store.repo.importDocument(result, {
    path,
    lines,
    bytes: readFileSync(path),
    council: "Manchester City Council",
  });
  const office = store.repo.office;
  await office.setCouncil({ name: "Leicestershire County Council", policy: "principal" });
  const committeeId = await office.saveCommittee(committeeInput.parse({ name: "Pension Board", kind: "committee" }));
  authored = await office.scheduleMeeting(meetingInput.parse({ committeeId, date: "2026-01-20", start: "14:00" }));
  await office.updateMeeting(authored, { status: "cancelled", note: "No business to transact" });
  app = createApp(store.repo, { now: () => new Date("2026-01-05T12:00:00Z"), onError: () => {}, checkEveryMs: 0 });
  meetings = (
    (await (await app.request("/api/meetings?limit=100")).json()) as { meetings: { items: MeetingSummary[] } }
  ).meetings.items;
});
after(async () => store?.close());

const audit = (date: string) => meetings.find((m) => m.committee.name === "Audit Committee" && m.date === date)!;

test("the API keeps the cancelled meeting cancelled, with where it was read; the confirmed one has no status", () => {
  const cancelled = audit("2026-01-13");
  assert.equal(cancelled.status?.state, "cancelled");
  assert.equal(cancelled.status?.from, "papers");
  assert.equal(cancelled.status?.note, "Cancelled");
  assert.ok(cancelled.status?.provenance?.documentId);
  assert.equal(audit("2026-02-10").status, null);
  const kept = meetings.find((m) => m.id === authored)!;
  assert.deepEqual(
    [kept.status?.state, kept.status?.from, kept.status?.note],
    ["cancelled", "calendar", "No business to transact"],
  );
});

test("the meeting page says cancelled (tag and warning) for imported and authored meetings alike", async () => {
  for (const id of [audit("2026-01-13").id, authored]) {
    const page = await (await app.request(`/meetings/${id}`)).text();
    assert.match(
      page,
      /<h1 class="govuk-heading-xl">[^<]*<strong class="govuk-tag govuk-tag--red">Cancelled<\/strong><\/h1>/,
    );
    assert.match(
      page,
      /govuk-warning-text__text"><span class="govuk-visually-hidden">Warning<\/span>This meeting has been cancelled\./,
    );
    assert.doesNotMatch(page, /id="minutes"|\bheld\b/i);
  }
  const confirmed = await (await app.request(`/meetings/${audit("2026-02-10").id}`)).text();
  assert.doesNotMatch(confirmed, /govuk-warning-text|Cancelled/);
  // The list pages tag it too.
  const list = await (await app.request("/meetings?year=2026")).text();
  assert.match(
    list,
    new RegExp(
      `href="/meetings/${audit("2026-01-13").id}">[^<]*</a> <strong class="govuk-tag govuk-tag--red">Cancelled`,
    ),
  );
  const committee = await (await app.request(`/committees/${audit("2026-01-13").committee.id}`)).text();
  assert.match(committee, /<strong class="govuk-tag govuk-tag--red">Cancelled<\/strong>/);
});

test("the iCalendar feed, the CSV and the council's calendar carry it", async () => {
  const ics = await (await app.request("/meetings.ics")).text();
  const event = (id: number) => {
    const unfolded = ics.replace(/\r\n /g, "");
    const start = unfolded.indexOf(`UID:meeting-${id}@`);
    return unfolded.slice(start, unfolded.indexOf("END:VEVENT", start));
  };
  assert.match(event(audit("2026-01-13").id), /STATUS:CANCELLED/);
  assert.match(event(audit("2026-01-13").id), /SUMMARY:CANCELLED: Audit Committee/);
  assert.match(event(audit("2026-02-10").id), /STATUS:CONFIRMED/);
  assert.match(event(authored), /STATUS:CANCELLED/);
  const csv = (await (await app.request("/meetings.csv?year=2026")).text()).split("\r\n");
  const head = csv[0].split(",");
  const row = csv.find((r) => r.startsWith(`${audit("2026-01-13").id},`))!.split(",");
  assert.equal(row[head.indexOf("status")], "cancelled");
  const cal = (await (await app.request("/api/calendar?month=2026-01")).json()) as {
    meetings: { meetingId: number; status: string }[];
  };
  assert.deepEqual(
    cal.meetings.map((e) => [e.meetingId, e.status]),
    [
      [audit("2026-01-13").id, "cancelled"],
      [authored, "cancelled"],
    ],
  );
});
