/**
 * The auth store's cases of the conformance suite (store/conformance.ts runs them on SQLite and
 * PostgreSQL alike): identities keyed by issuer + subject, sessions stored only as hashes with sliding
 * and absolute expiry and sign-out everywhere, dated grants, single-use e-mail tokens, the throttle's
 * window, and the audit chain (append-only, verified, a changed byte named).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { SqlRepository } from "../store/common/sql-repository";
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
}
