/**
 * The auth store's cases of the conformance suite (store/conformance.ts runs them on SQLite and
 * PostgreSQL alike): identities keyed by issuer + subject, sessions stored only as hashes with sliding
 * and absolute expiry and sign-out everywhere, dated grants, single-use e-mail tokens, the throttle's
 * window, the audit chain (append-only, verified, a changed byte named), and passkeys with their
 * single-use, expiring challenges.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { SqlRepository } from "../store/common/sql-repository";
import { PasskeyStore } from "./passkey-store";
import { AuthStore, sha256 } from "./store";

const T0 = new Date("2026-12-07T10:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);
const HOUR = 3600_000;

export function authConformance(repo: () => SqlRepository, engine: string): void {
  const store = () => new AuthStore(repo().sql);

  test("auth: users are keyed by issuer + subject, never by e-mail", async () => {
    const s = store();
    const a = await s.userForIdentity("https://idp.example", "sub-1", { displayName: "Ann", email: "a@x.gov.uk" }, T0);
    assert.equal(a.created, true);
    const again = await s.userForIdentity("https://idp.example", "sub-1", { displayName: "Renamed", email: null }, T0);
    assert.deepEqual([again.created, again.user.id], [false, a.user.id]);
    // The same e-mail at another issuer is another person.
    const b = await s.userForIdentity(
      "https://other.example",
      "sub-1",
      { displayName: "Ann", email: "a@x.gov.uk" },
      T0,
    );
    assert.notEqual(b.user.id, a.user.id);
  });

  test("auth: a session is stored as the SHA-256 of its token, slides, stops at its absolute limit, and ends everywhere", async () => {
    const s = store();
    const u = await s.createLocalAccount({ displayName: "Co-opted Member", email: `co-${engine}@example.org` }, T0);
    const policy = { idleMs: 2 * HOUR, absoluteMs: 5 * HOUR };
    const { token } = await s.createSession(u.id, "local", T0, policy);
    const stored = await repo().sql.all<{ token_sha256: string }>(
      "SELECT token_sha256 FROM sessions WHERE user_id = ?",
      [u.id],
    );
    assert.deepEqual(
      stored.map((r) => r.token_sha256),
      [sha256(token)],
    );
    assert.ok(
      !JSON.stringify(await repo().sql.all("SELECT * FROM sessions")).includes(token),
      "the token itself is not stored",
    );
    assert.equal((await s.session(token, later(1.5 * HOUR), policy))?.user.id, u.id);
    assert.equal((await s.session(token, later(3 * HOUR), policy))?.user.id, u.id, "use slid the expiry");
    assert.equal(await s.session(token, later(5.5 * HOUR), policy), null, "absolute limit");
    assert.equal(await s.session("not-a-token", T0, policy), null);

    const one = await s.createSession(u.id, "local", T0);
    const two = await s.createSession(u.id, "local", T0);
    assert.equal((await s.liveSessions(u.id, T0)).length >= 2, true);
    assert.ok((await s.revokeAllSessions(u.id, T0)) >= 2);
    assert.equal(await s.session(one.token, T0), null);
    assert.equal(await s.session(two.token, T0), null);
  });

  test("auth: dated grants; scope checked; ending a grant keeps its history", async () => {
    const s = store();
    const u = await s.createUser({ displayName: "Cllr Grant" }, T0);
    await assert.rejects(
      s.grant({ userId: u.id, role: "committee-member", committeeId: null, from: "2026-01-01", to: null }, null, T0),
      /names its committee/,
    );
    await assert.rejects(
      s.grant({ userId: u.id, role: "monitoring-officer", committeeId: 3, from: "2026-01-01", to: null }, null, T0),
      /whole council/,
    );
    const g = await s.grant(
      { userId: u.id, role: "committee-member", committeeId: 3, from: "2026-05-20", to: null },
      null,
      T0,
    );
    const ended = await s.endGrant(g.id, "2026-11-30", null, T0);
    assert.equal(ended.to, "2026-11-30");
    const p = await s.principal(u.id);
    assert.deepEqual(
      p.grants.map((x) => [x.role, x.committeeId, x.from, x.to]),
      [["committee-member", 3, "2026-05-20", "2026-11-30"]],
    );
    assert.equal(
      (await s.allGrants({ committeeId: 3 })).some((x) => x.id === g.id),
      true,
    );
  });

  test("auth: e-mail tokens are single-use, expire, and keep their purpose", async () => {
    const s = store();
    const u = await s.createUser({ displayName: "Invitee" }, T0);
    const t = await s.createEmailToken(u.id, "invite", T0, HOUR);
    assert.equal(await s.consumeEmailToken(t, "reset", later(1)), null);
    assert.equal(await s.consumeEmailToken(t, "invite", later(2 * HOUR)), null);
    assert.equal(await s.consumeEmailToken(t, "invite", later(1)), u.id);
    assert.equal(await s.consumeEmailToken(t, "invite", later(2)), null);
  });

  test("auth: the throttle counts failures inside its window", async () => {
    const s = store();
    const key = `account:throttle-${engine}@example.org`;
    for (let i = 0; i < 3; i++) await s.recordFailure(key, later(i * 60_000));
    assert.equal(await s.failuresSince(key, later(-1)), 3);
    assert.equal(await s.failuresSince(key, later(90_000)), 1);
    await s.clearFailures(key);
    assert.equal(await s.failuresSince(key, later(-1)), 0);
  });

  test("auth: the audit trail is a hash chain; the store refuses edits; a changed byte is named", async () => {
    const s = store();
    const before = (await s.verifyAudit()).entries;
    for (let i = 0; i < 5; i++)
      await s.audit({ actorId: 1, action: "test.event", object: `thing:${i}`, detail: { i } }, later(i));
    const ok = await s.verifyAudit();
    assert.deepEqual(ok, { ok: true, entries: before + 5 });
    // The head: the newest entry's number and hash, as `minutebook audit head` prints it.
    const head = await s.auditHead();
    const newest = (await s.auditEntries({ limit: 1, offset: 0 })).items[0];
    assert.deepEqual([head?.seq, head?.sha256], [newest.seq, newest.sha256]);
    assert.deepEqual(await s.verifyAudit([{ seq: newest.seq, sha256: newest.sha256 }]), ok);
    assert.equal((await s.verifyAudit([{ seq: newest.seq + 1, sha256: newest.sha256 }])).ok, false);
    await assert.rejects(repo().sql.run("UPDATE audit_events SET object = 'x' WHERE seq = 1"), /append-only/);
    await assert.rejects(repo().sql.run("DELETE FROM audit_events WHERE seq = 1"), /append-only/);
  });
  test("auth: passkeys are kept per user with counter and backup flags; removal ends them; the counter only moves forward", async () => {
    const s = store();
    const ps = new PasskeyStore(repo().sql);
    const u = await s.createLocalAccount({ displayName: "Pat Passkey", email: `pk-${engine}@example.org` }, T0);
    const other = await s.createLocalAccount({ displayName: "Other", email: `pk-other-${engine}@example.org` }, T0);
    const handle = await ps.userHandle(u.id);
    const base = {
      userId: u.id,
      publicKey: "cHVibGljLWtleQ",
      counter: 5,
      transports: ["internal", "hybrid"],
      deviceType: "multiDevice",
      backedUp: true,
      userHandle: handle,
    };
    const a = await ps.add({ ...base, credentialId: `cred-a-${engine}`, name: "Laptop" }, T0);
    const b = await ps.add({ ...base, credentialId: `cred-b-${engine}`, name: "Phone", counter: 0 }, later(1));
    assert.equal(await ps.userHandle(u.id), handle, "one WebAuthn user id for all of a user's passkeys");
    await assert.rejects(ps.add({ ...base, credentialId: `cred-a-${engine}`, name: "Again" }, T0));
    assert.deepEqual(
      (await ps.passkeys(u.id)).map((p) => [p.name, p.counter, p.transports, p.deviceType, p.backedUp]),
      [
        ["Laptop", 5, ["internal", "hybrid"], "multiDevice", true],
        ["Phone", 0, ["internal", "hybrid"], "multiDevice", true],
      ],
    );
    assert.equal(await ps.count(u.id), 2);
    assert.equal(await ps.count(other.id), 0);
    // Counters: forward only; an authenticator without a counter reports 0 each time, which is allowed at 0.
    assert.equal(await ps.recordUse(a.id, { counter: 5, deviceType: "multiDevice", backedUp: true }, later(2)), false);
    assert.equal(await ps.recordUse(a.id, { counter: 9, deviceType: "singleDevice", backedUp: false }, later(2)), true);
    assert.equal(await ps.recordUse(b.id, { counter: 0, deviceType: "multiDevice", backedUp: true }, later(2)), true);
    const used = await ps.byCredentialId(`cred-a-${engine}`);
    assert.deepEqual(
      [used?.counter, used?.deviceType, used?.backedUp, used?.lastUsedAt],
      [9, "singleDevice", false, later(2).toISOString()],
    );
    // Removal: only by its owner, once; then it is unknown.
    assert.equal(await ps.remove(other.id, a.id, later(3)), false);
    assert.equal(await ps.remove(u.id, a.id, later(3)), true);
    assert.equal(await ps.remove(u.id, a.id, later(3)), false);
    assert.equal(await ps.byCredentialId(`cred-a-${engine}`), null);
    assert.equal(await ps.recordUse(a.id, { counter: 99, deviceType: "x", backedUp: false }, later(4)), false);
    assert.deepEqual(
      (await ps.passkeys(u.id)).map((p) => p.name),
      ["Phone"],
    );
  });

  test("auth: passkey challenges are single-use, expire, keep their purpose, and are stored as hashes", async () => {
    const s = store();
    const ps = new PasskeyStore(repo().sql);
    const u = await s.createLocalAccount({ displayName: "Chal Lenge", email: `ch-${engine}@example.org` }, T0);
    const token = await ps.issueChallenge(u.id, "sign-in", "Y2hhbGxlbmdl", T0, 5 * 60_000);
    assert.ok(!JSON.stringify(await repo().sql.all("SELECT * FROM passkey_challenges")).includes(token));
    assert.equal(await ps.takeChallenge(token, "register", later(1)), null, "another purpose");
    assert.deepEqual(await ps.peekChallenge(token, "sign-in", later(1)), { userId: u.id, challenge: "Y2hhbGxlbmdl" });
    assert.deepEqual(await ps.takeChallenge(token, "sign-in", later(1)), { userId: u.id, challenge: "Y2hhbGxlbmdl" });
    assert.equal(await ps.takeChallenge(token, "sign-in", later(2)), null, "used once only");
    assert.equal(await ps.peekChallenge(token, "sign-in", later(2)), null);
    const late = await ps.issueChallenge(u.id, "register", "bGF0ZQ", T0, 5 * 60_000);
    assert.equal(await ps.takeChallenge(late, "register", later(5 * 60_000)), null, "expired");
    assert.equal(await ps.takeChallenge("", "register", T0), null);
    // Two answers racing for one challenge: exactly one gets it.
    const raced = await ps.issueChallenge(u.id, "sign-in", "cmFjZQ", T0, 60_000);
    const both = await Promise.all([
      ps.takeChallenge(raced, "sign-in", later(1)),
      ps.takeChallenge(raced, "sign-in", later(1)),
    ]);
    assert.equal(both.filter((x) => x !== null).length, 1);
  });
}
