/**
 * The auth tables (auth/schema.ts) on either engine, through the store's SqlDb: users and their
 * identities, local credentials, sessions (only the token's SHA-256 is kept), dated role grants,
 * e-mail tokens, the sign-in throttle's failures and the hash-chained audit trail. Time is always
 * passed in. The same SQL runs on SQLite and PostgreSQL; auth/conformance.ts holds both to it.
 *
 * The audit trail's head (newest entry's number and hash) is also written, after every append, to the
 * head file outside the database when one is configured (MINUTEBOOK_AUDIT_HEAD_FILE, or the
 * `auditHeadFile` option), so that deleting the newest entries is caught (auth/audit.ts says what this
 * does and does not protect against).
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { SqlConn, SqlDb, SqlValue } from "../store/sql";
import {
  type AuditEntry,
  type AuditHead,
  type AuditInput,
  type ChainReport,
  formatHead,
  nextEntry,
  parseHead,
  verifyChain,
} from "./audit";
import { COUNCIL_ROLES, type Grant, type Principal, ROLES, type Role, SEAT_ROLES } from "./policy";

type Row = Record<string, unknown>;

export type User = {
  id: number;
  displayName: string;
  email: string | null;
  createdAt: string;
  disabledAt: string | null;
};

export type SessionRecord = {
  id: number;
  userId: number;
  formToken: string;
  method: string;
  createdAt: string;
  expiresAt: string;
};

export type GrantRecord = Grant & {
  id: number;
  userId: number;
  source: "minutebook" | "idp";
  grantedBy: number | null;
  grantedAt: string;
  endedBy: number | null;
  endedAt: string | null;
};

export type LocalCredential = {
  userId: number;
  email: string;
  passwordHash: string | null;
  totpSecret: string | null;
  totpConfirmedAt: string | null;
  lastTotpStep: number | null;
};

export type SessionPolicy = {
  /** A session unused this long ends (sliding). */
  idleMs: number;
  /** No session lasts longer than this from sign-in. */
  absoluteMs: number;
};
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 2 * 3600_000, absoluteMs: 12 * 3600_000 };

export class AuthError extends Error {}

export const sha256 = (s: string): string => createHash("sha256").update(s).digest("hex");
/** A random token for a cookie or a link: 32 bytes, base64url. */
export const newToken = (): string => randomBytes(32).toString("base64url");

const iso = (d: Date) => d.toISOString();
const num = (v: unknown): number => Number(v);
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function toUser(r: Row): User {
  return {
    id: num(r.id),
    displayName: String(r.display_name),
    email: str(r.email),
    createdAt: String(r.created_at),
    disabledAt: str(r.disabled_at),
  };
}

function toGrant(r: Row): GrantRecord {
  return {
    id: num(r.id),
    userId: num(r.user_id),
    role: String(r.role) as Role,
    committeeId: r.committee_id === null ? null : num(r.committee_id),
    from: String(r.valid_from),
    to: str(r.valid_to),
    source: String(r.source) === "idp" ? "idp" : "minutebook",
    grantedBy: r.granted_by === null ? null : num(r.granted_by),
    grantedAt: String(r.granted_at),
    endedBy: r.ended_by === null ? null : num(r.ended_by),
    endedAt: str(r.ended_at),
  };
}

function toEntry(r: Row): AuditEntry {
  return {
    seq: num(r.seq),
    at: String(r.at),
    actorId: r.actor_id === null ? null : num(r.actor_id),
    action: String(r.action),
    object: String(r.object),
    detail: String(r.detail),
    prevSha256: String(r.prev_sha256),
    sha256: String(r.sha256),
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type AuthStoreOptions = {
  /** Where the audit head is kept outside the database (default: MINUTEBOOK_AUDIT_HEAD_FILE; none when unset). */
  auditHeadFile?: string | null;
};

/** The head recorded in a head file; null when there is no file. Throws, naming the file, when it is unreadable. */
export function readHeadFile(file: string): AuditHead | null {
  if (!existsSync(file)) return null;
  const head = parseHead(readFileSync(file, "utf8"));
  if (!head) throw new Error(`${file}: not an audit head (expected "minutebook-audit-head <seq> <sha256>")`);
  return head;
}

/** Records `e` as the head unless the file already records a later one (another process appended since). */
function writeHeadFile(file: string, e: AuditEntry): void {
  const current = existsSync(file) ? parseHead(readFileSync(file, "utf8")) : null;
  if (current && current.seq >= e.seq) return;
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${formatHead(e)}\n`);
  renameSync(tmp, file);
}

export class AuthStore {
  readonly auditHeadFile: string | null;

  constructor(
    readonly db: SqlDb,
    opts: AuthStoreOptions = {},
  ) {
    this.auditHeadFile =
      opts.auditHeadFile !== undefined ? opts.auditHeadFile : process.env.MINUTEBOOK_AUDIT_HEAD_FILE || null;
  }

  // -------------------------------------------------------------------------------------------
  // Users and identities

  async createUser(
    u: { displayName: string; email?: string | null },
    now: Date,
    conn: SqlConn = this.db,
  ): Promise<User> {
    const id = await conn.insert("INSERT INTO users (display_name, email, created_at) VALUES (?, ?, ?) RETURNING id", [
      u.displayName,
      u.email ?? null,
      iso(now),
    ]);
    return { id, displayName: u.displayName, email: u.email ?? null, createdAt: iso(now), disabledAt: null };
  }

  async user(id: number): Promise<User | null> {
    const r = await this.db.get<Row>("SELECT * FROM users WHERE id = ?", [id]);
    return r ? toUser(r) : null;
  }

  async users(): Promise<User[]> {
    return (await this.db.all<Row>("SELECT * FROM users ORDER BY display_name, id")).map(toUser);
  }

  async userByIdentity(issuer: string, subject: string): Promise<User | null> {
    const r = await this.db.get<Row>(
      "SELECT u.* FROM users u JOIN user_identities i ON i.user_id = u.id WHERE i.issuer = ? AND i.subject = ?",
      [issuer, subject],
    );
    return r ? toUser(r) : null;
  }

  async linkIdentity(userId: number, issuer: string, subject: string, now: Date): Promise<void> {
    await this.db.run("INSERT INTO user_identities (user_id, issuer, subject, created_at) VALUES (?, ?, ?, ?)", [
      userId,
      issuer,
      subject,
      iso(now),
    ]);
  }

  /** The user an OpenID provider's (issuer, subject) names, created on first sign-in. Never matched by e-mail. */
  async userForIdentity(
    issuer: string,
    subject: string,
    profile: { displayName: string; email: string | null },
    now: Date,
  ): Promise<{ user: User; created: boolean }> {
    const existing = await this.userByIdentity(issuer, subject);
    if (existing) return { user: existing, created: false };
    return this.db.transaction(async (tx) => {
      const user = await this.createUser(profile, now, tx);
      await tx.run("INSERT INTO user_identities (user_id, issuer, subject, created_at) VALUES (?, ?, ?, ?)", [
        user.id,
        issuer,
        subject,
        iso(now),
      ]);
      return { user, created: true };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Local accounts

  async createLocalAccount(u: { displayName: string; email: string }, now: Date): Promise<User> {
    const email = u.email.trim().toLowerCase();
    if (await this.localByEmail(email))
      throw new AuthError(`An account with the e-mail address ${email} already exists`);
    return this.db.transaction(async (tx) => {
      const user = await this.createUser({ displayName: u.displayName, email }, now, tx);
      await tx.run("INSERT INTO local_credentials (user_id, email) VALUES (?, ?)", [user.id, email]);
      return user;
    });
  }

  async localByEmail(email: string): Promise<LocalCredential | null> {
    const r = await this.db.get<Row>("SELECT * FROM local_credentials WHERE email = ?", [email.trim().toLowerCase()]);
    return r ? this.toLocal(r) : null;
  }

  async localByUser(userId: number): Promise<LocalCredential | null> {
    const r = await this.db.get<Row>("SELECT * FROM local_credentials WHERE user_id = ?", [userId]);
    return r ? this.toLocal(r) : null;
  }

  private toLocal(r: Row): LocalCredential {
    return {
      userId: num(r.user_id),
      email: String(r.email),
      passwordHash: str(r.password_hash),
      totpSecret: str(r.totp_secret),
      totpConfirmedAt: str(r.totp_confirmed_at),
      lastTotpStep: r.last_totp_step === null ? null : num(r.last_totp_step),
    };
  }

  async setPasswordHash(userId: number, hash: string): Promise<void> {
    await this.db.run("UPDATE local_credentials SET password_hash = ? WHERE user_id = ?", [hash, userId]);
  }

  async setTotp(userId: number, secret: string | null, confirmedAt: Date | null): Promise<void> {
    await this.db.run(
      "UPDATE local_credentials SET totp_secret = ?, totp_confirmed_at = ?, last_totp_step = NULL WHERE user_id = ?",
      [secret, confirmedAt ? iso(confirmedAt) : null, userId],
    );
  }

  async confirmTotp(userId: number, at: Date): Promise<void> {
    await this.db.run(
      "UPDATE local_credentials SET totp_confirmed_at = ? WHERE user_id = ? AND totp_secret IS NOT NULL",
      [iso(at), userId],
    );
  }

  /** Records the TOTP time step just used; false when it (or a later one) was used already (a replayed code). */
  async useTotpStep(userId: number, step: number): Promise<boolean> {
    const n = await this.db.run(
      "UPDATE local_credentials SET last_totp_step = ? WHERE user_id = ? AND (last_totp_step IS NULL OR last_totp_step < ?)",
      [step, userId, step],
    );
    return n === 1;
  }

  // -------------------------------------------------------------------------------------------
  // Sessions

  /** Starts a session; returns the cookie token (only its hash is stored) and the session's form token. */
  async createSession(
    userId: number,
    method: string,
    now: Date,
    policy: SessionPolicy = DEFAULT_SESSION_POLICY,
  ): Promise<{ token: string; session: SessionRecord }> {
    const token = newToken();
    const formToken = newToken();
    const expiresAt = iso(new Date(now.getTime() + Math.min(policy.idleMs, policy.absoluteMs)));
    const id = await this.db.insert(
      `INSERT INTO sessions (token_sha256, user_id, form_token, method, created_at, last_seen_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [sha256(token), userId, formToken, method, iso(now), iso(now), expiresAt],
    );
    return { token, session: { id, userId, formToken, method, createdAt: iso(now), expiresAt } };
  }

  /**
   * The live session a cookie token opens at `now`, its expiry slid forward (never past the absolute
   * limit); null when unknown, expired, revoked, or its user is disabled.
   */
  async session(
    token: string,
    now: Date,
    policy: SessionPolicy = DEFAULT_SESSION_POLICY,
  ): Promise<{ session: SessionRecord; user: User } | null> {
    const r = await this.db.get<Row>(
      `SELECT s.id AS session_id, s.form_token, s.method, s.created_at AS session_created, s.expires_at, s.revoked_at, u.*
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_sha256 = ?`,
      [sha256(token)],
    );
    if (!r || r.revoked_at !== null || r.disabled_at !== null) return null;
    if (String(r.expires_at) <= iso(now)) return null;
    const created = new Date(String(r.session_created)).getTime();
    const expiresAt = iso(new Date(Math.min(now.getTime() + policy.idleMs, created + policy.absoluteMs)));
    await this.db.run("UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?", [
      iso(now),
      expiresAt,
      num(r.session_id),
    ]);
    return {
      session: {
        id: num(r.session_id),
        userId: num(r.id),
        formToken: String(r.form_token),
        method: String(r.method),
        createdAt: String(r.session_created),
        expiresAt,
      },
      user: toUser(r),
    };
  }

  async revokeSession(token: string, now: Date): Promise<void> {
    await this.db.run("UPDATE sessions SET revoked_at = ? WHERE token_sha256 = ? AND revoked_at IS NULL", [
      iso(now),
      sha256(token),
    ]);
  }

  /** Sign-out everywhere: every live session of the user ends. Returns how many. */
  async revokeAllSessions(userId: number, now: Date): Promise<number> {
    return this.db.run("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", [
      iso(now),
      userId,
    ]);
  }

  async liveSessions(userId: number, now: Date): Promise<SessionRecord[]> {
    const rows = await this.db.all<Row>(
      "SELECT * FROM sessions WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at",
      [userId, iso(now)],
    );
    return rows.map((r) => ({
      id: num(r.id),
      userId: num(r.user_id),
      formToken: String(r.form_token),
      method: String(r.method),
      createdAt: String(r.created_at),
      expiresAt: String(r.expires_at),
    }));
  }

  // -------------------------------------------------------------------------------------------
  // Role grants

  /** Grants a role from `from` to `to` (inclusive dates; to null = until ended). Checks the role's scope. */
  async grant(
    g: { userId: number; role: Role; committeeId: number | null; from: string; to: string | null },
    by: number | null,
    now: Date,
    source: "minutebook" | "idp" = "minutebook",
  ): Promise<GrantRecord> {
    if (!ROLES.includes(g.role)) throw new AuthError(`Unknown role ${g.role}`);
    if (SEAT_ROLES.includes(g.role) && g.committeeId === null)
      throw new AuthError(`A ${g.role} grant names its committee`);
    if (COUNCIL_ROLES.includes(g.role) && g.committeeId !== null)
      throw new AuthError(`A ${g.role} grant is for the whole council, not one committee`);
    if (!DATE.test(g.from) || (g.to !== null && !DATE.test(g.to))) throw new AuthError("Dates are YYYY-MM-DD");
    if (g.to !== null && g.to < g.from) throw new AuthError("The end date is before the start date");
    const id = await this.db.insert(
      `INSERT INTO role_grants (user_id, role, committee_id, valid_from, valid_to, source, granted_by, granted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [g.userId, g.role, g.committeeId, g.from, g.to, source, by, iso(now)],
    );
    return { ...g, id, source, grantedBy: by, grantedAt: iso(now), endedBy: null, endedAt: null };
  }

  /** Ends a grant on `lastDay` (inclusive; never extends a grant that already ends earlier). */
  async endGrant(id: number, lastDay: string, by: number | null, now: Date): Promise<GrantRecord> {
    if (!DATE.test(lastDay)) throw new AuthError("Dates are YYYY-MM-DD");
    const g = await this.grantById(id);
    if (!g) throw new AuthError(`No role grant ${id}`);
    const to = g.to !== null && g.to < lastDay ? g.to : lastDay < g.from ? g.from : lastDay;
    await this.db.run("UPDATE role_grants SET valid_to = ?, ended_by = ?, ended_at = ? WHERE id = ?", [
      to,
      by,
      iso(now),
      id,
    ]);
    return { ...g, to, endedBy: by, endedAt: iso(now) };
  }

  async grantById(id: number): Promise<GrantRecord | null> {
    const r = await this.db.get<Row>("SELECT * FROM role_grants WHERE id = ?", [id]);
    return r ? toGrant(r) : null;
  }

  async grantsOf(userId: number): Promise<GrantRecord[]> {
    return (
      await this.db.all<Row>("SELECT * FROM role_grants WHERE user_id = ? ORDER BY valid_from, id", [userId])
    ).map(toGrant);
  }

  /** Every grant (who holds what), optionally of one committee. */
  async allGrants(filter: { committeeId?: number } = {}): Promise<GrantRecord[]> {
    const where = filter.committeeId !== undefined ? "WHERE committee_id = ?" : "";
    const params: SqlValue[] = filter.committeeId !== undefined ? [filter.committeeId] : [];
    return (await this.db.all<Row>(`SELECT * FROM role_grants ${where} ORDER BY user_id, valid_from, id`, params)).map(
      toGrant,
    );
  }

  /** The person the policy function judges. */
  async principal(userId: number): Promise<Principal> {
    return { userId, grants: await this.grantsOf(userId) };
  }

  // -------------------------------------------------------------------------------------------
  // E-mail tokens (invitations, password resets)

  async createEmailToken(userId: number, purpose: "invite" | "reset", now: Date, ttlMs: number): Promise<string> {
    const token = newToken();
    await this.db.run(
      "INSERT INTO email_tokens (token_sha256, purpose, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
      [sha256(token), purpose, userId, iso(now), iso(new Date(now.getTime() + ttlMs))],
    );
    return token;
  }

  /** The user a live token names (without using it up). */
  async peekEmailToken(token: string, purpose: "invite" | "reset", now: Date): Promise<number | null> {
    const r = await this.db.get<Row>(
      "SELECT user_id FROM email_tokens WHERE token_sha256 = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?",
      [sha256(token), purpose, iso(now)],
    );
    return r ? num(r.user_id) : null;
  }

  /** Uses a token up: its user, or null when unknown, used, expired or of another purpose. */
  async consumeEmailToken(token: string, purpose: "invite" | "reset", now: Date): Promise<number | null> {
    const userId = await this.peekEmailToken(token, purpose, now);
    if (userId === null) return null;
    const n = await this.db.run("UPDATE email_tokens SET used_at = ? WHERE token_sha256 = ? AND used_at IS NULL", [
      iso(now),
      sha256(token),
    ]);
    return n === 1 ? userId : null;
  }

  // -------------------------------------------------------------------------------------------
  // Sign-in throttle

  async recordFailure(key: string, now: Date): Promise<void> {
    await this.db.run("INSERT INTO login_failures (key, at) VALUES (?, ?)", [key, iso(now)]);
  }

  async failuresSince(key: string, since: Date): Promise<number> {
    const r = await this.db.get<{ n: unknown }>("SELECT count(*) AS n FROM login_failures WHERE key = ? AND at > ?", [
      key,
      iso(since),
    ]);
    return num(r?.n ?? 0);
  }

  async clearFailures(key: string): Promise<void> {
    await this.db.run("DELETE FROM login_failures WHERE key = ?", [key]);
  }

  // -------------------------------------------------------------------------------------------
  // Audit trail

  /** Appends one entry to the chain (retried when another writer took the same number first). */
  async audit(input: AuditInput, now: Date): Promise<AuditEntry> {
    const e = await this.appendAudit(input, now);
    if (this.auditHeadFile) writeHeadFile(this.auditHeadFile, e);
    return e;
  }

  private async appendAudit(input: AuditInput, now: Date): Promise<AuditEntry> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.transaction(async (tx) => {
          const last = await tx.get<Row>("SELECT * FROM audit_events ORDER BY seq DESC LIMIT 1");
          const e = nextEntry(last ? toEntry(last) : null, input, now);
          await tx.run(
            `INSERT INTO audit_events (seq, at, actor_id, action, object, detail, prev_sha256, sha256)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
            [e.seq, e.at, e.actorId, e.action, e.object, e.detail, e.prevSha256, e.sha256],
          );
          return e;
        });
      } catch (err) {
        if (attempt >= 5) throw err;
      }
    }
  }

  /** Entries newest first (a page), optionally of one action prefix (e.g. "exempt."). */
  async auditEntries(opts: {
    limit: number;
    offset: number;
    action?: string;
  }): Promise<{ items: AuditEntry[]; total: number }> {
    const where = opts.action ? "WHERE action LIKE ?" : "";
    const params: SqlValue[] = opts.action ? [`${opts.action}%`] : [];
    const total = num(
      (await this.db.get<{ n: unknown }>(`SELECT count(*) AS n FROM audit_events ${where}`, params))?.n,
    );
    const rows = await this.db.all<Row>(`SELECT * FROM audit_events ${where} ORDER BY seq DESC LIMIT ? OFFSET ?`, [
      ...params,
      opts.limit,
      opts.offset,
    ]);
    return { items: rows.map(toEntry), total };
  }

  /** Every entry, oldest first, read in pages. */
  async *allAuditEntries(pageSize = 1000): AsyncGenerator<AuditEntry> {
    let after = 0;
    for (;;) {
      const rows = await this.db.all<Row>("SELECT * FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?", [
        after,
        pageSize,
      ]);
      for (const r of rows) yield toEntry(r);
      if (rows.length < pageSize) return;
      after = num(rows[rows.length - 1].seq);
    }
  }

  /** The newest entry's number and hash (null for an empty trail), to be printed and kept elsewhere. */
  async auditHead(): Promise<(AuditHead & { at: string }) | null> {
    const r = await this.db.get<Row>("SELECT * FROM audit_events ORDER BY seq DESC LIMIT 1");
    return r ? toEntry(r) : null;
  }

  /**
   * Verifies the whole chain (see audit.ts) against the given heads and the head file's, when there is
   * one. A configured head file that is missing while the trail has entries is itself a failure.
   */
  async verifyAudit(anchors: AuditHead[] = []): Promise<ChainReport> {
    const all: AuditEntry[] = [];
    for await (const e of this.allAuditEntries()) all.push(e);
    const heads = [...anchors];
    if (this.auditHeadFile) {
      const h = readHeadFile(this.auditHeadFile);
      if (h) heads.push(h);
      else if (all.length)
        return {
          ok: false,
          entries: all.length,
          seq: all[all.length - 1].seq,
          problem: `has no audit head to check against: the head file ${this.auditHeadFile} is missing`,
        };
    }
    return verifyChain(all, heads);
  }
}
