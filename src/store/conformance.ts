/**
 * The conformance suite every Repository adapter must pass, run by store/sqlite/sqlite.test.ts and
 * store/postgres/postgres.test.ts against a real database each. Fixtures are parse/v1 results built
 * here in code (no seed text).
 */

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { authConformance } from "../auth/conformance";
import { emptyMeeting, type Meeting, type Minute, type ParseResult, type Span } from "../model/parse-v1";
import type { SqlRepository } from "./common/sql-repository";
import { POSTGRES_MIGRATIONS } from "./postgres/migrations";
import type { SearchFilters, SearchHit } from "./repository";
import { SQLITE_MIGRATIONS } from "./sqlite/migrations";

export type Factory = () => Promise<{ repo: SqlRepository; cleanup: () => Promise<void> }>;

const span = (startLine: number, endLine = startLine, page: number | null = null): Span => ({
  startLine,
  endLine,
  page,
});

export function doc(name: string, meetings: Meeting[], salt = ""): ParseResult {
  const sha256 = createHash("sha256")
    .update(JSON.stringify(meetings) + salt)
    .digest("hex");
  return { schema: "parse/v1", source: { name, format: "text", sha256 }, meetings, diagnostics: [] };
}

export function minute(number: string, title: string, resolutions: string[], extra: Partial<Minute> = {}): Minute {
  return {
    number,
    agendaItem: null,
    title,
    declarations: [],
    resolutions: resolutions.map((text, i) => ({ label: `(${String.fromCharCode(97 + i)})`, text, children: [] })),
    keyDecision: null,
    reasons: [],
    exemptParagraphs: [],
    span: span(100 + Number(number), 110 + Number(number)),
    ...extra,
  };
}

const COUNCIL = "Borsetshire County Council";

/** An agenda pack: front sheet for `date`, and the minutes of `previous` it carries. */
export function agendaPack(committee: string, date: string, previous: string, topic: string): ParseResult {
  const front: Meeting = {
    ...emptyMeeting(committee, span(1, 60)),
    authority: COUNCIL,
    date,
    time: "14:00",
    location: "Council Chamber, County Hall",
    membership: [
      { name: "Mr. J. B. Rhodes CC", role: "Chairman" },
      { name: "Mrs. A. Archer CC", role: null },
      { name: "Dr. T. Eynon CC", role: null },
    ],
    agenda: [
      { number: "1", title: "Apologies for absence", reportBy: null, pages: null, span: span(20) },
      {
        number: "2",
        title: `Minutes of the meeting held on ${previous}`,
        reportBy: null,
        pages: { start: 3, end: 8 },
        span: span(21),
      },
      { number: "3", title: "Declarations of interest", reportBy: null, pages: null, span: span(22) },
      {
        number: "4",
        title: `${topic} Business Case`,
        reportBy: "Director of Adults and Communities",
        pages: { start: 9, end: 20 },
        span: span(23),
      },
    ],
    reports: [
      {
        agendaItem: "4",
        title: `${topic} Business Case`,
        author: "Director of Adults and Communities",
        recommendations: [`That the ${topic} business case be approved`],
        officers: [{ name: "Jane Doe", role: "Head of Service", phone: null, email: null }],
        appendices: [],
        backgroundPapers: [],
        span: span(200, 260, 9),
      },
    ],
  };
  const minutes: Meeting = {
    ...emptyMeeting(committee, span(61, 190)),
    authority: null,
    date: previous,
    attendance: {
      chair: "Mr. J. B. Rhodes CC",
      present: ["Mr. J. B. Rhodes CC", "Mrs. A. Archer CC"],
      apologies: ["Dr. T. Eynon CC"],
      inAttendance: [],
    },
    minutes: [
      minute("10", "Declarations of interest", [], {
        declarations: [{ member: "Mr Rhodes", interest: "Personal interest as a district councillor", item: "12" }],
      }),
      minute("11", "Apologies for absence", []),
      minute("12", `Quarterly review of ${topic} services`, [`That the ${topic} quarterly review be noted`], {
        keyDecision: true,
        reasons: ["To keep the committee informed"],
      }),
    ],
    nextMeeting: date,
  };
  return doc(`${committee}-${date}.txt`, [front, minutes]);
}

/** A minutes web page for one meeting (as Modern.Gov publishes it). */
export function minutesPage(committee: string, date: string, topic: string): ParseResult {
  const m: Meeting = {
    ...emptyMeeting(committee, span(1, 80)),
    authority: COUNCIL,
    date,
    attendance: {
      chair: "Mr. Rhodes CC",
      present: ["Mr. Rhodes CC", "Mrs. A. Archer CC"],
      apologies: [],
      inAttendance: [],
    },
    minutes: [minute("12", `Quarterly review of ${topic} services`, [`That the ${topic} quarterly review be noted`])],
  };
  return doc(`minutes-${committee}-${date}.html`, [m]);
}

export function runConformance(engine: string, factory: Factory): void {
  describe(`Repository conformance: ${engine}`, () => {
    let repo: SqlRepository;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ repo, cleanup } = await factory());
    });
    after(async () => {
      await cleanup();
    });

    test("migrations are versioned and idempotent", async () => {
      assert.deepEqual(await repo.migrate(), []);
      // The highest migration of this engine (versions may leave gaps: each helper's numbers are reserved).
      const list = engine === "postgres" ? POSTGRES_MIGRATIONS : SQLITE_MIGRATIONS;
      assert.equal((await repo.stats()).schemaVersion, Math.max(...list.map((m) => m.version)));
    });

    authConformance(() => repo, engine);

    test("the same document twice changes nothing; a changed file replaces its records", async () => {
      const a = agendaPack("Cabinet", "2024-03-05", "2024-02-06", "Lightbulb");
      const first = await repo.importDocument(a, { path: "/docs/cabinet-2024-03-05.txt" });
      assert.equal(first.status, "new");
      assert.equal(first.meetings, 2);
      assert.equal(first.items, 4 + 1 + 3);
      const before = await repo.tableCounts();
      const again = await repo.importDocument(a, { path: "/docs/cabinet-2024-03-05.txt" });
      assert.deepEqual({ ...again, status: "unchanged" }, { ...first, status: "unchanged" });
      assert.deepEqual(await repo.tableCounts(), before);

      const changesBefore = (await repo.stats()).changes;
      assert.ok(changesBefore > 0, "a new document moved the change counter");
      const changed = agendaPack("Cabinet", "2024-03-05", "2024-02-06", "Streetlight");
      const replaced = await repo.importDocument(changed, { path: "/docs/cabinet-2024-03-05.txt" });
      assert.equal(replaced.status, "replaced");
      const changesAfter = (await repo.stats()).changes;
      assert.ok(changesAfter > changesBefore, "a replacement moves the change counter, though counts stay the same");
      assert.deepEqual(await repo.tableCounts(), before, "same shape of document, same row counts");
      assert.equal((await repo.search("Lightbulb", {}, { limit: 10, offset: 0 })).total, 0);
      assert.ok((await repo.search("Streetlight", {}, { limit: 10, offset: 0 })).total > 0);
      // Moved: the same bytes at a new path are unchanged, and an edit at the new path replaces them.
      const moved = await repo.importDocument(changed, { path: "/moved/cabinet-2024-03-05.txt" });
      assert.equal(moved.status, "unchanged");
      assert.equal((await repo.stats()).changes, changesAfter, "an unchanged document leaves the counter still");
      const edited = agendaPack("Cabinet", "2024-03-05", "2024-02-06", "Streetlight");
      edited.source = { ...edited.source, sha256: createHash("sha256").update("edited").digest("hex") };
      assert.equal((await repo.importDocument(edited, { path: "/moved/cabinet-2024-03-05.txt" })).status, "replaced");
      const docs = await repo.listDocuments();
      assert.deepEqual(
        docs.items.map((d) => d.sha256),
        [edited.source.sha256],
      );
      assert.equal((await repo.getOriginal(docs.items[0].id))?.path, "/moved/cabinet-2024-03-05.txt");
    });

    test("the original file is kept once per content hash, and where it came from is a URL or a file name, never a server path", async () => {
      const bytes = new TextEncoder().encode("Minutes of the Original Files Committee\n");
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const m: Meeting = {
        ...emptyMeeting("Original Files Committee", span(1, 2)),
        authority: COUNCIL,
        date: "2024-09-01",
      };
      const a: ParseResult = {
        ...doc("ofc-2024-09-01.pdf", [m]),
        source: { name: "ofc-2024-09-01.pdf", format: "pdf", sha256 },
      };
      const out = await repo.importDocument(a, { path: "/srv/imports/secret-folder/ofc-2024-09-01.pdf", bytes });
      const ref = (await repo.listDocuments()).items.find((d) => d.id === out.documentId)!;
      assert.equal(ref.origin, "ofc-2024-09-01.pdf");
      assert.equal(ref.original, true);
      assert.doesNotMatch(JSON.stringify(await repo.getMeeting(out.meetingIds[0])), /secret-folder/);
      const kept = await repo.getOriginal(out.documentId);
      assert.deepEqual(kept?.bytes, bytes);
      // Imported again with a URL: the same document, now with its URL; the bytes are kept once.
      const again = await repo.importDocument(a, {
        path: "/srv/imports/secret-folder/ofc-2024-09-01.pdf",
        bytes,
        origin: "https://council.example/ofc-2024-09-01.pdf",
      });
      assert.equal(again.status, "unchanged");
      assert.equal(
        (await repo.listDocuments()).items.find((d) => d.id === out.documentId)?.origin,
        "https://council.example/ofc-2024-09-01.pdf",
      );
      // A PDF record's provenance opens the original at its page.
      const meeting = (await repo.getMeeting(out.meetingIds[0]))!;
      assert.equal(meeting.documents[0].original, true);
      // Bytes that are not the document's are refused, and nothing is stored.
      const other = { ...a, source: { ...a.source, sha256: createHash("sha256").update("other").digest("hex") } };
      await assert.rejects(repo.importDocument(other, { path: "/srv/x.pdf", bytes }), /SHA-256/);
      // The file goes with the last document that has it.
      const moved = { ...a, meetings: [{ ...m, date: "2024-09-02" }] };
      await repo.importDocument(
        { ...moved, source: { ...a.source, sha256: createHash("sha256").update("v2").digest("hex") } },
        {
          path: "/srv/imports/secret-folder/ofc-2024-09-01.pdf",
        },
      );
      assert.equal((await repo.getOriginal(out.documentId))?.bytes ?? null, null);
      assert.equal(
        Number(
          (await repo.sql.get<{ n: number }>("SELECT count(*) AS n FROM document_files WHERE sha256 = ?", [sha256]))?.n,
        ),
        0,
      );
    });

    test("minutes in the next agenda pack and the minutes page are one meeting", async () => {
      const pack = agendaPack("Health Scrutiny Committee", "2024-05-01", "2024-04-02", "Carers");
      const page = minutesPage("Health Scrutiny Committee", "2024-04-02", "Carers");
      await repo.importDocument(pack, { path: "/docs/hsc-pack.txt" });
      const pageOutcome = await repo.importDocument(page, { path: "/docs/hsc-minutes.html" });
      assert.equal(pageOutcome.status, "new");
      const meetings = await repo.listMeetings({ committee: "Health Scrutiny Committee" }, { limit: 10, offset: 0 });
      assert.deepEqual(
        meetings.items.map((m) => m.date),
        ["2024-05-01", "2024-04-02"],
      );
      const april = meetings.items[1];
      assert.equal(april.counts.documents, 2);
      const detail = (await repo.getMeeting(april.id))!;
      assert.equal(detail.documents.length, 2);
      // The fuller source of the minutes is shown once, not both.
      assert.deepEqual(
        detail.minutes.map((m) => m.number),
        ["10", "11", "12"],
      );
      assert.equal(detail.attendance?.apologies.length, 1);
      const hits = await repo.search('"quarterly review" Carers', { type: "minute" }, { limit: 10, offset: 0 });
      assert.equal(hits.total, 1, "no duplicate hit from the shadowed source");
      // Removing the pack (a new version without these minutes) keeps the meeting through the page.
      const packOnlyFront = { ...pack, meetings: [pack.meetings[0]] };
      packOnlyFront.source = { ...pack.source, sha256: createHash("sha256").update("front-only").digest("hex") };
      assert.equal((await repo.importDocument(packOnlyFront, { path: "/docs/hsc-pack.txt" })).status, "replaced");
      const after = (await repo.getMeeting(april.id))!;
      assert.deepEqual(
        after.minutes.map((m) => m.number),
        ["12"],
      );
      assert.equal(after.documents.length, 1);
    });

    test("a meeting without a date stays with its document", async () => {
      const m = (title: string): Meeting => ({
        ...emptyMeeting("Planning Committee", span(1, 9)),
        authority: COUNCIL,
        minutes: [minute("1", title, ["That it be noted"])],
      });
      await repo.importDocument(doc("undated-1.txt", [m("Tree preservation order")]), { path: "/docs/u1.txt" });
      await repo.importDocument(doc("undated-2.txt", [m("Hedgerow removal")]), { path: "/docs/u2.txt" });
      const ms = await repo.listMeetings({ committee: "Planning Committee" }, { limit: 10, offset: 0 });
      assert.equal(ms.total, 2);
      assert.ok(ms.items.every((x) => x.date === null));
    });

    test("a meeting the papers print as cancelled or postponed is kept as such; minutes of it mean it was held", async () => {
      const notice = (state: "cancelled" | "postponed", note: string, rescheduledTo: string | null = null) => ({
        state,
        note,
        rescheduledTo,
        span: span(3, 3, 1),
      });
      const sheet = (date: string, extra: Partial<Meeting>): Meeting => ({
        ...emptyMeeting("Licensing Committee", span(1, 20, 1)),
        authority: COUNCIL,
        date,
        ...extra,
      });
      await repo.importDocument(
        doc("licensing-2024-06-04.txt", [
          sheet("2024-06-04", { status: notice("cancelled", "THIS MEETING HAS BEEN CANCELLED") }),
        ]),
        { path: "/docs/lic-1.txt" },
      );
      await repo.importDocument(
        doc("licensing-2024-07-02.txt", [
          sheet("2024-07-02", { status: notice("postponed", "Postponed to 9 July 2024", "2024-07-09") }),
        ]),
        { path: "/docs/lic-2.txt" },
      );
      const list = await repo.listMeetings({ committee: "Licensing Committee" }, { limit: 10, offset: 0 });
      const at = (date: string) => list.items.find((m) => m.date === date)!;
      assert.deepEqual(
        [at("2024-06-04").status?.state, at("2024-06-04").status?.from, at("2024-06-04").status?.note],
        ["cancelled", "papers", "THIS MEETING HAS BEEN CANCELLED"],
      );
      assert.equal(at("2024-06-04").status?.provenance?.span.startLine, 3);
      assert.deepEqual(
        [at("2024-07-02").status?.state, at("2024-07-02").status?.rescheduledTo],
        ["postponed", "2024-07-09"],
      );
      const detail = (await repo.getMeeting(at("2024-06-04").id))!;
      assert.equal(detail.status?.state, "cancelled");
      // The council's calendar shows the imported meeting as cancelled, not held.
      const cal = await repo.office.calendar({ from: "2024-06-01", to: "2024-07-31" });
      assert.deepEqual(
        cal.filter((e) => e.committee.name === "Licensing Committee").map((e) => [e.date, e.status]),
        [
          ["2024-06-04", "cancelled"],
          ["2024-07-02", "postponed"],
        ],
      );
      // Minutes of the postponed meeting's date arrive: it was held after all.
      await repo.importDocument(
        doc("licensing-minutes-2024-07-02.txt", [
          sheet("2024-07-02", { minutes: [minute("12", "Taxi fares", ["That the fares be approved"])] }),
        ]),
        { path: "/docs/lic-3.txt" },
      );
      const again = (await repo.getMeeting(at("2024-07-02").id))!;
      assert.equal(again.status, null);
      // Replacing the cancelled sheet with one that says nothing of it takes the status away.
      await repo.importDocument(doc("licensing-2024-06-04.txt", [sheet("2024-06-04", {})], "v2"), {
        path: "/docs/lic-1.txt",
      });
      const replaced = (await repo.listMeetings({ committee: "Licensing Committee" }, { limit: 10, offset: 0 })).items;
      assert.deepEqual(replaced.map((m) => [m.date, m.status?.state ?? null]).sort(), [
        ["2024-06-04", null],
        ["2024-07-02", null],
      ]);
    });

    test("a decision record is kept as a decision with its facts, not listed among committee meetings", async () => {
      const record = (date: string | null, extra: Partial<Meeting> = {}): Meeting => ({
        ...emptyMeeting("Director of Highways", span(1, 40, 1)),
        authority: COUNCIL,
        date,
        minutes: [
          minute("17", "Speed limit on the Loxley Road", ["That a 40mph limit be introduced"], {
            keyDecision: false,
          }),
        ],
        decision: {
          maker: "Director of Highways",
          status: "Decision made",
          callIn: true,
          callInDeadline: "2024-11-12",
          publicationDate: "2024-11-05",
          effectiveDate: "2024-11-13",
          decidedAt: null,
          span: span(1, 40, 1),
        },
        ...extra,
      });
      await repo.importDocument(doc("od-24-017.pdf", [record("2024-11-04")]), { path: "/docs/od-24-017.pdf" });
      const meetings = await repo.listMeetings({ committee: "Director of Highways" }, { limit: 10, offset: 0 });
      assert.equal(meetings.total, 0, "not a committee meeting");
      assert.ok(
        !(await repo.listCommittees()).some((c) => c.name === "Director of Highways"),
        "an officer is not a committee",
      );
      const listed = (await repo.listDecisions({ from: "2024-11-04", to: "2024-11-04" }, { limit: 10, offset: 0 }))
        .items;
      const d = listed.find((x) => x.title === "Speed limit on the Loxley Road")!;
      assert.ok(d, "in the decisions register");
      assert.deepEqual(
        d.record && [
          d.record.maker,
          d.record.status,
          d.record.callIn,
          d.record.callInDeadline,
          d.record.publicationDate,
          d.record.effectiveDate,
        ],
        ["Director of Highways", "Decision made", true, "2024-11-12", "2024-11-05", "2024-11-13"],
      );
      const detail = (await repo.getMeeting(d.meetingId))!;
      assert.equal(detail.kind, "decision");
      assert.equal(detail.decision?.provenance.documentName, "od-24-017.pdf");
      // A decision taken at a committee meeting whose minutes are also stored stays that meeting.
      const minutes = minutesPage("Planning Committee", "2024-11-20", "Hedgerows");
      minutes.meetings = minutes.meetings.map((m) => ({ ...m, authority: COUNCIL }));
      await repo.importDocument(minutes, { path: "/docs/planning-2024-11-20.txt" });
      await repo.importDocument(
        doc("planning-decision.html", [
          record("2024-11-20", {
            body: "Planning Committee",
            decision: {
              maker: "Planning Committee",
              status: "Recommendations Approved",
              callIn: false,
              callInDeadline: null,
              publicationDate: null,
              effectiveDate: null,
              decidedAt: { body: "Planning Committee", date: "2024-11-20" },
              span: span(1, 40, 1),
            },
          }),
        ]),
        { path: "/docs/planning-decision.html" },
      );
      const planning = (
        await repo.listMeetings({ committee: "Planning Committee" }, { limit: 10, offset: 0 })
      ).items.find((m) => m.date === "2024-11-20")!;
      assert.ok(planning, "the committee meeting is still listed");
      const both = (await repo.getMeeting(planning.id))!;
      assert.equal(both.kind, "meeting");
      assert.deepEqual(both.decision?.decidedAt, { committee: "Planning Committee", date: "2024-11-20" });
      // Removing the record removes its facts.
      await repo.importDocument(doc("od-24-017.pdf", [{ ...record("2024-11-04"), decision: undefined }], "v2"), {
        path: "/docs/od-24-017.pdf",
      });
      const after = (await repo.listMeetings({ committee: "Director of Highways" }, { limit: 10, offset: 0 })).items;
      assert.equal(after.length, 1, "without its decision facts it is an ordinary meeting again");
      assert.equal((await repo.getMeeting(after[0].id))!.decision, null);
    });

    test("people are merged across printed forms with the evidence kept, and a merge can be undone", async () => {
      const committees = await repo.listCommittees();
      const cabinet = committees.find((c) => c.name === "Cabinet")!;
      assert.equal(cabinet.authority, COUNCIL);
      const people = await repo.listPeople({ limit: 100, offset: 0 });
      const rhodes = people.items.filter((p) => /Rhodes/.test(p.name));
      assert.equal(rhodes.length, 1, `one Rhodes, got ${rhodes.map((p) => p.name).join(", ")}`);
      const p = (await repo.getPerson(rhodes[0].id))!;
      assert.equal(p.name, "Mr J. B. Rhodes");
      const printed = new Set(p.aliases.map((a) => a.printed));
      for (const form of ["Mr. J. B. Rhodes CC", "Mr Rhodes", "Mr. Rhodes CC"]) assert.ok(printed.has(form), form);
      const bare = p.aliases.find((a) => a.printed === "Mr. Rhodes CC")!;
      assert.equal(bare.rule, "surname-unique");
      assert.ok(bare.documentName.startsWith("minutes-"));
      assert.ok(p.attendance.attended >= 2);
      assert.ok(p.attendance.expected >= p.attendance.attended);
      assert.ok(p.declarations.some((d) => d.interest?.startsWith("Personal interest")));
      assert.ok(p.roles.some((r) => r.role === "Chairman"));

      const beforeUnmerge = (await repo.stats()).changes;
      const split = await repo.unmergeAlias(bare.id);
      assert.ok((await repo.stats()).changes > beforeUnmerge, "an unmerge moves the change counter");
      assert.notEqual(split, p.id);
      const moved = (await repo.getPerson(split))!;
      assert.deepEqual(
        moved.aliases.map((a) => [a.printed, a.rule]),
        [["Mr. Rhodes CC", "unmerged"]],
      );
      assert.ok(moved.attendance.attended >= 1);
      const kept = (await repo.getPerson(p.id))!;
      assert.ok(!kept.aliases.some((a) => a.id === bare.id));

      // An officer merges them back: the form and its attendance return, marked "merged".
      assert.equal(await repo.mergePeople(p.id, split), p.id);
      assert.equal(await repo.getPerson(split), null);
      const rejoined = (await repo.getPerson(p.id))!;
      assert.ok(rejoined.aliases.some((a) => a.id === bare.id && a.rule === "merged"));
      assert.ok(rejoined.attendance.attended >= kept.attendance.attended);
      await assert.rejects(repo.mergePeople(p.id, p.id), /cannot be merged with itself/);
      await assert.rejects(repo.mergePeople(p.id, 987654), /there is no person 987654/);
    });

    test("exempt minutes keep their title and paragraphs only", async () => {
      const secret = "Zanzibarian acquisition price of 4,125,000 pounds";
      const m: Meeting = {
        ...emptyMeeting("Cabinet", span(1, 40)),
        authority: COUNCIL,
        date: "2024-06-11",
        minutes: [
          minute("20", "Acquisition of land at Ambridge", [secret], {
            exemptParagraphs: [3],
            keyDecision: true,
            reasons: [`Reason: ${secret}`],
            declarations: [{ member: "Mrs. A. Archer CC", interest: secret, item: "20" }],
          }),
          minute("21", "Library opening hours", ["That the opening hours be extended"]),
        ],
      };
      const r = doc("cabinet-2024-06-11.txt", [m]);
      const out = await repo.importDocument(r, { path: "/docs/cab-exempt.txt", lines: Array(60).fill(secret) });
      const meeting = (await repo.getMeeting(
        (
          await repo.listMeetings({ from: "2024-06-11", to: "2024-06-11" }, { limit: 5, offset: 0 })
        ).items[0].id,
      ))!;
      const exempt = meeting.minutes.find((x) => x.number === "20")!;
      assert.equal(exempt.title, "Acquisition of land at Ambridge");
      assert.deepEqual(exempt.exemptParagraphs, [3]);
      assert.equal(exempt.exempt, true);
      assert.deepEqual([exempt.resolutions, exempt.reasons, exempt.declarations], [[], [], []]);
      assert.ok(!JSON.stringify(meeting).includes("Zanzibarian"));
      assert.equal((await repo.search("Zanzibarian", {}, { limit: 5, offset: 0 })).total, 0);
      assert.equal((await repo.search("Ambridge", {}, { limit: 5, offset: 0 })).total, 1);
      const decisions = await repo.listDecisions({ from: "2024-06-11" }, { limit: 50, offset: 0 });
      assert.ok(!JSON.stringify(decisions).includes("Zanzibarian"));
      assert.ok(!(await repo.dumpText()).includes("Zanzibarian"), "nowhere in the store, parsed JSON included");
      assert.equal(out.status, "new");
    });

    test("recorded votes are kept with each named member's side, on the meeting and the person; never for an exempt minute", async () => {
      const vote = (names: string[]) => ({
        motion: "The Chairman put the motion to the vote",
        result: "carried" as const,
        for: { count: names.length, names },
        against: { count: 0, names: [] },
        abstain: { count: 1, names: ["Mrs Q. Voteless"] },
        span: span(120, 130, 4),
      });
      const m: Meeting = {
        ...emptyMeeting("Vote Council", span(1, 200)),
        authority: COUNCIL,
        date: "2024-10-01",
        minutes: [
          minute("5", "Budget", ["That the budget be approved"], {
            votes: [vote(["Mr P. Ayes", "Sir Paul Yeas, CBE"])],
          }),
          minute("6", "Land sale", [], { exemptParagraphs: [3], votes: [vote(["Mr Hidden Secretvoter"])] }),
        ],
      };
      const out = await repo.importDocument(doc("vote-council-2024-10-01.txt", [m]), { path: "/docs/votes.txt" });
      const meeting = (await repo.getMeeting(out.meetingIds[0]))!;
      const budget = meeting.minutes.find((x) => x.title === "Budget")!;
      assert.equal(budget.votes?.length, 1);
      const v = budget.votes![0];
      assert.deepEqual(v.counts, { for: 2, against: 0, abstain: 1 });
      assert.equal(v.result, "carried");
      assert.deepEqual(
        v.for.map((p) => p.printed),
        ["Mr P. Ayes", "Sir Paul Yeas, CBE"],
      );
      assert.deepEqual(
        v.abstain.map((p) => p.printed),
        ["Mrs Q. Voteless"],
      );
      assert.equal(v.provenance.span.page, 4);
      assert.equal(meeting.minutes.find((x) => x.title === "Land sale")?.votes, undefined);
      assert.ok(!(await repo.dumpText()).includes("Secretvoter"), "an exempt minute's vote is not stored");
      const person = (await repo.getPerson(v.abstain[0].id))!;
      assert.deepEqual(
        person.votes.map((x) => [x.side, x.minuteTitle, x.counts.for, x.result]),
        [["abstain", "Budget", 2, "carried"]],
      );
      // Removing the document removes its votes.
      await repo.importDocument(doc("vote-council-2024-10-01.txt", [{ ...m, minutes: [] }], "v2"), {
        path: "/docs/votes.txt",
      });
      assert.equal(Number((await repo.sql.get<{ n: number }>("SELECT count(*) AS n FROM votes"))?.n), 0);
      assert.equal(Number((await repo.sql.get<{ n: number }>("SELECT count(*) AS n FROM vote_casts"))?.n), 0);
    });

    test("exempt reports keep their title and paragraphs; their lines are listed as exempt parts", async () => {
      const secret = "Quorvantine valuation of the harbour land";
      const m: Meeting = {
        ...emptyMeeting("Cabinet", span(1, 80)),
        authority: COUNCIL,
        date: "2024-07-09",
        agenda: [
          {
            number: "7",
            title: "Harbour Road land",
            reportBy: null,
            pages: null,
            span: span(5, 5),
            exempt: true,
            exemptParagraphs: [3],
          },
        ],
        reports: [
          {
            agendaItem: "7",
            title: "Harbour Road land",
            author: `Director of ${secret}`,
            recommendations: [`That ${secret} be approved`],
            officers: [{ name: `Mr ${secret}`, role: null, phone: null, email: null }],
            appendices: [secret],
            backgroundPapers: [secret],
            span: span(20, 60),
            exempt: true,
            exemptParagraphs: [3],
          },
        ],
        exemptParts: [{ kind: "appendix", agendaItem: "4", title: "Appendix B", paragraphs: [3], span: span(62, 70) }],
      };
      const bytes = new TextEncoder().encode(Array(80).fill(secret).join("\n"));
      const r = doc("cabinet-2024-07-09.txt", [m]);
      r.source.sha256 = createHash("sha256").update(bytes).digest("hex");
      const path = "/docs/cab-exempt-report.txt";
      const stored = await repo.importDocument(r, { path, lines: Array(80).fill(secret), bytes });
      // The original holds exempt lines: kept, but never offered as publishable.
      const ref = (await repo.listDocuments()).items.find((d) => d.id === stored.documentId)!;
      assert.equal(ref.original, false);
      assert.ok((await repo.getOriginal(stored.documentId))?.bytes, "the store keeps it for those entitled");
      const id = (await repo.listMeetings({ from: "2024-07-09", to: "2024-07-09" }, { limit: 5, offset: 0 })).items[0]
        .id;
      const meeting = (await repo.getMeeting(id))!;
      assert.deepEqual(
        meeting.reports.map((x) => [x.title, x.exempt, x.exemptParagraphs, x.recommendations, x.author]),
        [["Harbour Road land", true, [3], [], null]],
      );
      assert.deepEqual(
        meeting.agenda.map((a) => [a.number, a.exempt, a.exemptParagraphs]),
        [["7", true, [3]]],
      );
      const parts = await repo.listExemptParts(meeting.reports[0].provenance.documentId);
      assert.deepEqual(
        parts.map((p) => [p.kind, p.provenance.span.startLine, p.provenance.span.endLine, p.paragraphs]),
        [
          ["report", 20, 60, [3]],
          ["appendix", 62, 70, [3]],
        ],
      );
      assert.equal((await repo.search("Quorvantine", {}, { limit: 5, offset: 0 })).total, 0);
      assert.ok(!(await repo.dumpText()).includes("Quorvantine"), "nowhere in the store");

      // A store written before the exempt rules held the report in full: importing the same bytes again
      // replaces it (the migration marks such documents as read under rules version 0).
      await repo.runForTests("UPDATE documents SET rules = 0 WHERE path = ?", [path]);
      await repo.runForTests("UPDATE reports SET exempt = 0, recommendations = ? WHERE title = ?", [
        JSON.stringify([secret]),
        "Harbour Road land",
      ]);
      await repo.runForTests("UPDATE paragraphs SET body = ? WHERE type = 'report' AND title = ?", [
        secret,
        "Harbour Road land",
      ]);
      assert.equal((await repo.search("Quorvantine", {}, { limit: 5, offset: 0 })).total, 1);
      assert.equal(
        await repo.touchDocument(r.source.sha256, { path }),
        null,
        "a document stored under older rules is read again",
      );
      const again = await repo.importDocument(r, { path, lines: Array(80).fill(secret) });
      assert.equal(again.status, "replaced");
      assert.equal((await repo.search("Quorvantine", {}, { limit: 5, offset: 0 })).total, 0);
      assert.ok(!(await repo.dumpText()).includes("Quorvantine"), "removed from the store");
      assert.equal((await repo.touchDocument(r.source.sha256, { path }))?.status, "unchanged");
    });

    test("search: phrases, exclusions, OR, filters, facets, snippets and provenance", async () => {
      const page = { limit: 20, offset: 0 };
      const all = await repo.search("quarterly review", {}, page);
      assert.ok(all.total >= 2);
      const phrase = await repo.search('"Streetlight quarterly review"', {}, page);
      assert.ok(phrase.total >= 1);
      assert.ok(phrase.hits.every((h) => /streetlight/i.test(h.snippetText + h.title)));
      const excl = await repo.search("quarterly review -Streetlight", {}, page);
      assert.ok(excl.hits.length && excl.hits.every((h) => !/streetlight/i.test(h.snippetText + h.title)));
      const either = await repo.search("Streetlight OR Carers", { type: "report" }, page);
      assert.deepEqual(either.hits.map((h) => h.title).sort(), ["Carers Business Case", "Streetlight Business Case"]);
      const byCommittee = await repo.search("quarterly", { committee: "Cabinet" }, page);
      assert.ok(byCommittee.hits.every((h) => h.meeting.committee.name === "Cabinet"));
      const byDate = await repo.search("quarterly", { from: "2024-04-01", to: "2024-04-30" }, page);
      assert.ok(byDate.hits.length && byDate.hits.every((h) => h.meeting.date === "2024-04-02"));
      assert.equal((await repo.search("quarterly", { committee: "No Such Committee" }, page)).total, 0);

      const f = all.facets;
      assert.equal(
        f.type.reduce((n, t) => n + t.count, 0),
        all.total,
      );
      assert.equal(
        f.committee.reduce((n, c) => n + c.count, 0),
        all.total,
      );
      assert.ok(f.committee.some((c) => c.name === "Cabinet") && f.committee.every((c) => c.name.length > 0));
      assert.ok(f.year.some((y) => y.year === "2024"));
      assert.ok(f.keyDecision.key >= 1);
      // The key-decision filter gives exactly the facet's count, all of them key decisions.
      assert.ok(f.keyDecision.other >= 1, "the fixture has matches of both kinds");
      const key = await repo.search("quarterly review", { keyDecision: true }, { limit: 200, offset: 0 });
      assert.equal(key.total, f.keyDecision.key);
      assert.equal(key.hits.length, f.keyDecision.key);
      assert.ok(key.hits.every((h) => h.keyDecision === true));
      const other = await repo.search("quarterly review", { keyDecision: false }, page);
      assert.equal(other.total, f.keyDecision.other);
      assert.ok(other.hits.every((h) => h.keyDecision !== true));

      const hit = all.hits[0];
      assert.match(hit.snippetHtml, /<mark>[^<]+<\/mark>/);
      assert.ok(hit.provenance.documentName.length > 0);
      assert.ok(hit.provenance.span.startLine >= 1);
      assert.ok(hit.score > 0);

      // Procedural items rank below substance.
      const interest = await repo.search("interest", {}, page);
      const substantive = await repo.search("business case", {}, page);
      assert.ok(interest.total > 0 && substantive.total > 0);
      const proc = await repo.search("declarations OR business", { type: "agenda" }, page);
      const firstProc = proc.hits.findIndex((h) => /declarations/i.test(h.title));
      const lastSub = proc.hits.map((h) => /business/i.test(h.title)).lastIndexOf(true);
      assert.ok(firstProc > lastSub, "declarations of interest below the business cases");

      // HTML in stored text is escaped in snippets.
      const m: Meeting = {
        ...emptyMeeting("Cabinet", span(1, 5)),
        authority: COUNCIL,
        date: "2024-07-01",
        agenda: [
          {
            number: "1",
            title: "Zebra crossings <script>alert(1)</script>",
            reportBy: null,
            pages: null,
            span: span(3),
          },
        ],
      };
      await repo.importDocument(doc("html.txt", [m]), { path: "/docs/html.txt" });
      const z = await repo.search("zebra", {}, page);
      assert.equal(z.total, 1);
      // Engines may drop tag-like tokens from a headline; whatever they keep is escaped.
      assert.ok(!z.hits[0].snippetHtml.includes("<script>"));
      assert.match(z.hits[0].snippetHtml, /<mark>Zebra<\/mark>/);
      assert.equal(z.hits[0].title, "Zebra crossings <script>alert(1)</script>");
    });

    test("paging and the portal's read methods", async () => {
      const p1 = await repo.listMeetings({}, { limit: 2, offset: 0 });
      const p2 = await repo.listMeetings({}, { limit: 2, offset: 2 });
      assert.equal(p1.items.length, 2);
      assert.ok(p1.total >= 5);
      assert.ok(!p2.items.some((m) => p1.items.some((n) => n.id === m.id)));
      const dated = p1.items.filter((m) => m.date).map((m) => m.date!);
      assert.deepEqual(dated, [...dated].sort().reverse(), "newest first");

      const committees = await repo.listCommittees();
      const hsc = committees.find((c) => c.name === "Health Scrutiny Committee")!;
      const detail = (await repo.getCommittee(hsc.id))!;
      assert.equal(detail.membershipAsOf, "2024-05-01");
      assert.equal(detail.membership[0].role, "Chairman");
      assert.deepEqual(
        detail.meetingsByYear.map((y) => [y.year, y.meetings.length]),
        [["2024", 2]],
      );
      assert.equal(await repo.getCommittee(999999), null);
      assert.equal(await repo.getMeeting(999999), null);
      assert.equal(await repo.getPerson(999999), null);

      const key = await repo.listDecisions({ keyOnly: true }, { limit: 50, offset: 0 });
      assert.ok(key.total >= 1);
      assert.ok(key.items.every((d) => d.keyDecision === true));
      assert.ok(key.items[0].resolutions[0].path === "a");
      const all = await repo.listDecisions({}, { limit: 50, offset: 0 });
      assert.ok(all.total > key.total);
      const cab = await repo.listDecisions({ committee: "Cabinet", from: "2024-06-01" }, { limit: 50, offset: 0 });
      assert.deepEqual(
        cab.items.map((d) => d.title),
        ["Library opening hours"],
      );

      const s = await repo.stats();
      assert.equal(s.engine, engine);
      assert.ok(s.documents >= 5 && s.meetings >= 5 && s.paragraphs > 0 && s.people > 0);
      assert.equal(s.authorities, 1);
    });

    test("a document naming no council joins the store's only council, and is not guessed among several", async () => {
      const unnamed = (date: string, member: string): ParseResult => {
        const m: Meeting = {
          ...emptyMeeting("Health Scrutiny Committee", span(1, 30)),
          date,
          attendance: { chair: null, present: [member], apologies: [], inAttendance: [] },
          minutes: [minute("30", "Dental services", ["That the update be noted"])],
        };
        return doc(`unnamed-${date}.html`, [m]);
      };
      // One council in the store: the unnamed committee and person are the council's.
      await repo.importDocument(unnamed("2024-08-01", "Mrs. A. Archer CC"), { path: "/docs/unnamed-1.html" });
      const one = await repo.listMeetings({ from: "2024-08-01", to: "2024-08-01" }, { limit: 5, offset: 0 });
      assert.equal(one.items[0].authority, COUNCIL);
      assert.equal(
        (await repo.listPeople({ limit: 500, offset: 0 })).items.filter((p) => /Archer/.test(p.name)).length,
        1,
      );

      // A second council with a committee of the same name: an unnamed document is no longer guessed.
      const other = agendaPack("Health Scrutiny Committee", "2024-09-10", "2024-08-20", "Dentistry");
      other.meetings = other.meetings.map((m) => ({ ...m, authority: "Ambridge Borough Council" }));
      await repo.importDocument(other, { path: "/docs/ambridge-hsc.txt" });
      await repo.importDocument(unnamed("2024-10-01", "Mrs. A. Archer CC"), { path: "/docs/unnamed-2.html" });
      const committees = (await repo.listCommittees()).filter((c) => c.name === "Health Scrutiny Committee");
      assert.deepEqual(committees.map((c) => c.authority).sort(), ["Ambridge Borough Council", COUNCIL, null].sort());
      const unknown = committees.find((c) => c.authority === null)!;
      assert.equal((await repo.getCommittee(unknown.id))!.meetings, 1);
      // Same printed name in two councils: two people.
      const archers = (await repo.listPeople({ limit: 500, offset: 0 })).items.filter((p) => /Archer/.test(p.name));
      assert.ok(archers.length >= 2, "the Ambridge councillor is not the Borsetshire one");
    });

    test("search at scale: the page is the best of every match under any filter; counts exact up to the limit, flagged past it", async () => {
      // Twelve meetings over three committees and three years, each with a procedural item that
      // scores highest on text alone but ranks low once weighted, and one meeting also
      // published as a minutes page (a shadowed source that must never be a hit or a count).
      const committees = ["Cabinet", "Quokka Panel", "Scrutiny Board"];
      const meetingOf = (i: number): Meeting => ({
        ...emptyMeeting(committees[i % 3], span(1, 40)),
        authority: COUNCIL,
        date: `${2022 + Math.floor(i / 4)}-${String(1 + (i % 4) * 3).padStart(2, "0")}-1${i % 10}`,
        agenda: [
          {
            number: "1",
            title: "Apologies: Quokka",
            reportBy: "Quokka Trust, Quokka Lodge",
            pages: null,
            span: span(5),
          },
          {
            number: "2",
            title: i % 2 ? "Quokka habitat survey" : "Quokka habitat restoration and long-term funding review",
            reportBy: "Director of Quokka Services",
            pages: null,
            span: span(6),
          },
          { number: "3", title: "Budget monitoring", reportBy: null, pages: null, span: span(7) },
        ],
        minutes: [
          minute(
            "5",
            `Quokka habitat survey ${i}`,
            [`That the quokka survey report${" be noted".repeat(1 + (i % 3))}`],
            {
              keyDecision: i % 2 === 0,
            },
          ),
        ],
      });
      for (let i = 0; i < 12; i++)
        await repo.importDocument(doc(`quokka-${i}.txt`, [meetingOf(i)]), { path: `/docs/quokka-${i}.txt` });
      const again = { ...meetingOf(4), agenda: [] };
      await repo.importDocument(doc("quokka-4-minutes.html", [again]), { path: "/docs/quokka-4-minutes.html" });

      const q = "quokka";
      const everything = { countLimit: 1e9 };
      const full = await repo.search(q, {}, { limit: 200, offset: 0 }, everything);
      const ids = (r: { hits: { paragraphId: number }[] }) => r.hits.map((h) => h.paragraphId);
      assert.ok(full.total > 40 && full.total === full.hits.length, `every match on one page (${full.total})`);
      assert.equal(new Set(ids(full)).size, full.hits.length, "no paragraph twice (the shadowed source is not a hit)");
      for (let i = 1; i < full.hits.length; i++) {
        const [a, b] = [full.hits[i - 1], full.hits[i]];
        assert.ok(a.score > b.score || (a.score === b.score && a.paragraphId < b.paragraphId), "best first");
      }
      // Ranked over the join from the start (a date filter every match passes) gives the same order.
      const viaFilter = await repo.search(q, { from: "1900-01-01" }, { limit: 200, offset: 0 }, everything);
      assert.deepEqual(ids(viaFilter), ids(full));
      assert.deepEqual(
        viaFilter.hits.map((h) => h.score),
        full.hits.map((h) => h.score),
      );
      const procedural = full.hits.findIndex((h) => /apologies/i.test(h.title));
      assert.ok(procedural >= 12, "the procedural items rank below the substantive ones");

      // Pages, with a count limit below the matches too: the page never depends on where counting stopped.
      assert.equal(full.rankedOver, null, "every match ranked");
      for (const countLimit of [undefined, 3])
        for (const limit of [1, 5, 20]) {
          for (let offset = 0; offset < full.hits.length; offset += limit) {
            const page = await repo.search(q, {}, { limit, offset }, { countLimit });
            assert.deepEqual(
              ids(page),
              ids(full).slice(offset, offset + limit),
              `page ${offset}+${limit}, ${countLimit}`,
            );
            assert.equal(page.rankedOver, null);
          }
        }

      // More matches than the rank window: the page is the exhaustive ranking of the window's matches,
      // the most recently stored (highest ids) that pass the filters, and says how many it ranked.
      const newest = (hits: SearchHit[], w: number) =>
        [...hits]
          .sort((a, b) => b.paragraphId - a.paragraphId)
          .slice(0, w)
          .sort((a, b) => b.score - a.score || a.paragraphId - b.paragraphId);
      assert.equal((await repo.search(q, {}, { limit: 5, offset: 0 }, { rankWindow: full.total })).rankedOver, null);
      for (const rankWindow of [1, 7, 25, full.total - 1])
        for (const limit of [3, 20])
          for (let offset = 0; offset < Math.min(rankWindow, 30); offset += limit) {
            const want = newest(full.hits, rankWindow);
            const page = await repo.search(q, {}, { limit, offset }, { rankWindow, countLimit: 10 });
            assert.deepEqual(ids(page), ids({ hits: want }).slice(offset, offset + limit), `window ${rankWindow}`);
            assert.deepEqual(
              page.hits.map((h) => h.score),
              want.slice(offset, offset + limit).map((h) => h.score),
            );
            assert.equal(page.rankedOver, rankWindow);
            assert.equal(page.total, 10, "counting is not limited by the window");
          }
      const panelHits = full.hits.filter((h) => h.meeting.committee.name === "Quokka Panel");
      const windowed = await repo.search(q, { committee: "Quokka Panel" }, { limit: 4, offset: 0 }, { rankWindow: 5 });
      assert.deepEqual(
        ids(windowed),
        ids({ hits: newest(panelHits, 5) }).slice(0, 4),
        "the window is over filtered matches",
      );
      assert.equal(windowed.rankedOver, 5);
      assert.equal(windowed.total, panelHits.length);

      // Filtered: the filter's best matches, in the same order as the unfiltered ranking.
      const filters: { f: SearchFilters; keep: (h: SearchHit) => boolean }[] = [
        { f: { committee: "Quokka Panel" }, keep: (h) => h.meeting.committee.name === "Quokka Panel" },
        { f: { from: "2023-01-01", to: "2023-12-31" }, keep: (h) => h.meeting.date?.startsWith("2023") === true },
        { f: { type: "agenda" }, keep: (h) => h.type === "agenda" },
        {
          f: { committee: "Cabinet", type: "minute", from: "2022-06-01" },
          keep: (h) => h.meeting.committee.name === "Cabinet" && h.type === "minute" && h.meeting.date! >= "2022-06-01",
        },
      ];
      for (const { f, keep } of filters) {
        const want = full.hits.filter(keep);
        assert.ok(want.length >= 2, JSON.stringify(f));
        const got = await repo.search(q, f, { limit: 3, offset: 0 }, everything);
        assert.deepEqual(ids(got), ids({ hits: want }).slice(0, 3), JSON.stringify(f));
        assert.equal(got.total, want.length, JSON.stringify(f));
        assert.ok(got.totalExact && got.facetsExact);
      }

      // Under the limit: every count exact, and what the hits say.
      const count = <K>(key: (h: SearchHit) => K) => {
        const m = new Map<K, number>();
        for (const h of full.hits) m.set(key(h), (m.get(key(h)) ?? 0) + 1);
        return m;
      };
      for (const countLimit of [full.total, 1e9, undefined]) {
        const r = await repo.search(
          q,
          {},
          { limit: 5, offset: 0 },
          countLimit === undefined ? undefined : { countLimit },
        );
        assert.equal(r.total, full.total);
        assert.ok(r.totalExact && r.facetsExact, `exact at countLimit ${countLimit}`);
        assert.deepEqual(
          new Map(r.facets.committee.map((c) => [c.name, c.count])),
          count((h) => h.meeting.committee.name),
        );
        assert.deepEqual(
          new Map(r.facets.year.map((y) => [y.year, y.count])),
          count((h) => h.meeting.date!.slice(0, 4)),
        );
        assert.deepEqual(
          new Map(r.facets.type.map((t) => [t.type, t.count])),
          count((h) => h.type),
        );
        assert.deepEqual(r.facets.keyDecision, {
          key: full.hits.filter((h) => h.keyDecision === true).length,
          other: full.hits.filter((h) => h.keyDecision !== true).length,
        });
      }

      // Past the limit: flagged, counts cover exactly the limit, each a lower bound; hits unchanged.
      for (const countLimit of [full.total - 1, 7, 1]) {
        const r = await repo.search(q, {}, { limit: 5, offset: 0 }, { countLimit });
        assert.equal(r.totalExact, false);
        assert.equal(r.facetsExact, false);
        assert.equal(r.total, countLimit);
        assert.deepEqual(ids(r), ids(full).slice(0, 5));
        const sum = (xs: { count: number }[]) => xs.reduce((n, x) => n + x.count, 0);
        assert.equal(sum(r.facets.committee), countLimit);
        assert.equal(sum(r.facets.type), countLimit);
        assert.equal(r.facets.keyDecision.key + r.facets.keyDecision.other, countLimit);
        const exact = count((h) => h.meeting.committee.name);
        for (const c of r.facets.committee) assert.ok(c.count > 0 && c.count <= (exact.get(c.name) ?? 0), c.name);
        const years = count((h) => h.meeting.date!.slice(0, 4));
        for (const y of r.facets.year) assert.ok(y.count > 0 && y.count <= (years.get(y.year) ?? 0), y.year);
      }
      // A filter is counted the same way: exact when its matches fit, flagged when they do not.
      const panel = full.hits.filter((h) => h.meeting.committee.name === "Quokka Panel").length;
      const fits = await repo.search(q, { committee: "Quokka Panel" }, { limit: 5, offset: 0 }, { countLimit: panel });
      assert.ok(fits.totalExact && fits.total === panel);
      const over = await repo.search(
        q,
        { committee: "Quokka Panel" },
        { limit: 5, offset: 0 },
        { countLimit: panel - 1 },
      );
      assert.ok(!over.totalExact && !over.facetsExact && over.total === panel - 1);
      const panelTop = ids({ hits: full.hits.filter((h) => h.meeting.committee.name === "Quokka Panel") }).slice(0, 5);
      assert.deepEqual(ids(fits), panelTop);
      assert.deepEqual(ids(over), panelTop, "the page does not depend on where counting stopped");
    });

    test("any query text is safe (property)", async () => {
      const operators = fc.constantFrom(
        '"',
        "-",
        "OR",
        "AND",
        "NOT",
        "(",
        ")",
        "*",
        ":",
        "^",
        "NEAR",
        "'",
        "\\",
        "\u0000",
        "-- ",
        ";",
      );
      const piece = fc.oneof(
        fc.string({ unit: "grapheme", maxLength: 12 }),
        fc.string({ unit: "binary", maxLength: 8 }),
        operators,
      );
      const query = fc.oneof(
        fc.string({ unit: "binary" }),
        fc.array(piece, { maxLength: 8 }).map((xs) => xs.join(" ")),
      );
      await fc.assert(
        fc.asyncProperty(query, async (q) => {
          const r = await repo.search(q, {}, { limit: 3, offset: 0 });
          assert.ok(r.total >= 0);
        }),
        { numRuns: 300 },
      );
      for (const q of ["covid-19", "S.106", "council's", '"unbalanced', "AND", "library:", "-", "OR OR", "NOT x", "a*"])
        await repo.search(q, {}, { limit: 3, offset: 0 });
      // Filters are bound values too.
      await repo.search(
        "review",
        { committee: "'; DROP TABLE paragraphs; --", from: "x' OR 1=1", to: "\u0000" },
        {
          limit: 3,
          offset: 0,
        },
      );
      assert.ok((await repo.stats()).paragraphs > 0);
    });
  });
}
