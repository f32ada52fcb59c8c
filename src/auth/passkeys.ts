/**
 * Passkeys (WebAuthn) as a second factor for local accounts: registering one from the account page,
 * and using one at sign-in after the password, instead of (or, for someone without an authenticator
 * app, as) the one-time code. @simplewebauthn/server builds the options and checks the signed answers;
 * this file holds Minutebook's rules around it, over the stores, with time passed in:
 *
 * - Every challenge is issued for one user and one purpose, kept server-side (passkey_challenges), used
 *   up by the first answer (right or wrong) and dead after CHALLENGE_TTL_MS. A wrong challenge, a
 *   replayed answer or a late one is refused.
 * - User verification is "preferred": a passkey that checked a PIN or fingerprint is better, but a
 *   security key without one still counts as the second factor (the password is the first).
 * - The signature counter and the backup flags are stored at registration and after each use; a
 *   counter that goes backwards (a cloned authenticator) is refused.
 * - Failed passkey sign-ins count in the same throttle as wrong passwords and codes (signin.ts).
 * - Registration, removal and each use are in the audit trail.
 *
 * Where the relying party comes from: `minutebook serve --base-url https://records.example.gov.uk` (or
 * MINUTEBOOK_BASE_URL) becomes createApp's `baseUrl`; relyingParty() takes its host name as the RP ID
 * ("records.example.gov.uk") and the whole origin as the only origin answers may come from. Without
 * --base-url, serve uses the address it listens on. Browsers accept "localhost" but not an IP address
 * as an RP ID: a loopback address (127.0.0.1, ::1, as `minutebook start` uses) is taken as
 * http://localhost on the same port, and the pages point people there; any other IP address means no
 * passkeys until --base-url names the site. Passkeys are bound to that name: moving the service to
 * another domain means people register their passkeys again (they still have the password and their
 * authenticator app, or an officer's invitation).
 */
import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import { checkTotp } from "./local";
import { type Passkey, PasskeyStore } from "./passkey-store";
import { DEFAULT_THROTTLE, type Throttle } from "./signin";
import type { AuthStore, User } from "./store";

/** How long a challenge may be answered. */
export const CHALLENGE_TTL_MS = 5 * 60_000;
/** A session this young counts as a recent sign-in: removing a passkey does not ask for the password again. */
export const RECENT_SIGN_IN_MS = 10 * 60_000;
export const MAX_NAME = 60;

/** `usable` is false when the site is known only by an IP address, which browsers refuse as an RP ID. */
export type RelyingParty = { id: string; origin: string; name: string; usable: boolean };

const LOOPBACK = new Set(["127.0.0.1", "[::1]", "localhost"]);

/** The relying party of a site whose public address is `baseUrl` (an origin such as https://x.gov.uk). */
export function relyingParty(baseUrl: string, name = "Minutebook"): RelyingParty {
  const u = new URL(baseUrl);
  if (LOOPBACK.has(u.hostname)) {
    const origin = `${u.protocol}//localhost${u.port ? `:${u.port}` : ""}`;
    return { id: "localhost", origin, name, usable: true };
  }
  const ip = /^\d+\.\d+\.\d+\.\d+$/.test(u.hostname) || u.hostname.startsWith("[");
  return { id: u.hostname, origin: u.origin, name, usable: !ip };
}

/** The cookie holding the sign-in challenge's token between the password and the passkey. */
export const passkeyCookieName = (secure: boolean) => (secure ? "__Host-minutebook-passkey" : "minutebook-passkey");
/** That cookie's flags: like the session cookie's, and gone when the challenge expires. */
export const passkeyCookieOptions = (secure: boolean) => ({
  path: "/",
  httpOnly: true,
  secure,
  sameSite: "Lax" as const,
  maxAge: CHALLENGE_TTL_MS / 1000,
});

const TRANSPORTS: readonly string[] = ["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"];
const transports = (t: readonly string[]): AuthenticatorTransportFuture[] =>
  t.filter((x) => TRANSPORTS.includes(x)) as AuthenticatorTransportFuture[];

/** The answer a browser posted (a JSON text), or null when it is not one. */
function parseAnswer<T>(text: string): T | null {
  try {
    const v = JSON.parse(text);
    return v && typeof v === "object" && typeof v.id === "string" && v.response && typeof v.response === "object"
      ? (v as T)
      : null;
  } catch {
    return null;
  }
}

/** Whether a session started recently enough to remove a passkey without the password again. */
export function recentSignIn(session: { createdAt: string } | null, now: Date): boolean {
  if (!session) return false;
  const age = now.getTime() - new Date(session.createdAt).getTime();
  return age >= 0 && age <= RECENT_SIGN_IN_MS;
}

/** A passkey's name as the person typed it: trimmed, one line; an error message when unusable. */
export function checkPasskeyName(name: string): { ok: true; name: string } | { ok: false; message: string } {
  const n = name.replace(/\s+/g, " ").trim();
  if (!n) return { ok: false, message: "Enter a name for this passkey, like ‘Work laptop’ or ‘Phone’" };
  if (n.length > MAX_NAME) return { ok: false, message: `The name must be ${MAX_NAME} characters or fewer` };
  return { ok: true, name: n };
}

// ---------------------------------------------------------------------------------------------
// Registration

export async function startRegistration(
  ps: PasskeyStore,
  rp: RelyingParty,
  user: User & { email: string },
  now: Date,
): Promise<{ token: string; options: PublicKeyCredentialCreationOptionsJSON }> {
  const existing = await ps.passkeys(user.id);
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.displayName,
    userID: Buffer.from(await ps.userHandle(user.id), "base64url"),
    attestationType: "none",
    // The same authenticator twice would be one factor under two names.
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: transports(p.transports) })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
    timeout: CHALLENGE_TTL_MS,
  });
  const token = await ps.issueChallenge(user.id, "register", options.challenge, now, CHALLENGE_TTL_MS);
  return { token, options };
}

export type RegistrationResult =
  | { ok: true; passkey: Passkey }
  | { ok: false; reason: "expired" | "invalid" | "known" };

/** Checks a browser's answer to a registration challenge and stores the passkey under `name`. */
export async function finishRegistration(
  store: AuthStore,
  rp: RelyingParty,
  user: User,
  input: { token: string; response: string; name: string },
  now: Date,
): Promise<RegistrationResult> {
  const ps = new PasskeyStore(store.db);
  const issued = await ps.takeChallenge(input.token, "register", now);
  if (!issued || issued.userId !== user.id) return { ok: false, reason: "expired" };
  const answer = parseAnswer<RegistrationResponseJSON>(input.response);
  if (!answer) return { ok: false, reason: "invalid" };
  let info: Awaited<ReturnType<typeof verifyRegistrationResponse>>["registrationInfo"];
  try {
    const v = await verifyRegistrationResponse({
      response: answer,
      expectedChallenge: issued.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
    if (!v.verified) return { ok: false, reason: "invalid" };
    info = v.registrationInfo;
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (!info) return { ok: false, reason: "invalid" };
  if (await ps.byCredentialId(info.credential.id)) return { ok: false, reason: "known" };
  const named = checkPasskeyName(input.name);
  const passkey = await ps.add(
    {
      userId: user.id,
      credentialId: info.credential.id,
      publicKey: Buffer.from(info.credential.publicKey).toString("base64url"),
      counter: info.credential.counter,
      transports: transports(answer.response.transports ?? []),
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
      userHandle: await ps.userHandle(user.id),
      name: named.ok ? named.name : "Passkey",
    },
    now,
  );
  await store.audit(
    {
      actorId: user.id,
      action: "passkey.register",
      object: `passkey:${passkey.id}`,
      detail: {
        user: user.id,
        name: passkey.name,
        deviceType: passkey.deviceType,
        backedUp: passkey.backedUp,
        userVerified: info.userVerified,
      },
    },
    now,
  );
  return { ok: true, passkey };
}

/** Removes a passkey of `user` (the page has checked the password or a recent sign-in); audited. */
export async function removePasskey(store: AuthStore, user: User, passkeyId: number, now: Date): Promise<boolean> {
  const ps = new PasskeyStore(store.db);
  const p = (await ps.passkeys(user.id)).find((x) => x.id === passkeyId);
  if (!p || !(await ps.remove(user.id, passkeyId, now))) return false;
  await store.audit(
    { actorId: user.id, action: "passkey.remove", object: `passkey:${p.id}`, detail: { user: user.id, name: p.name } },
    now,
  );
  return true;
}

// ---------------------------------------------------------------------------------------------
// Sign-in (the second step, after the password)

/** The options for navigator.credentials.get() answering `challenge`, listing the user's passkeys. */
export async function signInOptions(
  ps: PasskeyStore,
  rp: RelyingParty,
  userId: number,
  challenge: string,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const keys = await ps.passkeys(userId);
  return generateAuthenticationOptions({
    rpID: rp.id,
    challenge: Buffer.from(challenge, "base64url"),
    allowCredentials: keys.map((p) => ({ id: p.credentialId, transports: transports(p.transports) })),
    userVerification: "preferred",
    timeout: CHALLENGE_TTL_MS,
  });
}

/** Issues the challenge for the passkey step of a user whose password was right. */
export async function startPasskeySignIn(ps: PasskeyStore, userId: number, now: Date): Promise<string> {
  const challenge = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
  return ps.issueChallenge(userId, "sign-in", challenge, now, CHALLENGE_TTL_MS);
}

export type SecondFactorResult =
  | { ok: true; user: User; method: "passkey" | "totp"; passkeyId: number | null }
  | { ok: false; reason: "expired" | "throttled" | "passkey" | "code" | "cancelled"; userId: number | null };

/**
 * The second step: the token from the cookie names the user and the challenge (used up here, whatever
 * the outcome); then either a passkey's signed answer or the authenticator app's code. A failure is
 * recorded in the throttle and the audit trail, like a wrong password.
 */
export async function finishSecondFactor(
  store: AuthStore,
  rp: RelyingParty,
  input: { token: string; response?: string; code?: string; cancelled?: boolean; client: string },
  now: Date,
  opts: { throttle?: Throttle } = {},
): Promise<SecondFactorResult> {
  const ps = new PasskeyStore(store.db);
  const issued = await ps.takeChallenge(input.token, "sign-in", now);
  if (!issued) return { ok: false, reason: "expired", userId: null };
  const user = await store.user(issued.userId);
  const cred = await store.localByUser(issued.userId);
  if (!user || user.disabledAt || !cred) return { ok: false, reason: "expired", userId: null };
  const t = opts.throttle ?? DEFAULT_THROTTLE;
  const keys = [`account:${cred.email}`, `client:${input.client}`];
  const since = new Date(now.getTime() - t.windowMs);
  if (
    (await store.failuresSince(keys[0], since)) >= t.perAccount ||
    (await store.failuresSince(keys[1], since)) >= t.perClient
  ) {
    await store.audit({ actorId: null, action: "sign-in.throttled", object: `email:${cred.email}` }, now);
    return { ok: false, reason: "throttled", userId: user.id };
  }
  const fail = async (reason: "passkey" | "code") => {
    for (const k of keys) await store.recordFailure(k, now);
    await store.audit(
      { actorId: user.id, action: "sign-in.failed", object: `email:${cred.email}`, detail: { reason } },
      now,
    );
    return { ok: false as const, reason, userId: user.id };
  };
  const succeed = async (method: "passkey" | "totp", passkeyId: number | null) => {
    await store.clearFailures(keys[0]);
    await store.audit(
      {
        actorId: user.id,
        action: "sign-in",
        object: `user:${user.id}`,
        detail: { method: "local", factor: method, ...(passkeyId ? { passkey: passkeyId } : {}) },
      },
      now,
    );
    return { ok: true as const, user, method, passkeyId };
  };

  if (input.code?.trim()) {
    if (!cred.totpSecret || !cred.totpConfirmedAt) return fail("code");
    const step = checkTotp(cred.totpSecret, input.code, now);
    if (step === null || !(await store.useTotpStep(user.id, step))) return fail("code");
    return succeed("totp", null);
  }
  // The person closed the browser's passkey prompt: not a guess, so not counted; a new challenge follows.
  if (input.cancelled) return { ok: false, reason: "cancelled", userId: user.id };
  const answer = parseAnswer<AuthenticationResponseJSON>(input.response ?? "");
  if (!answer) return fail("passkey");
  const key = await ps.byCredentialId(answer.id);
  if (!key || key.userId !== user.id) return fail("passkey");
  let info: Awaited<ReturnType<typeof verifyAuthenticationResponse>>["authenticationInfo"];
  try {
    const v = await verifyAuthenticationResponse({
      response: answer,
      expectedChallenge: issued.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: key.credentialId,
        publicKey: Buffer.from(key.publicKey, "base64url"),
        counter: key.counter,
        transports: transports(key.transports),
      },
      requireUserVerification: false,
    });
    if (!v.verified) return fail("passkey");
    info = v.authenticationInfo;
  } catch {
    return fail("passkey");
  }
  const recorded = await ps.recordUse(
    key.id,
    { counter: info.newCounter, deviceType: info.credentialDeviceType, backedUp: info.credentialBackedUp },
    now,
  );
  if (!recorded) return fail("passkey");
  return succeed("passkey", key.id);
}
