/**
 * Local sign-in through the app's real routes and a real SQLite store (app.request, a cookie jar):
 * password + TOTP second factor, a used code refused, GOV.UK errors with input kept, form tokens and
 * Origin checks, the throttle, guarded pages, cookie flags, sign-out and sign-out everywhere.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { totpCode } from "../../auth/local";
import { Client, emptyStore, localAccount, type TestStore } from "../../auth/testing";
import { createApp } from "../app";

let t: TestStore;
let app: Hono;
let clock = new Date("2026-12-07T10:00:00Z");
const tick = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
let member: { userId: number; totpSecret: string | null };
let sam: { userId: number; totpSecret: string | null };
const PASSWORD = "correct horse battery staple";

before(async () => {
  t = await emptyStore();
  app = createApp(t.repo, { now: () => clock, onError: (e) => console.error(e), auth: { secureCookies: false } });
  member = await localAccount(
    t.store,
    {
      name: "Priya Co-opted",
      email: "priya@example.org",
      password: PASSWORD,
      grants: [{ role: "co-opted", committeeId: 7, from: "2026-05-20" }],
    },
    clock,
  );
  sam = await localAccount(t.store, { name: "Sam Substitute", email: "sam@example.org", password: PASSWORD }, clock);
});
after(async () => t.close());

const client = () => new Client((p, i) => app.request(p, i));

test("sign-in needs the password and the one-time code; a used code is refused the second time", async () => {
  const c = client();
  const form = await c.get("/sign-in");
  assert.equal(form.status, 200);
  assert.match(form.body, /<h1 class="govuk-heading-l">Sign in<\/h1>/);

  const noCode = await c.post(
    "/sign-in",
    { email: "priya@example.org", password: PASSWORD, code: "" },
    { from: form.body },
  );
  assert.equal(noCode.status, 400);
  assert.match(noCode.body, /<title>Error: Sign in/);
  assert.match(noCode.body, /govuk-error-summary[\s\S]*href="#code"/);
  assert.match(noCode.body, /id="email"[^>]*value="priya@example.org"/, "the e-mail is kept");

  const code = totpCode(member.totpSecret as string, clock);
  const ok = await c.post("/sign-in", { email: "priya@example.org", password: PASSWORD, code }, { from: noCode.body });
  assert.equal(ok.status, 303);
  assert.equal(ok.location, "/office");
  const office = await c.get("/office");
  assert.equal(office.status, 200);
  assert.match(office.body, /Signed in as <strong>Priya Co-opted<\/strong>/);
  assert.match(office.body, /Co-opted member/);
  assert.equal(office.headers.get("cache-control"), "private, no-store");

  const other = client();
  const page = await other.get("/sign-in");
  const replay = await other.post(
    "/sign-in",
    { email: "priya@example.org", password: PASSWORD, code },
    { from: page.body },
  );
  assert.equal(replay.status, 400, "the same code cannot open a second session");
  assert.match(replay.body, /The code is not right or has been used/);
});

test("a wrong password and an unknown e-mail get the same answer; the throttle stops the sixth try even with the right password", async () => {
  tick(60_000);
  const c = client();
  let page = (await c.get("/sign-in")).body;
  const unknown = await c.post(
    "/sign-in",
    { email: "nobody@example.org", password: "whatever it is", code: "" },
    { from: page },
  );
  assert.equal(unknown.status, 400);
  assert.match(unknown.body, /The e-mail address or password is not right/);
  for (let i = 0; i < 5; i++) {
    const r = await c.post("/sign-in", { email: "SAM@example.org", password: `wrong ${i}`, code: "" }, { from: page });
    assert.equal(r.status, 400);
    assert.match(r.body, /The e-mail address or password is not right/);
    page = r.body;
  }
  tick(30_000);
  const code = totpCode(sam.totpSecret as string, clock);
  const blocked = await c.post("/sign-in", { email: "sam@example.org", password: PASSWORD, code }, { from: page });
  assert.equal(blocked.status, 429);
  assert.match(blocked.body, /Too many attempts/);
  tick(16 * 60_000); // the window passes
  const code2 = totpCode(sam.totpSecret as string, clock);
  const ok = await c.post("/sign-in", { email: "sam@example.org", password: PASSWORD, code: code2 }, { from: page });
  assert.equal(ok.status, 303);
});

test("forms without the form token, or posted from another site, are refused", async () => {
  const c = client();
  const page = await c.get("/sign-in");
  const code = totpCode(member.totpSecret as string, clock);
  const noToken = await c.post("/sign-in", { email: "priya@example.org", password: PASSWORD, code });
  assert.equal(noToken.status, 403);
  const crossSite = await c.post(
    "/sign-in",
    { email: "priya@example.org", password: PASSWORD, code },
    { from: page.body, headers: { Origin: "https://evil.example" } },
  );
  assert.equal(crossSite.status, 403);
});

test("a guarded page sends the public to sign in and back; sign-out and sign-out everywhere end sessions", async () => {
  const anon = client();
  const r = await anon.get("/office");
  assert.equal(r.status, 303);
  assert.equal(r.location, "/sign-in?next=%2Foffice");

  tick(60_000);
  const a = client();
  const b = client();
  for (const c of [a, b]) {
    tick(31_000); // a fresh code for each
    const page = await c.get("/sign-in?next=/office");
    const code = totpCode(member.totpSecret as string, clock);
    const ok = await c.post(
      "/sign-in",
      { email: "priya@example.org", password: PASSWORD, code, next: "/office" },
      { from: page.body },
    );
    assert.equal(ok.status, 303);
    const cookie = ok.headers.getSetCookie().find((x) => x.startsWith("minutebook-session="));
    assert.ok(cookie);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
  }
  const officeA = await a.get("/office");
  assert.match(officeA.body, /signed in in 2 places|signed in in [2-9] places/);
  const out = await a.post("/account/sign-out-everywhere", {}, { from: officeA.body });
  assert.equal(out.status, 303);
  assert.equal((await b.get("/office")).status, 303, "the other browser's session ended too");
  assert.equal((await a.get("/office")).status, 303);
});

test("with secure cookies the session cookie is Secure and __Host- prefixed", async () => {
  const secureApp = createApp(t.repo, { now: () => clock, auth: { secureCookies: true } });
  const c = new Client(
    (p, i) => secureApp.request(`https://records.example.gov.uk${p}`, i),
    "https://records.example.gov.uk",
  );
  tick(31_000);
  const page = await c.get("/sign-in");
  const code = totpCode(member.totpSecret as string, clock);
  const ok = await c.post("/sign-in", { email: "priya@example.org", password: PASSWORD, code }, { from: page.body });
  assert.equal(ok.status, 303);
  const cookie = ok.headers.getSetCookie().find((x) => x.startsWith("__Host-minutebook-session="));
  assert.ok(cookie, ok.headers.getSetCookie().join(" | "));
  assert.match(cookie, /Secure/);
  assert.match(cookie, /Path=\//);
});
