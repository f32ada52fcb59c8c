/**
 * SQLite schema, as numbered migrations applied in order (`minutebook db migrate`). Version 1 is the
 * shared tables plus an external-content FTS5 index on paragraphs kept in step by triggers.
 */
import { authTablesV4, exemptContentV7, passkeyTablesV17 } from "../../auth/schema";
import { linkTablesV22, linkTablesV23 } from "../common/links";
import { FROZEN_VERSION_COLUMNS, minutesTablesV15 } from "../common/minutes";
import {
  agendaTablesV13,
  publicationTablesV14,
  reportTablesV12,
  SQLITE_DECISIONS_APPEND_ONLY,
} from "../common/packs-schema";
import {
  coreTablesV1,
  decisionRecordsV20,
  exemptPartsV6,
  IMPORT_FILES_TABLE,
  MEETING_STATUS_V19,
  type Migration,
  OFFICE_TABLES,
  officeTablesV5,
  originalsV10,
  PERSON_ACCOUNTS_V21,
  STORE_CHANGES_TABLE,
  votesV11,
} from "../common/schema";

export const SQLITE_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "store",
    sql: `${coreTablesV1("INTEGER PRIMARY KEY")}
CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
  search_title, body, content='paragraphs', content_rowid='id', tokenize='porter unicode61'
);
CREATE TRIGGER paragraphs_ai AFTER INSERT ON paragraphs BEGIN
  INSERT INTO paragraphs_fts(rowid, search_title, body) VALUES (new.id, new.search_title, new.body);
END;
CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs BEGIN
  INSERT INTO paragraphs_fts(paragraphs_fts, rowid, search_title, body) VALUES ('delete', old.id, old.search_title, old.body);
END;
CREATE TRIGGER paragraphs_au AFTER UPDATE ON paragraphs BEGIN
  INSERT INTO paragraphs_fts(paragraphs_fts, rowid, search_title, body) VALUES ('delete', old.id, old.search_title, old.body);
  INSERT INTO paragraphs_fts(rowid, search_title, body) VALUES (new.id, new.search_title, new.body);
END;
`,
  },
  {
    // Choosing a shared meeting's shown sources updates its paragraphs by meeting.
    version: 2,
    name: "paragraphs by meeting",
    sql: "CREATE INDEX paragraphs_meeting ON paragraphs(meeting_id, type);",
  },
  {
    // A counter that every stored change moves, so readers (the portal's cache) can tell cheaply that
    // the store changed; a replaced document may reuse its row id, so counts and ids cannot tell.
    version: 3,
    name: "change counter",
    sql: `${STORE_CHANGES_TABLE}
CREATE TRIGGER documents_added AFTER INSERT ON documents BEGIN UPDATE store_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER documents_removed AFTER DELETE ON documents BEGIN UPDATE store_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER aliases_moved AFTER UPDATE ON person_aliases BEGIN UPDATE store_changes SET n = n + 1 WHERE id = 1; END;
`,
  },
  {
    // Sign-in, sessions, dated role grants and the hash-chained audit trail (src/auth).
    version: 4,
    name: "auth",
    sql: `${authTablesV4("INTEGER PRIMARY KEY")}
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
`,
  },
  {
    // What the council keeps in Minutebook (committees, people, memberships, calendar, interests).
    version: 5,
    name: "office",
    sql: `${officeTablesV5("INTEGER PRIMARY KEY")}
${OFFICE_TABLES.flatMap((t) =>
  ["INSERT", "UPDATE", "DELETE"].map(
    (op) =>
      `CREATE TRIGGER ${t}_${op.toLowerCase()} AFTER ${op} ON ${t} BEGIN UPDATE store_changes SET n = n + 1 WHERE id = 1; END;`,
  ),
).join("\n")}
`,
  },
  {
    // Exempt reports, appendices and minutes flagged and their lines listed (see exemptPartsV6).
    version: 6,
    name: "exempt parts",
    sql: exemptPartsV6("INTEGER PRIMARY KEY"),
  },
  {
    // The exempt content itself, readable only through auth/exempt.ts (policy check + audit entry).
    version: 7,
    name: "exempt content",
    sql: exemptContentV7("INTEGER PRIMARY KEY"),
  },
  {
    // The original files (by content hash) and where each document came from (see originalsV10).
    version: 10,
    name: "originals",
    sql: originalsV10("BLOB"),
  },
  {
    // Recorded votes and each named member's side (see votesV11).
    version: 11,
    name: "votes",
    sql: votesV11("INTEGER PRIMARY KEY"),
  },
  {
    // Authored reports, versions and clearance decisions (append-only), per-committee clearance steps.
    version: 12,
    name: "reports",
    sql: `${reportTablesV12("INTEGER PRIMARY KEY")}
${SQLITE_DECISIONS_APPEND_ONLY}`,
  },
  {
    // The agenda plan of a meeting: reports and referred items, late items' urgency reasons.
    version: 13,
    name: "agenda plan",
    sql: agendaTablesV13("INTEGER PRIMARY KEY"),
  },
  {
    // Publications of a meeting's pack, and the confidential pack in its own table.
    version: 14,
    name: "publications",
    sql: publicationTablesV14("INTEGER PRIMARY KEY"),
  },
  {
    // The meeting record (store/common/minutes.ts): a minutes version's content and the signature chain never change.
    version: 15,
    name: "minutes, decisions and signatures",
    sql: `${minutesTablesV15("INTEGER PRIMARY KEY")}
CREATE TRIGGER minutes_versions_frozen BEFORE UPDATE OF ${FROZEN_VERSION_COLUMNS} ON minutes_versions BEGIN SELECT RAISE(ABORT, 'a minutes version never changes'); END;
CREATE TRIGGER minutes_versions_kept BEFORE DELETE ON minutes_versions BEGIN SELECT RAISE(ABORT, 'a minutes version never changes'); END;
CREATE TRIGGER minute_signatures_no_update BEFORE UPDATE ON minute_signatures BEGIN SELECT RAISE(ABORT, 'minute_signatures is append-only'); END;
CREATE TRIGGER minute_signatures_no_delete BEFORE DELETE ON minute_signatures BEGIN SELECT RAISE(ABORT, 'minute_signatures is append-only'); END;
`,
  },
  {
    // Passkeys (WebAuthn) of local accounts and their single-use challenges (auth/passkeys.ts).
    version: 17,
    name: "passkeys",
    sql: passkeyTablesV17("INTEGER PRIMARY KEY"),
  },
  {
    // The files an import stored, by path, size and modification time: resuming an interrupted import
    // skips a file unchanged since without reading it (import/import-paths.ts).
    version: 18,
    name: "imported files",
    sql: IMPORT_FILES_TABLE("INTEGER"),
  },
  {
    // A meeting printed as cancelled or postponed, per source document (parse/v1 status).
    version: 19,
    name: "meeting status",
    sql: MEETING_STATUS_V19,
  },
  {
    // Decision records (officer and executive decisions) kept as decisions, with their facts.
    version: 20,
    name: "decision records",
    sql: decisionRecordsV20("INTEGER PRIMARY KEY"),
  },
  {
    // Councillors keep their own register: their account linked to their person; changes wait for approval.
    version: 21,
    name: "person accounts and register changes",
    sql: `${PERSON_ACCOUNTS_V21}
${["INSERT", "UPDATE", "DELETE"].map((op) => `CREATE TRIGGER person_accounts_${op.toLowerCase()} AFTER ${op} ON person_accounts BEGIN UPDATE store_changes SET n = n + 1 WHERE id = 1; END;`).join("\n")}
`,
  },
  {
    // Cross-meeting links computed at import and stored per council (store/common/links.ts), so no
    // page computes them.
    version: 22,
    name: "stored links",
    sql: linkTablesV22("REAL"),
  },
  {
    // A topic's entries one row each (a topic page reads one page of them) and each council's people.
    version: 23,
    name: "stored links by entry",
    sql: linkTablesV23(),
  },
  {
    // Search's window walks FTS5 matches newest first and reads, for each, whether it is shown and
    // its weight and facet columns: from this narrow index (forced with INDEXED BY) rather than the
    // table's wide rows, which at 2.1 million paragraphs cut a broad query's walk about 3× (store README).
    version: 24,
    name: "paragraphs search columns",
    sql: "CREATE INDEX paragraphs_search ON paragraphs(id, shadowed, weight, committee_id, meeting_date, type, key_decision);",
  },
];
