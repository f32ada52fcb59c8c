/**
 * The audit trail's hash chain, as pure functions: each entry's SHA-256 covers its own fields and the
 * hash of the entry before, so editing, inserting or deleting any stored row breaks the chain from
 * that row on, and `verifyChain` names the first entry that no longer fits. The store appends
 * (auth/store.ts); `minutebook audit verify` reads every row through verifyChain.
 *
 * A chain alone cannot show that its newest entries were deleted: what is left is still a valid chain.
 * So the head (the newest entry's number and hash) is also kept outside the database, and verifyChain
 * takes such heads as anchors: the trail must still hold each anchored entry with the same hash.
 * Threat model, honestly: this catches someone who can change the database (a DBA of a shared server,
 * SQL injection, a restored old backup) but not the head file or printed head; someone who controls
 * both the database and the head file's storage can still roll back to any earlier head. Where the
 * heads live is deployment: MINUTEBOOK_AUDIT_HEAD_FILE on storage the database's users cannot write,
 * and `minutebook audit head` printed into somewhere kept apart (an e-mail, the audit committee's papers).
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

/** The newest entry of a trail as recorded outside it: its number and hash. */
export type AuditHead = { seq: number; sha256: string };

const HEAD = /^minutebook-audit-head (\d+) ([0-9a-f]{64})(?: \S+)?$/;

/** The one-line form of a head, as printed and as written to the head file. */
export const formatHead = (e: AuditHead & { at?: string }) =>
  `minutebook-audit-head ${e.seq} ${e.sha256}${e.at ? ` ${e.at}` : ""}`;

/** Reads a head line; null when it is not one. */
export function parseHead(line: string): AuditHead | null {
  const m = HEAD.exec(line.trim());
  return m ? { seq: Number(m[1]), sha256: m[2] } : null;
}

export type ChainReport = { ok: true; entries: number } | { ok: false; entries: number; seq: number; problem: string };

/**
 * Checks entries in order of seq: numbering without gaps, each hash recomputed, each link to the one
 * before; and that each anchored head is still in the trail with the same hash (so deleting the newest
 * entries, or replacing them with a rewritten chain, is caught).
 */
export function verifyChain(entries: Iterable<AuditEntry>, anchors: readonly AuditHead[] = []): ChainReport {
  let prev: AuditEntry | null = null;
  let n = 0;
  const anchored = new Map(anchors.map((a) => [a.seq, a.sha256]));
  for (const e of entries) {
    n++;
    const expectedSeq = prev ? prev.seq + 1 : 1;
    if (e.seq !== expectedSeq)
      return { ok: false, entries: n, seq: e.seq, problem: `entry ${expectedSeq} is missing (next is ${e.seq})` };
    if (e.prevSha256 !== (prev ? prev.sha256 : GENESIS))
      return { ok: false, entries: n, seq: e.seq, problem: "does not carry the hash of the entry before it" };
    if (entryHash(e) !== e.sha256)
      return { ok: false, entries: n, seq: e.seq, problem: "its content does not match its hash (edited)" };
    const anchoredHash = anchored.get(e.seq);
    if (anchoredHash !== undefined && anchoredHash !== e.sha256)
      return {
        ok: false,
        entries: n,
        seq: e.seq,
        problem: "is not the entry recorded in the audit head (the trail was rewritten up to here)",
      };
    prev = e;
  }
  const last = prev ? prev.seq : 0;
  for (const a of [...anchored.keys()].sort((x, y) => x - y))
    if (a > last)
      return {
        ok: false,
        entries: n,
        seq: a,
        problem: `is missing: the audit head records entries up to ${a}, but the trail ends at ${last} (its newest entries were deleted)`,
      };
  return { ok: true, entries: n };
}
