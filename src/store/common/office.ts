/**
 * The office side of the store: what a council keeps in Minutebook itself (its settings, committees,
 * councillors and officers, dated memberships, the meeting calendar and the register of interests), in
 * SQL both engines run. Keyed-in records extend the rows import writes and never copy them: a committee
 * is found by the same key import uses (import/records committeeKey), a person by the same name rules
 * (link/identity/names resolvePerson), a meeting by committee and date, so papers imported before or
 * after meet the keyed-in structure in one committee, one person and one meeting.
 */
import { cleanText, committeeKey } from "../../import/records";
import { displayName, parseName, resolvePerson } from "../../link/identity/names";
import type {
  CommitteeInput,
  CommitteeKind,
  CouncilInput,
  InterestCategory,
  InterestInput,
  MeetingInput,
  MeetingStatus,
  MembershipInput,
  MembershipRole,
  PersonInput,
  PersonKind,
  Position,
} from "../../model/office";
import type { NoticePolicy } from "../../office/clear-days";
import { StoreError } from "../repository";
import type { SqlConn, SqlDb, SqlValue } from "../sql";

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export type Council = { id: number; name: string; policy: NoticePolicy };

export type OfficeCommittee = {
  id: number;
  name: string;
  authority: string;
  /** Null for a committee known only from imported papers. */
  kind: CommitteeKind | null;
  parent: { id: number; name: string } | null;
  receivers: { id: number; name: string }[];
  termsOfReference: string;
  quorum: number | null;
  clerk: { id: number; name: string } | null;
  webcastUrl: string | null;
  kept: boolean;
};

export type OfficePerson = {
  id: number;
  name: string;
  /** Null for a person known only from imported papers. */
  kind: PersonKind | null;
  ward: string | null;
  party: string | null;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  photoUrl: string | null;
  termStart: string | null;
  termEnd: string | null;
};

export type Seat = {
  id: number;
  committee: { id: number; name: string };
  person: { id: number; name: string; party: string | null; ward: string | null };
  role: MembershipRole;
  voting: boolean;
  position: Position | null;
  from: string;
  to: string | null;
  appointedAt: { meetingId: number; date: string | null } | null;
};

export type CalendarEntry = {
  meetingId: number;
  committee: { id: number; name: string };
  date: string | null;
  start: string | null;
  end: string | null;
  location: string | null;
  /** "held" for an imported meeting the office does not keep (its papers say it happened or will). */
  status: MeetingStatus;
  originalDate: string | null;
  publishedAt: string | null;
  note: string | null;
  kept: boolean;
};

export type InterestEntry = {
  id: number;
  personId: number;
  category: InterestCategory;
  description: string;
  sensitive: boolean;
  submittedOn: string;
  approvedAt: string | null;
  approvedBy: string | null;
  endedOn: string | null;
};

/** An entry waiting for the monitoring officer, with what it changes (a councillor's own changes). */
export type PendingInterest = InterestEntry & {
  personName: string;
  /** The approved entry this one replaces, when it is a change. */
  replaces: { id: number; category: InterestCategory; description: string } | null;
  /** A notice that the replaced entry has ended, not a new entry. */
  endsOnly: boolean;
};

export type PeopleFilter = { kind?: PersonKind; q?: string; ward?: string; party?: string };

export class OfficeStore {
  constructor(private db: SqlDb) {}

  // ---- The council -------------------------------------------------------------------------

  /** Names the council this instance keeps and its clear-days policy (principal or parish). */
  async setCouncil(input: CouncilInput): Promise<Council> {
    return this.db.transaction(async (tx) => {
      const id = await authorityId(tx, input.name);
      const had = await tx.get("SELECT 1 AS x FROM office_authorities WHERE authority_id = ?", [id]);
      if (had) await tx.run("UPDATE office_authorities SET policy = ? WHERE authority_id = ?", [input.policy, id]);
      else await tx.run("INSERT INTO office_authorities (authority_id, policy) VALUES (?, ?)", [id, input.policy]);
      return { id, name: input.name.trim(), policy: input.policy };
    });
  }

  /** The council kept here (the first one named), or null before one is set. */
  async council(): Promise<Council | null> {
    const r = await this.db.get<Row>(
      "SELECT a.id, a.name, o.policy FROM office_authorities o JOIN authorities a ON a.id = o.authority_id ORDER BY a.id LIMIT 1",
    );
    return r ? { id: num(r.id), name: String(r.name), policy: r.policy === "parish" ? "parish" : "principal" } : null;
  }

  private async requireCouncil(): Promise<Council> {
    const c = await this.council();
    if (!c) throw new StoreError("no council is set: name the council first (minutebook office council)");
    return c;
  }

  // ---- Committees -------------------------------------------------------------------------

  /**
   * Creates a committee, or keeps one already known from imported papers by the same name, or (with
   * `id`) updates one. Returns its id.
   */
  async saveCommittee(input: CommitteeInput, id?: number): Promise<number> {
    const council = await this.requireCouncil();
    return this.db.transaction(async (tx) => {
      const key = committeeKey(input.name) || "unnamed";
      const same = await tx.get<Row>("SELECT id FROM committees WHERE authority_id = ? AND key = ?", [council.id, key]);
      let committeeId: number;
      if (id !== undefined) {
        if (!(await tx.get("SELECT 1 AS x FROM committees WHERE id = ?", [id])))
          throw new StoreError(`no committee ${id}`);
        if (same && num(same.id) !== id) throw new StoreError(`another committee is already called ${input.name}`);
        await tx.run("UPDATE committees SET name = ?, key = ? WHERE id = ?", [input.name, key, id]);
        committeeId = id;
      } else if (same) {
        committeeId = num(same.id);
        await tx.run("UPDATE committees SET name = ? WHERE id = ?", [input.name, committeeId]);
      } else {
        committeeId = await tx.insert(
          "INSERT INTO committees (authority_id, name, key) VALUES (?, ?, ?) RETURNING id",
          [council.id, input.name, key],
        );
      }
      if (input.parentId === committeeId) throw new StoreError("a committee cannot be its own parent");
      const values: SqlValue[] = [
        input.kind,
        input.parentId,
        input.termsOfReference,
        input.quorum,
        input.clerkId,
        input.webcastUrl,
        committeeId,
      ];
      if (await tx.get("SELECT 1 AS x FROM office_committees WHERE committee_id = ?", [committeeId]))
        await tx.run(
          "UPDATE office_committees SET kind = ?, parent_id = ?, terms_of_reference = ?, quorum = ?, clerk_id = ?, webcast_url = ? WHERE committee_id = ?",
          values,
        );
      else
        await tx.run(
          "INSERT INTO office_committees (kind, parent_id, terms_of_reference, quorum, clerk_id, webcast_url, committee_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
          values,
        );
      await tx.run("DELETE FROM committee_receivers WHERE committee_id = ?", [committeeId]);
      for (const r of new Set(input.receiverIds))
        if (r !== committeeId)
          await tx.run("INSERT INTO committee_receivers (committee_id, receiver_id) VALUES (?, ?)", [committeeId, r]);
      return committeeId;
    });
  }

  /** Every committee of the store, kept or imported, with its office details where kept. */
  async listCommittees(): Promise<OfficeCommittee[]> {
    const rows = await this.db.all<Row>(
      `SELECT c.id, c.name, a.name AS authority, o.committee_id AS kept, o.kind, o.parent_id, pc.name AS parent_name,
              o.terms_of_reference, o.quorum, o.clerk_id, cp.display_name AS clerk_name, o.webcast_url
       FROM committees c JOIN authorities a ON a.id = c.authority_id
       LEFT JOIN office_committees o ON o.committee_id = c.id
       LEFT JOIN committees pc ON pc.id = o.parent_id
       LEFT JOIN people cp ON cp.id = o.clerk_id
       ORDER BY c.name, c.id`,
    );
    const receivers = await this.db.all<Row>(
      "SELECT r.committee_id, r.receiver_id, c.name FROM committee_receivers r JOIN committees c ON c.id = r.receiver_id ORDER BY c.name",
    );
    return rows.map((r) => ({
      id: num(r.id),
      name: String(r.name),
      authority: String(r.authority),
      kind: (str(r.kind) as CommitteeKind | null) ?? null,
      parent:
        r.parent_id === null || r.parent_id === undefined
          ? null
          : { id: num(r.parent_id), name: String(r.parent_name) },
      receivers: receivers
        .filter((x) => num(x.committee_id) === num(r.id))
        .map((x) => ({ id: num(x.receiver_id), name: String(x.name) })),
      termsOfReference: str(r.terms_of_reference) ?? "",
      quorum: numOrNull(r.quorum),
      clerk:
        r.clerk_id === null || r.clerk_id === undefined ? null : { id: num(r.clerk_id), name: String(r.clerk_name) },
      webcastUrl: str(r.webcast_url),
      kept: r.kept !== null && r.kept !== undefined,
    }));
  }

  async getCommittee(id: number): Promise<OfficeCommittee | null> {
    return (await this.listCommittees()).find((c) => c.id === id) ?? null;
  }

  // ---- People -----------------------------------------------------------------------------

  /**
   * Keeps a councillor or officer. A new person whose printed name fits someone already read from
   * papers (the importer's merge rules) becomes that person, never a second one. Returns the id.
   */
  async savePerson(input: PersonInput, id?: number): Promise<number> {
    const council = await this.requireCouncil();
    const name = parseName(input.name);
    if (!name) throw new StoreError(`not a person's name: ${JSON.stringify(input.name)}`);
    return this.db.transaction(async (tx) => {
      let personId: number;
      if (id !== undefined) {
        if (!(await tx.get("SELECT 1 AS x FROM people WHERE id = ?", [id]))) throw new StoreError(`no person ${id}`);
        personId = id;
        await tx.run(
          "UPDATE people SET display_name = ?, title = ?, given = ?, surname = ?, surname_key = ? WHERE id = ?",
          [displayName(name), name.title, name.given.join(" "), name.surname, name.surnameKey, id],
        );
      } else {
        const rows = await tx.all<Row>(
          "SELECT id, title, given, surname_key FROM people WHERE authority_id = ? AND surname_key = ?",
          [council.id, name.surnameKey],
        );
        const known = rows.map((r) => ({
          id: num(r.id),
          title: str(r.title),
          given: r.given ? String(r.given).split(" ").filter(Boolean) : [],
          surnameKey: String(r.surname_key),
        }));
        // Someone already kept is a different person of the same name only if the office says so;
        // match against those read from papers alone.
        const kept = new Set(
          (
            await tx.all<Row>(
              "SELECT person_id FROM office_people WHERE person_id IN (SELECT id FROM people WHERE surname_key = ?)",
              [name.surnameKey],
            )
          ).map((r) => num(r.person_id)),
        );
        const res = resolvePerson(
          name,
          known.filter((k) => !kept.has(k.id)),
        );
        if (res.personId !== null) {
          personId = res.personId;
          // The keyed-in name is the fuller, authoritative form.
          if (name.given.some((g) => g.length > 1))
            await tx.run("UPDATE people SET display_name = ?, title = ?, given = ? WHERE id = ?", [
              displayName(name),
              name.title,
              name.given.join(" "),
              personId,
            ]);
        } else {
          personId = await tx.insert(
            "INSERT INTO people (authority_id, display_name, title, given, surname, surname_key) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            [council.id, displayName(name), name.title, name.given.join(" "), name.surname, name.surnameKey],
          );
        }
      }
      const values: SqlValue[] = [
        input.kind,
        input.ward,
        input.party,
        input.jobTitle,
        input.email,
        input.phone,
        input.photoUrl,
        input.termStart,
        input.termEnd,
        personId,
      ];
      if (await tx.get("SELECT 1 AS x FROM office_people WHERE person_id = ?", [personId]))
        await tx.run(
          "UPDATE office_people SET kind = ?, ward = ?, party = ?, job_title = ?, email = ?, phone = ?, photo_url = ?, term_start = ?, term_end = ? WHERE person_id = ?",
          values,
        );
      else
        await tx.run(
          "INSERT INTO office_people (kind, ward, party, job_title, email, phone, photo_url, term_start, term_end, person_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          values,
        );
      return personId;
    });
  }

  /** People the office keeps, filtered by kind, a name fragment, ward or party. Councillors and officers are apart by `kind`. */
  async listPeople(filter: PeopleFilter = {}): Promise<OfficePerson[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (filter.kind) {
      where.push("o.kind = ?");
      params.push(filter.kind);
    }
    if (filter.q?.trim()) {
      where.push("lower(p.display_name) LIKE ?");
      params.push(`%${filter.q.trim().toLowerCase().replace(/[%_]/g, "")}%`);
    }
    if (filter.ward?.trim()) {
      where.push("lower(o.ward) = ?");
      params.push(filter.ward.trim().toLowerCase());
    }
    if (filter.party?.trim()) {
      where.push("lower(o.party) = ?");
      params.push(filter.party.trim().toLowerCase());
    }
    const rows = await this.db.all<Row>(
      `SELECT p.id, p.display_name, p.surname, o.* FROM office_people o JOIN people p ON p.id = o.person_id
       ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY lower(p.surname), lower(p.display_name), p.id`,
      params,
    );
    return rows.map(personRow);
  }

  async getPerson(id: number): Promise<OfficePerson | null> {
    const r = await this.db.get<Row>(
      `SELECT p.id, p.display_name, o.* FROM people p LEFT JOIN office_people o ON o.person_id = p.id WHERE p.id = ?`,
      [id],
    );
    return r ? personRow({ ...r, id: r.id }) : null;
  }

  /** The wards and parties of the kept councillors (for the index's filters and "find my councillor"). */
  async wardsAndParties(): Promise<{ wards: string[]; parties: string[] }> {
    const rows = await this.db.all<Row>("SELECT DISTINCT ward, party FROM office_people WHERE kind = 'councillor'");
    const sorted = (xs: (string | null)[]) =>
      [...new Set(xs.filter((x): x is string => !!x))].sort((a, b) => a.localeCompare(b));
    return { wards: sorted(rows.map((r) => str(r.ward))), parties: sorted(rows.map((r) => str(r.party))) };
  }

  // ---- Memberships ------------------------------------------------------------------------

  async addMembership(input: MembershipInput): Promise<number> {
    return this.db.transaction(async (tx) => {
      if (!(await tx.get("SELECT 1 AS x FROM committees WHERE id = ?", [input.committeeId])))
        throw new StoreError(`no committee ${input.committeeId}`);
      if (!(await tx.get("SELECT 1 AS x FROM people WHERE id = ?", [input.personId])))
        throw new StoreError(`no person ${input.personId}`);
      if (input.position) {
        // One chair (and one vice-chair) at a time: an overlapping holder is a mistake to correct first.
        const clash = await tx.get<Row>(
          `SELECT p.display_name FROM committee_memberships x JOIN people p ON p.id = x.person_id
           WHERE x.committee_id = ? AND x.position = ? AND x.from_date <= ? AND (x.to_date IS NULL OR x.to_date >= ?)`,
          [input.committeeId, input.position, input.to ?? "9999-12-31", input.from],
        );
        if (clash) throw new StoreError(`${clash.display_name} is already ${input.position} for some of those dates`);
      }
      return tx.insert(
        `INSERT INTO committee_memberships (committee_id, person_id, role, voting, position, from_date, to_date, appointed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [
          input.committeeId,
          input.personId,
          input.role,
          input.voting ? 1 : 0,
          input.position,
          input.from,
          input.to,
          input.appointedAtMeetingId,
        ],
      );
    });
  }

  /** Ends a seat on a date (the last day it is held). */
  async endMembership(id: number, lastDay: string): Promise<void> {
    const r = await this.db.get<Row>("SELECT from_date FROM committee_memberships WHERE id = ?", [id]);
    if (!r) throw new StoreError(`no membership ${id}`);
    if (lastDay < String(r.from_date)) throw new StoreError("a seat cannot end before it starts");
    await this.db.run("UPDATE committee_memberships SET to_date = ? WHERE id = ?", [lastDay, id]);
  }

  /** Every seat of a committee (or of a person), past, present and future, newest first. */
  async seats(by: { committeeId?: number; personId?: number }): Promise<Seat[]> {
    return this.seatQuery(by, null);
  }

  /** Who sat on this committee on this date: one query over the dated memberships. */
  async membersOn(committeeId: number, date: string): Promise<Seat[]> {
    return this.seatQuery({ committeeId }, date);
  }

  private async seatQuery(by: { committeeId?: number; personId?: number }, on: string | null): Promise<Seat[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (by.committeeId !== undefined) {
      where.push("x.committee_id = ?");
      params.push(by.committeeId);
    }
    if (by.personId !== undefined) {
      where.push("x.person_id = ?");
      params.push(by.personId);
    }
    if (on !== null) {
      where.push("x.from_date <= ? AND (x.to_date IS NULL OR x.to_date >= ?)");
      params.push(on, on);
    }
    const rows = await this.db.all<Row>(
      `SELECT x.*, c.name AS committee_name, p.display_name, p.surname, o.party, o.ward, m.date AS appointed_date
       FROM committee_memberships x JOIN committees c ON c.id = x.committee_id JOIN people p ON p.id = x.person_id
       LEFT JOIN office_people o ON o.person_id = x.person_id LEFT JOIN meetings m ON m.id = x.appointed_at
       ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY CASE x.position WHEN 'chair' THEN 0 WHEN 'vice-chair' THEN 1 ELSE 2 END,
                CASE x.role WHEN 'member' THEN 0 WHEN 'co-opted' THEN 1 ELSE 2 END, lower(p.surname), x.from_date DESC, x.id`,
      params,
    );
    return rows.map((r) => ({
      id: num(r.id),
      committee: { id: num(r.committee_id), name: String(r.committee_name) },
      person: { id: num(r.person_id), name: String(r.display_name), party: str(r.party), ward: str(r.ward) },
      role: String(r.role) as MembershipRole,
      voting: Number(r.voting) === 1,
      position: (str(r.position) as Position | null) ?? null,
      from: String(r.from_date),
      to: str(r.to_date),
      appointedAt:
        r.appointed_at === null || r.appointed_at === undefined
          ? null
          : { meetingId: num(r.appointed_at), date: str(r.appointed_date) },
    }));
  }

  // ---- The calendar -----------------------------------------------------------------------

  /** Puts a meeting in the calendar; one already known from papers (same committee and date) is kept, not doubled. */
  async scheduleMeeting(input: MeetingInput): Promise<number> {
    return this.db.transaction(async (tx) => {
      if (!(await tx.get("SELECT 1 AS x FROM committees WHERE id = ?", [input.committeeId])))
        throw new StoreError(`no committee ${input.committeeId}`);
      const same = await tx.get<Row>("SELECT id FROM meetings WHERE committee_id = ? AND date = ?", [
        input.committeeId,
        input.date,
      ]);
      const meetingId = same
        ? num(same.id)
        : await tx.insert("INSERT INTO meetings (committee_id, date) VALUES (?, ?) RETURNING id", [
            input.committeeId,
            input.date,
          ]);
      await tx.run("DELETE FROM office_meetings WHERE meeting_id = ?", [meetingId]);
      await tx.run(
        "INSERT INTO office_meetings (meeting_id, start_time, end_time, location, status, original_date, published_at, note) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?)",
        [meetingId, input.start, input.end, input.location, input.status, input.note],
      );
      return meetingId;
    });
  }

  /**
   * Changes a kept meeting: new times or place, a new status (postponed, cancelled, held) and, when the
   * date changes, "moved" with the first date remembered.
   */
  async updateMeeting(
    meetingId: number,
    change: {
      date?: string;
      start?: string | null;
      end?: string | null;
      location?: string | null;
      status?: MeetingStatus;
      note?: string | null;
    },
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const r = await tx.get<Row>(
        "SELECT m.committee_id, m.date, o.* FROM meetings m JOIN office_meetings o ON o.meeting_id = m.id WHERE m.id = ?",
        [meetingId],
      );
      if (!r) throw new StoreError(`meeting ${meetingId} is not in the calendar`);
      let status = change.status ?? (String(r.status) as MeetingStatus);
      let original = str(r.original_date);
      if (change.date && change.date !== str(r.date)) {
        const clash = await tx.get("SELECT 1 AS x FROM meetings WHERE committee_id = ? AND date = ? AND id <> ?", [
          num(r.committee_id),
          change.date,
          meetingId,
        ]);
        if (clash) throw new StoreError(`the committee already has a meeting on ${change.date}`);
        original ??= str(r.date);
        await tx.run("UPDATE meetings SET date = ? WHERE id = ?", [change.date, meetingId]);
        if (!change.status) status = "moved";
      }
      const pick = <T>(k: keyof typeof change, old: T) => (k in change ? (change[k] as T) : old);
      await tx.run(
        "UPDATE office_meetings SET start_time = ?, end_time = ?, location = ?, status = ?, original_date = ?, note = ? WHERE meeting_id = ?",
        [
          pick("start", str(r.start_time)),
          pick("end", str(r.end_time)),
          pick("location", str(r.location)),
          status,
          original,
          pick("note", str(r.note)),
          meetingId,
        ],
      );
    });
  }

  /** Records when the meeting's notice and agenda were published (the clock the clear days count from). */
  async markPublished(meetingId: number, at: Date): Promise<void> {
    const n = await this.db.run("UPDATE office_meetings SET published_at = ? WHERE meeting_id = ?", [
      at.toISOString(),
      meetingId,
    ]);
    if (!n) throw new StoreError(`meeting ${meetingId} is not in the calendar`);
  }

  /** Meetings between two dates (inclusive), kept and imported alike, in date order. */
  async calendar(filter: { from?: string; to?: string; committeeId?: number } = {}): Promise<CalendarEntry[]> {
    const where = ["m.date IS NOT NULL"];
    const params: SqlValue[] = [];
    if (filter.from) {
      where.push("m.date >= ?");
      params.push(filter.from);
    }
    if (filter.to) {
      where.push("m.date <= ?");
      params.push(filter.to);
    }
    if (filter.committeeId !== undefined) {
      where.push("m.committee_id = ?");
      params.push(filter.committeeId);
    }
    const rows = await this.db.all<Row>(
      `SELECT m.id, m.date, m.committee_id, c.name AS committee_name, o.meeting_id AS kept, o.start_time, o.end_time,
              o.location, o.status, o.original_date, o.published_at, o.note,
              (SELECT min(s.time) FROM meeting_sources s WHERE s.meeting_id = m.id) AS source_time,
              (SELECT min(s.location) FROM meeting_sources s WHERE s.meeting_id = m.id) AS source_location,
              (SELECT s.status FROM meeting_sources s WHERE s.meeting_id = m.id AND s.status IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM minutes x WHERE x.meeting_id = m.id AND x.shadowed = 0)
                 AND NOT EXISTS (SELECT 1 FROM attendance x WHERE x.meeting_id = m.id AND x.shadowed = 0)
               ORDER BY s.document_id DESC LIMIT 1) AS printed_status
       FROM meetings m JOIN committees c ON c.id = m.committee_id LEFT JOIN office_meetings o ON o.meeting_id = m.id
       WHERE ${where.join(" AND ")} ORDER BY m.date, o.start_time, c.name, m.id`,
      params,
    );
    return rows.map((r) => {
      const kept = r.kept !== null && r.kept !== undefined;
      // An imported meeting is held unless its papers print it as cancelled or postponed (as the
      // meeting page and /meetings.ics say; read.ts statuses()).
      const printed =
        typeof r.printed_status === "string" ? (JSON.parse(r.printed_status) as { state: MeetingStatus }) : null;
      return {
        meetingId: num(r.id),
        committee: { id: num(r.committee_id), name: String(r.committee_name) },
        date: str(r.date),
        start: str(r.start_time) ?? (kept ? null : hhmm(str(r.source_time))),
        end: str(r.end_time),
        location: str(r.location) ?? (kept ? null : str(r.source_location)),
        status: kept ? (String(r.status) as MeetingStatus) : (printed?.state ?? "held"),
        originalDate: str(r.original_date),
        publishedAt: str(r.published_at),
        note: str(r.note),
        kept,
      };
    });
  }

  async meeting(meetingId: number): Promise<CalendarEntry | null> {
    const r = await this.db.get<Row>("SELECT date, committee_id FROM meetings WHERE id = ?", [meetingId]);
    if (!r || r.date === null) return null;
    return (
      (await this.calendar({ from: String(r.date), to: String(r.date), committeeId: num(r.committee_id) })).find(
        (e) => e.meetingId === meetingId,
      ) ?? null
    );
  }

  // ---- The register of interests -----------------------------------------------------------

  /**
   * A new register entry, waiting for approval. `change.replacesId`: it replaces that entry of the same
   * person once approved; `change.endsOnly`: it only says that entry has ended.
   */
  async addInterest(input: InterestInput, change: { replacesId?: number; endsOnly?: boolean } = {}): Promise<number> {
    if (!(await this.db.get("SELECT 1 AS x FROM people WHERE id = ?", [input.personId])))
      throw new StoreError(`no person ${input.personId}`);
    if (change.replacesId !== undefined) {
      const old = await this.db.get<Row>("SELECT person_id, ended_on FROM interests WHERE id = ? AND ends_only = 0", [
        change.replacesId,
      ]);
      if (!old || num(old.person_id) !== input.personId)
        throw new StoreError(`register entry ${change.replacesId} is not one of this person's`);
      if (old.ended_on !== null) throw new StoreError(`register entry ${change.replacesId} has already ended`);
    }
    return this.db.insert(
      "INSERT INTO interests (person_id, category, description, sensitive, submitted_on, replaces_id, ends_only) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      [
        input.personId,
        input.category,
        input.description,
        input.sensitive ? 1 : 0,
        input.submittedOn,
        change.replacesId ?? null,
        change.endsOnly ? 1 : 0,
      ],
    );
  }

  /**
   * The monitoring officer's approval: only approved entries appear on the public register. Approving a
   * change ends the entry it replaces on the day of approval; a notice of ending ends it and is not shown.
   */
  async approveInterest(id: number, by: string, at: Date): Promise<void> {
    const day = at.toISOString().slice(0, 10);
    await this.db.transaction(async (tx) => {
      const r = await tx.get<Row>("SELECT replaces_id, ends_only FROM interests WHERE id = ? AND approved_at IS NULL", [
        id,
      ]);
      if (!r) throw new StoreError(`no register entry ${id} waiting for approval`);
      await tx.run("UPDATE interests SET approved_at = ?, approved_by = ?, ended_on = ? WHERE id = ?", [
        at.toISOString(),
        by,
        num(r.ends_only) === 1 ? day : null,
        id,
      ]);
      if (r.replaces_id !== null)
        await tx.run("UPDATE interests SET ended_on = ? WHERE id = ? AND ended_on IS NULL", [day, num(r.replaces_id)]);
    });
  }

  /** Which person an account is (a councillor keeps their own register), or null. */
  async personOfUser(userId: number): Promise<number | null> {
    const r = await this.db.get<Row>("SELECT person_id FROM person_accounts WHERE user_id = ?", [userId]);
    return r ? num(r.person_id) : null;
  }

  async accountOfPerson(personId: number): Promise<number | null> {
    const r = await this.db.get<Row>("SELECT user_id FROM person_accounts WHERE person_id = ?", [personId]);
    return r ? num(r.user_id) : null;
  }

  /** Links (or with null, unlinks) a person and a sign-in account; one account per person and person per account. */
  async linkAccount(personId: number, userId: number | null): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run("DELETE FROM person_accounts WHERE person_id = ?", [personId]);
      if (userId === null) return;
      const other = await tx.get<Row>("SELECT person_id FROM person_accounts WHERE user_id = ?", [userId]);
      if (other) throw new StoreError("that account is already linked to someone else");
      await tx.run("INSERT INTO person_accounts (person_id, user_id) VALUES (?, ?)", [personId, userId]);
    });
  }

  async endInterest(id: number, on: string): Promise<void> {
    const n = await this.db.run("UPDATE interests SET ended_on = ? WHERE id = ?", [on, id]);
    if (!n) throw new StoreError(`no register entry ${id}`);
  }

  /**
   * A person's register. `audience: "public"` gives approved entries only, and a sensitive entry as the
   * bare fact that one is withheld (category kept, description never read out of the store).
   */
  async interests(personId: number, audience: "public" | "office"): Promise<InterestEntry[]> {
    const rows = await this.db.all<Row>(
      `SELECT id, person_id, category, ${audience === "public" ? "CASE WHEN sensitive = 1 THEN '' ELSE description END AS description" : "description"},
              sensitive, submitted_on, approved_at, approved_by, ended_on
       FROM interests WHERE person_id = ? AND ends_only = 0 ${audience === "public" ? "AND approved_at IS NOT NULL" : ""} ORDER BY category, submitted_on, id`,
      [personId],
    );
    return rows.map((r) => ({
      id: num(r.id),
      personId: num(r.person_id),
      category: String(r.category) as InterestCategory,
      description: String(r.description),
      sensitive: Number(r.sensitive) === 1,
      submittedOn: String(r.submitted_on),
      approvedAt: audience === "public" ? null : str(r.approved_at),
      approvedBy: audience === "public" ? null : str(r.approved_by),
      endedOn: str(r.ended_on),
    }));
  }

  /** Entries awaiting the monitoring officer (of one person, when given), with what each changes. */
  async pendingInterests(personId?: number): Promise<PendingInterest[]> {
    const rows = await this.db.all<Row>(
      `SELECT i.*, p.display_name, r.category AS old_category, r.description AS old_description
       FROM interests i JOIN people p ON p.id = i.person_id LEFT JOIN interests r ON r.id = i.replaces_id
       WHERE i.approved_at IS NULL ${personId === undefined ? "" : "AND i.person_id = ?"} ORDER BY i.submitted_on, i.id`,
      personId === undefined ? [] : [personId],
    );
    return rows.map((r) => ({
      id: num(r.id),
      personId: num(r.person_id),
      personName: String(r.display_name),
      category: String(r.category) as InterestCategory,
      description: String(r.description),
      sensitive: Number(r.sensitive) === 1,
      submittedOn: String(r.submitted_on),
      approvedAt: null,
      approvedBy: null,
      endedOn: str(r.ended_on),
      replaces:
        r.replaces_id === null
          ? null
          : {
              id: num(r.replaces_id),
              category: String(r.old_category) as InterestCategory,
              description: String(r.old_description),
            },
      endsOnly: num(r.ends_only) === 1,
    }));
  }

  /** The first day any entry was submitted (for the 28-day flag), or null. */
  async firstFiled(personId: number): Promise<string | null> {
    const r = await this.db.get<Row>("SELECT min(submitted_on) AS d FROM interests WHERE person_id = ?", [personId]);
    return str(r?.d);
  }
}

function hhmm(t: string | null): string | null {
  if (!t) return null;
  const m = /^(\d{1,2})[:.](\d{2})/.exec(t);
  return m ? `${m[1].padStart(2, "0")}:${m[2]}` : null;
}

function personRow(r: Row): OfficePerson {
  return {
    id: num(r.id),
    name: String(r.display_name),
    kind: (str(r.kind) as PersonKind | null) ?? null,
    ward: str(r.ward),
    party: str(r.party),
    jobTitle: str(r.job_title),
    email: str(r.email),
    phone: str(r.phone),
    photoUrl: str(r.photo_url),
    termStart: str(r.term_start),
    termEnd: str(r.term_end),
  };
}

async function authorityId(tx: SqlConn, name: string): Promise<number> {
  const clean = cleanText(name).trim();
  const r = await tx.get<Row>("SELECT id FROM authorities WHERE name = ?", [clean]);
  return r ? num(r.id) : tx.insert("INSERT INTO authorities (name) VALUES (?) RETURNING id", [clean]);
}
