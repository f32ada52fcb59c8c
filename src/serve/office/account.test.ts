/**
 * Invitations and password resets end to end through real parts: an administrator invites a person on
 * the admin page, nodemailer delivers to a real SMTP server on loopback, the message is parsed back with
 * mailparser and its link followed; the invitee chooses a password and proves the authenticator key
 * with a code computed here. Then a reset: e-mail, link, new password, every old session ended.
 * Also: who may see the admin pages, grants given and ended through the form, and the audit pages.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { totpCode } from "../../auth/local";
import { smtpMailer } from "../../auth/mail";
import { type MailSink, startMailSink } from "../../auth/test-mail";
import { Client, emptyStore, localAccount, type TestStore } from "../../auth/testing";
import { createApp } from "../app";

let t: TestStore;
let app: Hono;
let mail: MailSink;
let clock = new Date("2026-12-07T10:00:00Z");
const tick = (ms = 31_000) => {
  clock = new Date(clock.getTime() + ms);
};
let admin: { userId: number; totpSecret: string | null };
let adminClient: Client;
const SITE = "http://minutebook.test";

async function signIn(c: Client, email: string, password: string, secret: string) {
  tick();
  const page = await c.get("/sign-in");
  const r = await c.post("/sign-in", { email, password, code: totpCode(secret, clock) }, { from: page.body });
  assert.equal(r.status, 303, r.body.slice(0, 300));
}

before(async () => {
  t = await emptyStore();
  mail = await startMailSink();
  app = createApp(t.repo, {
    now: () => clock,
    baseUrl: SITE,
    onError: (e) => console.error(e),
    auth: { secureCookies: false, mailer: smtpMailer(mail.url, "Minutebook <no-reply@minutebook.test>") },
  });
  admin = await localAccount(
    t.store,
    {
      name: "Ada Admin",
      email: "ada@council.example",
      password: "administrator password",
      grants: [{ role: "administrator" }],
    },
    clock,
  );
  adminClient = new Client((p, i) => app.request(p, i));
  await signIn(adminClient, "ada@council.example", "administrator password", admin.totpSecret as string);
});
after(async () => {
  await mail.close();
  await t.close();
});

test("an invitation goes by e-mail; its link sets a password and an authenticator, and signs the person in", async () => {
  const form = await adminClient.get("/office/admin/invite");
  assert.equal(form.status, 200);
  const bad = await adminClient.post(
    "/office/admin/invite",
    { name: "", email: "not-an-address" },
    { from: form.body },
  );
  assert.equal(bad.status, 400);
  assert.match(bad.body, /<title>Error: Invite a person/);
  assert.match(bad.body, /href="#name">Enter the person&#39;s full name/);
  assert.match(bad.body, /id="email"[^>]*value="not-an-address"/);
  const sent = await adminClient.post(
    "/office/admin/invite",
    { name: "Colin Co-opted", email: "Colin@Example.org" },
    { from: bad.body },
  );
  assert.equal(sent.status, 200, sent.body.slice(0, 500));
  assert.match(sent.body, /Invitation sent/);

  const m = await mail.next("colin@example.org");
  assert.equal(m.subject, "You have been invited to Minutebook");
  const link = /http:\/\/minutebook\.test(\/account\/setup\?token=[A-Za-z0-9_-]+)/.exec(m.text ?? "");
  assert.ok(link, m.text);

  const invitee = new Client((p, i) => app.request(p, i));
  const setup = await invitee.get(link[1]);
  assert.equal(setup.status, 200);
  const key = /id="totp-key">([A-Z2-7 ]+)</.exec(setup.body)?.[1].replaceAll(" ", "");
  assert.ok(key);
  const mismatch = await invitee.post(
    "/account/setup",
    { token: link[1].split("token=")[1], password: "a long new password", confirm: "another one entirely", code: "" },
    { from: setup.body },
  );
  assert.equal(mismatch.status, 400);
  assert.match(mismatch.body, /The passwords do not match/);
  assert.match(mismatch.body, /href="#code"/);
  const done = await invitee.post(
    "/account/setup",
    {
      token: link[1].split("token=")[1],
      password: "a long new password",
      confirm: "a long new password",
      code: totpCode(key, clock),
    },
    { from: mismatch.body },
  );
  assert.equal(done.status, 303);
  assert.equal(done.location, "/office");
  assert.match((await invitee.get("/office")).body, /Signed in as <strong>Colin Co-opted/);
  assert.equal((await new Client((p, i) => app.request(p, i)).get(link[1])).status, 400, "the link works once");

  // The administrator gives Colin a co-opted seat through the form.
  const colin = await t.store.localByEmail("colin@example.org");
  assert.ok(colin);
  const person = await adminClient.get(`/office/admin/people/${colin.userId}`);
  const missing = await adminClient.post(
    `/office/admin/people/${colin.userId}/grant`,
    { role: "co-opted", committee: "", from: "2026-12-01", to: "" },
    { from: person.body },
  );
  assert.equal(missing.status, 400);
  assert.match(missing.body, /Select the committee this seat is on/);
  const granted = await adminClient.post(
    `/office/admin/people/${colin.userId}/grant`,
    { role: "co-opted", committee: "3", from: "2026-12-01", to: "" },
    { from: person.body },
  );
  assert.equal(granted.status, 303);
  const grants = await t.store.grantsOf(colin.userId);
  assert.deepEqual(
    grants.map((g) => [g.role, g.committeeId, g.from, g.to]),
    [["co-opted", 3, "2026-12-01", null]],
  );
  const list = await adminClient.get("/office/admin/people");
  assert.match(list.body, /Colin Co-opted[\s\S]*Co-opted member, Committee 3 \(Current\)/);
  const end = await adminClient.post(
    `/office/admin/grants/${grants[0].id}/end`,
    { on: "2026-12-07" },
    { from: list.body },
  );
  assert.equal(end.status, 303);
  assert.equal((await t.store.grantsOf(colin.userId))[0].to, "2026-12-07");
});

test("a password reset goes by e-mail, changes the password once, and ends every session", async () => {
  const dora = await localAccount(
    t.store,
    { name: "Dora Member", email: "dora@example.org", password: "the old password!" },
    clock,
  );
  const browser = new Client((p, i) => app.request(p, i));
  await signIn(browser, "dora@example.org", "the old password!", dora.totpSecret as string);
  assert.equal((await browser.get("/office")).status, 200);

  const anon = new Client((p, i) => app.request(p, i));
  const form = await anon.get("/account/reset");
  const unknown = await anon.post("/account/reset", { email: "nobody@example.org" }, { from: form.body });
  assert.match(unknown.body, /If nobody@example.org has an account/);
  const asked = await anon.post("/account/reset", { email: "dora@example.org" }, { from: form.body });
  assert.match(asked.body, /If dora@example.org has an account/, "the same answer either way");
  const m = await mail.next("dora@example.org");
  const link = /http:\/\/minutebook\.test(\/account\/reset\/new\?token=[A-Za-z0-9_-]+)/.exec(m.text ?? "");
  assert.ok(link, m.text);
  assert.equal(mail.messages.filter((x) => JSON.stringify(x.to).includes("nobody@example.org")).length, 0);

  const page = await anon.get(link[1]);
  assert.equal(page.status, 200);
  const short = await anon.post(
    "/account/reset/new",
    { token: link[1].split("token=")[1], password: "short", confirm: "short" },
    { from: page.body },
  );
  assert.equal(short.status, 400);
  assert.match(short.body, /must be 12 characters or more/);
  const ok = await anon.post(
    "/account/reset/new",
    { token: link[1].split("token=")[1], password: "the brand new password", confirm: "the brand new password" },
    { from: short.body },
  );
  assert.equal(ok.status, 200);
  assert.match(ok.body, /Your password has been changed/);
  assert.equal((await browser.get("/office")).status, 303, "the old session ended");
  await signIn(
    new Client((p, i) => app.request(p, i)),
    "dora@example.org",
    "the brand new password",
    dora.totpSecret as string,
  );
  assert.equal((await anon.get(link[1])).status, 400, "the link works once");
});

test("only an administrator (and officers, to look) reach the admin pages; the audit trail is read, checked and exported", async () => {
  const member = await localAccount(
    t.store,
    {
      name: "Mo Member",
      email: "mo@example.org",
      password: "member password!",
      grants: [{ role: "committee-member", committeeId: 3 }],
    },
    clock,
  );
  const c = new Client((p, i) => app.request(p, i));
  await signIn(c, "mo@example.org", "member password!", member.totpSecret as string);
  for (const path of ["/office/admin/people", "/office/admin/invite", "/office/audit", "/office/audit.csv"])
    assert.equal((await c.get(path)).status, 403, path);
  assert.equal(
    (await new Client((p, i) => app.request(p, i)).get("/office/audit")).status,
    303,
    "the public is asked to sign in",
  );

  const audit = await adminClient.get("/office/audit");
  assert.equal(audit.status, 200);
  assert.match(
    audit.body,
    /entries check out/,
    audit.body.slice(audit.body.indexOf("<main"), audit.body.indexOf("<main") + 600),
  );
  assert.match(audit.body, /account\.invite/);
  assert.match(audit.body, /role\.grant/);
  const csv = await adminClient.get("/office/audit.csv");
  assert.equal(csv.status, 200);
  assert.match(csv.body, /^seq,at,actor_id,action,object,detail,prev_sha256,sha256\r\n1,/);
  const last = await t.store.auditEntries({ limit: 1, offset: 0 });
  assert.equal(last.items[0].action, "audit.export", "the export itself is recorded");
});
