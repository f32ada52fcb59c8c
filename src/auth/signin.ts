/**
 * Local sign-in as one function over the store: throttle check, Argon2id password, TOTP second factor
 * (a used code is refused the second time), and the audit entry. Someone with a passkey who gives no
 * code (and someone with only a passkey, always) is sent on to the passkey step (reason "passkey",
 * auth/passkeys.ts finishes it); the password was right, so that is not counted as a failure. Failures say the same thing whether
 * the e-mail or the password was wrong. The throttle counts failures per e-mail address and per client
 * address over a window, so guessing is slow for one account and for one client.
 */
import { checkTotp, dummyHash, verifyPassword } from "./local";
import { PasskeyStore } from "./passkey-store";
import type { AuthStore, User } from "./store";

export type Throttle = { windowMs: number; perAccount: number; perClient: number };
export const DEFAULT_THROTTLE: Throttle = { windowMs: 15 * 60_000, perAccount: 5, perClient: 50 };

export type LocalSignIn = { email: string; password: string; code: string; client: string };

export type SignInResult =
  | { ok: true; user: User }
  | { ok: false; reason: "throttled" | "credentials" | "code" | "code-needed" | "disabled" }
  /** The password was right; the second factor is a passkey (totp: the app's code would also do). */
  | { ok: false; reason: "passkey"; user: User; totp: boolean };

export async function signInLocal(
  store: AuthStore,
  input: LocalSignIn,
  now: Date,
  opts: { throttle?: Throttle; requireSecondFactor?: boolean } = {},
): Promise<SignInResult> {
  const t = opts.throttle ?? DEFAULT_THROTTLE;
  const email = input.email.trim().toLowerCase();
  const keys = [`account:${email}`, `client:${input.client}`];
  const since = new Date(now.getTime() - t.windowMs);
  if (
    (await store.failuresSince(keys[0], since)) >= t.perAccount ||
    (await store.failuresSince(keys[1], since)) >= t.perClient
  ) {
    await store.audit({ actorId: null, action: "sign-in.throttled", object: `email:${email}` }, now);
    return { ok: false, reason: "throttled" };
  }
  const fail = async (reason: "credentials" | "code" | "code-needed" | "disabled", userId: number | null) => {
    for (const k of keys) await store.recordFailure(k, now);
    await store.audit({ actorId: userId, action: "sign-in.failed", object: `email:${email}`, detail: { reason } }, now);
    return { ok: false as const, reason };
  };
  const cred = await store.localByEmail(email);
  const good = await verifyPassword(cred?.passwordHash ?? (await dummyHash()), input.password);
  if (!cred?.passwordHash || !good) return fail("credentials", null);
  const user = await store.user(cred.userId);
  if (!user || user.disabledAt) return fail("disabled", cred.userId);
  const totp = Boolean(cred.totpSecret && cred.totpConfirmedAt);
  const passkeys = await new PasskeyStore(store.db).count(user.id);
  if (totp && input.code.trim()) {
    const step = checkTotp(cred.totpSecret as string, input.code, now);
    if (step === null || !(await store.useTotpStep(user.id, step))) return fail("code", user.id);
  } else if (passkeys > 0) {
    return { ok: false, reason: "passkey", user, totp };
  } else if (totp) {
    return fail("code-needed", user.id);
  } else if (opts.requireSecondFactor) {
    return fail("code-needed", user.id);
  }
  await store.clearFailures(keys[0]);
  await store.audit(
    { actorId: user.id, action: "sign-in", object: `user:${user.id}`, detail: { method: "local" } },
    now,
  );
  return { ok: true, user };
}
