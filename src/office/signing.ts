// Minutes approval and signing (LGA 1972 Sch 12 para 41: signed by the person presiding at the same or
// next suitable meeting), made checkable: a minutes version is frozen with the sha256 of its content;
// the chair's signature is a link that covers that hash and the previous signed minutes' link hash of the
// same committee, so the committee's signed minutes form one hash chain. A signed version never changes
// (corrections are minuted at a later meeting); verifyChain recomputes every hash and names the first
// link that no longer holds. Plain sha256 over canonical JSON (node:crypto), no key to keep: the chain
// proves nothing was altered after signing, the audit trail says who signed.
import { createHash } from "node:crypto";

export const sha256 = (s: string | Uint8Array): string => createHash("sha256").update(s).digest("hex");

/** JSON with object keys sorted at every level, so the same record always hashes the same. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(",")}}`;
}

/** What a frozen minutes version's hash covers: the full record (exempt items too) and the public text. */
export function versionHash(content: { record: unknown; publicText: string }): string {
  return sha256(canonicalJson({ record: content.record, publicText: content.publicText }));
}

export type Signature = {
  committeeId: number;
  meetingId: number;
  versionId: number;
  versionSha256: string;
  /** The previous signed minutes' link hash for this committee (null for the first). */
  prevHash: string | null;
  signer: string;
  /** ISO instant. */
  signedAt: string;
  /** The meeting at which the minutes were approved. */
  approvedAtMeetingId: number;
};
export type SignedLink = Signature & { hash: string };

export function linkHash(s: Signature): string {
  return sha256(
    canonicalJson({
      committeeId: s.committeeId,
      meetingId: s.meetingId,
      versionId: s.versionId,
      versionSha256: s.versionSha256,
      prevHash: s.prevHash,
      signer: s.signer,
      signedAt: s.signedAt,
      approvedAtMeetingId: s.approvedAtMeetingId,
    }),
  );
}

/** The next link of a committee's chain. */
export function sign(chain: readonly SignedLink[], s: Omit<Signature, "prevHash">): SignedLink {
  const prev = chain.length ? chain[chain.length - 1] : null;
  if (prev && prev.committeeId !== s.committeeId) throw new Error("a chain belongs to one committee");
  if (chain.some((l) => l.versionId === s.versionId)) throw new Error("these minutes are already signed");
  const link: Signature = { ...s, prevHash: prev ? prev.hash : null };
  return { ...link, hash: linkHash(link) };
}

export type ChainCheck =
  | { ok: true; links: number }
  | { ok: false; links: number; brokenAt: number; meetingId: number; reason: string };

/**
 * Walks a committee's chain in signing order. `contentHash(versionId)` recomputes the version's hash from
 * what is stored now (null when the version is gone); the first link whose content, own hash or pointer
 * to its predecessor no longer agrees is named.
 */
export function verifyChain(
  chain: readonly SignedLink[],
  contentHash: (versionId: number) => string | null,
): ChainCheck {
  let prev: SignedLink | null = null;
  for (let i = 0; i < chain.length; i++) {
    const l = chain[i];
    const fail = (reason: string): ChainCheck => ({
      ok: false,
      links: chain.length,
      brokenAt: i,
      meetingId: l.meetingId,
      reason,
    });
    const now = contentHash(l.versionId);
    if (now === null) return fail("the signed version is missing");
    if (now !== l.versionSha256) return fail("the signed minutes have changed since they were signed");
    if (linkHash(l) !== l.hash) return fail("the signature record has been altered");
    if (l.prevHash !== (prev ? prev.hash : null))
      return fail("the signature does not follow the previous signed minutes of this committee");
    prev = l;
  }
  return { ok: true, links: chain.length };
}
