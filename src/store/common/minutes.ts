/**
 * The meeting record in the store (migration 15, both engines): the minutes workspace's draft per
 * meeting, frozen minutes versions (full record and public text with their hashes; database triggers
 * refuse to change or delete a version's content), the chair's signatures as a per-committee hash chain
 * (append-only), executive decision notices with members' call-in requests and the scrutiny outcome,
 * and pending items (referrals and promised reports) carried to the receiving committee until an agenda
 * places them. The rules themselves are in office/ (signing, decisions, pending-items); this file only
 * keeps what they need.
 */
import type { MinutesRecord } from "../../model/minutes";
import { minutesRecord } from "../../model/minutes";
import type { DecisionNotice, ScrutinyOutcome } from "../../office/decisions";
import type { MeetingSlot, PendingItem } from "../../office/pending-items";
import {
  type ChainCheck,
  canonicalJson,
  type SignedLink,
  sha256,
  sign,
  verifyChain,
  versionHash,
} from "../../office/signing";
import { StoreError } from "../repository";
import type { SqlConn, SqlDb } from "../sql";

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Migration 15's tables (the engine supplies its id column type and its own triggers). */
export function minutesTablesV15(id: string): string {
  return `
CREATE TABLE minutes_drafts (
  meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id),
  record_json TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER
);
CREATE TABLE minutes_versions (
  id ${id},
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  committee_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  record_json TEXT NOT NULL,
  public_text TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  public_sha256 TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by INTEGER,
  published_at TEXT,
  approved_at_meeting_id INTEGER REFERENCES meetings(id),
  approved_at TEXT,
  UNIQUE (meeting_id, number)
);
CREATE TABLE minute_signatures (
  id ${id},
  committee_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  version_id INTEGER NOT NULL UNIQUE REFERENCES minutes_versions(id),
  version_sha256 TEXT NOT NULL,
  prev_hash TEXT,
  signer TEXT NOT NULL,
  signer_id INTEGER,
  signed_at TEXT NOT NULL,
  approved_at_meeting_id INTEGER NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (committee_id, seq)
);
CREATE TABLE decision_notices (
  id ${id},
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  committee_id INTEGER NOT NULL,
  minute_number TEXT NOT NULL,
  title TEXT NOT NULL,
  decision TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  reasons TEXT NOT NULL,
  alternatives TEXT NOT NULL,
  conflicts TEXT NOT NULL,
  dispensations TEXT NOT NULL,
  key_decision INTEGER NOT NULL,
  urgent INTEGER NOT NULL,
  exempt_paragraphs TEXT NOT NULL,
  published_at TEXT,
  scrutiny_outcome TEXT,
  scrutiny_at TEXT,
  UNIQUE (meeting_id, minute_number)
);
CREATE TABLE call_ins (
  id ${id},
  notice_id INTEGER NOT NULL REFERENCES decision_notices(id),
  requested_at TEXT NOT NULL,
  requested_by INTEGER,
  signatories_json TEXT NOT NULL,
  reasons TEXT NOT NULL
);
CREATE TABLE pending_items (
  id ${id},
  kind TEXT NOT NULL,
  from_meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  minute_number TEXT NOT NULL,
  to_committee_id INTEGER NOT NULL REFERENCES committees(id),
  text TEXT NOT NULL,
  not_before TEXT,
  created_at TEXT NOT NULL,
  placed_meeting_id INTEGER REFERENCES meetings(id),
  closed_at TEXT,
  closed_reason TEXT,
  UNIQUE (from_meeting_id, minute_number, to_committee_id, kind)
);
CREATE INDEX pending_items_to ON pending_items(to_committee_id);
`;
}

/** The frozen columns of a minutes version and of a signature, which the triggers guard. */
export const FROZEN_VERSION_COLUMNS =
  "record_json, public_text, sha256, public_sha256, meeting_id, committee_id, number";

export type MinutesVersion = {
  id: number;
  meetingId: number;
  committeeId: number;
  number: number;
  record: MinutesRecord;
  publicText: string;
  sha256: string;
  publicSha256: string;
  createdAt: string;
  publishedAt: string | null;
  approvedAtMeetingId: number | null;
  approvedAt: string | null;
};

export type StoredNotice = DecisionNotice & {
  id: number;
  meetingId: number;
  committeeId: number;
  minuteNumber: string;
  title: string;
  keyDecision: boolean;
  urgent: boolean;
  exemptParagraphs: number[];
  publishedAt: string | null;
  scrutiny: ScrutinyOutcome;
};

export type StoredCallIn = {
  id: number;
  noticeId: number;
  requestedAt: string;
  signatories: string[];
  reasons: string;
};

const versionOf = (r: Row): MinutesVersion => ({
  id: num(r.id),
  meetingId: num(r.meeting_id),
  committeeId: num(r.committee_id),
  number: num(r.number),
  record: minutesRecord.parse(JSON.parse(String(r.record_json))),
  publicText: String(r.public_text),
  sha256: String(r.sha256),
  publicSha256: String(r.public_sha256),
  createdAt: String(r.created_at),
  publishedAt: str(r.published_at),
  approvedAtMeetingId: numOrNull(r.approved_at_meeting_id),
  approvedAt: str(r.approved_at),
});

const linkOf = (r: Row): SignedLink => ({
  committeeId: num(r.committee_id),
  meetingId: num(r.meeting_id),
  versionId: num(r.version_id),
  versionSha256: String(r.version_sha256),
  prevHash: str(r.prev_hash),
  signer: String(r.signer),
  signedAt: String(r.signed_at),
  approvedAtMeetingId: num(r.approved_at_meeting_id),
  hash: String(r.hash),
});

const noticeOf = (r: Row): StoredNotice => ({
  id: num(r.id),
  meetingId: num(r.meeting_id),
  committeeId: num(r.committee_id),
  minuteNumber: String(r.minute_number),
  title: String(r.title),
  decision: String(r.decision),
  decidedOn: String(r.decided_on),
  reasons: String(r.reasons),
  alternatives: String(r.alternatives),
  conflicts: String(r.conflicts),
  dispensations: String(r.dispensations),
  keyDecision: num(r.key_decision) === 1,
  urgent: num(r.urgent) === 1,
  exemptParagraphs: JSON.parse(String(r.exempt_paragraphs)) as number[],
  publishedAt: str(r.published_at),
  scrutiny: r.scrutiny_outcome
    ? { outcome: String(r.scrutiny_outcome) as "released" | "referred-back", at: new Date(String(r.scrutiny_at)) }
    : null,
});

const pendingOf = (r: Row): PendingItem => ({
  id: num(r.id),
  kind: String(r.kind) as PendingItem["kind"],
  fromCommitteeId: num(r.from_committee_id),
  fromCommitteeName: String(r.from_committee_name),
  fromMeetingId: num(r.from_meeting_id),
  fromMeetingDate: String(r.from_meeting_date),
  minuteNumber: String(r.minute_number),
  toCommitteeId: num(r.to_committee_id),
  text: String(r.text),
  notBefore: str(r.not_before),
  placedMeetingId: numOrNull(r.placed_meeting_id),
  closedAt: str(r.closed_at),
});

export class MinutesStore {
  constructor(private db: SqlDb) {}

  // ---- Drafts ---------------------------------------------------------------------------------

  async draft(meetingId: number): Promise<{ record: MinutesRecord; updatedAt: string } | null> {
    const r = await this.db.get<Row>("SELECT record_json, updated_at FROM minutes_drafts WHERE meeting_id = ?", [
      meetingId,
    ]);
    return r
      ? { record: minutesRecord.parse(JSON.parse(String(r.record_json))), updatedAt: String(r.updated_at) }
      : null;
  }

  async saveDraft(meetingId: number, record: MinutesRecord, by: number | null, at: Date): Promise<void> {
    const json = canonicalJson(minutesRecord.parse(record));
    await this.db.transaction(async (tx) => {
      const had = await tx.get("SELECT 1 AS x FROM minutes_drafts WHERE meeting_id = ?", [meetingId]);
      if (had)
        await tx.run("UPDATE minutes_drafts SET record_json = ?, updated_at = ?, updated_by = ? WHERE meeting_id = ?", [
          json,
          at.toISOString(),
          by,
          meetingId,
        ]);
      else
        await tx.run(
          "INSERT INTO minutes_drafts (meeting_id, record_json, updated_at, updated_by) VALUES (?, ?, ?, ?)",
          [meetingId, json, at.toISOString(), by],
        );
    });
  }

  // ---- Versions ---------------------------------------------------------------------------------

  /** Freezes the record and its public text as the meeting's next version (never changed afterwards). */
  async freeze(
    meetingId: number,
    content: { record: MinutesRecord; publicText: string },
    by: number | null,
    at: Date,
  ): Promise<MinutesVersion> {
    const record = minutesRecord.parse(content.record);
    return this.db.transaction(async (tx) => {
      const m = await tx.get<Row>("SELECT committee_id FROM meetings WHERE id = ?", [meetingId]);
      if (!m) throw new StoreError(`meeting ${meetingId} does not exist`);
      const last = await tx.get<Row>("SELECT max(number) AS n FROM minutes_versions WHERE meeting_id = ?", [meetingId]);
      const number = (numOrNull(last?.n) ?? 0) + 1;
      const id = await tx.insert(
        `INSERT INTO minutes_versions (meeting_id, committee_id, number, record_json, public_text, sha256, public_sha256, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [
          meetingId,
          num(m.committee_id),
          number,
          canonicalJson(record),
          content.publicText,
          versionHash({ record, publicText: content.publicText }),
          sha256(content.publicText),
          at.toISOString(),
          by,
        ],
      );
      return versionOf((await tx.get<Row>("SELECT * FROM minutes_versions WHERE id = ?", [id]))!);
    });
  }

  async version(id: number): Promise<MinutesVersion | null> {
    const r = await this.db.get<Row>("SELECT * FROM minutes_versions WHERE id = ?", [id]);
    return r ? versionOf(r) : null;
  }

  async versions(meetingId: number): Promise<MinutesVersion[]> {
    return (
      await this.db.all<Row>("SELECT * FROM minutes_versions WHERE meeting_id = ? ORDER BY number", [meetingId])
    ).map(versionOf);
  }

  async markPublished(versionId: number, at: Date): Promise<void> {
    await this.db.run("UPDATE minutes_versions SET published_at = ? WHERE id = ? AND published_at IS NULL", [
      at.toISOString(),
      versionId,
    ]);
  }

  /** The latest published version of a meeting's minutes (what the public reads). */
  async published(meetingId: number): Promise<MinutesVersion | null> {
    const r = await this.db.get<Row>(
      "SELECT * FROM minutes_versions WHERE meeting_id = ? AND published_at IS NOT NULL ORDER BY number DESC LIMIT 1",
      [meetingId],
    );
    return r ? versionOf(r) : null;
  }

  /**
   * The committee approves one version at a later meeting (its "minutes of the last meeting" item).
   * A meeting's minutes are approved once; the approval names the meeting that approved them.
   */
  async approve(versionId: number, atMeetingId: number, at: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      const v = await tx.get<Row>("SELECT meeting_id, committee_id FROM minutes_versions WHERE id = ?", [versionId]);
      if (!v) throw new StoreError(`minutes version ${versionId} does not exist`);
      const other = await tx.get<Row>(
        "SELECT number FROM minutes_versions WHERE meeting_id = ? AND approved_at IS NOT NULL",
        [num(v.meeting_id)],
      );
      if (other) throw new StoreError(`these minutes were already approved (version ${num(other.number)})`);
      const later = await tx.get<Row>("SELECT committee_id, date FROM meetings WHERE id = ?", [atMeetingId]);
      const own = await tx.get<Row>("SELECT date FROM meetings WHERE id = ?", [num(v.meeting_id)]);
      if (!later || num(later.committee_id) !== num(v.committee_id))
        throw new StoreError("minutes are approved at a meeting of the same committee");
      if (String(later.date) < String(own?.date ?? ""))
        throw new StoreError("minutes are approved at the same or a later meeting");
      await tx.run("UPDATE minutes_versions SET approved_at_meeting_id = ?, approved_at = ? WHERE id = ?", [
        atMeetingId,
        at.toISOString(),
        versionId,
      ]);
    });
  }

  // ---- Signatures -------------------------------------------------------------------------------

  async chain(committeeId: number, conn: SqlConn = this.db): Promise<SignedLink[]> {
    return (
      await conn.all<Row>("SELECT * FROM minute_signatures WHERE committee_id = ? ORDER BY seq", [committeeId])
    ).map(linkOf);
  }

  /** The chair signs an approved version: the next link of the committee's chain. */
  async sign(versionId: number, signer: { id: number | null; name: string }, at: Date): Promise<SignedLink> {
    return this.db.transaction(async (tx) => {
      const v = await tx.get<Row>("SELECT * FROM minutes_versions WHERE id = ?", [versionId]);
      if (!v) throw new StoreError(`minutes version ${versionId} does not exist`);
      if (!v.approved_at) throw new StoreError("minutes are signed only once the committee has approved them");
      const chain = await this.chain(num(v.committee_id), tx);
      let link: SignedLink;
      try {
        link = sign(chain, {
          committeeId: num(v.committee_id),
          meetingId: num(v.meeting_id),
          versionId,
          versionSha256: String(v.sha256),
          signer: signer.name,
          signedAt: at.toISOString(),
          approvedAtMeetingId: num(v.approved_at_meeting_id),
        });
      } catch (e) {
        throw new StoreError((e as Error).message);
      }
      await tx.run(
        `INSERT INTO minute_signatures (committee_id, seq, meeting_id, version_id, version_sha256, prev_hash, signer, signer_id, signed_at, approved_at_meeting_id, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          link.committeeId,
          chain.length + 1,
          link.meetingId,
          link.versionId,
          link.versionSha256,
          link.prevHash,
          link.signer,
          signer.id,
          link.signedAt,
          link.approvedAtMeetingId,
          link.hash,
        ],
      );
      return link;
    });
  }

  async signatureOf(versionId: number): Promise<SignedLink | null> {
    const r = await this.db.get<Row>("SELECT * FROM minute_signatures WHERE version_id = ?", [versionId]);
    return r ? linkOf(r) : null;
  }

  /** Recomputes every version's hash from what is stored now and walks the committee's chain. */
  async verify(committeeId: number): Promise<ChainCheck> {
    const chain = await this.chain(committeeId);
    const hashes = new Map<number, string>();
    for (const l of chain) {
      const r = await this.db.get<Row>("SELECT record_json, public_text FROM minutes_versions WHERE id = ?", [
        l.versionId,
      ]);
      if (r)
        hashes.set(
          l.versionId,
          versionHash({ record: JSON.parse(String(r.record_json)), publicText: String(r.public_text) }),
        );
    }
    return verifyChain(chain, (id) => hashes.get(id) ?? null);
  }

  /** Committees with signed minutes. */
  async signedCommittees(): Promise<{ id: number; name: string; links: number }[]> {
    return (
      await this.db.all<Row>(
        "SELECT s.committee_id, c.name, count(*) AS n FROM minute_signatures s JOIN committees c ON c.id = s.committee_id GROUP BY s.committee_id, c.name ORDER BY c.name",
      )
    ).map((r) => ({ id: num(r.committee_id), name: String(r.name), links: num(r.n) }));
  }

  // ---- Decision notices and call-in ------------------------------------------------------------

  /** Saves (or, while unpublished, replaces) the notice for one minute of a meeting. */
  async saveNotice(
    input: Omit<StoredNotice, "id" | "publishedAt" | "scrutiny" | "committeeId">,
  ): Promise<StoredNotice> {
    return this.db.transaction(async (tx) => {
      const m = await tx.get<Row>("SELECT committee_id FROM meetings WHERE id = ?", [input.meetingId]);
      if (!m) throw new StoreError(`meeting ${input.meetingId} does not exist`);
      const had = await tx.get<Row>(
        "SELECT id, published_at FROM decision_notices WHERE meeting_id = ? AND minute_number = ?",
        [input.meetingId, input.minuteNumber],
      );
      if (had?.published_at) throw new StoreError("a published decision notice does not change");
      const values = [
        input.title,
        input.decision,
        input.decidedOn,
        input.reasons,
        input.alternatives,
        input.conflicts,
        input.dispensations,
        input.keyDecision ? 1 : 0,
        input.urgent ? 1 : 0,
        JSON.stringify(input.exemptParagraphs),
      ];
      let id: number;
      if (had) {
        id = num(had.id);
        await tx.run(
          "UPDATE decision_notices SET title = ?, decision = ?, decided_on = ?, reasons = ?, alternatives = ?, conflicts = ?, dispensations = ?, key_decision = ?, urgent = ?, exempt_paragraphs = ? WHERE id = ?",
          [...values, id],
        );
      } else
        id = await tx.insert(
          `INSERT INTO decision_notices (title, decision, decided_on, reasons, alternatives, conflicts, dispensations, key_decision, urgent, exempt_paragraphs, meeting_id, committee_id, minute_number)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          [...values, input.meetingId, num(m.committee_id), input.minuteNumber],
        );
      return noticeOf((await tx.get<Row>("SELECT * FROM decision_notices WHERE id = ?", [id]))!);
    });
  }

  async notice(id: number): Promise<StoredNotice | null> {
    const r = await this.db.get<Row>("SELECT * FROM decision_notices WHERE id = ?", [id]);
    return r ? noticeOf(r) : null;
  }

  async notices(filter: { meetingId?: number; published?: boolean } = {}): Promise<StoredNotice[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.meetingId !== undefined) {
      where.push("meeting_id = ?");
      params.push(filter.meetingId);
    }
    if (filter.published) where.push("published_at IS NOT NULL");
    return (
      await this.db.all<Row>(
        `SELECT * FROM decision_notices ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY decided_on DESC, id`,
        params,
      )
    ).map(noticeOf);
  }

  async publishNotice(id: number, at: Date): Promise<void> {
    const n = await this.db.run("UPDATE decision_notices SET published_at = ? WHERE id = ? AND published_at IS NULL", [
      at.toISOString(),
      id,
    ]);
    if (!n) throw new StoreError("the notice does not exist or is already published");
  }

  async addCallIn(
    noticeId: number,
    r: { requestedAt: Date; requestedBy: number | null; signatories: string[]; reasons: string },
  ): Promise<number> {
    const n = await this.notice(noticeId);
    if (!n?.publishedAt) throw new StoreError("only a published decision can be called in");
    return this.db.insert(
      "INSERT INTO call_ins (notice_id, requested_at, requested_by, signatories_json, reasons) VALUES (?, ?, ?, ?, ?) RETURNING id",
      [noticeId, r.requestedAt.toISOString(), r.requestedBy, JSON.stringify(r.signatories), r.reasons],
    );
  }

  async callIns(noticeId: number): Promise<StoredCallIn[]> {
    return (
      await this.db.all<Row>("SELECT * FROM call_ins WHERE notice_id = ? ORDER BY requested_at, id", [noticeId])
    ).map((r) => ({
      id: num(r.id),
      noticeId: num(r.notice_id),
      requestedAt: String(r.requested_at),
      signatories: JSON.parse(String(r.signatories_json)) as string[],
      reasons: String(r.reasons),
    }));
  }

  async recordScrutiny(noticeId: number, outcome: "released" | "referred-back", at: Date): Promise<void> {
    await this.db.run("UPDATE decision_notices SET scrutiny_outcome = ?, scrutiny_at = ? WHERE id = ?", [
      outcome,
      at.toISOString(),
      noticeId,
    ]);
  }

  // ---- Pending items ----------------------------------------------------------------------------

  /** Records carry-forwards of a meeting's minutes (one per minute, body and kind; saving again keeps the first). */
  async carryForward(
    fromMeetingId: number,
    items: {
      kind: PendingItem["kind"];
      minuteNumber: string;
      toCommitteeId: number;
      text: string;
      notBefore: string | null;
    }[],
    at: Date,
  ): Promise<number> {
    return this.db.transaction(async (tx) => {
      let added = 0;
      for (const i of items) {
        const had = await tx.get(
          "SELECT 1 AS x FROM pending_items WHERE from_meeting_id = ? AND minute_number = ? AND to_committee_id = ? AND kind = ?",
          [fromMeetingId, i.minuteNumber, i.toCommitteeId, i.kind],
        );
        if (had) continue;
        await tx.run(
          "INSERT INTO pending_items (kind, from_meeting_id, minute_number, to_committee_id, text, not_before, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          [i.kind, fromMeetingId, i.minuteNumber, i.toCommitteeId, i.text, i.notBefore, at.toISOString()],
        );
        added++;
      }
      return added;
    });
  }

  async pendingItems(toCommitteeId?: number): Promise<PendingItem[]> {
    return (
      await this.db.all<Row>(
        `SELECT p.*, m.committee_id AS from_committee_id, c.name AS from_committee_name, m.date AS from_meeting_date
         FROM pending_items p JOIN meetings m ON m.id = p.from_meeting_id JOIN committees c ON c.id = m.committee_id
         ${toCommitteeId === undefined ? "" : "WHERE p.to_committee_id = ?"} ORDER BY p.id`,
        toCommitteeId === undefined ? [] : [toCommitteeId],
      )
    ).map(pendingOf);
  }

  /** The committee's meetings as the pending-item rules see them (cancelled ones marked). */
  async meetingSlots(committeeId: number): Promise<MeetingSlot[]> {
    return (
      await this.db.all<Row>(
        "SELECT m.id, m.committee_id, m.date, o.status FROM meetings m LEFT JOIN office_meetings o ON o.meeting_id = m.id WHERE m.committee_id = ? AND m.date IS NOT NULL ORDER BY m.date",
        [committeeId],
      )
    ).map((r) => ({
      meetingId: num(r.id),
      committeeId: num(r.committee_id),
      date: String(r.date),
      cancelled: r.status === "cancelled" || r.status === "postponed",
    }));
  }

  async placePending(id: number, meetingId: number): Promise<void> {
    await this.db.run("UPDATE pending_items SET placed_meeting_id = ? WHERE id = ? AND placed_meeting_id IS NULL", [
      meetingId,
      id,
    ]);
  }

  async closePending(id: number, at: Date, reason: string): Promise<void> {
    await this.db.run("UPDATE pending_items SET closed_at = ?, closed_reason = ? WHERE id = ? AND closed_at IS NULL", [
      at.toISOString(),
      reason,
      id,
    ]);
  }
}
