/**
 * Cross-meeting links as stored (migration 22, both engines): per council, the fingerprint of what the
 * linkers read and their results, shaped for the pages' reads: topics by slug and in list order, the
 * topics of a meeting, follow-ups by meeting, committee and state, referrals, sums of money and
 * data-quality flags by meeting, and old topic ids with the topic that carries them on. A council's
 * results are replaced in one transaction, so a reader sees the old set or the new, never half.
 * Records are kept as JSON (`record`: the page's record with store ids resolved; `raw`: what the
 * linker returned, for the CLI) beside the columns the reads filter and sort on. What the linkers
 * find is src/link's business; when to recompute is src/import/links.ts's.
 */
import type { SqlConn, SqlDb, SqlValue } from "../sql";

/** Migration 22's tables; `real` is the engine's double-precision type. */
export function linkTablesV22(real: string): string {
  return `
CREATE TABLE link_councils (
  council TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  computed_at TEXT NOT NULL,
  meetings INTEGER NOT NULL,
  with_text INTEGER NOT NULL,
  since INTEGER
);
CREATE TABLE link_topics (
  council TEXT NOT NULL,
  slug TEXT NOT NULL,
  base TEXT NOT NULL,
  key TEXT NOT NULL,
  meetings INTEGER NOT NULL,
  items INTEGER NOT NULL,
  first TEXT,
  sort_council TEXT NOT NULL,
  summary TEXT NOT NULL,
  body TEXT NOT NULL,
  raw TEXT NOT NULL
);
CREATE INDEX link_topics_slug ON link_topics(slug);
CREATE INDEX link_topics_base ON link_topics(base);
CREATE INDEX link_topics_council ON link_topics(council);
CREATE INDEX link_topics_order ON link_topics(meetings DESC, items DESC, first, sort_council, key);
CREATE TABLE link_topic_meetings (
  council TEXT NOT NULL,
  slug TEXT NOT NULL,
  meeting_id INTEGER NOT NULL
);
CREATE INDEX link_topic_meetings_meeting ON link_topic_meetings(meeting_id);
CREATE INDEX link_topic_meetings_council ON link_topic_meetings(council);
CREATE TABLE link_moved (
  council TEXT NOT NULL,
  old_slug TEXT NOT NULL,
  to_slug TEXT,
  near TEXT NOT NULL
);
CREATE INDEX link_moved_old ON link_moved(old_slug);
CREATE INDEX link_moved_council ON link_moved(council);
CREATE TABLE link_followups (
  council TEXT NOT NULL,
  ord INTEGER NOT NULL,
  from_meeting_id INTEGER,
  met_meeting_id INTEGER,
  from_committee_id INTEGER,
  due_body TEXT,
  due_by TEXT,
  met INTEGER NOT NULL,
  record TEXT NOT NULL,
  raw TEXT NOT NULL
);
CREATE INDEX link_followups_council ON link_followups(council, ord);
CREATE INDEX link_followups_from ON link_followups(from_meeting_id);
CREATE INDEX link_followups_met ON link_followups(met_meeting_id);
CREATE INDEX link_followups_committee ON link_followups(from_committee_id);
CREATE TABLE link_referrals (
  council TEXT NOT NULL,
  ord INTEGER NOT NULL,
  from_meeting_id INTEGER,
  to_meeting_id INTEGER,
  record TEXT NOT NULL,
  raw TEXT NOT NULL
);
CREATE INDEX link_referrals_council ON link_referrals(council, ord);
CREATE INDEX link_referrals_from ON link_referrals(from_meeting_id);
CREATE INDEX link_referrals_to ON link_referrals(to_meeting_id);
CREATE TABLE link_money (
  council TEXT NOT NULL,
  ord INTEGER NOT NULL,
  meeting_id INTEGER,
  committee_id INTEGER,
  date TEXT,
  pounds ${real} NOT NULL,
  record TEXT NOT NULL,
  raw TEXT NOT NULL
);
CREATE INDEX link_money_council ON link_money(council, ord);
CREATE INDEX link_money_committee ON link_money(committee_id);
CREATE TABLE link_quality (
  council TEXT NOT NULL,
  ord INTEGER NOT NULL,
  meeting_id INTEGER,
  record TEXT NOT NULL,
  raw TEXT NOT NULL
);
CREATE INDEX link_quality_council ON link_quality(council, ord);
CREATE INDEX link_quality_meeting ON link_quality(meeting_id);
`;
}

/**
 * Migration 23's tables: a topic's entries one row each (a topic page reads one page of its topic,
 * never the whole topic's record) and each council's people as the linkers found them.
 */
export function linkTablesV23(): string {
  return `
CREATE TABLE link_topic_entries (
  council TEXT NOT NULL,
  slug TEXT NOT NULL,
  ord INTEGER NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX link_topic_entries_topic ON link_topic_entries(slug, ord);
CREATE INDEX link_topic_entries_council ON link_topic_entries(council, slug);
CREATE TABLE link_people (
  council TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX link_people_council ON link_people(council);
`;
}

export const LINK_TABLES = [
  "link_councils",
  "link_topics",
  "link_topic_meetings",
  "link_moved",
  "link_followups",
  "link_referrals",
  "link_money",
  "link_quality",
  "link_topic_entries",
  "link_people",
] as const;

/** One topic as stored: its id, what orders the list, and its records. */
export type StoredTopic = {
  slug: string;
  /** The slug of its defining phrase alone: ids are settled among topics sharing it. */
  base: string;
  key: string;
  meetings: number;
  items: number;
  first: string | null;
  /** The council as the linkers order by it ("unknown: …" for none). */
  sortCouncil: string;
  /** The page's summary record (its id is the slug). */
  summary: unknown;
  /** The topic page's record apart from its summary and its entries. */
  body: unknown;
  /** The topic page's entries, in order (stored one row each, read a page at a time). */
  entries: unknown[];
  /** The linker's own record (the CLI prints it). */
  raw: unknown;
  /** The store's meetings the topic's items come from. */
  meetingIds: number[];
};

export type StoredFollowUp = {
  fromMeetingId: number | null;
  metMeetingId: number | null;
  fromCommitteeId: number | null;
  dueBody: string | null;
  dueBy: string | null;
  met: boolean;
  record: unknown;
  raw: unknown;
};

export type StoredReferral = {
  fromMeetingId: number | null;
  toMeetingId: number | null;
  record: unknown;
  raw: unknown;
};

export type StoredMoney = {
  meetingId: number | null;
  committeeId: number | null;
  date: string | null;
  pounds: number;
  record: unknown;
  raw: unknown;
};

export type StoredQuality = { meetingId: number | null; record: unknown; raw: unknown };

/** An old topic id, the topic that now carries it on (null when none clearly does), and the nearest. */
export type MovedTopic = { from: string; to: string | null; near: string[] };

/** Everything the linkers found for one council ("" for none). */
export type CouncilLinks = {
  council: string;
  fingerprint: string;
  computedAt: string;
  meetings: number;
  withText: boolean;
  /** When the council reached the store (its earliest document id): the earlier keeps a shared plain id. */
  since: number | null;
  topics: StoredTopic[];
  followUps: StoredFollowUp[];
  referrals: StoredReferral[];
  money: StoredMoney[];
  quality: StoredQuality[];
  moved: MovedTopic[];
  /** The council's people as the linkers found them (the CLI's `topics --people`). */
  people: unknown;
};

/** A stored topic as other councils' id settling sees it. */
export type TopicId = { council: string; slug: string; base: string; key: string; since: number | null };

/** What the store's core tables say each council's linkers would read: meetings, documents and their hashes. */
export type CouncilSource = { council: string; meetings: number; since: number; parts: string[] };

export type StoredCouncil = {
  council: string;
  fingerprint: string;
  computedAt: string;
  meetings: number;
  withText: boolean;
  since: number | null;
};

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const json = (v: unknown): string => JSON.stringify(v);
const parse = <T>(v: unknown): T => JSON.parse(String(v)) as T;

/** Inserts rows in batches (one statement per batch keeps a big council's write quick on both engines). */
async function insertRows(tx: SqlConn, table: string, columns: string[], rows: SqlValue[][]): Promise<void> {
  const per = Math.max(1, Math.floor(900 / columns.length));
  for (let i = 0; i < rows.length; i += per) {
    const batch = rows.slice(i, i + per);
    const one = `(${columns.map(() => "?").join(", ")})`;
    await tx.run(
      `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${batch.map(() => one).join(", ")}`,
      batch.flat(),
    );
  }
}

const COUNCIL_TABLES = LINK_TABLES.filter((t) => t !== "link_councils");

export class LinkStore {
  constructor(private readonly db: SqlDb) {}

  /**
   * Per council, what its linkers would read as the core tables record it: each meeting with its
   * documents' ids and content hashes (a changed, added or removed document changes the list), and
   * when the council reached the store. Read in one pass; hashing is the caller's.
   */
  async sources(): Promise<CouncilSource[]> {
    const rows = await this.db.all<Row>(
      `SELECT a.name AS council, s.meeting_id, s.document_id, d.sha256, m.date, m.committee_id
       FROM meeting_sources s JOIN meetings m ON m.id = s.meeting_id JOIN committees c ON c.id = m.committee_id
       JOIN authorities a ON a.id = c.authority_id JOIN documents d ON d.id = s.document_id
       ORDER BY a.name, s.meeting_id, s.document_id`,
    );
    const out = new Map<string, CouncilSource & { seen: Set<number> }>();
    for (const r of rows) {
      const council = String(r.council ?? "");
      let c = out.get(council);
      if (!c) {
        c = { council, meetings: 0, since: Number.POSITIVE_INFINITY, parts: [], seen: new Set() };
        out.set(council, c);
      }
      const m = Number(r.meeting_id);
      if (!c.seen.has(m)) {
        c.seen.add(m);
        c.meetings++;
      }
      c.since = Math.min(c.since, Number(r.document_id));
      c.parts.push(`${m}:${r.committee_id}:${r.date ?? ""}:${r.document_id}:${r.sha256}`);
    }
    return [...out.values()].map(({ seen: _, ...c }) => c);
  }

  async councils(): Promise<StoredCouncil[]> {
    const rows = await this.db.all<Row>("SELECT * FROM link_councils ORDER BY council");
    return rows.map((r) => ({
      council: String(r.council),
      fingerprint: String(r.fingerprint),
      computedAt: String(r.computed_at),
      meetings: Number(r.meetings),
      withText: Number(r.with_text) === 1,
      since: numOrNull(r.since),
    }));
  }

  /**
   * Replaces one council's links in one transaction. `settle` gets the council's new topics with every
   * other council's topic that shares a base id (or shared one of its old ones) and returns the ids
   * every one of them should have: the other councils' topics renamed keep their old id as moved.
   */
  async replace(links: CouncilLinks, settle: (topics: TopicId[]) => Map<TopicId, string>): Promise<void> {
    await this.db.transaction(async (tx) => {
      const oldBases = (
        await tx.all<Row>("SELECT DISTINCT base FROM link_topics WHERE council = ?", [links.council])
      ).map((r) => String(r.base));
      for (const t of COUNCIL_TABLES) await tx.run(`DELETE FROM ${t} WHERE council = ?`, [links.council]);
      await tx.run("DELETE FROM link_councils WHERE council = ?", [links.council]);
      await tx.run(
        "INSERT INTO link_councils (council, fingerprint, computed_at, meetings, with_text, since) VALUES (?, ?, ?, ?, ?, ?)",
        [links.council, links.fingerprint, links.computedAt, links.meetings, links.withText ? 1 : 0, links.since],
      );

      // Ids are settled among every council's topics that share a base id with this council's, new or old.
      const bases = [...new Set([...oldBases, ...links.topics.map((t) => t.base)])];
      const others: (TopicId & { council: string })[] = [];
      for (let i = 0; i < bases.length; i += 500) {
        const part = bases.slice(i, i + 500);
        const rows = await tx.all<Row>(
          `SELECT t.council, t.slug, t.base, t.key, c.since FROM link_topics t LEFT JOIN link_councils c ON c.council = t.council
           WHERE t.base IN (${part.map(() => "?").join(", ")})`,
          part,
        );
        for (const r of rows)
          others.push({
            council: String(r.council),
            slug: String(r.slug),
            base: String(r.base),
            key: String(r.key),
            since: numOrNull(r.since),
          });
      }
      const mine: TopicId[] = links.topics.map((t) => ({
        council: links.council,
        slug: t.slug,
        base: t.base,
        key: t.key,
        since: links.since,
      }));
      const ids = settle([...mine, ...others]);
      const renamed = new Map<string, string>();
      links.topics.forEach((t, i) => {
        const to = ids.get(mine[i]) ?? t.slug;
        renamed.set(t.slug, to);
        t.slug = to;
      });
      for (const m of links.moved) {
        if (m.to !== null) m.to = renamed.get(m.to) ?? m.to;
        m.near = m.near.map((x) => renamed.get(x) ?? x);
      }
      for (const o of others) {
        const to = ids.get(o) ?? o.slug;
        if (to === o.slug) continue;
        await tx.run("UPDATE link_topics SET slug = ? WHERE council = ? AND slug = ?", [to, o.council, o.slug]);
        await tx.run("UPDATE link_topic_meetings SET slug = ? WHERE council = ? AND slug = ?", [to, o.council, o.slug]);
        await tx.run("UPDATE link_topic_entries SET slug = ? WHERE council = ? AND slug = ?", [to, o.council, o.slug]);
        await tx.run("DELETE FROM link_moved WHERE old_slug = ?", [o.slug]);
        await tx.run("INSERT INTO link_moved (council, old_slug, to_slug, near) VALUES (?, ?, ?, ?)", [
          o.council,
          o.slug,
          to,
          "[]",
        ]);
      }
      // An id a topic holds now is nobody's old id any more.
      const current = links.topics.map((t) => t.slug);
      for (let i = 0; i < current.length; i += 500) {
        const part = current.slice(i, i + 500);
        await tx.run(`DELETE FROM link_moved WHERE old_slug IN (${part.map(() => "?").join(", ")})`, part);
      }

      await insertRows(
        tx,
        "link_topics",
        ["council", "slug", "base", "key", "meetings", "items", "first", "sort_council", "summary", "body", "raw"],
        links.topics.map((t) => [
          links.council,
          t.slug,
          t.base,
          t.key,
          t.meetings,
          t.items,
          t.first,
          t.sortCouncil,
          json(t.summary),
          json(t.body),
          json(t.raw),
        ]),
      );
      await insertRows(
        tx,
        "link_topic_meetings",
        ["council", "slug", "meeting_id"],
        links.topics.flatMap((t) => [...new Set(t.meetingIds)].map((m) => [links.council, t.slug, m])),
      );
      await insertRows(
        tx,
        "link_topic_entries",
        ["council", "slug", "ord", "record"],
        links.topics.flatMap((t) => t.entries.map((e, i) => [links.council, t.slug, i, json(e)])),
      );
      await insertRows(tx, "link_people", ["council", "record"], [[links.council, json(links.people)]]);
      const moved = links.moved.filter((m) => !current.includes(m.from));
      for (const m of moved) await tx.run("DELETE FROM link_moved WHERE old_slug = ?", [m.from]);
      await insertRows(
        tx,
        "link_moved",
        ["council", "old_slug", "to_slug", "near"],
        moved.map((m) => [links.council, m.from, m.to, json(m.near)]),
      );
      await insertRows(
        tx,
        "link_followups",
        [
          "council",
          "ord",
          "from_meeting_id",
          "met_meeting_id",
          "from_committee_id",
          "due_body",
          "due_by",
          "met",
          "record",
          "raw",
        ],
        links.followUps.map((f, i) => [
          links.council,
          i,
          f.fromMeetingId,
          f.metMeetingId,
          f.fromCommitteeId,
          f.dueBody,
          f.dueBy,
          f.met ? 1 : 0,
          json(f.record),
          json(f.raw),
        ]),
      );
      await insertRows(
        tx,
        "link_referrals",
        ["council", "ord", "from_meeting_id", "to_meeting_id", "record", "raw"],
        links.referrals.map((r, i) => [links.council, i, r.fromMeetingId, r.toMeetingId, json(r.record), json(r.raw)]),
      );
      await insertRows(
        tx,
        "link_money",
        ["council", "ord", "meeting_id", "committee_id", "date", "pounds", "record", "raw"],
        links.money.map((m, i) => [
          links.council,
          i,
          m.meetingId,
          m.committeeId,
          m.date,
          m.pounds,
          json(m.record),
          json(m.raw),
        ]),
      );
      await insertRows(
        tx,
        "link_quality",
        ["council", "ord", "meeting_id", "record", "raw"],
        links.quality.map((q, i) => [links.council, i, q.meetingId, json(q.record), json(q.raw)]),
      );
      // Readers that cache until the store changes (the portal) see the new links at once.
      await tx.run("UPDATE store_changes SET n = n + 1 WHERE id = 1");
    });
  }

  /** Ids a council's topics hold, and old ids it carries on: what its next computation must account for. */
  async knownSlugs(council: string): Promise<string[]> {
    const rows = await this.db.all<Row>(
      "SELECT slug FROM link_topics WHERE council = ? UNION SELECT old_slug FROM link_moved WHERE council = ?",
      [council, council],
    );
    return rows.map((r) => String(r.slug));
  }

  /** Drops a council's links (it has no meetings left). */
  async remove(council: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const t of COUNCIL_TABLES) await tx.run(`DELETE FROM ${t} WHERE council = ?`, [council]);
      await tx.run("DELETE FROM link_councils WHERE council = ?", [council]);
      await tx.run("UPDATE store_changes SET n = n + 1 WHERE id = 1");
    });
  }

  /**
   * The store's change counter (migration 3: triggers move it with every stored document, merge and
   * office write, and each links replacement moves it too): one row read, so a reader can poll it.
   */
  async changes(): Promise<number> {
    const r = await this.db.get<Row>("SELECT n FROM store_changes WHERE id = 1");
    return Number(r?.n ?? 0);
  }

  /** How many meetings the stored links cover, whether any council's were found with text, and the topic count. */
  async overview(): Promise<{ councils: number; meetings: number; withText: boolean; topics: number }> {
    const r = await this.db.get<Row>(
      `SELECT CAST(count(*) AS INTEGER) AS n, CAST(COALESCE(sum(meetings), 0) AS INTEGER) AS meetings,
         CAST(COALESCE(max(with_text), 0) AS INTEGER) AS with_text,
         (SELECT CAST(count(*) AS INTEGER) FROM link_topics) AS topics
       FROM link_councils`,
    );
    return {
      councils: Number(r?.n ?? 0),
      meetings: Number(r?.meetings ?? 0),
      withText: Number(r?.with_text ?? 0) === 1,
      topics: Number(r?.topics ?? 0),
    };
  }

  /** Topics in list order (most-followed first), their summaries; `raw` adds the linker's records. */
  async topics(paging: { limit: number; offset: number }): Promise<{ slug: string; summary: unknown }[]> {
    const rows = await this.db.all<Row>(
      `SELECT slug, summary FROM link_topics ORDER BY meetings DESC, items DESC, first, sort_council, key LIMIT ? OFFSET ?`,
      [paging.limit, paging.offset],
    );
    return rows.map((r) => ({ slug: String(r.slug), summary: parse(r.summary) }));
  }

  /** Every topic's linker record in list order (the CLI's `topics --db`). */
  async rawTopics(): Promise<unknown[]> {
    const rows = await this.db.all<Row>(
      "SELECT raw FROM link_topics ORDER BY meetings DESC, items DESC, first, sort_council, key",
    );
    return rows.map((r) => parse(r.raw));
  }

  /**
   * One topic: its summary, its page record (without entries), and one page of its entries in order
   * with how many there are. A topic stored before entries had rows of their own keeps them in its
   * record; they are paged here the same way.
   */
  async topic(
    slug: string,
    paging: { limit: number; offset: number } = { limit: 1e9, offset: 0 },
  ): Promise<{ slug: string; summary: unknown; body: unknown; entries: unknown[]; total: number } | null> {
    const r = await this.db.get<Row>("SELECT slug, summary, body, items FROM link_topics WHERE slug = ?", [slug]);
    if (!r) return null;
    const body = parse<Record<string, unknown>>(r.body);
    if (Array.isArray(body.entries)) {
      const { entries, ...rest } = body as { entries: unknown[] };
      return {
        slug: String(r.slug),
        summary: parse(r.summary),
        body: rest,
        entries: entries.slice(paging.offset, paging.offset + paging.limit),
        total: entries.length,
      };
    }
    const rows = await this.db.all<Row>(
      "SELECT record FROM link_topic_entries WHERE slug = ? AND ord >= ? ORDER BY ord LIMIT ?",
      [slug, paging.offset, paging.limit],
    );
    const n = await this.db.get<Row>("SELECT CAST(count(*) AS INTEGER) AS n FROM link_topic_entries WHERE slug = ?", [
      slug,
    ]);
    return {
      slug: String(r.slug),
      summary: parse(r.summary),
      body,
      entries: rows.map((x) => parse(x.record)),
      total: Number(n?.n ?? 0),
    };
  }

  /** Every council's people as the linkers found them, councils in name order. */
  async people(): Promise<unknown[]> {
    const rows = await this.db.all<Row>("SELECT record FROM link_people ORDER BY council");
    return rows.map((r) => parse(r.record));
  }

  /** The topics (slug and summary) with these ids, in the order asked. */
  async topicSummaries(slugs: string[]): Promise<{ slug: string; summary: unknown }[]> {
    if (!slugs.length) return [];
    const rows = await this.db.all<Row>(
      `SELECT slug, summary FROM link_topics WHERE slug IN (${slugs.map(() => "?").join(", ")})`,
      slugs,
    );
    const by = new Map(rows.map((r) => [String(r.slug), parse(r.summary)]));
    return slugs.flatMap((s) => (by.has(s) ? [{ slug: s, summary: by.get(s) }] : []));
  }

  async moved(slug: string): Promise<MovedTopic | null> {
    const r = await this.db.get<Row>("SELECT old_slug, to_slug, near FROM link_moved WHERE old_slug = ?", [slug]);
    return r ? { from: String(r.old_slug), to: str(r.to_slug), near: parse<string[]>(r.near) } : null;
  }

  /** The topics a meeting's items belong to (slug and summary), most-followed first. */
  async topicsOfMeeting(meetingId: number): Promise<{ slug: string; summary: unknown }[]> {
    const rows = await this.db.all<Row>(
      `SELECT t.slug, t.summary FROM link_topic_meetings tm JOIN link_topics t ON t.council = tm.council AND t.slug = tm.slug
       WHERE tm.meeting_id = ? ORDER BY t.meetings DESC, t.items DESC, t.first, t.sort_council, t.key`,
      [meetingId],
    );
    return rows.map((r) => ({ slug: String(r.slug), summary: parse(r.summary) }));
  }

  /**
   * Follow-ups with their due date and whether they were met, so the reader sets the state for its own
   * day: all, one meeting's (promised or met there), or one council's (the committee filter is the caller's).
   */
  async followUps(where: { meetingId?: number; council?: string | null } = {}): Promise<
    {
      council: string;
      fromCommitteeId: number | null;
      dueBody: string | null;
      dueBy: string | null;
      met: boolean;
      record: unknown;
      raw: unknown;
    }[]
  > {
    const cond: string[] = [];
    const params: SqlValue[] = [];
    if (where.meetingId !== undefined) {
      cond.push("(from_meeting_id = ? OR met_meeting_id = ?)");
      params.push(where.meetingId, where.meetingId);
    }
    if (where.council !== undefined) {
      cond.push("f.council = ?");
      params.push(where.council ?? "");
    }
    const rows = await this.db.all<Row>(
      `SELECT f.council, from_committee_id, due_body, due_by, met, record, raw FROM link_followups f
       LEFT JOIN link_councils c ON c.council = f.council
       ${cond.length ? `WHERE ${cond.join(" AND ")}` : ""}
       ORDER BY c.since, f.council, f.ord`,
      params,
    );
    return rows.map((r) => ({
      council: String(r.council),
      fromCommitteeId: numOrNull(r.from_committee_id),
      dueBody: str(r.due_body),
      dueBy: str(r.due_by),
      met: Number(r.met) === 1,
      record: parse(r.record),
      raw: parse(r.raw),
    }));
  }

  /**
   * Every council's follow-ups counted by their state on `today` (met on evidence, else overdue once
   * the due date has passed, else open), and one page of those in `status` (all when null) in list
   * order: the whole list is never read to show a page of it.
   */
  async followUpPage(
    today: string,
    status: "met" | "open" | "overdue" | null,
    paging: { limit: number; offset: number },
  ): Promise<{
    counts: { met: number; open: number; overdue: number };
    rows: {
      fromCommitteeId: number | null;
      dueBody: string | null;
      dueBy: string | null;
      met: boolean;
      record: unknown;
    }[];
  }> {
    const c = await this.db.get<Row>(
      `SELECT CAST(COALESCE(sum(CASE WHEN met = 1 THEN 1 ELSE 0 END), 0) AS INTEGER) AS met,
         CAST(COALESCE(sum(CASE WHEN met = 0 AND due_by IS NOT NULL AND due_by < ? THEN 1 ELSE 0 END), 0) AS INTEGER) AS overdue,
         CAST(count(*) AS INTEGER) AS n
       FROM link_followups`,
      [today],
    );
    const met = Number(c?.met ?? 0);
    const overdue = Number(c?.overdue ?? 0);
    const counts = { met, overdue, open: Number(c?.n ?? 0) - met - overdue };
    const cond =
      status === "met"
        ? "f.met = 1"
        : status === "overdue"
          ? "f.met = 0 AND f.due_by IS NOT NULL AND f.due_by < ?"
          : status === "open"
            ? "f.met = 0 AND (f.due_by IS NULL OR f.due_by >= ?)"
            : null;
    const rows = await this.db.all<Row>(
      `SELECT from_committee_id, due_body, due_by, met, record FROM link_followups f
       LEFT JOIN link_councils c ON c.council = f.council
       ${cond ? `WHERE ${cond}` : ""}
       ORDER BY c.since, f.council, f.ord LIMIT ? OFFSET ?`,
      [...(status === "overdue" || status === "open" ? [today] : []), paging.limit, paging.offset],
    );
    return {
      counts,
      rows: rows.map((r) => ({
        fromCommitteeId: numOrNull(r.from_committee_id),
        dueBody: str(r.due_body),
        dueBy: str(r.due_by),
        met: Number(r.met) === 1,
        record: parse(r.record),
      })),
    };
  }

  /** Referrals: all, or those made at or received by one meeting. */
  async referrals(where: { meetingId?: number } = {}): Promise<{ record: unknown; raw: unknown }[]> {
    const by = where.meetingId !== undefined;
    const rows = await this.db.all<Row>(
      `SELECT record, raw FROM link_referrals r LEFT JOIN link_councils c ON c.council = r.council
       ${by ? "WHERE r.from_meeting_id = ? OR r.to_meeting_id = ?" : ""} ORDER BY c.since, r.council, r.ord`,
      by ? [where.meetingId!, where.meetingId!] : [],
    );
    return rows.map((r) => ({ record: parse(r.record), raw: parse(r.raw) }));
  }

  /** Every sum, in the order the linkers found them. */
  async money(): Promise<{ record: unknown; raw: unknown }[]> {
    const rows = await this.db.all<Row>(
      `SELECT record, raw FROM link_money m LEFT JOIN link_councils c ON c.council = m.council ORDER BY c.since, m.council, m.ord`,
    );
    return rows.map((r) => ({ record: parse(r.record), raw: parse(r.raw) }));
  }

  /** Data-quality flags: all, or one meeting's. */
  async quality(where: { meetingId?: number } = {}): Promise<{ record: unknown; raw: unknown }[]> {
    const by = where.meetingId !== undefined;
    const rows = await this.db.all<Row>(
      `SELECT record, raw FROM link_quality q LEFT JOIN link_councils c ON c.council = q.council
       ${by ? "WHERE q.meeting_id = ?" : ""} ORDER BY c.since, q.council, q.ord`,
      by ? [where.meetingId!] : [],
    );
    return rows.map((r) => ({ record: parse(r.record), raw: parse(r.raw) }));
  }
}
