/**
 * The passkey tables (auth/schema.ts, migration 17) on either engine, through the store's SqlDb:
 * a local user's WebAuthn credentials (counter and backup flags kept up to date on each use, removal
 * kept as a date) and the challenges issued for registering or signing in, each single-use and
 * expiring. Time is always passed in. auth/conformance.ts holds both engines to it; auth/passkeys.ts
 * holds the rules that use it.
 */
import { randomBytes } from "node:crypto";
import type { SqlDb } from "../store/sql";
import { newToken, sha256 } from "./store";

type Row = Record<string, unknown>;

export type ChallengePurpose = "register" | "sign-in";

export type Passkey = {
  id: number;
  userId: number;
  /** base64url, as the browser reports it. */
  credentialId: string;
  /** The COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports: string[];
  /** "singleDevice" or "multiDevice" (a synced passkey). */
  deviceType: string;
  backedUp: boolean;
  userHandle: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
};

export type NewPasskey = Omit<Passkey, "id" | "createdAt" | "lastUsedAt">;

const iso = (d: Date) => d.toISOString();

function toPasskey(r: Row): Passkey {
  let transports: string[] = [];
  try {
    const t = JSON.parse(String(r.transports));
    if (Array.isArray(t)) transports = t.map(String);
  } catch {
    transports = [];
  }
  return {
    id: Number(r.id),
    userId: Number(r.user_id),
    credentialId: String(r.credential_id),
    publicKey: String(r.public_key),
    counter: Number(r.counter),
    transports,
    deviceType: String(r.device_type),
    backedUp: Number(r.backed_up) === 1,
    userHandle: String(r.user_handle),
    name: String(r.name),
    createdAt: String(r.created_at),
    lastUsedAt: r.last_used_at === null || r.last_used_at === undefined ? null : String(r.last_used_at),
  };
}

export class PasskeyStore {
  constructor(readonly db: SqlDb) {}

  /** The user's passkeys still in use, oldest first. */
  async passkeys(userId: number): Promise<Passkey[]> {
    const rows = await this.db.all<Row>(
      "SELECT * FROM passkeys WHERE user_id = ? AND removed_at IS NULL ORDER BY created_at, id",
      [userId],
    );
    return rows.map(toPasskey);
  }

  async count(userId: number): Promise<number> {
    const r = await this.db.get<{ n: unknown }>(
      "SELECT count(*) AS n FROM passkeys WHERE user_id = ? AND removed_at IS NULL",
      [userId],
    );
    return Number(r?.n ?? 0);
  }

  /** A passkey in use, by the credential id the browser sent (null when unknown or removed). */
  async byCredentialId(credentialId: string): Promise<Passkey | null> {
    const r = await this.db.get<Row>("SELECT * FROM passkeys WHERE credential_id = ? AND removed_at IS NULL", [
      credentialId,
    ]);
    return r ? toPasskey(r) : null;
  }

  /** The WebAuthn user id of this user's passkeys: the one already given, else a new random one. */
  async userHandle(userId: number): Promise<string> {
    const r = await this.db.get<{ user_handle: string }>(
      "SELECT user_handle FROM passkeys WHERE user_id = ? ORDER BY id LIMIT 1",
      [userId],
    );
    return r ? String(r.user_handle) : randomBytes(32).toString("base64url");
  }

  async add(p: NewPasskey, now: Date): Promise<Passkey> {
    const id = await this.db.insert(
      `INSERT INTO passkeys (user_id, credential_id, public_key, counter, transports, device_type, backed_up, user_handle, name, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [
        p.userId,
        p.credentialId,
        p.publicKey,
        p.counter,
        JSON.stringify(p.transports),
        p.deviceType,
        p.backedUp ? 1 : 0,
        p.userHandle,
        p.name,
        iso(now),
      ],
    );
    return { ...p, id, createdAt: iso(now), lastUsedAt: null };
  }

  /**
   * Records a use: the new counter and backup flags. False when the passkey was removed meanwhile, or
   * when the counter did not move forward (a cloned authenticator, or two uses racing); authenticators
   * that keep no counter report 0 every time, which is allowed while the stored counter is 0 too.
   */
  async recordUse(
    id: number,
    use: { counter: number; deviceType: string; backedUp: boolean },
    now: Date,
  ): Promise<boolean> {
    const n = await this.db.run(
      `UPDATE passkeys SET counter = ?, device_type = ?, backed_up = ?, last_used_at = ?
       WHERE id = ? AND removed_at IS NULL AND (counter < ? OR (counter = 0 AND ? = 0))`,
      [use.counter, use.deviceType, use.backedUp ? 1 : 0, iso(now), id, use.counter, use.counter],
    );
    return n === 1;
  }

  /** Removes one of the user's passkeys; false when it is not theirs or already removed. */
  async remove(userId: number, id: number, now: Date): Promise<boolean> {
    const n = await this.db.run(
      "UPDATE passkeys SET removed_at = ? WHERE id = ? AND user_id = ? AND removed_at IS NULL",
      [iso(now), id, userId],
    );
    return n === 1;
  }

  /** Issues a challenge for one user; returns the token the browser holds (only its hash is stored). */
  async issueChallenge(
    userId: number,
    purpose: ChallengePurpose,
    challenge: string,
    now: Date,
    ttlMs: number,
  ): Promise<string> {
    // Expired challenges are of no use to anyone: each issue sweeps them.
    await this.db.run("DELETE FROM passkey_challenges WHERE expires_at <= ?", [iso(now)]);
    const token = newToken();
    await this.db.run(
      `INSERT INTO passkey_challenges (token_sha256, purpose, user_id, challenge, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [sha256(token), purpose, userId, challenge, iso(now), iso(new Date(now.getTime() + ttlMs))],
    );
    return token;
  }

  /**
   * Uses up the challenge a token names: its user and challenge, once. Null when the token is unknown,
   * for another purpose, expired, or used already (the second of two racing requests gets null).
   */
  async takeChallenge(
    token: string,
    purpose: ChallengePurpose,
    now: Date,
  ): Promise<{ userId: number; challenge: string } | null> {
    if (!token) return null;
    const r = await this.db.get<Row>(
      "SELECT * FROM passkey_challenges WHERE token_sha256 = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?",
      [sha256(token), purpose, iso(now)],
    );
    if (!r) return null;
    const n = await this.db.run("UPDATE passkey_challenges SET used_at = ? WHERE id = ? AND used_at IS NULL", [
      iso(now),
      Number(r.id),
    ]);
    return n === 1 ? { userId: Number(r.user_id), challenge: String(r.challenge) } : null;
  }

  /** The user and challenge a live token names, without using it up (to show the page that answers it). */
  async peekChallenge(
    token: string,
    purpose: ChallengePurpose,
    now: Date,
  ): Promise<{ userId: number; challenge: string } | null> {
    if (!token) return null;
    const r = await this.db.get<Row>(
      "SELECT user_id, challenge FROM passkey_challenges WHERE token_sha256 = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?",
      [sha256(token), purpose, iso(now)],
    );
    return r ? { userId: Number(r.user_id), challenge: String(r.challenge) } : null;
  }
}
