/**
 * A councillor keeps their own register of interests through the office pages (real routes, a real
 * SQLite store, signed in with password and one-time code): democratic services link their account, the
 * councillor adds entries (one sensitive), changes one and says another has ended; nothing reaches the
 * public page before the monitoring officer approves it, a sensitive entry never does, and an approved
 * change replaces the old entry. A councillor cannot change another's entry or act without a link.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { totpCode } from "../../auth/local";
import { Client, csrfOf, emptyStore, localAccount, type TestStore } from "../../auth/testing";
import { createApp } from "../app";

let t: TestStore;
let app: Hono;
let clock = new Date("2027-01-05T10:00:00Z");
const PASSWORD = "correct horse battery staple";
type Account = { userId: number; totpSecret: string | null };
let dee: Account;
let mo: Account;
let cara: Account;
let other: Account;
let caraPerson: number;
let otherPerson: number;

before(async () => {
  t = await emptyStore();
  app = createApp(t.repo, { now: () => clock, onError: (e) => console.error(e), auth: { secureCookies: false } });
  const made = new Date("2026-06-01T10:00:00Z");
  const account = (name: string, email: string, role: "democratic-services" | "monitoring-officer" | "councillor") =>
    localAccount(t.store, { name, email, password: PASSWORD, grants: [{ role, from: "2026-01-01" }] }, made);
  dee = await account("Dee Services", "dee@example.org", "democratic-services");
  mo = await account("Mo Officer", "mo@example.org", "monitoring-officer");
  cara = await account("Cara Councillor", "cara@example.org", "councillor");
  other = await account("Otto Other", "otto@example.org", "councillor");
  await t.repo.office.setCouncil({ name: "Borsetshire County Council", policy: "principal" });
  const person = (name: string) =>
    t.repo.office.savePerson({
      kind: "councillor",
      name,
      ward: "Ambridge",
      party: "Independent",
      jobTitle: null,
      email: null,
      phone: null,
      photoUrl: null,
      termStart: "2026-05-07",
      termEnd: null,
    });
  caraPerson = await person("Cara Councillor");
  otherPerson = await person("Otto Other");
});
after(async () => t.close());

async function signIn(email: string, a: Account): Promise<Client> {
  clock = new Date(clock.getTime() + 60_000);
  const c = new Client((p, i) => app.request(p, i));
  const form = await c.get("/sign-in");
  const r = await c.post(
    "/sign-in",
    { email, password: PASSWORD, code: totpCode(a.totpSecret as string, clock) },
    { from: form.body },
  );
  assert.equal(r.status, 303, `signed in as ${email}`);
  return c;
}

async function submit(c: Client, path: string, fields: Record<string, string>, from = path): Promise<void> {
  const form = await c.get(from);
  assert.equal(form.status, 200, `${from} opens`);
  const r = await c.post(path, fields, { from: form.body });
  assert.equal(
    r.status,
    303,
    `${path}: ${r.status} ${/govuk-error-summary__list">(.*?)<\/ul>/s.exec(r.body)?.[1] ?? ""}`,
  );
}

const publicPage = async (id: number) => (await app.request(`/councillors/${id}`)).text();

test("a councillor keeps their own register; the monitoring officer approves; sensitive entries stay withheld", async () => {
  const c = await signIn("cara@example.org", cara);
  // The office page leads each person to what their roles let them do.
  assert.match((await c.get("/office")).body, /href="\/office\/my-interests"/);
  assert.doesNotMatch((await c.get("/office")).body, /href="\/office\/interests"/);
  // Not linked yet: told to ask democratic services, and nothing can be sent.
  assert.match((await c.get("/office/my-interests")).body, /not linked to a councillor/);

  const d = await signIn("dee@example.org", dee);
  assert.match((await d.get("/office")).body, /href="\/office\/council"/);
  await submit(d, `/office/people/${caraPerson}/account`, { user: String(cara.userId) });
  await submit(d, `/office/people/${otherPerson}/account`, { user: String(other.userId) });
  const clash = await d.post(
    `/office/people/${otherPerson}/account`,
    { user: String(cara.userId) },
    { from: (await d.get(`/office/people/${otherPerson}/account`)).body },
  );
  assert.equal(clash.status, 400, "one account is one person");
  assert.match(clash.body, /already linked to someone else/);
  const audit = await t.repo.sql.all<{ action: string }>(
    "SELECT action FROM audit_events WHERE action = 'person.account'",
  );
  assert.equal(audit.length, 2, "each link is in the audit trail");

  // The councillor adds two entries; a GOV.UK error first.
  const empty = await c.post(
    "/office/my-interests",
    { category: "" },
    { from: (await c.get("/office/my-interests")).body },
  );
  assert.equal(empty.status, 400);
  assert.match(empty.body, /Select the kind of interest/);
  await submit(
    c,
    "/office/my-interests",
    { category: "employment", description: "Engineer at Grundy Haulage Ltd" },
    "/office/my-interests",
  );
  await submit(
    c,
    "/office/my-interests",
    { category: "land", description: "Home at 4 Brookfield Lane", sensitive: "on" },
    "/office/my-interests",
  );
  const mine = (await c.get("/office/my-interests")).body;
  assert.match(mine, /Waiting for the monitoring officer/);
  assert.match(mine, /Engineer at Grundy Haulage Ltd/);
  assert.doesNotMatch(await publicPage(caraPerson), /Grundy Haulage/, "nothing public before approval");

  // The monitoring officer approves both.
  const m = await signIn("mo@example.org", mo);
  assert.match((await m.get("/office")).body, /href="\/office\/interests"/);
  for (const p of await t.repo.office.pendingInterests(caraPerson)) {
    const page = await m.get("/office/interests");
    assert.match(page.body, new RegExp(p.description));
    const r = await m.post(`/office/interests/${p.id}/approve`, {}, { from: page.body });
    assert.equal(r.status, 303);
  }
  const after1 = await publicPage(caraPerson);
  assert.match(after1, /Engineer at Grundy Haulage Ltd/);
  assert.doesNotMatch(after1, /Brookfield/, "a sensitive entry is withheld from the public register");
  assert.match(after1, /Withheld: a sensitive interest/);

  // A change: the old entry stays public until the change is approved, then the new one replaces it.
  const [job] = (await t.repo.office.interests(caraPerson, "office")).filter((i) => i.category === "employment");
  const changeForm = await c.get(`/office/my-interests?replaces=${job.id}`);
  assert.match(changeForm.body, /Change an entry/);
  assert.match(changeForm.body, /Engineer at Grundy Haulage Ltd<\/textarea>/, "the entry's text is kept to edit");
  await submit(
    c,
    "/office/my-interests",
    { replaces: String(job.id), category: "employment", description: "Director of Grundy Haulage Ltd" },
    `/office/my-interests?replaces=${job.id}`,
  );
  assert.match(await publicPage(caraPerson), /Engineer at Grundy Haulage Ltd/);
  assert.doesNotMatch(await publicPage(caraPerson), /Director of Grundy/);
  const moPage = await m.get("/office/interests");
  assert.match(moPage.body, /Replaces: Engineer at Grundy Haulage Ltd/);
  const [change] = await t.repo.office.pendingInterests(caraPerson);
  assert.equal((await m.post(`/office/interests/${change.id}/approve`, {}, { from: moPage.body })).status, 303);
  const after2 = await publicPage(caraPerson);
  assert.match(after2, /Director of Grundy Haulage Ltd/);
  const jobs = (await t.repo.office.interests(caraPerson, "office")).filter((i) => i.category === "employment");
  assert.deepEqual(
    jobs.map((i) => [i.description, i.endedOn]),
    [
      ["Engineer at Grundy Haulage Ltd", clock.toISOString().slice(0, 10)],
      ["Director of Grundy Haulage Ltd", null],
    ],
  );

  // The sensitive entry has ended: a notice, approved, ends it.
  const [home] = (await t.repo.office.interests(caraPerson, "office")).filter((i) => i.category === "land");
  await submit(
    c,
    "/office/my-interests",
    { replaces: String(home.id), ended: "on", category: "", description: "" },
    `/office/my-interests?replaces=${home.id}`,
  );
  const [notice] = await t.repo.office.pendingInterests(caraPerson);
  assert.equal(notice.endsOnly, true);
  const moPage2 = await m.get("/office/interests");
  assert.match(moPage2.body, /Notice that this entry has ended/);
  assert.equal((await m.post(`/office/interests/${notice.id}/approve`, {}, { from: moPage2.body })).status, 303);
  const land = (await t.repo.office.interests(caraPerson, "office")).filter((i) => i.category === "land");
  assert.equal(land.length, 1, "the notice itself is not an entry");
  assert.ok(land[0].endedOn);

  // Otto cannot change Cara's entries, and the public cannot reach the page.
  const o = await signIn("otto@example.org", other);
  const [current] = (await t.repo.office.interests(caraPerson, "office")).filter((i) => !i.endedOn);
  const page = await o.get("/office/my-interests");
  const forged = await o.post("/office/my-interests", {
    _csrf: csrfOf(page.body),
    replaces: String(current.id),
    category: "employment",
    description: "Forged",
  });
  assert.equal(forged.status, 404);
  assert.equal((await t.repo.office.pendingInterests()).length, 0, "nothing was sent");
  const anon = await app.request("/office/my-interests");
  assert.equal(anon.status, 303);
});
