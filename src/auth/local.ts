/**
 * Local accounts for people the council's identity provider does not know (co-opted members, small
 * councils): Argon2id password hashes (@node-rs/argon2, OWASP's m=19456 KiB, t=2, p=1) and RFC 6238
 * one-time codes (otpauth: SHA-1, 6 digits, 30 s, ±1 step). Time is passed in; a code's step is
 * returned so the store can refuse the same code twice.
 */
import { hash, verify } from "@node-rs/argon2";
import { Secret, TOTP } from "otpauth";

const ARGON2ID = 2; // @node-rs/argon2's Algorithm.Argon2id (a const enum, not importable under isolatedModules)
const PARAMS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD = 12;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

/** False for a wrong password or a malformed hash (never throws on bad input). */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so a wrong e-mail takes as long as a wrong password. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword("not a password of anyone's account");
  return dummy;
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = "Minutebook"): TOTP {
  return new TOTP({
    issuer: "Minutebook",
    label,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
}

/** The otpauth:// address an authenticator app reads (shown as text: no QR library). */
export function totpUri(secret: string, account: string): string {
  return totp(secret, account).toString();
}

/** The code for instant `at` (tests and the demo compute codes with it). */
export function totpCode(secret: string, at: Date): string {
  return totp(secret).generate({ timestamp: at.getTime() });
}

/** The 30-second step a code belongs to when it is valid at `at` (±1 step), else null. */
export function checkTotp(secret: string, code: string, at: Date): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(at.getTime() / 30_000) + delta;
}
