/**
 * The passkey pages over HTTP, as a browser without JavaScript sends them (a cookie jar, the form
 * token), with a software authenticator standing in for navigator.credentials: adding a passkey from
 * the account page; without an answer the page says a passkey needs JavaScript; stopping the
 * authenticator app leaves a passkey-only account, whose code no longer works and whose passkey must be
 * used; its last passkey cannot be removed; another person's passkey cannot be removed.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { totpCode } from "../../auth/local";
import { PasskeyStore } from "../../auth/passkey-store";
import { SoftPasskey } from "../../auth/test-authenticator";
import { Client, emptyStore, localAccount, type TestStore } from "../../auth/testing";
import { createApp } from "../app";

const ORIGIN = "http://localhost";
const EMAIL = "pat@example.org";
const PASSWORD = "a long local password";
let t: TestStore;
let app: Hono;
let clock = new Date("2026-12-07T10:00:00Z");
let pat: { userId: number; totpSecret: string | null };
const laptop = new SoftPasskey(ORIGIN);
let otherSecret: string | null = null;

before(async () => {
  t = await emptyStore();
  app = createApp(t.repo, {
    now: () => clock,
    baseUrl: ORIGIN,
    onError: (e) => console.error(e),
    auth: { secureCookies: false },
  });
  pat = await localAccount(t.store, { name: "Pat Passkey", email: EMAIL, password: PASSWORD }, clock);
});
after(async () => t?.close());

const tick = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
const optionsOf = (page: string) => {
  const m = /data-options="([^"]*)"/.exec(page);
  assert.ok(m, "the page carries WebAuthn options");
  return JSON.parse(unescapeHtml(m[1]));
};
const tokenOf = (page: string) => /name="token" value="([^"]+)"/.exec(page)?.[1] ?? "";

async function signIn(code: string): Promise<{ c: Client; status: number; location: string | null }> {
  const c = new Client((p, i) => app.request(p, i), ORIGIN);
  const form = await c.get("/sign-in");
  const r = await c.post("/sign-in", { email: EMAIL, password: PASSWORD, code }, { from: form.body });
  return { c, status: r.status, location: r.location };
}

test("the account page adds a named passkey; without an answer it says a passkey needs JavaScript", async () => {
  tick(60_000);
  const { c, location } = await signIn(totpCode(pat.totpSecret as string, clock));
  assert.equal(location, "/office");
  assert.match((await c.get("/office")).body, /href="\/account"/);
  const page = await c.get("/account");
  assert.equal(page.status, 200);
  assert.match(page.body, /data-passkey-nojs>Adding a passkey needs JavaScript/);
  assert.match(page.body, /You have no passkeys yet/);
  // The form sent without JavaScript: no answer.
  const nojs = await c.post("/account/passkeys", { token: tokenOf(page.body), name: "Laptop" }, { from: page.body });
  assert.equal(nojs.status, 400);
  assert.match(nojs.body, /Adding a passkey needs JavaScript. Turn it on/);
  // With an authenticator's answer to the page's options.
  const fresh = await c.get("/account");
  const answer = laptop.register(optionsOf(fresh.body));
  const added = await c.post(
    "/account/passkeys",
    { token: tokenOf(fresh.body), name: "Laptop", response: JSON.stringify(answer) },
    { from: fresh.body },
  );
  assert.deepEqual([added.status, added.location], [303, "/account?added=1"]);
  const listed = await c.get("/account?added=1");
  assert.match(listed.body, /Your passkey has been added/);
  assert.match(listed.body, /<th scope="row" class="govuk-table__header">Laptop<\/th>/);
  // The same answer again (its challenge is spent) is refused.
  const again = await c.post(
    "/account/passkeys",
    { token: tokenOf(fresh.body), name: "Laptop again", response: JSON.stringify(answer) },
    { from: fresh.body },
  );
  assert.equal(again.status, 400);
  assert.match(again.body, /The page had expired/);
  assert.equal(await new PasskeyStore(t.store.db).count(pat.userId), 1);
});

test("stopping the authenticator app leaves a passkey-only account: its code is refused and the passkey signs in", async () => {
  tick(60_000);
  const { c } = await signIn(totpCode(pat.totpSecret as string, clock));
  const account = await c.get("/account");
  assert.match(account.body, /stop using your authenticator app/);
  // Twenty minutes on, the password is asked for again.
  tick(20 * 60_000);
  const confirm = await c.get("/account/authenticator-app/remove");
  assert.match(confirm.body, /name="password"/);
  const wrong = await c.post("/account/authenticator-app/remove", { password: "not it" }, { from: confirm.body });
  assert.equal(wrong.status, 400);
  assert.match(wrong.body, /The password is not right/);
  const done = await c.post("/account/authenticator-app/remove", { password: PASSWORD }, { from: confirm.body });
  assert.deepEqual([done.status, done.location], [303, "/account?app-removed=1"]);
  const audit = await t.store.auditEntries({ limit: 1, offset: 0, action: "totp.remove" });
  assert.equal(audit.items[0].object, `user:${pat.userId}`);
  // Its last passkey cannot be removed now.
  const key = (await new PasskeyStore(t.store.db).passkeys(pat.userId))[0];
  const removePage = await c.get(`/account/passkeys/${key.id}/remove`);
  assert.match(removePage.body, /cannot be removed/);
  const refused = await c.post(`/account/passkeys/${key.id}/remove`, { password: PASSWORD }, { from: removePage.body });
  assert.equal(refused.status, 400);
  assert.equal(await new PasskeyStore(t.store.db).count(pat.userId), 1);

  // Signing in: even with a code, the password leads to the passkey step, with no code form.
  tick(60_000);
  const s = await signIn(totpCode(pat.totpSecret as string, clock));
  assert.deepEqual([s.status, s.location], [303, "/sign-in/passkey?next=%2Foffice"]);
  const step = await s.c.get("/sign-in/passkey?next=%2Foffice");
  assert.equal(step.status, 200);
  assert.doesNotMatch(step.body, /name="code"/);
  assert.match(step.body, /Using a passkey needs JavaScript/);
  const code = await s.c.post(
    "/sign-in/passkey",
    { code: totpCode(pat.totpSecret as string, clock), next: "/office" },
    { from: step.body },
  );
  assert.equal(code.status, 400);
  // The failure issued a new challenge; the software passkey answers the page's options.
  const soft = new SoftPasskey(ORIGIN);
  assert.notEqual(soft.id, key.credentialId, "a passkey the account does not have");
  const stranger = await s.c.post(
    "/sign-in/passkey",
    { response: JSON.stringify(soft.answer(optionsOf(code.body))), next: "/office" },
    { from: code.body },
  );
  assert.equal(stranger.status, 400);
  assert.match(stranger.body, /That passkey did not confirm it is you/);
  const signedIn = await s.c.post(
    "/sign-in/passkey",
    { response: JSON.stringify(laptop.answer(optionsOf(stranger.body))), next: "/office" },
    { from: stranger.body },
  );
  assert.deepEqual([signedIn.status, signedIn.location], [303, "/office"]);
  assert.match((await s.c.get("/office")).body, /Signed in as <strong>Pat Passkey<\/strong>/);
});

test("nobody removes another person's passkey, and the public is sent to sign in", async () => {
  const other = await localAccount(
    t.store,
    { name: "Other Person", email: "other@example.org", password: PASSWORD },
    clock,
  );
  otherSecret = other.totpSecret;
  const c = new Client((p, i) => app.request(p, i), ORIGIN);
  const form = await c.get("/sign-in");
  tick(60_000);
  await c.post(
    "/sign-in",
    { email: "other@example.org", password: PASSWORD, code: totpCode(other.totpSecret as string, clock) },
    { from: form.body },
  );
  const key = (await new PasskeyStore(t.store.db).passkeys(pat.userId))[0];
  const page = await c.get(`/account/passkeys/${key.id}/remove`);
  assert.equal(page.status, 404);
  const office = await c.get("/office");
  const r = await c.post(`/account/passkeys/${key.id}/remove`, { password: PASSWORD }, { from: office.body });
  assert.equal(r.status, 404);
  assert.equal(await new PasskeyStore(t.store.db).count(pat.userId), 1);
  const anon = new Client((p, i) => app.request(p, i), ORIGIN);
  const denied = await anon.get("/account");
  assert.equal(denied.status, 303);
  assert.match(denied.location ?? "", /^\/sign-in\?next=/);
});

test("a site known by its loopback address points to localhost for passkeys; one known by another IP address offers none", async () => {
  const pages: string[] = [];
  for (const baseUrl of ["http://127.0.0.1:3000", "https://192.0.2.10"]) {
    const other = createApp(t.repo, { now: () => clock, baseUrl, auth: { secureCookies: false } });
    const c = new Client((p, i) => other.request(p, i), ORIGIN);
    const form = await c.get("/sign-in");
    tick(60_000);
    const r = await c.post(
      "/sign-in",
      { email: "other@example.org", password: PASSWORD, code: totpCode(otherSecret as string, clock) },
      { from: form.body },
    );
    assert.equal(r.status, 303);
    pages.push((await c.get("/account")).body);
  }
  assert.match(pages[0], /open <a class="govuk-link" href="http:\/\/localhost:3000\/account">/);
  assert.doesNotMatch(pages[0], /data-options=/);
  assert.match(pages[1], /Passkeys cannot be used on this site yet/);
  assert.doesNotMatch(pages[1], /data-options=/);
});
