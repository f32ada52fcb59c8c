/**
 * The tables both engines share, as version 1 of each engine's migrations. `id` is the engine's
 * auto-numbered integer key. Frozen: later changes are new migrations, never edits here.
 * `shadowed` marks a meeting's section (agenda, minutes, attendance, …) that another document also
 * gives: one source per section is shown, the others are kept for provenance and replacement.
 */
export type Migration = { version: number; name: string; sql: string };

/** One row counting stored changes (migration 3 on both engines; triggers move it). */
export const STORE_CHANGES_TABLE = `CREATE TABLE store_changes (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
INSERT INTO store_changes (id, n) VALUES (1, 0);`;

/** Migration 18 on both engines: what `import` stored from each file, to skip it unread next time. */
export const IMPORT_FILES_TABLE = (bigint: string) => `CREATE TABLE import_files (
  path TEXT PRIMARY KEY,
  size ${bigint} NOT NULL,
  mtime_ms ${bigint} NOT NULL,
  sha256 TEXT NOT NULL
);`;

/**
 * Migration 19 on both engines: what each document prints about a meeting's own status (cancelled or
 * postponed: parse/v1 `status` as JSON, with the notice's span), kept per source so replacing or
 * removing the document takes it away.
 */
export const MEETING_STATUS_V19 = "ALTER TABLE meeting_sources ADD COLUMN status TEXT;";

/**
 * Migration 20 on both engines: a document that is a decision record (parse/v1 `decision`: an officer
 * or executive decision, a Modern.Gov decision page) keeps its decision facts here, one row per
 * document and meeting. The meeting row it speaks of is then a decision, not a committee meeting.
 */
export const decisionRecordsV20 = (id: string) => `CREATE TABLE decision_records (
  id ${id},
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  maker TEXT,
  status TEXT,
  call_in INTEGER,
  call_in_deadline TEXT,
  publication_date TEXT,
  effective_date TEXT,
  decided_at_body TEXT,
  decided_at_date TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  page INTEGER
);
CREATE INDEX decision_records_meeting ON decision_records(meeting_id);
CREATE INDEX decision_records_document ON decision_records(document_id);`;

export function coreTablesV1(id: string): string {
  return `
CREATE TABLE documents (
  id ${id},
  sha256 TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  path TEXT,
  format TEXT NOT NULL,
  parsed TEXT NOT NULL,
  diagnostics TEXT NOT NULL,
  has_warnings INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE INDEX documents_path ON documents(path);

CREATE TABLE authorities (
  id ${id},
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE committees (
  id ${id},
  authority_id INTEGER NOT NULL REFERENCES authorities(id),
  name TEXT NOT NULL,
  key TEXT NOT NULL,
  UNIQUE (authority_id, key)
);

CREATE TABLE meetings (
  id ${id},
  committee_id INTEGER NOT NULL REFERENCES committees(id),
  date TEXT,
  UNIQUE (committee_id, date)
);
CREATE INDEX meetings_date ON meetings(date);

CREATE TABLE meeting_sources (
  id ${id},
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  ordinal INTEGER NOT NULL,
  time TEXT,
  location TEXT,
  contact TEXT,
  next_meeting TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  page INTEGER
);
CREATE INDEX meeting_sources_meeting ON meeting_sources(meeting_id);
CREATE INDEX meeting_sources_document ON meeting_sources(document_id);

CREATE TABLE agenda_items (
  id ${id},
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  ordinal INTEGER NOT NULL,
  number TEXT NOT NULL,
  title TEXT NOT NULL,
  report_by TEXT,
  page_start INTEGER,
  page_end INTEGER,
  procedural INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  page INTEGER,
  shadowed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id);
CREATE INDEX agenda_items_document ON agenda_items(document_id);

CREATE TABLE minutes (
  id ${id},
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  ordinal INTEGER NOT NULL,
  number TEXT,
  agenda_item TEXT,
  title TEXT NOT NULL,
  procedural INTEGER NOT NULL,
  key_decision INTEGER,
  reasons TEXT NOT NULL,
  exempt_paragraphs TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  page INTEGER,
  shadowed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX minutes_meeting ON minutes(meeting_id);
CREATE INDEX minutes_document ON minutes(document_id);

CREATE TABLE resolutions (
  id ${id},
  minute_id INTEGER NOT NULL REFERENCES minutes(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  ordinal INTEGER NOT NULL,
  label TEXT,
  path TEXT NOT NULL,
  depth INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX resolutions_minute ON resolutions(minute_id);
CREATE INDEX resolutions_document ON resolutions(document_id);

CREATE TABLE reports (
  id ${id},
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  ordinal INTEGER NOT NULL,
  agenda_item TEXT,
  title TEXT NOT NULL,
  author TEXT,
  recommendations TEXT NOT NULL,
  officers TEXT NOT NULL,
  appendices TEXT NOT NULL,
  background_papers TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  page INTEGER,
  shadowed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX reports_meeting ON reports(meeting_id);
CREATE INDEX reports_document ON reports(document_id);

CREATE TABLE people (
  id ${id},
  authority_id INTEGER NOT NULL REFERENCES authorities(id),
  display_name TEXT NOT NULL,
  title TEXT,
  given TEXT NOT NULL,
  surname TEXT NOT NULL,
  surname_key TEXT NOT NULL
);
CREATE INDEX people_surname ON people(authority_id, surname_key);

CREATE TABLE person_aliases (
  id ${id},
  person_id INTEGER NOT NULL REFERENCES people(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  printed TEXT NOT NULL,
  line INTEGER,
  rule TEXT NOT NULL
);
CREATE INDEX person_aliases_person ON person_aliases(person_id);
CREATE INDEX person_aliases_document ON person_aliases(document_id);

CREATE TABLE membership (
  id ${id},
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  person_id INTEGER NOT NULL REFERENCES people(id),
  alias_id INTEGER NOT NULL REFERENCES person_aliases(id),
  ordinal INTEGER NOT NULL,
  role TEXT,
  shadowed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX membership_meeting ON membership(meeting_id);
CREATE INDEX membership_person ON membership(person_id);
CREATE INDEX membership_document ON membership(document_id);

CREATE TABLE attendance (
  id ${id},
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  person_id INTEGER NOT NULL REFERENCES people(id),
  alias_id INTEGER NOT NULL REFERENCES person_aliases(id),
  ordinal INTEGER NOT NULL,
  status TEXT NOT NULL,
  is_chair INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  page INTEGER,
  shadowed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX attendance_meeting ON attendance(meeting_id);
CREATE INDEX attendance_person ON attendance(person_id);
CREATE INDEX attendance_document ON attendance(document_id);

CREATE TABLE declarations (
  id ${id},
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  minute_id INTEGER NOT NULL REFERENCES minutes(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  person_id INTEGER NOT NULL REFERENCES people(id),
  alias_id INTEGER NOT NULL REFERENCES person_aliases(id),
  ordinal INTEGER NOT NULL,
  interest TEXT,
  item TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  page INTEGER
);
CREATE INDEX declarations_minute ON declarations(minute_id);
CREATE INDEX declarations_person ON declarations(person_id);
CREATE INDEX declarations_document ON declarations(document_id);

CREATE TABLE paragraphs (
  id ${id},
  type TEXT NOT NULL,
  weight REAL NOT NULL,
  procedural INTEGER NOT NULL,
  key_decision INTEGER,
  committee_id INTEGER NOT NULL REFERENCES committees(id),
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  meeting_date TEXT,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  title TEXT NOT NULL,
  search_title TEXT NOT NULL,
  body TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  page INTEGER,
  shadowed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX paragraphs_filter ON paragraphs(committee_id, meeting_date);
CREATE INDEX paragraphs_date ON paragraphs(meeting_date);
CREATE INDEX paragraphs_document ON paragraphs(document_id);
`;
}

/** Tables the office writes to (migration 5), each moving the change counter so portal caches refresh. */
export const OFFICE_TABLES = [
  "office_authorities",
  "office_committees",
  "committee_receivers",
  "office_people",
  "committee_memberships",
  "office_meetings",
  "interests",
] as const;

/**
 * Migration 5: what a council keeps in Minutebook itself. Each table extends the shared records rather
 * than copying them: a keyed-in committee is a row of `committees` (so imported papers of the same name
 * join it) with an `office_committees` row; a keyed-in person is a row of `people` (resolved by the same
 * name rules as imported ones) with an `office_people` row; a scheduled meeting is a row of `meetings`.
 */
export function officeTablesV5(id: string): string {
  return `
CREATE TABLE office_authorities (
  authority_id INTEGER PRIMARY KEY REFERENCES authorities(id),
  policy TEXT NOT NULL
);
CREATE TABLE office_committees (
  committee_id INTEGER PRIMARY KEY REFERENCES committees(id),
  kind TEXT NOT NULL,
  parent_id INTEGER REFERENCES committees(id),
  terms_of_reference TEXT NOT NULL,
  quorum INTEGER,
  clerk_id INTEGER REFERENCES people(id),
  webcast_url TEXT
);
CREATE TABLE committee_receivers (
  committee_id INTEGER NOT NULL REFERENCES committees(id),
  receiver_id INTEGER NOT NULL REFERENCES committees(id),
  PRIMARY KEY (committee_id, receiver_id)
);
CREATE TABLE office_people (
  person_id INTEGER PRIMARY KEY REFERENCES people(id),
  kind TEXT NOT NULL,
  ward TEXT,
  party TEXT,
  job_title TEXT,
  email TEXT,
  phone TEXT,
  photo_url TEXT,
  term_start TEXT,
  term_end TEXT
);
CREATE INDEX office_people_ward ON office_people(ward);
CREATE TABLE committee_memberships (
  id ${id},
  committee_id INTEGER NOT NULL REFERENCES committees(id),
  person_id INTEGER NOT NULL REFERENCES people(id),
  role TEXT NOT NULL,
  voting INTEGER NOT NULL,
  position TEXT,
  from_date TEXT NOT NULL,
  to_date TEXT,
  appointed_at INTEGER REFERENCES meetings(id)
);
CREATE INDEX committee_memberships_committee ON committee_memberships(committee_id, from_date);
CREATE INDEX committee_memberships_person ON committee_memberships(person_id);
CREATE TABLE office_meetings (
  meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id),
  start_time TEXT,
  end_time TEXT,
  location TEXT,
  status TEXT NOT NULL,
  original_date TEXT,
  published_at TEXT,
  note TEXT
);
CREATE TABLE interests (
  id ${id},
  person_id INTEGER NOT NULL REFERENCES people(id),
  category TEXT NOT NULL,
  description TEXT NOT NULL,
  sensitive INTEGER NOT NULL,
  submitted_on TEXT NOT NULL,
  approved_at TEXT,
  approved_by TEXT,
  ended_on TEXT
);
CREATE INDEX interests_person ON interests(person_id);
`;
}

/**
 * Migration 6 on both engines: exempt (Schedule 12A) material flagged on agenda items, minutes and
 * reports, and every exempt part's lines (report, appendix, section, minute) listed by document so the
 * document view and the linkers withhold them whichever source of a meeting is shown. `documents.rules`
 * is the version of the exempt rules a document was stored under: a document stored before them is
 * parsed again and replaced when it is imported again, even with the same bytes (so a pack stored with
 * an exempt report in full loses it). Exempt minutes already stored become parts at once.
 */
export function exemptPartsV6(id: string): string {
  return `
ALTER TABLE documents ADD COLUMN rules INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agenda_items ADD COLUMN exempt INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agenda_items ADD COLUMN exempt_paragraphs TEXT NOT NULL DEFAULT '[]';
ALTER TABLE minutes ADD COLUMN exempt INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN exempt INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN exempt_paragraphs TEXT NOT NULL DEFAULT '[]';
UPDATE minutes SET exempt = 1 WHERE exempt_paragraphs <> '[]';
CREATE TABLE exempt_parts (
  id ${id},
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  ordinal INTEGER NOT NULL,
  kind TEXT NOT NULL,
  agenda_item TEXT,
  title TEXT NOT NULL,
  paragraphs TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  page INTEGER
);
CREATE INDEX exempt_parts_document ON exempt_parts(document_id);
CREATE INDEX exempt_parts_meeting ON exempt_parts(meeting_id);
INSERT INTO exempt_parts (meeting_id, document_id, ordinal, kind, agenda_item, title, paragraphs, span_start, span_end, page)
  SELECT meeting_id, document_id, ordinal, 'minute', agenda_item, title, exempt_paragraphs, span_start, span_end, page
  FROM minutes WHERE exempt = 1;
`;
}

/**
 * Migration 10 on both engines: the original file of every imported document, kept once per content hash
 * (`blob` is the engine's byte type), and where the document came from (`origin`: the URL given at import,
 * else its file name; never a path on the server, which stays in `path` for re-imports only).
 */
export function originalsV10(blob: string): string {
  return `
CREATE TABLE document_files (
  sha256 TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  bytes ${blob} NOT NULL
);
ALTER TABLE documents ADD COLUMN origin TEXT;
UPDATE documents SET origin = name;
`;
}

/**
 * Migration 21: which sign-in account is which councillor (so they keep their own register), and register
 * changes a councillor submits: a new entry that replaces an earlier one, or a notice that one has ended.
 * Both wait for the monitoring officer like any entry (store/common/office.ts approveInterest).
 */
export const PERSON_ACCOUNTS_V21 = `
CREATE TABLE person_accounts (
  person_id INTEGER PRIMARY KEY REFERENCES people(id),
  user_id INTEGER NOT NULL UNIQUE
);
ALTER TABLE interests ADD COLUMN replaces_id INTEGER;
ALTER TABLE interests ADD COLUMN ends_only INTEGER NOT NULL DEFAULT 0;
`;

/**
 * Migration 11 on both engines: recorded votes a minute prints (counts per side, outcome, what was put)
 * and each named member's side, resolved to a person like attendance (`alias_id` keeps the printed form).
 */
export function votesV11(id: string): string {
  return `
CREATE TABLE votes (
  id ${id},
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  minute_id INTEGER NOT NULL REFERENCES minutes(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  ordinal INTEGER NOT NULL,
  motion TEXT,
  result TEXT,
  for_count INTEGER,
  against_count INTEGER,
  abstain_count INTEGER,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  page INTEGER
);
CREATE INDEX votes_minute ON votes(minute_id);
CREATE INDEX votes_document ON votes(document_id);
CREATE TABLE vote_casts (
  id ${id},
  vote_id INTEGER NOT NULL REFERENCES votes(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  person_id INTEGER NOT NULL REFERENCES people(id),
  alias_id INTEGER NOT NULL REFERENCES person_aliases(id),
  side TEXT NOT NULL
);
CREATE INDEX vote_casts_vote ON vote_casts(vote_id);
CREATE INDEX vote_casts_person ON vote_casts(person_id);
CREATE INDEX vote_casts_document ON vote_casts(document_id);
`;
}
