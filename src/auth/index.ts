/**
 * auth/: who is signed in, what they may do, and the record of what they did.
 *
 * For a route (Hono, inside createApp, where the session middleware already ran):
 *   import { auth, requirePermission, requireRole, requireSignIn, checkFormToken, formTokenField } from "../auth";
 *   app.get("/office/committees/:id", requirePermission("manage-membership", (c) => ({ kind: "committee", committeeId: Number(c.req.param("id")) })), handler);
 *   app.post("/office/x", requireRole("democratic-services"), async (c) => { const fields = await checkFormToken(c, secure); … });
 *   auth(c) → { user, principal, session, token }   (user null = the public)
 *   html`<form method="post">${formTokenField(c, secure)}…</form>`   (secure: the app's secureCookies)
 * A guard sends the public to /sign-in?next=… (GET) and answers 403 to a signed-in person without the right.
 *
 * The decision itself, anywhere (pure, time passed in):
 *   can(principal, action, object, at)  – policy.ts; ACTIONS lists each object kind's actions
 *   holds(principal, role, at, committeeId?), holdsSeat(principal, committeeId, at), currentGrants(principal, at)
 *
 * The data (AuthStore over the store's SqlDb: new AuthStore(repo.sql)):
 *   users / identities (issuer+subject) / local accounts, sessions, grant(…) / endGrant(…) / grantsOf(…) /
 *   allGrants(…), principal(userId), e-mail tokens, audit(…) / auditEntries(…) / auditHead() / verifyAudit(heads).
 *   The audit head also goes to MINUTEBOOK_AUDIT_HEAD_FILE after each append (kept outside the database, so
 *   deleting the newest entries is caught; audit.ts has the threat model).
 * Sign-in: signin.ts (local: Argon2id + TOTP, throttled), oidc.ts (authorization code + PKCE),
 *   passkeys.ts (WebAuthn passkeys as the second factor: registration, the step after the password;
 *   PasskeyStore in passkey-store.ts; the pages are serve/office/passkeys.ts).
 */
export { type AuditEntry, type AuditHead, type AuditInput, formatHead, parseHead, verifyChain } from "./audit";
export {
  ACTIONS,
  type Action,
  COUNCIL_ROLES,
  can,
  currentGrants,
  type Grant,
  holds,
  holdsSeat,
  localDate,
  type Person,
  type PolicyObject,
  type Principal,
  ROLE_NAMES,
  ROLES,
  type Role,
  SEAT_ROLES,
} from "./policy";
export { AuthError, AuthStore, type GrantRecord, type User } from "./store";
export {
  AccessDenied,
  auth,
  checkFormToken,
  formTokenField,
  requirePermission,
  requireRole,
  requireSignIn,
} from "./web";
