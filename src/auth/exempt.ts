/**
 * The exempt (Schedule 12A) content store: the only way to exempt text. Import hands it each new
 * document's lines and it keeps the lines of every exempt part the parse marked (exempt_parts, issue
 * 13), per document version, in its own table that no public read touches. Reading goes through
 * `open(person, id, at)`, which asks the policy function (a seat on the committee while it is held,
 * the committee's officers, the monitoring officer) and writes an audit entry for every view and every
 * refusal: who, which part, which document version and content hash, when.
 */
import type { SqlDb } from "../store/sql";
import { can, type Person, type PolicyObject } from "./policy";
import { type AuthStore, sha256 } from "./store";

type Row = Record<string, unknown>;

/** What anyone may know of an exempt part (as on the public page): never its text. */
export type ExemptItem = {
  id: number;
  meetingId: number;
  committeeId: number;
  meetingDate: string | null;
  kind: string;
  agendaItem: string | null;
  title: string;
  paragraphs: number[];
  documentName: string;
  /** The document version it was read from (its SHA-256). */
  version: string;
  released: boolean;
};

export type ExemptContent = ExemptItem & { body: string; bodySha256: string };

const num = (v: unknown) => Number(v);

function toItem(r: Row): ExemptItem {
  let paragraphs: number[] = [];
  try {
    paragraphs = JSON.parse(String(r.paragraphs));
  } catch {
    paragraphs = [];
  }
  return {
    id: num(r.id),
    meetingId: num(r.meeting_id),
    committeeId: num(r.committee_id),
    meetingDate: r.meeting_date === null ? null : String(r.meeting_date),
    kind: String(r.kind),
    agendaItem: r.agenda_item === null ? null : String(r.agenda_item),
    title: String(r.title),
    paragraphs,
    documentName: String(r.document_name),
    version: String(r.document_sha256),
    released: r.released_at !== null,
  };
}

/** The policy object of an exempt item. */
export const exemptObject = (i: ExemptItem): PolicyObject => ({
  kind: "exempt-item",
  committeeId: i.committeeId,
  state: i.released ? "released" : "exempt",
});

/** Only rows of a document's current version are shown (older versions stay as history). */
const CURRENT = "JOIN documents d ON d.id = x.document_id AND d.sha256 = x.document_sha256";
const ITEM_COLUMNS =
  "x.id, x.meeting_id, x.committee_id, x.meeting_date, x.kind, x.agenda_item, x.title, x.paragraphs, x.document_name, x.document_sha256, x.released_at";

export class ExemptStore {
  constructor(
    readonly db: SqlDb,
    readonly audit: AuthStore,
  ) {}

  /**
   * Keeps the text of every exempt part of document `documentId` from its lines (lines[0] is line 1).
   * Idempotent per document version; returns how many parts were newly stored.
   */
  async capture(documentId: number, lines: readonly string[], now: Date): Promise<number> {
    const parts = await this.db.all<Row>(
      `SELECT p.meeting_id, p.kind, p.agenda_item, p.title, p.paragraphs, p.span_start, p.span_end,
              d.sha256, d.name, m.committee_id, m.date
       FROM exempt_parts p JOIN documents d ON d.id = p.document_id JOIN meetings m ON m.id = p.meeting_id
       WHERE p.document_id = ? ORDER BY p.span_start, p.id`,
      [documentId],
    );
    let added = 0;
    for (const p of parts) {
      const start = num(p.span_start);
      const end = num(p.span_end);
      const body = lines.slice(Math.max(0, start - 1), Math.max(0, end)).join("\n");
      const n = await this.db.run(
        `INSERT INTO exempt_content (document_id, document_sha256, document_name, meeting_id, committee_id, meeting_date,
           kind, agenda_item, title, paragraphs, span_start, span_end, body, body_sha256, stored_at)
         SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
         WHERE NOT EXISTS (SELECT 1 FROM exempt_content WHERE document_sha256 = ? AND span_start = ? AND span_end = ?)`,
        [
          documentId,
          String(p.sha256),
          String(p.name),
          num(p.meeting_id),
          num(p.committee_id),
          p.date === null ? null : String(p.date),
          String(p.kind),
          p.agenda_item === null ? null : String(p.agenda_item),
          String(p.title),
          String(p.paragraphs),
          start,
          end,
          body,
          sha256(body),
          now.toISOString(),
          String(p.sha256),
          start,
          end,
        ],
      );
      added += n;
    }
    return added;
  }

  /**
   * Whether `person` may download the whole original of document `documentId`, which holds exempt parts:
   * only when the policy lets them download every exempt part in it. Every part is written to the audit
   * trail (download or refusal). A document with exempt parts none of which were captured is refused.
   */
  async openOriginal(person: Person, documentId: number, at: Date): Promise<boolean> {
    const rows = await this.db.all<Row>(
      `SELECT ${ITEM_COLUMNS} FROM exempt_content x ${CURRENT} WHERE x.document_id = ? ORDER BY x.span_start, x.id`,
      [documentId],
    );
    if (!person || !rows.length) return false;
    const items = rows.map(toItem);
    const ok = items.every((i) => can(person, "download", exemptObject(i), at));
    for (const i of items)
      await this.audit.audit(
        {
          actorId: person.userId,
          action: ok ? "exempt.download" : "exempt.refused",
          object: `exempt-item:${i.id}`,
          detail: { how: "original", version: i.version, documentId },
        },
        at,
      );
    return ok;
  }

  /** Exempt items of a meeting (their public facts only). */
  async itemsOfMeeting(meetingId: number): Promise<ExemptItem[]> {
    const rows = await this.db.all<Row>(
      `SELECT ${ITEM_COLUMNS} FROM exempt_content x ${CURRENT} WHERE x.meeting_id = ? ORDER BY x.span_start, x.id`,
      [meetingId],
    );
    return rows.map(toItem);
  }

  async item(id: number): Promise<ExemptItem | null> {
    const r = await this.db.get<Row>(`SELECT ${ITEM_COLUMNS} FROM exempt_content x ${CURRENT} WHERE x.id = ?`, [id]);
    return r ? toItem(r) : null;
  }

  /** The exempt items `person` may open at `at`, newest meeting first (the member's "my papers"). */
  async itemsFor(person: Person, at: Date, limit = 200): Promise<ExemptItem[]> {
    if (!person) return [];
    const rows = await this.db.all<Row>(
      `SELECT ${ITEM_COLUMNS} FROM exempt_content x ${CURRENT} ORDER BY x.meeting_date DESC, x.meeting_id DESC, x.span_start`,
    );
    return rows
      .map(toItem)
      .filter((i) => can(person, "view", exemptObject(i), at))
      .slice(0, limit);
  }

  /**
   * The content of one exempt item for `person`, or null when the policy refuses (or there is no such
   * item). Both outcomes are written to the audit trail.
   */
  async open(
    person: Person,
    id: number,
    at: Date,
    how: "view" | "download" = "view",
  ): Promise<{ ok: true; content: ExemptContent } | { ok: false; reason: "missing" | "refused" }> {
    const r = await this.db.get<Row>(
      `SELECT ${ITEM_COLUMNS}, x.body, x.body_sha256 FROM exempt_content x ${CURRENT} WHERE x.id = ?`,
      [id],
    );
    const actorId = person ? person.userId : null;
    if (!r) return { ok: false, reason: "missing" };
    const item = toItem(r);
    if (!can(person, how, exemptObject(item), at)) {
      await this.audit.audit({ actorId, action: "exempt.refused", object: `exempt-item:${id}`, detail: { how } }, at);
      return { ok: false, reason: "refused" };
    }
    const bodySha256 = String(r.body_sha256);
    await this.audit.audit(
      {
        actorId,
        action: `exempt.${how}`,
        object: `exempt-item:${id}`,
        detail: { version: item.version, contentSha256: bodySha256, meetingId: item.meetingId, title: item.title },
      },
      at,
    );
    return { ok: true, content: { ...item, body: String(r.body), bodySha256 } };
  }
}
