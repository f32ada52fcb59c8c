/**
 * The server-side rules of passkeys (auth/passkeys.ts) over a real SQLite store, with a software
 * authenticator (test-authenticator.ts) signing real WebAuthn answers: the relying party from the base
 * URL; registration bound to its challenge, user, origin and RP ID; the sign-in step after the
 * password (a passkey may replace the code, and must when it is the only second factor); challenges
 * single-use and expiring; counters forward only; removed passkeys dead; failures throttled and audited.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { totpCode } from "./local";
import { PasskeyStore } from "./passkey-store";
import {
  CHALLENGE_TTL_MS,
  checkPasskeyName,
  finishRegistration,
  finishSecondFactor,
  recentSignIn,
  relyingParty,
  removePasskey,
  signInOptions,
  startPasskeySignIn,
  startRegistration,
} from "./passkeys";
import { signInLocal } from "./signin";
import type { User } from "./store";
import { SoftPasskey } from "./test-authenticator";
import { emptyStore, localAccount, type TestStore } from "./testing";

const ORIGIN = "https://records.example.gov.uk";
const rp = relyingParty(ORIGIN);
const T0 = new Date("2026-12-07T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const throttle = { windowMs: 15 * 60_000, perAccount: 5, perClient: 50 };

let t: TestStore;
let ps: PasskeyStore;
let n = 0;

before(async () => {
  t = await emptyStore();
  ps = new PasskeyStore(t.store.db);
});
after(async () => t?.close());

async function account(o: { totp?: boolean } = {}) {
  const email = `member${++n}@example.org`;
  const a = await localAccount(t.store, { name: `Member ${n}`, email, password: "a long local password", ...o }, T0);
  return { ...a, email, user: (await t.store.user(a.userId)) as User };
}

async function register(user: User, email: string, key: SoftPasskey, now = T0, name = "Laptop") {
  const { token, options } = await startRegistration(ps, rp, { ...user, email }, now);
  return finishRegistration(t.store, rp, user, { token, response: JSON.stringify(key.register(options)), name }, now);
}

/** The passkey step as the pages run it: a challenge for the user, its options, then an answer. */
async function step(userId: number, now = T0) {
  const token = await startPasskeySignIn(ps, userId, now);
  const issued = await ps.peekChallenge(token, "sign-in", now);
  assert.ok(issued);
  return { token, options: await signInOptions(ps, rp, userId, issued.challenge) };
}

const finish = (token: string, answer: unknown, now = T0, extra: { code?: string; cancelled?: boolean } = {}) =>
  finishSecondFactor(
    t.store,
    rp,
    { token, response: answer ? JSON.stringify(answer) : "", client: "192.0.2.1", ...extra },
    now,
    { throttle },
  );

describe("passkeys: the relying party and names", () => {
  test("the RP ID is the base URL's host name and the origin the whole base URL", () => {
    assert.deepEqual(relyingParty("https://records.example.gov.uk"), {
      id: "records.example.gov.uk",
      origin: "https://records.example.gov.uk",
      name: "Minutebook",
      usable: true,
    });
    assert.deepEqual(relyingParty("http://localhost:8080", "Parish Council"), {
      id: "localhost",
      origin: "http://localhost:8080",
      name: "Parish Council",
      usable: true,
    });
    // Browsers refuse IP addresses as RP IDs: loopback becomes localhost, any other means no passkeys.
    for (const loop of ["http://127.0.0.1:3000", "http://[::1]:3000"])
      assert.deepEqual(
        [relyingParty(loop).id, relyingParty(loop).origin, relyingParty(loop).usable],
        ["localhost", "http://localhost:3000", true],
      );
    assert.equal(relyingParty("https://192.0.2.10").usable, false);
    assert.equal(relyingParty("https://[2001:db8::1]").usable, false);
  });

  test("a name is trimmed to one line and must be given and short", () => {
    assert.deepEqual(checkPasskeyName("  Work \n laptop "), { ok: true, name: "Work laptop" });
    assert.equal(checkPasskeyName("   ").ok, false);
    assert.equal(checkPasskeyName("x".repeat(61)).ok, false);
  });

  test("a sign-in counts as recent for ten minutes", () => {
    const s = { createdAt: T0.toISOString() };
    assert.equal(recentSignIn(s, at(9 * 60_000)), true);
    assert.equal(recentSignIn(s, at(11 * 60_000)), false);
    assert.equal(recentSignIn(null, T0), false);
  });
});

describe("passkeys: registration", () => {
  test("a passkey answering its own challenge is stored with counter and backup flags, and audited", async () => {
    const a = await account();
    const { options } = await startRegistration(ps, rp, { ...a.user, email: a.email }, T0);
    assert.equal(options.rp.id, "records.example.gov.uk");
    assert.equal(options.authenticatorSelection?.userVerification, "preferred");
    assert.equal(options.user.name, a.email);
    const laptop = new SoftPasskey(ORIGIN);
    const r = await register(a.user, a.email, laptop, T0, "  Work laptop ");
    assert.ok(r.ok);
    assert.deepEqual(
      [r.passkey.name, r.passkey.counter, r.passkey.deviceType, r.passkey.backedUp, r.passkey.credentialId],
      ["Work laptop", 0, "singleDevice", false, laptop.id],
    );
    const phone = new SoftPasskey(ORIGIN);
    const { token, options: again } = await startRegistration(ps, rp, { ...a.user, email: a.email }, T0);
    assert.deepEqual(
      again.excludeCredentials?.map((c) => c.id),
      [laptop.id],
      "an authenticator already added is excluded",
    );
    const synced = await finishRegistration(
      t.store,
      rp,
      a.user,
      { token, response: JSON.stringify(phone.register(again, { synced: true })), name: "Phone" },
      T0,
    );
    assert.ok(synced.ok);
    assert.deepEqual([synced.passkey.deviceType, synced.passkey.backedUp], ["multiDevice", true]);
    assert.deepEqual(
      (await ps.passkeys(a.userId)).map((p) => p.name),
      ["Work laptop", "Phone"],
    );
    const audit = await t.store.auditEntries({ limit: 5, offset: 0, action: "passkey.register" });
    assert.deepEqual(JSON.parse(audit.items[0].detail), {
      user: a.userId,
      name: "Phone",
      deviceType: "multiDevice",
      backedUp: true,
      userVerified: true,
    });
  });

  test("a challenge is used once, expires, belongs to one user; origin and RP ID must be this site's", async () => {
    const a = await account();
    const b = await account();
    const key = new SoftPasskey(ORIGIN);
    const { token, options } = await startRegistration(ps, rp, { ...a.user, email: a.email }, T0);
    const response = JSON.stringify(key.register(options));
    // Another user cannot finish a's registration (and it is spent by trying).
    assert.deepEqual(await finishRegistration(t.store, rp, b.user, { token, response, name: "x" }, T0), {
      ok: false,
      reason: "expired",
    });
    assert.deepEqual(await finishRegistration(t.store, rp, a.user, { token, response, name: "x" }, T0), {
      ok: false,
      reason: "expired",
    });
    const late = await startRegistration(ps, rp, { ...a.user, email: a.email }, T0);
    assert.deepEqual(
      await finishRegistration(
        t.store,
        rp,
        a.user,
        { token: late.token, response: JSON.stringify(key.register(late.options)), name: "x" },
        at(CHALLENGE_TTL_MS + 1),
      ),
      { ok: false, reason: "expired" },
    );
    for (const wrong of [{ origin: "https://evil.example" }, { rpId: "evil.example" }]) {
      const s = await startRegistration(ps, rp, { ...a.user, email: a.email }, T0);
      const r = await finishRegistration(
        t.store,
        rp,
        a.user,
        { token: s.token, response: JSON.stringify(key.register(s.options, wrong)), name: "x" },
        T0,
      );
      assert.deepEqual(r, { ok: false, reason: "invalid" }, JSON.stringify(wrong));
    }
    // An answer to another challenge.
    const s1 = await startRegistration(ps, rp, { ...a.user, email: a.email }, T0);
    const s2 = await startRegistration(ps, rp, { ...a.user, email: a.email }, T0);
    assert.deepEqual(
      await finishRegistration(
        t.store,
        rp,
        a.user,
        { token: s2.token, response: JSON.stringify(key.register(s1.options)), name: "x" },
        T0,
      ),
      { ok: false, reason: "invalid" },
    );
    assert.equal(await ps.count(a.userId), 0);
    // Not JSON at all.
    const s3 = await startRegistration(ps, rp, { ...a.user, email: a.email }, T0);
    assert.deepEqual(
      await finishRegistration(t.store, rp, a.user, { token: s3.token, response: "{nope", name: "x" }, T0),
      { ok: false, reason: "invalid" },
    );
    // The same credential a second time.
    assert.ok((await register(a.user, a.email, key)).ok);
    assert.deepEqual(await register(a.user, a.email, key), { ok: false, reason: "known" });
  });
});

describe("passkeys: signing in after the password", () => {
  test("with a passkey and no code the password leads to the passkey step; the code still works; a passkey-only user must use it", async () => {
    const both = await account();
    await register(both.user, both.email, new SoftPasskey(ORIGIN));
    const pw = { email: both.email, password: "a long local password", client: "192.0.2.9" };
    const r = await signInLocal(t.store, { ...pw, code: "" }, T0, { throttle, requireSecondFactor: true });
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.reason === "passkey" && r.totp === true && r.user.id === both.userId);
    const code = totpCode(both.totpSecret as string, T0);
    assert.equal((await signInLocal(t.store, { ...pw, code }, T0, { throttle })).ok, true);
    // A wrong password never reaches the passkey step.
    const wrong = await signInLocal(t.store, { ...pw, password: "not it", code: "" }, T0, { throttle });
    assert.ok(!wrong.ok && wrong.reason === "credentials");

    const only = await account({ totp: false });
    await register(only.user, only.email, new SoftPasskey(ORIGIN));
    const o = await signInLocal(
      t.store,
      { email: only.email, password: "a long local password", code: "123456", client: "192.0.2.9" },
      T0,
      { throttle, requireSecondFactor: true },
    );
    assert.ok(!o.ok && o.reason === "passkey" && o.totp === false, "a code is no way round the passkey");
    const none = await account({ totp: false });
    const x = await signInLocal(
      t.store,
      { email: none.email, password: "a long local password", code: "", client: "192.0.2.9" },
      T0,
      { throttle, requireSecondFactor: true },
    );
    assert.ok(!x.ok && x.reason === "code-needed");
  });

  test("the passkey's answer signs in once; counter and flags are kept; the sign-in is audited", async () => {
    const a = await account();
    const key = new SoftPasskey(ORIGIN);
    const reg = await register(a.user, a.email, key);
    assert.ok(reg.ok);
    const { token, options } = await step(a.userId);
    assert.deepEqual(
      options.allowCredentials?.map((c) => c.id),
      [key.id],
    );
    assert.equal(options.userVerification, "preferred");
    assert.equal(options.rpId, rp.id);
    const answer = key.answer(options, { synced: true });
    const r = await finish(token, answer, at(1000));
    assert.ok(r.ok && r.method === "passkey" && r.user.id === a.userId && r.passkeyId === reg.passkey.id);
    const stored = (await ps.passkeys(a.userId))[0];
    assert.deepEqual(
      [stored.counter, stored.deviceType, stored.backedUp, stored.lastUsedAt],
      [1, "multiDevice", true, at(1000).toISOString()],
    );
    const audit = await t.store.auditEntries({ limit: 1, offset: 0, action: "sign-in" });
    assert.deepEqual(JSON.parse(audit.items[0].detail), {
      method: "local",
      factor: "passkey",
      passkey: reg.passkey.id,
    });
    // The same token again: its challenge is spent.
    assert.deepEqual(await finish(token, answer, at(2000)), { ok: false, reason: "expired", userId: null });
    // The same answer with a fresh challenge: refused (it signed another challenge).
    const fresh = await step(a.userId);
    const replay = await finish(fresh.token, answer, at(3000));
    assert.ok(!replay.ok && replay.reason === "passkey");
  });

  test("another challenge, a late answer, another site, a counter going back, another user's or a removed passkey: all refused", async () => {
    const a = await account();
    const b = await account();
    const key = new SoftPasskey(ORIGIN);
    const theirs = new SoftPasskey(ORIGIN);
    const reg = await register(a.user, a.email, key);
    await register(b.user, b.email, theirs);
    assert.ok(reg.ok);
    const refused = async (make: (o: { challenge: string }) => unknown, now = T0) => {
      const s = await step(a.userId);
      const r = await finish(s.token, make(s.options), now);
      assert.equal(r.ok, false);
      return r;
    };
    const other = await step(a.userId);
    assert.equal((await refused(() => key.answer(other.options))).ok, false);
    assert.deepEqual(
      await refused((o) => key.answer(o), at(CHALLENGE_TTL_MS + 1)),
      { ok: false, reason: "expired", userId: null },
      "too late",
    );
    await refused((o) => key.answer(o, { origin: "https://evil.example" }));
    await refused((o) => key.answer(o, { rpId: "evil.example" }));
    await refused((o) => theirs.answer(o));
    // A working answer moves the counter to 10; a clone still at 4 is refused.
    const ok = await step(a.userId);
    assert.equal((await finish(ok.token, key.answer(ok.options, { counter: 10 }))).ok, true);
    await refused((o) => key.answer(o, { counter: 4 }));
    await refused((o) => key.answer(o, { counter: 10 }));
    // Removed: its own owner only, audited; then its answers are refused.
    assert.equal(await removePasskey(t.store, b.user, reg.passkey.id, T0), false, "not b's to remove");
    assert.equal(await removePasskey(t.store, a.user, reg.passkey.id, T0), true);
    const removed = await t.store.auditEntries({ limit: 1, offset: 0, action: "passkey.remove" });
    assert.equal(removed.items[0].object, `passkey:${reg.passkey.id}`);
    await refused((o) => key.answer(o));
    const failures = await t.store.auditEntries({ limit: 1, offset: 0, action: "sign-in.failed" });
    assert.deepEqual(JSON.parse(failures.items[0].detail), { reason: "passkey" });
  });

  test("failed answers are throttled with wrong passwords; a closed prompt is not counted; the app's code also works here", async () => {
    const a = await account();
    const key = new SoftPasskey(ORIGIN);
    await register(a.user, a.email, key);
    // Closing the browser's prompt is not a guess.
    for (let i = 0; i < 6; i++) {
      const s = await step(a.userId);
      const r = await finish(s.token, null, T0, { cancelled: true });
      assert.ok(!r.ok && r.reason === "cancelled");
    }
    const code = await step(a.userId);
    const byCode = await finish(code.token, null, T0, { code: totpCode(a.totpSecret as string, T0) });
    assert.ok(byCode.ok && byCode.method === "totp");
    for (let i = 0; i < 5; i++) {
      const s = await step(a.userId);
      const r = await finish(s.token, key.answer({ challenge: "bm90IHRoaXMgb25l" }), at(i));
      assert.ok(!r.ok && r.reason === "passkey");
    }
    const s = await step(a.userId);
    const r = await finish(s.token, key.answer(s.options), at(10));
    assert.ok(!r.ok && r.reason === "throttled", "the sixth try is stopped even with a good answer");
  });
});
