/**
 * The audit trail's hash chain, as pure functions: each entry's SHA-256 covers its own fields and the
 * hash of the entry before, so editing, inserting or deleting any stored row breaks the chain from
 * that row on, and `verifyChain` names the first entry that no longer fits. The store appends
 * (auth/store.ts); `minutebook audit verify` reads every row through verifyChain.
 */
import { createHash } from "node:crypto";

export const GENESIS = "0".repeat(64);

/** One audit entry as stored (detail is the JSON text exactly as written). */
export type AuditEntry = {
  seq: number;
  at: string;
  actorId: number | null;
  action: string;
  object: string;
  detail: string;
  prevSha256: string;
  sha256: string;
};

export type AuditInput = {
  actorId: number | null;
  /** e.g. "sign-in", "role.grant", "exempt.view" */
  action: string;
  /** What it was done to, e.g. "user:12", "exempt-item:4@v2" */
  object: string;
  detail?: Record<string, unknown>;
};

/** The hash of an entry's fields and its predecessor's hash (the stored text, byte for byte). */
export function entryHash(e: Omit<AuditEntry, "sha256">): string {
  const canonical = JSON.stringify([e.seq, e.at, e.actorId, e.action, e.object, e.detail, e.prevSha256]);
  return createHash("sha256").update(canonical).digest("hex");
}

/** The entry that follows `prev` (null: the first entry). */
export function nextEntry(prev: AuditEntry | null, input: AuditInput, at: Date): AuditEntry {
  const base = {
    seq: prev ? prev.seq + 1 : 1,
    at: at.toISOString(),
    actorId: input.actorId,
    action: input.action,
    object: input.object,
    detail: JSON.stringify(input.detail ?? {}),
    prevSha256: prev ? prev.sha256 : GENESIS,
  };
  return { ...base, sha256: entryHash(base) };
}

export type ChainReport = { ok: true; entries: number } | { ok: false; entries: number; seq: number; problem: string };

/** Checks entries in order of seq: numbering without gaps, each hash recomputed, each link to the one before. */
export function verifyChain(entries: Iterable<AuditEntry>): ChainReport {
  let prev: AuditEntry | null = null;
  let n = 0;
  for (const e of entries) {
    n++;
    const expectedSeq = prev ? prev.seq + 1 : 1;
    if (e.seq !== expectedSeq)
      return { ok: false, entries: n, seq: e.seq, problem: `entry ${expectedSeq} is missing (next is ${e.seq})` };
    if (e.prevSha256 !== (prev ? prev.sha256 : GENESIS))
      return { ok: false, entries: n, seq: e.seq, problem: "does not carry the hash of the entry before it" };
    if (entryHash(e) !== e.sha256)
      return { ok: false, entries: n, seq: e.seq, problem: "its content does not match its hash (edited)" };
    prev = e;
  }
  return { ok: true, entries: n };
}
