/**
 * The store of the officers' side before a meeting (migrations 12–14, packs-schema.ts), in SQL both
 * engines run: authored reports and their versions, clearance decisions (append-only, bound to a version's
 * hash), each committee's clearance steps, a meeting's agenda plan, and publications of its pack (public
 * PDF with page map; the confidential pack in its own table, read only by `confidentialPack`, which the
 * caller reaches after the policy check). The rules (what clears, what is late, what may be published)
 * are office/*.ts; this file only keeps facts.
 */
import { createHash } from "node:crypto";
import { DEFAULT_STEPS, type Decision, type StepKind, validSteps } from "../../office/clearance";
import { contentSha256, type ReportContent, reportContent } from "../../office/reports";
import { StoreError } from "../repository";
import type { SqlDb } from "../sql";

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v);
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export type ReportVersion = {
  id: number;
  reportId: number;
  n: number;
  sha256: string;
  title: string;
  content: ReportContent;
  createdBy: number;
  createdAt: string;
};

export type ReportRecord = {
  id: number;
  committeeId: number;
  meetingId: number | null;
  authorUserId: number;
  createdAt: string;
  /** The version number last published, if any. */
  publishedVersion: number | null;
  current: ReportVersion;
  versions: { n: number; sha256: string; createdAt: string; createdBy: number }[];
};

export type ReportSummary = {
  id: number;
  committeeId: number;
  meetingId: number | null;
  authorUserId: number;
  title: string;
  n: number;
  sha256: string;
  updatedAt: string;
  publishedVersion: number | null;
};

export type PlanItem = {
  id: number;
  meetingId: number;
  kind: "report" | "referral";
  reportId: number | null;
  referralKey: string | null;
  title: string;
  reportBy: string | null;
  exemptParagraphs: number[];
  addedAt: string;
  addedBy: number;
  urgencyReason: string | null;
  urgencyBy: string | null;
};

export type PageRange = { start: number; end: number };
export type PageMapEntry = { number: string; title: string; pages: PageRange | null; bookmark: string | null };

export type Publication = {
  id: number;
  meetingId: number;
  seq: number;
  kind: "agenda" | "supplement";
  publishedAt: string;
  publishedBy: number;
  documentId: number | null;
  pdfSha256: string;
  pageCount: number;
  pageMap: PageMapEntry[];
  agenda: unknown;
  check: unknown;
  versions: { reportId: number; n: number; sha256: string }[];
  hasSupplement: boolean;
  supersededAt: string | null;
};

export type NewPublication = {
  meetingId: number;
  publishedAt: Date;
  publishedBy: number;
  documentId: number | null;
  pdf: Uint8Array;
  pageCount: number;
  pageMap: PageMapEntry[];
  agenda: unknown;
  check: unknown;
  versions: { reportId: number; n: number; sha256: string }[];
  supplementPdf: Uint8Array | null;
  confidential: { pdf: Uint8Array; pageCount: number; pageMap: PageMapEntry[] } | null;
};

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const b64 = (b: Uint8Array) => Buffer.from(b).toString("base64");
const unb64 = (s: unknown) => new Uint8Array(Buffer.from(String(s), "base64"));

function toVersion(r: Row): ReportVersion {
  return {
    id: num(r.id),
    reportId: num(r.report_id),
    n: num(r.n),
    sha256: String(r.sha256),
    title: String(r.title),
    content: reportContent.parse(JSON.parse(String(r.content))),
    createdBy: num(r.created_by),
    createdAt: String(r.created_at),
  };
}

function toPlan(r: Row): PlanItem {
  return {
    id: num(r.id),
    meetingId: num(r.meeting_id),
    kind: r.kind === "referral" ? "referral" : "report",
    reportId: r.report_id === null ? null : num(r.report_id),
    referralKey: str(r.referral_key),
    title: String(r.title),
    reportBy: str(r.report_by),
    exemptParagraphs: JSON.parse(String(r.exempt_paragraphs)),
    addedAt: String(r.added_at),
    addedBy: num(r.added_by),
    urgencyReason: str(r.urgency_reason),
    urgencyBy: str(r.urgency_by),
  };
}

function toPublication(r: Row): Publication {
  return {
    id: num(r.id),
    meetingId: num(r.meeting_id),
    seq: num(r.seq),
    kind: r.kind === "supplement" ? "supplement" : "agenda",
    publishedAt: String(r.published_at),
    publishedBy: num(r.published_by),
    documentId: r.document_id === null ? null : num(r.document_id),
    pdfSha256: String(r.pdf_sha256),
    pageCount: num(r.page_count),
    pageMap: JSON.parse(String(r.page_map)),
    agenda: JSON.parse(String(r.agenda)),
    check: JSON.parse(String(r.check_result)),
    versions: JSON.parse(String(r.versions)),
    hasSupplement: r.has_supplement !== null && r.has_supplement !== undefined && num(r.has_supplement) > 0,
    supersededAt: str(r.superseded_at),
  };
}

const PUB_COLUMNS =
  "id, meeting_id, seq, kind, published_at, published_by, document_id, pdf_sha256, page_count, page_map, agenda, check_result, versions, superseded_at, CASE WHEN supplement_pdf IS NULL THEN 0 ELSE 1 END AS has_supplement";

export class PackStore {
  constructor(readonly db: SqlDb) {}

  // ---- Clearance steps per committee ----------------------------------------------------------

  async clearanceSteps(committeeId: number): Promise<StepKind[]> {
    const r = await this.db.get<Row>("SELECT steps FROM clearance_routes WHERE committee_id = ?", [committeeId]);
    return r ? (JSON.parse(String(r.steps)) as StepKind[]) : [...DEFAULT_STEPS];
  }

  async setClearanceSteps(committeeId: number, steps: StepKind[]): Promise<void> {
    const problems = validSteps(steps);
    if (problems.length) throw new StoreError(problems.join("; "));
    await this.db.transaction(async (tx) => {
      await tx.run("DELETE FROM clearance_routes WHERE committee_id = ?", [committeeId]);
      await tx.run("INSERT INTO clearance_routes (committee_id, steps) VALUES (?, ?)", [
        committeeId,
        JSON.stringify(steps),
      ]);
    });
  }

  // ---- Reports and versions ----------------------------------------------------------------------

  /** A new report with its first version; returns its id. */
  async createReport(
    input: { committeeId: number; meetingId: number | null; authorUserId: number; content: ReportContent },
    at: Date,
  ): Promise<number> {
    const content = reportContent.parse(input.content);
    return this.db.transaction(async (tx) => {
      if (!(await tx.get("SELECT 1 AS x FROM committees WHERE id = ?", [input.committeeId])))
        throw new StoreError(`no committee ${input.committeeId}`);
      const id = await tx.insert(
        "INSERT INTO office_reports (committee_id, meeting_id, author_user_id, created_at, published_version) VALUES (?, ?, ?, ?, NULL) RETURNING id",
        [input.committeeId, input.meetingId, input.authorUserId, at.toISOString()],
      );
      await tx.insert(
        "INSERT INTO report_versions (report_id, n, sha256, title, content, created_by, created_at) VALUES (?, 1, ?, ?, ?, ?, ?) RETURNING id",
        [id, contentSha256(content), content.title, JSON.stringify(content), input.authorUserId, at.toISOString()],
      );
      return id;
    });
  }

  /**
   * Saves an edit as a new version, unless the content is the same as the current version's (same hash):
   * then nothing is written. Returns the current version after the save.
   */
  async saveVersion(
    reportId: number,
    raw: ReportContent,
    by: number,
    at: Date,
  ): Promise<{ version: ReportVersion; changed: boolean }> {
    const content = reportContent.parse(raw);
    const hash = contentSha256(content);
    return this.db.transaction(async (tx) => {
      const cur = await tx.get<Row>("SELECT * FROM report_versions WHERE report_id = ? ORDER BY n DESC LIMIT 1", [
        reportId,
      ]);
      if (!cur) throw new StoreError(`no report ${reportId}`);
      if (String(cur.sha256) === hash) return { version: toVersion(cur), changed: false };
      const n = num(cur.n) + 1;
      const id = await tx.insert(
        "INSERT INTO report_versions (report_id, n, sha256, title, content, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [reportId, n, hash, content.title, JSON.stringify(content), by, at.toISOString()],
      );
      return {
        version: {
          id,
          reportId,
          n,
          sha256: hash,
          title: content.title,
          content,
          createdBy: by,
          createdAt: at.toISOString(),
        },
        changed: true,
      };
    });
  }

  async report(reportId: number): Promise<ReportRecord | null> {
    const r = await this.db.get<Row>("SELECT * FROM office_reports WHERE id = ?", [reportId]);
    if (!r) return null;
    const versions = await this.db.all<Row>(
      "SELECT n, sha256, created_at, created_by FROM report_versions WHERE report_id = ? ORDER BY n",
      [reportId],
    );
    const cur = await this.db.get<Row>("SELECT * FROM report_versions WHERE report_id = ? ORDER BY n DESC LIMIT 1", [
      reportId,
    ]);
    return {
      id: num(r.id),
      committeeId: num(r.committee_id),
      meetingId: r.meeting_id === null ? null : num(r.meeting_id),
      authorUserId: num(r.author_user_id),
      createdAt: String(r.created_at),
      publishedVersion: r.published_version === null ? null : num(r.published_version),
      current: toVersion(cur!),
      versions: versions.map((v) => ({
        n: num(v.n),
        sha256: String(v.sha256),
        createdAt: String(v.created_at),
        createdBy: num(v.created_by),
      })),
    };
  }

  async version(reportId: number, n: number): Promise<ReportVersion | null> {
    const r = await this.db.get<Row>("SELECT * FROM report_versions WHERE report_id = ? AND n = ?", [reportId, n]);
    return r ? toVersion(r) : null;
  }

  async setReportMeeting(reportId: number, meetingId: number | null): Promise<void> {
    const n = await this.db.run("UPDATE office_reports SET meeting_id = ? WHERE id = ?", [meetingId, reportId]);
    if (!n) throw new StoreError(`no report ${reportId}`);
  }

  /** Reports, newest first, by author, committee or meeting. */
  async listReports(
    by: { authorUserId?: number; committeeId?: number; meetingId?: number } = {},
  ): Promise<ReportSummary[]> {
    const where: string[] = [];
    const params: (number | string)[] = [];
    if (by.authorUserId !== undefined) {
      where.push("r.author_user_id = ?");
      params.push(by.authorUserId);
    }
    if (by.committeeId !== undefined) {
      where.push("r.committee_id = ?");
      params.push(by.committeeId);
    }
    if (by.meetingId !== undefined) {
      where.push("r.meeting_id = ?");
      params.push(by.meetingId);
    }
    const rows = await this.db.all<Row>(
      `SELECT r.id, r.committee_id, r.meeting_id, r.author_user_id, r.published_version, v.title, v.n, v.sha256, v.created_at
       FROM office_reports r JOIN report_versions v ON v.report_id = r.id
         AND v.n = (SELECT MAX(n) FROM report_versions w WHERE w.report_id = r.id)
       ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY v.created_at DESC, r.id DESC`,
      params,
    );
    return rows.map((r) => ({
      id: num(r.id),
      committeeId: num(r.committee_id),
      meetingId: r.meeting_id === null ? null : num(r.meeting_id),
      authorUserId: num(r.author_user_id),
      title: String(r.title),
      n: num(r.n),
      sha256: String(r.sha256),
      updatedAt: String(r.created_at),
      publishedVersion: r.published_version === null ? null : num(r.published_version),
    }));
  }

  // ---- Clearance decisions (append-only) ------------------------------------------------------------

  async addDecision(reportId: number, d: Decision): Promise<void> {
    await this.db.insert(
      "INSERT INTO report_decisions (report_id, step, sha256, decision, by_user_id, by_name, comment, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      [reportId, d.step, d.sha256, d.decision, d.by, d.byName ?? "", d.comment ?? null, d.at],
    );
  }

  async decisions(reportId: number): Promise<Decision[]> {
    const rows = await this.db.all<Row>("SELECT * FROM report_decisions WHERE report_id = ? ORDER BY at, id", [
      reportId,
    ]);
    return rows.map((r) => ({
      step: String(r.step) as StepKind,
      sha256: String(r.sha256),
      decision: r.decision === "returned" ? "returned" : "approved",
      by: num(r.by_user_id),
      byName: String(r.by_name),
      at: String(r.at),
      comment: str(r.comment),
    }));
  }

  // ---- Agenda plan -----------------------------------------------------------------------------------

  async addToAgenda(
    item: Omit<PlanItem, "id" | "addedAt" | "urgencyReason" | "urgencyBy"> & {
      urgencyReason?: string | null;
      urgencyBy?: string | null;
    },
    at: Date,
  ): Promise<number> {
    return this.db.transaction(async (tx) => {
      const same =
        item.reportId !== null
          ? await tx.get<Row>("SELECT id FROM agenda_plan WHERE meeting_id = ? AND report_id = ?", [
              item.meetingId,
              item.reportId,
            ])
          : await tx.get<Row>("SELECT id FROM agenda_plan WHERE meeting_id = ? AND referral_key = ?", [
              item.meetingId,
              item.referralKey,
            ]);
      if (same) return num(same.id);
      if (item.reportId !== null)
        await tx.run("UPDATE office_reports SET meeting_id = ? WHERE id = ?", [item.meetingId, item.reportId]);
      return tx.insert(
        "INSERT INTO agenda_plan (meeting_id, kind, report_id, referral_key, title, report_by, exempt_paragraphs, added_at, added_by, urgency_reason, urgency_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [
          item.meetingId,
          item.kind,
          item.reportId,
          item.referralKey,
          item.title,
          item.reportBy,
          JSON.stringify(item.exemptParagraphs),
          at.toISOString(),
          item.addedBy,
          item.urgencyReason ?? null,
          item.urgencyBy ?? null,
        ],
      );
    });
  }

  async removeFromAgenda(planId: number): Promise<void> {
    await this.db.run("DELETE FROM agenda_plan WHERE id = ?", [planId]);
  }

  async setUrgency(planId: number, reason: string, by: string): Promise<void> {
    const n = await this.db.run("UPDATE agenda_plan SET urgency_reason = ?, urgency_by = ? WHERE id = ?", [
      reason,
      by,
      planId,
    ]);
    if (!n) throw new StoreError(`no agenda item ${planId}`);
  }

  async agendaPlan(meetingId: number): Promise<PlanItem[]> {
    const rows = await this.db.all<Row>("SELECT * FROM agenda_plan WHERE meeting_id = ? ORDER BY added_at, id", [
      meetingId,
    ]);
    return rows.map(toPlan);
  }

  // ---- Publications ------------------------------------------------------------------------------------

  /**
   * Records a publication: the next number for the meeting, earlier ones superseded, the printed report
   * versions marked published, the confidential pack in its own table. One transaction.
   */
  async recordPublication(p: NewPublication): Promise<Publication> {
    const at = p.publishedAt.toISOString();
    const id = await this.db.transaction(async (tx) => {
      const last = await tx.get<Row>("SELECT MAX(seq) AS seq FROM pack_publications WHERE meeting_id = ?", [
        p.meetingId,
      ]);
      const seq = last?.seq === null || last?.seq === undefined ? 1 : num(last.seq) + 1;
      await tx.run("UPDATE pack_publications SET superseded_at = ? WHERE meeting_id = ? AND superseded_at IS NULL", [
        at,
        p.meetingId,
      ]);
      const id = await tx.insert(
        `INSERT INTO pack_publications (meeting_id, seq, kind, published_at, published_by, document_id, pdf, pdf_sha256, page_count, page_map, agenda, check_result, versions, supplement_pdf, superseded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) RETURNING id`,
        [
          p.meetingId,
          seq,
          seq === 1 ? "agenda" : "supplement",
          at,
          p.publishedBy,
          p.documentId,
          b64(p.pdf),
          sha(p.pdf),
          p.pageCount,
          JSON.stringify(p.pageMap),
          JSON.stringify(p.agenda),
          JSON.stringify(p.check),
          JSON.stringify(p.versions),
          p.supplementPdf ? b64(p.supplementPdf) : null,
        ],
      );
      if (p.confidential)
        await tx.run(
          "INSERT INTO confidential_packs (publication_id, pdf, pdf_sha256, page_count, page_map) VALUES (?, ?, ?, ?, ?)",
          [
            id,
            b64(p.confidential.pdf),
            sha(p.confidential.pdf),
            p.confidential.pageCount,
            JSON.stringify(p.confidential.pageMap),
          ],
        );
      for (const v of p.versions)
        await tx.run("UPDATE office_reports SET published_version = ? WHERE id = ?", [v.n, v.reportId]);
      return id;
    });
    return (await this.publication(id))!;
  }

  async publication(id: number): Promise<Publication | null> {
    const r = await this.db.get<Row>(`SELECT ${PUB_COLUMNS} FROM pack_publications WHERE id = ?`, [id]);
    return r ? toPublication(r) : null;
  }

  /** Every publication of a meeting, first first. */
  async publications(meetingId: number): Promise<Publication[]> {
    const rows = await this.db.all<Row>(
      `SELECT ${PUB_COLUMNS} FROM pack_publications WHERE meeting_id = ? ORDER BY seq`,
      [meetingId],
    );
    return rows.map(toPublication);
  }

  /** The meeting's current (latest) publication. */
  async currentPublication(meetingId: number): Promise<Publication | null> {
    const all = await this.publications(meetingId);
    return all.length ? all[all.length - 1] : null;
  }

  /** The public pack's bytes (or the numbered supplement's). */
  async publicPdf(publicationId: number, part: "pack" | "supplement" = "pack"): Promise<Uint8Array | null> {
    const r = await this.db.get<Row>("SELECT pdf, supplement_pdf FROM pack_publications WHERE id = ?", [publicationId]);
    const v = r ? (part === "pack" ? r.pdf : r.supplement_pdf) : null;
    return v === null || v === undefined ? null : unb64(v);
  }

  /**
   * The confidential pack. Exempt content: call only after `can(person, "view", exempt-item…)` allowed it,
   * and write the audit entry (serve/office/agenda.ts does both).
   */
  async confidentialPack(
    publicationId: number,
  ): Promise<{ pdf: Uint8Array; sha256: string; pageCount: number; pageMap: PageMapEntry[] } | null> {
    const r = await this.db.get<Row>("SELECT * FROM confidential_packs WHERE publication_id = ?", [publicationId]);
    return r
      ? {
          pdf: unb64(r.pdf),
          sha256: String(r.pdf_sha256),
          pageCount: num(r.page_count),
          pageMap: JSON.parse(String(r.page_map)),
        }
      : null;
  }

  /** Meetings with a publication, newest publication first (for the public pack index). */
  async publishedMeetings(): Promise<{ meetingId: number; publishedAt: string; seq: number }[]> {
    const rows = await this.db.all<Row>(
      "SELECT meeting_id, published_at, seq FROM pack_publications WHERE superseded_at IS NULL ORDER BY published_at DESC",
    );
    return rows.map((r) => ({ meetingId: num(r.meeting_id), publishedAt: String(r.published_at), seq: num(r.seq) }));
  }
}
