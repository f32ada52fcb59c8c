// The parser on the real seed documents in ../shared: the shared scorer's threshold, and concrete facts
// from each layout (front-sheet fields, the agenda's table forms, glued report-by, orphaned page ranges,
// report heads glued into one bold run, joint authors, recommendations, officer layouts).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import type { Meeting, ParseResult } from "../model/parse-v1";
import { parseBytes, parseFile } from "../pipeline/parse-file";
import { repoRoot, seedFiles, sharedPath } from "../testing/shared";

const seed = (prefix: string) => {
  const f = seedFiles().find((p) => p.split("/").pop()?.startsWith(prefix));
  if (!f) throw new Error(`seed ${prefix} missing`);
  return f;
};

const cache = new Map<string, ParseResult>();
async function parsed(prefix: string): Promise<ParseResult> {
  const hit = cache.get(prefix);
  if (hit) return hit;
  const r = await parseFile(seed(prefix));
  cache.set(prefix, r);
  return r;
}

/** The front-sheet meeting: the one with an agenda. */
async function front(prefix: string): Promise<Meeting> {
  const m = (await parsed(prefix)).meetings.find((x) => x.agenda.length);
  assert.ok(m, `${prefix}: no front-sheet meeting`);
  return m;
}

const item = (m: Meeting, n: string) => {
  const a = m.agenda.find((x) => x.number === n);
  assert.ok(a, `agenda item ${n} missing`);
  return a;
};

test("the shared scorer rates the parser at least 0.95 with every category at least 0.85", () => {
  const out = execFileSync(
    process.execPath,
    [
      sharedPath("eval", "score.mjs"),
      "--gold",
      sharedPath("gold"),
      "--inputs",
      sharedPath("seeds"),
      "--cmd",
      `${process.execPath} ${repoRoot}/bin/minutebook.mjs parse {} --json`,
      "--json",
    ],
    { encoding: "utf8", maxBuffer: 64 << 20, timeout: 300_000 },
  );
  const r = JSON.parse(out) as {
    score: number;
    categories: { category: string; f1: number }[];
    documents: { error: string | null }[];
  };
  for (const d of r.documents) assert.equal(d.error, null);
  assert.ok(r.score >= 0.95, `score ${r.score}`);
  for (const c of r.categories) assert.ok(c.f1 >= 0.85, `${c.category} f1 ${c.f1}`);
});

test("a Cabinet pack gives two meetings: the front sheet and the minutes it carries", async () => {
  const r = await parsed("000");
  assert.deepEqual(r.meetings.map((m) => m.date).sort(), ["2017-02-10", "2017-03-10"]);
  const m = await front("000");
  assert.equal(m.body, "Cabinet");
  assert.equal(m.time, "11:00");
  assert.equal(m.contact?.name, "Ms. J. Bailey");
  assert.equal(m.contact?.phone, "0116 305 6225");
  assert.equal(m.contact?.email, "jenny.bailey@leics.gov.uk");
  assert.equal(m.authority, "Leicestershire County Council");
  // Two members per line split before the honorific; the chair carries the role.
  assert.equal(m.membership.length, 10);
  assert.ok(m.membership.some((x) => x.name === "Mr. Dave Houseman MBE, CC"));
  assert.deepEqual(
    m.membership.filter((x) => x.role).map((x) => x.role),
    ["Chairman"],
  );
});

test("an agenda that switches from TAB rows to a pipe table keeps every item and column", async () => {
  const m = await front("000");
  assert.deepEqual(
    m.agenda.map((a) => a.number),
    Array.from({ length: 18 }, (_, i) => String(i + 1)),
  );
  assert.deepEqual(item(m, "4").pages, { start: 13, end: 20 });
  assert.equal(item(m, "4").reportBy, "Independent Chair of the Safeguarding Boards");
  assert.equal(item(m, "5").title.endsWith("Care Leavers"), true); // trailing full stop dropped
  assert.equal(item(m, "17").reportBy, null);
  assert.equal(item(m, "17").pages, null);
  assert.equal(item(m, "5").span.startLine, 41);
});

test("report-by glued to the title is split off, with or without a full stop", async () => {
  const a = await front("001");
  assert.equal(item(a, "9").title, "Direct Payment Cards");
  assert.equal(item(a, "9").reportBy, "Director of Adults and Communities");
  assert.deepEqual(item(a, "9").pages, { start: 37, end: 42 });
  const b = await front("002");
  assert.equal(item(b, "8").title, "Medium Term financial Strategy 2024/25 to 2027/28");
  assert.equal(item(b, "8").reportBy, "Director of Adults and Communities and Director of Corporate Resources");
});

test("a 2015 agenda split by a page footer: item rejoined, orphan page range given to the minutes item", async () => {
  const m = await front("004");
  assert.equal(
    item(m, "6").title,
    "To advise of any other items which the Chairman has decided to take as urgent elsewhere on the agenda",
  );
  assert.deepEqual(item(m, "3").pages, { start: 5, end: 8 });
  assert.equal(item(m, "6").pages, null);
  assert.equal(item(m, "10").title, "Future Strategy for the Delivery of Library Services");
  assert.equal(item(m, "10").reportBy, "Director of Adults and Communities");
  // The duplicated member is kept once.
  assert.equal(m.membership.length, 5);
  assert.ok((await parsed("004")).diagnostics.some((d) => /listed twice/.test(d.message)));
});

test("officer reports: glued bold heads, author before title, joint authors, linked to agenda items", async () => {
  const m = await front("000");
  assert.equal(m.reports.length, 13);
  assert.deepEqual(
    m.reports.map((r) => r.agendaItem),
    ["4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16"],
  );
  const speed = m.reports.find((r) => r.agendaItem === "9");
  assert.equal(speed?.title, "COMMUNITY SPEED ENFORCEMENT");
  assert.equal(speed?.author, "DIRECTOR OF ENVIRONMENT AND TRANSPORT");
  const growth = m.reports.find((r) => r.agendaItem === "11");
  assert.equal(growth?.title, "LEICESTER AND LEICESTERSHIRE STRATEGIC GROWTH PLAN: JOINT STATEMENT OF CO-OPERATION");
  const mtfs = (await front("001")).reports[0];
  assert.equal(mtfs.author, "DIRECTOR OF ADULTS AND COMMUNITIES and DIRECTOR OF CORPORATE RESOURCES");
  // The 2015 pack's first report starts at its "Agenda Item 10" stamp.
  const lib = (await front("004")).reports[0];
  assert.equal(lib.agendaItem, "10");
  assert.equal(lib.span.startLine, 181);
});

test("recommendations: lettered items without their sub-items, or the single recommendation", async () => {
  const m = await front("000");
  const rec = (n: string) => m.reports.find((r) => r.agendaItem === n)?.recommendations ?? [];
  assert.equal(rec("6").length, 2); // (a), (b); (i)–(v) belong to (b)
  assert.equal(rec("8").length, 3);
  assert.match(rec("4")[0], /^It is recommended that the Cabinet comments/);
  // The last of several recommendation sections is the one addressed to the meeting.
  const htlah = (await front("004")).reports.find((r) => r.agendaItem === "12");
  assert.equal(htlah?.recommendations.length, 2);
  assert.match(htlah?.recommendations[0] ?? "", /^support the findings of the Panel/);
});

test("officers to contact in several layouts, appendices and background papers", async () => {
  const m = await front("000");
  const rep = (n: string) => m.reports.find((r) => r.agendaItem === n);
  assert.deepEqual(
    rep("11")?.officers.map((o) => [o.name, o.email]),
    [
      ["Tom Purnell", "tom.purnell@leics.gov.uk"],
      ["Sharon Wiggins", "sharon.wiggins@leics.gov.uk"],
    ],
  );
  assert.deepEqual(rep("16")?.officers[0], {
    name: "Mo Seedat",
    role: "Head of Democratic Services",
    phone: "0116 305 6037",
    email: "mo.seedat@leics.gov.uk",
  });
  assert.equal(rep("5")?.appendices.length, 5);
  assert.equal(rep("7")?.appendices.length, 1); // annexes under the one appendix are not appendices
  const cml = (await front("002")).reports.find((r) => r.agendaItem === "12");
  assert.equal(cml?.backgroundPapers.length, 3); // dated link lines are not papers
  assert.equal(cml?.officers.length, 3); // the table after the block is not a person
});

test("a Modern.Gov minutes page has no front sheet, so no agenda meeting is invented", async () => {
  const r = await parsed("003");
  assert.ok(r.meetings.every((m) => m.agenda.length === 0 && m.reports.length === 0));
});

test("reports without their front sheet hang on the meeting their headers name", async () => {
  const text = readFileSync(seed("000"), "utf8");
  const lines = text.split("\n");
  // Drop everything before the first report header (front sheet and minutes).
  const first = lines.findIndex((l) => /^CABINET\s*[–-]/.test(l));
  const r = await parseBytes("reports-only.txt", new TextEncoder().encode(lines.slice(first).join("\n")));
  assert.equal(r.meetings.length, 1);
  assert.equal(r.meetings[0].date, "2017-03-10");
  assert.equal(r.meetings[0].agenda.length, 0); // numbered paragraphs are not an agenda
  assert.equal(r.meetings[0].reports.length, 13);
});
