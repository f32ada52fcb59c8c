/**
 * Migrations 12–14 on both engines: the officers' side of a meeting before it happens (issue 20).
 * 12: authored reports, their versions (content JSON and its SHA-256) and the clearance decisions, each
 *     bound to the hash of the version it was made on (append-only: triggers refuse UPDATE and DELETE);
 *     each committee's clearance steps.
 * 13: the agenda plan of a meeting: reports and referred items put on it, when and by whom, and the
 *     chair's reason for urgency of a late item (standard items are derived, not stored).
 * 14: publications: each publication of a meeting's pack (the instant, who, the public PDF as base64,
 *     its page map, the agenda, the publication check, the report versions it printed, the document it
 *     was imported as), and the confidential pack kept apart in its own table that no public read touches.
 * Meeting and committee ids refer to the shared `meetings` and `committees` rows (no foreign key, so the
 * importer may replace a document's records without asking these tables).
 */

export const PACK_TABLES = [
  "clearance_routes",
  "office_reports",
  "report_versions",
  "report_decisions",
  "agenda_plan",
  "pack_publications",
  "confidential_packs",
] as const;

export function reportTablesV12(id: string): string {
  return `
CREATE TABLE clearance_routes (
  committee_id INTEGER PRIMARY KEY,
  steps TEXT NOT NULL
);
CREATE TABLE office_reports (
  id ${id},
  committee_id INTEGER NOT NULL,
  meeting_id INTEGER,
  author_user_id INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  published_version INTEGER
);
CREATE INDEX office_reports_author ON office_reports(author_user_id);
CREATE INDEX office_reports_meeting ON office_reports(meeting_id);
CREATE TABLE report_versions (
  id ${id},
  report_id INTEGER NOT NULL REFERENCES office_reports(id),
  n INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  created_by INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (report_id, n)
);
CREATE TABLE report_decisions (
  id ${id},
  report_id INTEGER NOT NULL REFERENCES office_reports(id),
  step TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  decision TEXT NOT NULL,
  by_user_id INTEGER NOT NULL,
  by_name TEXT NOT NULL,
  comment TEXT,
  at TEXT NOT NULL
);
CREATE INDEX report_decisions_report ON report_decisions(report_id);
`;
}

export function agendaTablesV13(id: string): string {
  return `
CREATE TABLE agenda_plan (
  id ${id},
  meeting_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  report_id INTEGER REFERENCES office_reports(id),
  referral_key TEXT,
  title TEXT NOT NULL,
  report_by TEXT,
  exempt_paragraphs TEXT NOT NULL,
  added_at TEXT NOT NULL,
  added_by INTEGER NOT NULL,
  urgency_reason TEXT,
  urgency_by TEXT,
  UNIQUE (meeting_id, report_id),
  UNIQUE (meeting_id, referral_key)
);
CREATE INDEX agenda_plan_meeting ON agenda_plan(meeting_id);
`;
}

export function publicationTablesV14(id: string): string {
  return `
CREATE TABLE pack_publications (
  id ${id},
  meeting_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  published_at TEXT NOT NULL,
  published_by INTEGER NOT NULL,
  document_id INTEGER,
  pdf TEXT NOT NULL,
  pdf_sha256 TEXT NOT NULL,
  page_count INTEGER NOT NULL,
  page_map TEXT NOT NULL,
  agenda TEXT NOT NULL,
  check_result TEXT NOT NULL,
  versions TEXT NOT NULL,
  supplement_pdf TEXT,
  superseded_at TEXT,
  UNIQUE (meeting_id, seq)
);
CREATE TABLE confidential_packs (
  publication_id INTEGER PRIMARY KEY REFERENCES pack_publications(id),
  pdf TEXT NOT NULL,
  pdf_sha256 TEXT NOT NULL,
  page_count INTEGER NOT NULL,
  page_map TEXT NOT NULL
);
`;
}

/** SQLite: clearance decisions are append-only. */
export const SQLITE_DECISIONS_APPEND_ONLY = `
CREATE TRIGGER report_decisions_no_update BEFORE UPDATE ON report_decisions BEGIN SELECT RAISE(ABORT, 'report_decisions is append-only'); END;
CREATE TRIGGER report_decisions_no_delete BEFORE DELETE ON report_decisions BEGIN SELECT RAISE(ABORT, 'report_decisions is append-only'); END;
`;

/** PostgreSQL: clearance decisions are append-only. */
export const POSTGRES_DECISIONS_APPEND_ONLY = `
CREATE FUNCTION report_decisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'report_decisions is append-only';
END $$;
CREATE TRIGGER report_decisions_no_change BEFORE UPDATE OR DELETE ON report_decisions FOR EACH ROW EXECUTE FUNCTION report_decisions_append_only();
`;
