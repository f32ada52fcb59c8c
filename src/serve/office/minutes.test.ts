/**
 * The meeting record through the app's real routes, a real SQLite store and signed-in people (no browser;
 * minutes.browser.test.ts drives the same in Chromium): the officer records attendance, a declaration
 * linked to the register, an amendment with a recorded vote, a key executive decision with reasons, an
 * exempt item and a referral; publishes the minutes (stored through the import path, read back by the
 * parser at ≥ 0.95); publishes the decision notice and the call-in window runs on a controlled clock over
 * the spring bank holiday; the referral is offered to the receiving committee; the next meeting approves
 * the minutes, the chair signs, and the verification page names a one-byte change. Exempt text never
 * reaches a public page.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { totpCode } from "../../auth/local";
import { Client, emptyStore, localAccount, type TestStore } from "../../auth/testing";
import { committeeInput, interestInput, meetingInput, membershipInput, personInput } from "../../model/office";
import { toMeetingDoc } from "../../office/minutes-document";
import { parseBytes } from "../../pipeline/parse-file";
import { renderMinutes } from "../../render";
import { compareHouse } from "../../render/house-compare";
import { MinutesStore } from "../../store/common/minutes";
import { createApp } from "../app";
import { referralSource } from "./minutes";

const PASSWORD = "correct horse battery staple";
const CANARY = "LAKEY-HILL-VALUATION-CANARY";
let t: TestStore;
let app: Hono;
let clock = new Date("2027-05-25T09:00:00Z");
const ids = { cabinet: 0, scrutiny: 0, m1: 0, m2: 0, s1: 0 };
let officer: { userId: number; totpSecret: string | null };
let chair: { userId: number; totpSecret: string | null };
let outsider: { userId: number; totpSecret: string | null };

before(async () => {
  t = await emptyStore();
  app = createApp(t.repo, { now: () => clock, onError: (e) => console.error(e), auth: { secureCookies: false } });
  const office = t.repo.office;
  await office.setCouncil({ name: "Borsetshire County Council", policy: "principal" });
  ids.cabinet = await office.saveCommittee(committeeInput.parse({ name: "Cabinet", kind: "executive", quorum: "3" }));
  ids.scrutiny = await office.saveCommittee(
    committeeInput.parse({ name: "Scrutiny Commission", kind: "scrutiny", quorum: "3" }),
  );
  const people = ["Mr J. B. Rhodes", "Mrs A. Archer", "Mr T. Forrest", "Ms L. Snell", "Mr B. Pargetter"];
  for (const [i, name] of people.entries()) {
    const id = await office.savePerson(personInput.parse({ kind: "councillor", name }));
    await office.addMembership(
      membershipInput.parse({
        committeeId: ids.cabinet,
        personId: id,
        role: "member",
        from: "2027-01-01",
        position: i === 0 ? "chair" : undefined,
      }),
    );
    if (name === "Mrs A. Archer")
      await office.addInterest(
        interestInput.parse({
          personId: id,
          category: "other-registrable",
          description: "Trustee of the Friends of Borchester Library",
          submittedOn: "2027-01-10",
        }),
      );
  }
  ids.m1 = await office.scheduleMeeting(
    meetingInput.parse({ committeeId: ids.cabinet, date: "2027-05-25", location: "County Hall" }),
  );
  ids.m2 = await office.scheduleMeeting(
    meetingInput.parse({ committeeId: ids.cabinet, date: "2027-06-22", location: "County Hall" }),
  );
  ids.s1 = await office.scheduleMeeting(meetingInput.parse({ committeeId: ids.scrutiny, date: "2027-06-10" }));
  const at = new Date("2027-01-01T10:00:00Z");
  officer = await localAccount(
    t.store,
    { name: "Dee Services", email: "dee@example.org", password: PASSWORD, grants: [{ role: "democratic-services" }] },
    at,
  );
  chair = await localAccount(
    t.store,
    {
      name: "Mr J. B. Rhodes",
      email: "chair@example.org",
      password: PASSWORD,
      grants: [{ role: "councillor" }, { role: "chair", committeeId: ids.cabinet }],
    },
    at,
  );
  outsider = await localAccount(
    t.store,
    { name: "Rita Reader", email: "rita@example.org", password: PASSWORD, grants: [{ role: "councillor" }] },
    at,
  );
});
after(async () => t.close());

async function signIn(email: string, secret: string): Promise<Client> {
  clock = new Date(clock.getTime() + 60_000);
  const c = new Client((p, i) => app.request(p, i));
  const form = await c.get("/sign-in");
  const r = await c.post("/sign-in", { email, password: PASSWORD, code: totpCode(secret, clock) }, { from: form.body });
  assert.equal(r.status, 303, `signed in as ${email}`);
  return c;
}

/** Posts a form from the page at `from` (its token comes with it) to `path`, expecting a redirect. */
async function submit(c: Client, from: string, path: string, fields: Record<string, string>): Promise<string> {
  const page = await c.get(from);
  assert.equal(page.status, 200, `${from} opens`);
  const r = await c.post(path, fields, { from: page.body });
  assert.equal(
    r.status,
    303,
    `${path}: ${r.status} ${/govuk-error-summary__list">(.*?)<\/ul>/s.exec(r.body)?.[1] ?? ""}`,
  );
  return r.location!;
}

test("a meeting recorded, published, decided, called in or not, approved, signed and verified", async () => {
  let off = await signIn("dee@example.org", officer.totpSecret!);
  /** The clock moves on (hours or days): the officer signs in again, as a real one would. */
  const later = async (at: string) => {
    clock = new Date(at);
    off = await signIn("dee@example.org", officer.totpSecret!);
  };
  const ws = `/office/meetings/${ids.m1}/minutes`;

  // Nobody else edits the minutes: the public is asked to sign in, another councillor refused.
  assert.match((await new Client((p, i) => app.request(p, i)).get(ws)).location ?? "", /^\/sign-in/);
  const rita = await signIn("rita@example.org", outsider.totpSecret!);
  assert.equal((await rita.get(ws)).status, 403);

  // Attendance: the roll call, then a substitute, a remote member and apologies; an officer.
  await submit(off, ws, `${ws}/attendance/roll-call`, {});
  await submit(off, ws, `${ws}/attendance/4/remove`, {}); // Mr B. Pargetter is not here...
  await submit(off, ws, `${ws}/attendance`, { name: "Mr B. Pargetter", kind: "apologies" });
  await submit(off, ws, `${ws}/attendance/3/remove`, {}); // ... and Ms Snell joined remotely
  await submit(off, ws, `${ws}/attendance`, { name: "Ms L. Snell", kind: "remote" });
  await submit(off, ws, `${ws}/attendance`, {
    name: "Mr P. Grundy",
    kind: "substitute",
    substituteFor: "Mr B. Pargetter",
  });
  await submit(off, ws, `${ws}/attendance`, {
    name: "Ms J. Doe",
    kind: "officer",
    role: "Head of Democratic Services",
  });
  let page = await off.get(ws);
  assert.match(page.body, /Quorate: 4 voting members present in the room, 3 needed/);
  assert.match(page.body, /Ms L\. Snell \(attended remotely\)/);
  assert.match(page.body, /Mr J\. B\. Rhodes \(in the Chair\)/);
  // A form with an error: GOV.UK summary, 422, the field linked.
  const bad = await off.post(`${ws}/attendance`, { name: "", kind: "" }, { from: page.body });
  assert.equal(bad.status, 422);
  assert.match(bad.body, /<title>Error: /);
  assert.match(bad.body, /govuk-error-summary[\s\S]*href="#name"/);

  // Items.
  await submit(off, ws, `${ws}/items`, { title: "Declarations of interest" });
  const lib = await submit(off, ws, `${ws}/items`, { title: "Borchester Library Refurbishment" });
  assert.equal(lib, `${ws}/items/2`);
  await submit(off, lib, lib, {
    title: "Borchester Library Refurbishment",
    agendaItem: "5",
    minuteText: "The Director of Corporate Resources presented the report.",
    recommendation:
      "(a) That the refurbishment of Borchester Library at a cost of £1.2m be approved;\n(b) That the Director be authorised to award the contract.",
    resolution:
      "(a) That the refurbishment of Borchester Library at a cost of £1.2m be approved, subject to a review in March 2028;\n(b) That the Director be authorised to award the contract.",
    keyDecision: "on",
    executive: "on",
    reasons: "The library building no longer meets accessibility standards.",
    alternatives: "Closing the library was considered and rejected.",
  });
  page = await off.get(lib);
  assert.match(page.body, /Approved with amendments/);
  assert.match(page.body, /<ins>[^<]*subject to a review in March 2028/);
  const interest = /<option value="(\d+)">Mrs A\. Archer: Trustee of the Friends of Borchester Library/.exec(page.body);
  assert.ok(interest, "the register entry is offered");
  await submit(off, lib, `${lib}/declarations`, {
    member: "Mrs A. Archer",
    kind: "other-registrable",
    nature: "as a trustee of the Friends of Borchester Library",
    interestId: interest[1],
  });
  await submit(off, lib, `${lib}/motions`, {
    motionKind: "amendment",
    text: "Add: subject to a review in March 2028",
    mover: "Mrs A. Archer",
    seconder: "Mr T. Forrest",
    outcome: "carried",
    recorded: "Mrs A. Archer: for\nMr T. Forrest: for\nMr J. B. Rhodes: for\nMr P. Grundy: against",
  });
  await submit(off, lib, `${lib}/carry-forward`, {
    toCommitteeId: String(ids.scrutiny),
    carryKind: "referral",
    text: "The library refurbishment, for the Commission's comments",
  });
  await submit(off, ws, `${ws}/items`, { title: "Exclusion of the press and public" });
  const ex = await submit(off, ws, `${ws}/items`, { title: "Disposal of Lakey Hill Farm", exemptParagraphs: "3" });
  // An exempt item without a public summary is refused with the reason.
  const exPage = await off.get(ex);
  const noSummary = await off.post(
    ex,
    { title: "Disposal of Lakey Hill Farm", exemptParagraphs: "3", minuteText: CANARY },
    { from: exPage.body },
  );
  assert.equal(noSummary.status, 422);
  assert.match(noSummary.body, /href="#publicSummary"/);
  await submit(off, ex, ex, {
    title: "Disposal of Lakey Hill Farm",
    exemptParagraphs: "3",
    publicSummary: "The Cabinet agreed the disposal of Lakey Hill Farm on the terms in the exempt report.",
    minuteText: CANARY,
    resolution: `That the farm be sold (${CANARY}).`,
  });

  // The pre-meeting draft as Word and PDF (exempt items in full: the officer may see them).
  const draft = await off.get(`${ws}/draft.docx`);
  assert.equal(draft.status, 200);
  assert.match(draft.headers.get("content-type") ?? "", /wordprocessingml/);

  // Publish: a frozen version, stored through the import path; the public meeting page shows it.
  await later("2027-05-25T17:00:00Z");
  await submit(off, ws, `${ws}/publish`, {});
  page = await off.get(ws);
  const vid = Number(/\/minutes\/versions\/(\d+)\/minutes\.txt/.exec(page.body)![1]);
  const publicClient = new Client((p, i) => app.request(p, i));
  const txt = await publicClient.get(`/minutes/versions/${vid}/minutes.txt`);
  assert.equal(txt.status, 200);
  assert.ok(!txt.body.includes(CANARY), "no exempt text in the published minutes");
  assert.match(txt.body, /Exempt under Paragraph 3 of Schedule 12A/);
  assert.match(txt.body, /A recorded vote was taken on the amendment/);
  const meetingPage = await publicClient.get(`/meetings/${ids.m1}`);
  assert.equal(meetingPage.status, 200);
  assert.match(meetingPage.body, /Borchester Library Refurbishment/);
  assert.ok(!meetingPage.body.includes(CANARY));
  for (const ext of ["pdf", "docx"]) {
    const r = await publicClient.get(`/minutes/versions/${vid}/minutes.${ext}`);
    assert.equal(r.status, 200);
    assert.ok(!r.body.includes(CANARY));
  }
  assert.match((await publicClient.get(`/office/minutes/versions/${vid}/full.pdf`)).location ?? "", /^\/sign-in/);

  // Writer and reader agree: the published text, read by Minutebook's parser, against what was recorded.
  const store = new MinutesStore(t.repo.sql);
  const version = (await store.version(vid))!;
  const want = renderMinutes(
    toMeetingDoc(
      { body: "Cabinet", authority: "Borsetshire County Council", date: "2027-05-25", location: "County Hall" },
      version.record,
      {
        publicOnly: true,
      },
    ),
  ).meetings;
  const fields = compareHouse(want, await parseBytes("minutes.txt", new TextEncoder().encode(txt.body)));
  const score = fields.filter((f) => f.ok).length / fields.length;
  assert.ok(score >= 0.95, `read back at ${score}: ${JSON.stringify(fields.filter((f) => !f.ok))}`);

  // The decision notice: completed from the minute, published the next morning.
  const notices = await store.notices({ meetingId: ids.m1 });
  assert.equal(notices.length, 1);
  const nid = notices[0].id;
  assert.match(notices[0].conflicts, /Mrs A\. Archer: an other registrable interest/);
  await later("2027-05-26T10:00:00Z"); // Wednesday
  // The clerk's list of work leads back to these minutes, with where they stand.
  const held = (await off.get("/office/reports")).body;
  assert.match(
    held,
    new RegExp(
      `href="/office/meetings/${ids.m1}/minutes">Cabinet</a>[\\s\\S]*?Published \\(version 1\\), to be approved`,
    ),
  );
  await submit(off, `/office/decisions/${nid}`, `/office/decisions/${nid}/publish`, {});
  const notice = async () => (await publicClient.get(`/decision-notices/${nid}`)).body;
  let n = await notice();
  assert.match(n, /Open to call-in: may not be implemented yet/);
  assert.match(n, /2027-05-31 \(Spring bank holiday\)/);
  assert.match(n, /closing Thursday 3 June 2027/);
  await later("2027-05-31T12:00:00Z"); // the bank holiday: still open
  assert.match(await notice(), /Open to call-in/);
  // An invalid call-in (one signatory) does not stop the decision.
  await submit(off, `/office/decisions/${nid}`, `/office/decisions/${nid}/call-ins`, {
    signatories: "Ms L. Snell",
    callInReasons: "Not enough consultation",
  });
  clock = new Date("2027-06-03T16:00:00Z"); // 17:00 BST on the last day: still open
  assert.match(await notice(), /Open to call-in/);
  clock = new Date("2027-06-03T16:01:00Z");
  n = await notice();
  assert.match(n, /<strong>May be implemented\.<\/strong>/);
  assert.ok((await publicClient.get("/decision-notices")).body.includes("Borchester Library Refurbishment"));
  const word = await publicClient.get(`/decision-notices/${nid}/notice.docx`);
  assert.equal(word.status, 200);

  await later("2027-06-03T16:05:00Z");
  // The referral waits for the Scrutiny Commission's next meeting and is offered to its agenda.
  const offered = await referralSource(store)(ids.scrutiny, "2027-06-10");
  assert.deepEqual(
    offered.map((x) => [x.from, x.title]),
    [["Cabinet", "The library refurbishment, for the Commission's comments"]],
  );
  assert.match(
    (await off.get(`/office/meetings/${ids.s1}/minutes`)).body,
    /From Cabinet \(minute 2, Tuesday 25 May 2027\)/,
  );
  // The Commission's agenda builder offers it; once the officer adds it, it is placed and offered no more.
  const agenda = `/office/meetings/${ids.s1}/agenda`;
  assert.match((await off.get(agenda)).body, /The library refurbishment, for the Commission/);
  await submit(off, agenda, `${agenda}/add`, { referral: offered[0].key });
  assert.deepEqual(await referralSource(store)(ids.scrutiny, "2027-06-10"), []);
  assert.match((await off.get(agenda)).body, /The library refurbishment, for the Commission/, "now an agenda item");

  // The next meeting approves the minutes and the chair signs them.
  await later("2027-06-22T13:30:00Z");
  const ws2 = `/office/meetings/${ids.m2}/minutes`;
  await submit(off, ws2, `/office/minutes/versions/${vid}/approve`, { atMeetingId: String(ids.m2) });
  const rhodes = await signIn("chair@example.org", chair.totpSecret!);
  assert.equal(
    (await off.post(`/office/minutes/versions/${vid}/sign`, {}, { from: (await off.get(ws2)).body })).status,
    403,
  );
  await submit(rhodes, ws2, `/office/minutes/versions/${vid}/sign`, {});
  assert.match((await rhodes.get(ws2)).body, /Signed by Mr J\. B\. Rhodes/);
  assert.match((await off.get("/office/reports")).body, /Minutes of meetings held[\s\S]*Approved/);
  const verifyUrl = `/minutes/verify/${ids.cabinet}`;
  assert.match((await publicClient.get(verifyUrl)).body, /All 1 signed minutes verified/);

  // A copy checked by upload: the published bytes match; one byte changed does not.
  const upload = async (text: string) => {
    const c = new Client((p, i) => app.request(p, i));
    const form = await c.get(verifyUrl);
    const fd = new FormData();
    fd.set("_csrf", /name="_csrf" value="([^"]+)"/.exec(form.body)![1]);
    fd.set("file", new File([text], "minutes.txt", { type: "text/plain" }));
    const cookie = [...c.jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const r = await app.request(verifyUrl, {
      method: "POST",
      body: fd,
      headers: { Cookie: cookie, Origin: "http://localhost" },
    });
    return r.text();
  };
  assert.match(
    await upload(txt.body),
    /This copy matches<\/strong> the signed minutes of the meeting of Tuesday 25 May 2027/,
  );
  assert.match(await upload(txt.body.replace("Borchester", "Borchestes")), /This copy does not match/);

  // One byte of the signed version changed in the database behind the store's back: named on the page.
  await t.repo.sql.exec("DROP TRIGGER minutes_versions_frozen");
  await t.repo.sql.run(
    "UPDATE minutes_versions SET public_text = replace(public_text, 'accessibility', 'accessibilitx') WHERE id = ?",
    [vid],
  );
  const broken = (await publicClient.get(verifyUrl)).body;
  assert.match(broken, /Verification failed at signed minutes 1 of 1/);
  assert.match(broken, /the signed minutes have changed since they were signed/);

  // Every change is in the audit trail.
  const audit = await t.store.auditEntries({ limit: 100, offset: 0, action: "minutes.%" });
  const actions = new Set(audit.items.map((e) => e.action));
  for (const a of ["minutes.edited", "minutes.published", "minutes.approved", "minutes.signed"])
    assert.ok(actions.has(a), a);
});
