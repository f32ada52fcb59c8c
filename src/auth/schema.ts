/**
 * The tables of sign-in, roles and the audit trail, one SQL text for both engines (migration 4 of
 * each; `id` is the engine's auto-numbered key). Frozen like store/common/schema.ts: later changes are
 * new migrations. Times are ISO-8601 UTC strings ("2026-12-07T14:35:00.000Z"), dates "YYYY-MM-DD".
 *
 * - users: a person; never keyed by e-mail. user_identities: (issuer, subject) from an OpenID provider.
 * - local_credentials: e-mail + Argon2id hash + TOTP secret, for people the council's provider does not know.
 * - sessions: only the SHA-256 of the random token is stored, so a stolen database opens no session.
 * - role_grants: dated (valid_from/valid_to inclusive; NULL = open-ended) and scoped (committee_id NULL = the
 *   whole council); source "minutebook" (granted here) or "idp" (from the provider's roles claim, kept in step at sign-in).
 * - email_tokens: invitation and password-reset links (hash only, single use, expiring).
 * - login_failures: what the sign-in throttle counts.
 * - audit_events: append-only, each row carrying the SHA-256 of the one before (auth/audit.ts).
 */

export function authTablesV4(id: string): string {
  return `
CREATE TABLE users (
  id ${id},
  display_name TEXT NOT NULL,
  email TEXT,
  created_at TEXT NOT NULL,
  disabled_at TEXT
);

CREATE TABLE user_identities (
  id ${id},
  user_id INTEGER NOT NULL REFERENCES users(id),
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (issuer, subject)
);

CREATE TABLE local_credentials (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT,
  totp_secret TEXT,
  totp_confirmed_at TEXT,
  last_totp_step INTEGER
);

CREATE TABLE sessions (
  id ${id},
  token_sha256 TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  form_token TEXT NOT NULL,
  method TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE role_grants (
  id ${id},
  user_id INTEGER NOT NULL REFERENCES users(id),
  role TEXT NOT NULL,
  committee_id INTEGER,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  source TEXT NOT NULL,
  granted_by INTEGER,
  granted_at TEXT NOT NULL,
  ended_by INTEGER,
  ended_at TEXT
);
CREATE INDEX role_grants_user ON role_grants(user_id);
CREATE INDEX role_grants_committee ON role_grants(committee_id);

CREATE TABLE email_tokens (
  id ${id},
  token_sha256 TEXT NOT NULL UNIQUE,
  purpose TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);

CREATE TABLE login_failures (
  id ${id},
  key TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(key, at);

CREATE TABLE audit_events (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id INTEGER,
  action TEXT NOT NULL,
  object TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_sha256 TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE
);
`;
}

/**
 * Migration 7: the exempt content itself (Schedule 12A), kept apart from every public table and read
 * only through auth/exempt.ts, which asks the policy function and writes the audit trail. One row per
 * exempt part per document version (document_sha256); a replaced document's old rows stay as history.
 */
export function exemptContentV7(id: string): string {
  return `
CREATE TABLE exempt_content (
  id ${id},
  document_id INTEGER NOT NULL,
  document_sha256 TEXT NOT NULL,
  document_name TEXT NOT NULL,
  meeting_id INTEGER NOT NULL,
  committee_id INTEGER NOT NULL,
  meeting_date TEXT,
  kind TEXT NOT NULL,
  agenda_item TEXT,
  title TEXT NOT NULL,
  paragraphs TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  body TEXT NOT NULL,
  body_sha256 TEXT NOT NULL,
  stored_at TEXT NOT NULL,
  released_at TEXT,
  UNIQUE (document_sha256, span_start, span_end)
);
CREATE INDEX exempt_content_meeting ON exempt_content(meeting_id);
CREATE INDEX exempt_content_committee ON exempt_content(committee_id);
`;
}

/**
 * Migration 17: passkeys (WebAuthn credentials) of local accounts, and the challenges issued for them.
 *
 * - passkeys: one row per registered credential. credential_id and public_key (COSE) are base64url;
 *   counter is the authenticator's signature counter (BIGINT: it is a 32-bit unsigned number);
 *   device_type / backed_up are WebAuthn's backup flags (a synced passkey is "multiDevice", backed up);
 *   user_handle is the random WebAuthn user id, the same for all of one user's passkeys. Removing a
 *   passkey sets removed_at (the row stays, so the audit trail's "passkey:N" still names something).
 * - passkey_challenges: each challenge is issued once (register or sign-in), tied to one user, found by
 *   the SHA-256 of a random token held by the browser (a cookie or a form field), single-use (used_at)
 *   and expiring (expires_at).
 */
export function passkeyTablesV17(id: string): string {
  return `
CREATE TABLE passkeys (
  id ${id},
  user_id INTEGER NOT NULL REFERENCES users(id),
  credential_id TEXT NOT NULL UNIQUE,
  public_key TEXT NOT NULL,
  counter BIGINT NOT NULL,
  transports TEXT NOT NULL,
  device_type TEXT NOT NULL,
  backed_up INTEGER NOT NULL,
  user_handle TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  removed_at TEXT
);
CREATE INDEX passkeys_user ON passkeys(user_id);

CREATE TABLE passkey_challenges (
  id ${id},
  token_sha256 TEXT NOT NULL UNIQUE,
  purpose TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  challenge TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX passkey_challenges_expiry ON passkey_challenges(expires_at);
`;
}
