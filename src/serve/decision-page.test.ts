/**
 * Decision records as decisions (issue 16): a Modern.Gov officer decision page and a printed
 * "proposed record of decision" from ../shared are shown at /decisions/{id} with decision maker,
 * status, call-in and dates, listed in the decisions register with a link there, never among
 * committee meetings or laid out as a meeting with minutes; /meetings/{id} sends readers there.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { parseFileWithText } from "../pipeline/parse-file";
import type { MeetingDetail, MeetingSummary } from "../store/repository";
import { sharedPath } from "../testing/shared";
import { createApp } from "./app";
import type { DecisionsData } from "./schemas";
import { type SeededStore, seededStore } from "./testing";

let store: SeededStore;
let app: Hono;
let officer: number;
let proposed: number;

async function add(path: string, council: string): Promise<number> {
  const { result, lines } = await parseFileWithText(path);
  const out = await store.repo.importDocument(result, { path, lines, bytes: readFileSync(path), council });
  return out.meetingIds[0];
}

before(async () => {
  store = await seededStore();
  officer = await add(
    sharedPath("corpus", "moderngov-html", "lgsf_modgov_decision_multi_paragraph_holme_park_court.html"),
    "Kirklees Council",
  );
  proposed = await add(
    sharedPath("corpus", "kent", "kent_cabinet_2025-01-30_decision_24-00108_PROD.pdf"),
    "Kent County Council",
  );
  app = createApp(store.repo, { now: () => new Date("2026-01-05T12:00:00Z"), onError: () => {}, checkEveryMs: 0 });
});
after(async () => store?.close());

test("the API says they are decisions with their facts; they are not among the meetings", async () => {
  const d = (await (await app.request(`/api/decisions/${officer}`)).json()) as MeetingDetail;
  assert.equal(d.kind, "decision");
  assert.deepEqual(d.decision && [d.decision.maker, d.decision.status, d.decision.callIn, d.decision.publicationDate], [
    "Service Director - Homes & Neighbourhoods",
    "Recommendations Approved",
    false,
    "2025-12-10",
  ]);
  assert.equal(d.date, "2021-07-27");
  const k = (await (await app.request(`/api/decisions/${proposed}`)).json()) as MeetingDetail;
  assert.deepEqual(
    [k.kind, k.decision?.maker, k.decision?.status, k.date],
    ["decision", "Cabinet", "For determination", null],
  );
  const meetings = (
    (await (await app.request("/api/meetings?limit=100")).json()) as { meetings: { items: MeetingSummary[] } }
  ).meetings.items;
  assert.ok(!meetings.some((m) => m.id === officer || m.id === proposed));
  const committees = (await (await app.request("/api/committees")).json()) as { name: string }[];
  assert.ok(!committees.some((c) => /Service Director/.test(c.name)), "an officer is not a committee");
});

test("the decision page shows the decision, never a meeting's minutes; /meetings/{id} sends readers to it", async () => {
  const moved = await app.request(`/meetings/${officer}`);
  assert.equal(moved.status, 301);
  assert.equal(moved.headers.get("Location"), `/decisions/${officer}`);
  const page = await (await app.request(`/decisions/${officer}`)).text();
  assert.match(page, /<h1 class="govuk-heading-xl">Appointment of contractor to demolish Holme Park Court/);
  assert.match(
    page,
    /Decision maker<\/dt>\s*<dd class="govuk-summary-list__value">Service Director - Homes &amp; Neighbourhoods/,
  );
  assert.match(page, /Not subject to call-in/);
  assert.match(page, /10 December 2025/);
  assert.match(page, /demolition of the existing tower blocks/);
  assert.doesNotMatch(page, /Minutes|id="agenda"|id="attendance"/);
  const kent = await (await app.request(`/decisions/${proposed}`)).text();
  assert.match(kent, /For determination/);
  assert.match(kent, /Not yet taken/);
  assert.doesNotMatch(kent, /Minutes/);
  // A committee meeting is not a decision record.
  const meeting = (
    (await (await app.request("/api/meetings?limit=1")).json()) as { meetings: { items: MeetingSummary[] } }
  ).meetings.items[0];
  assert.equal((await app.request(`/decisions/${meeting.id}`)).status, 404);
});

test("the decisions register lists them, linking to the decision page with the decision maker and status", async () => {
  const list = (await (await app.request("/api/decisions?from=2021-07-27&to=2021-07-27")).json()) as DecisionsData;
  const item = list.decisions.items.find((x) => x.meetingId === officer);
  assert.equal(item?.record?.maker, "Service Director - Homes & Neighbourhoods");
  const page = await (await app.request("/decisions?from=2021-07-27&to=2021-07-27")).text();
  assert.match(page, new RegExp(`href="/decisions/${officer}">Appointment of contractor`));
  assert.match(
    page,
    /Decision record: Service Director - Homes &amp; Neighbourhoods, 27 July 2021 · Recommendations Approved/,
  );
});
