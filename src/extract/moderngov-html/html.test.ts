// The Modern.Gov HTML reader on the corpus decision pages and on meeting, attendance, generic and
// hostile pages written here: fields, clauses, spans that point at the right source lines, and
// text that never carries markup out of the input.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import type { SourceDocument } from "../../model/document";
import type { Diagnostic, Meeting, ParseResult } from "../../model/parse-v1";
import { validateParseResult } from "../../model/parse-v1";
import { parseBytes } from "../../pipeline/parse-file";
import { sharedPath } from "../../testing/shared";
import { DEFAULT_LIMITS } from "../registry";
import { htmlReader, meetingHeading, moderngovHtmlReader } from "./reader";

const corpusFile = (f: string) => sharedPath("corpus", "moderngov-html", f);

async function records(name: string, html: string): Promise<{ meetings: Meeting[]; diagnostics: Diagnostic[] }> {
  const out = await moderngovHtmlReader.read({
    name,
    bytes: Buffer.from(html),
    sha256: "0".repeat(64),
    limits: DEFAULT_LIMITS,
  });
  assert.equal(out.kind, "records");
  if (out.kind !== "records") throw new Error("unreachable");
  return out;
}

async function lines(name: string, html: string): Promise<SourceDocument> {
  const out = await htmlReader.read({ name, bytes: Buffer.from(html), sha256: "0".repeat(64), limits: DEFAULT_LIMITS });
  assert.equal(out.kind, "lines");
  if (out.kind !== "lines") throw new Error("unreachable");
  return out.doc;
}

const sourceLine = (html: string, n: number) => html.split("\n")[n - 1];

test("decision details (Policy Committee): meeting, date, title, decision, key decision, source-line spans", async () => {
  const html = readFileSync(corpusFile("lgsf_modgov_decision_detail_policy_committee_2015.html"), "utf8");
  const { meetings, diagnostics } = await records("policy.html", html);
  assert.equal(meetings.length, 1);
  const m = meetings[0];
  assert.equal(m.body, "Policy Committee"); // from "Decided at meeting: 19/10/2015 - Policy Committee"
  assert.equal(m.date, "2015-10-19"); // entities decoded: 19&#47;10&#47;2015
  const minute = m.minutes[0];
  assert.equal(minute.title, "Minutes of Previous Meeting");
  assert.equal(minute.keyDecision, false);
  assert.deepEqual(minute.resolutions, [
    {
      label: null,
      text: "The Minutes of the Policy Committee meeting on 23 September 2015 were approved as a correct record.",
      children: [],
    },
  ]);
  assert.match(sourceLine(html, minute.span.startLine), /Minutes of Previous Meeting/);
  assert.ok(minute.span.endLine >= 19 && minute.span.endLine <= html.split("\n").length);
  const status = diagnostics.find((d) => d.message.startsWith("Decision status"));
  assert.equal(status?.message, "Decision status: Recommendations Approved");
  assert.match(sourceLine(html, status!.span!.startLine), /Decision status/);
  const doc = diagnostics.find((d) => d.message.startsWith("linked:"));
  assert.equal(doc?.message, "linked: polc2 - 23.09.2015 (documents/s7942/polc2 - 23.09.2015.pdf)");
});

test("decision details (officer decision): decision maker as body, several paragraphs as clauses", async () => {
  const html = readFileSync(corpusFile("lgsf_modgov_decision_multi_paragraph_holme_park_court.html"), "utf8");
  const { meetings } = await records("holme.html", html);
  const m = meetings[0];
  assert.equal(m.body, "Service Director - Homes & Neighbourhoods"); // &#38; decoded
  assert.equal(m.date, "2021-07-27");
  assert.equal(m.minutes[0].title, "Appointment of contractor to demolish Holme Park Court");
  assert.deepEqual(
    m.minutes[0].resolutions.map((c) => c.text),
    [
      "The demolition of the existing tower blocks has been approved to support the regeneration of Berry Brow.",
      "This decision was authorised by the Cabinet at its meeting on Tuesday, 27 July 2021.",
    ],
  );
});

test("the corpus pages through the whole pipeline are schema-valid parse/v1 with format html", async () => {
  for (const f of [
    "lgsf_modgov_decision_detail_policy_committee_2015.html",
    "lgsf_modgov_decision_multi_paragraph_holme_park_court.html",
  ]) {
    const result = await parseBytes(f, readFileSync(corpusFile(f)));
    assert.deepEqual(validateParseResult(result), []);
    assert.equal(result.source.format, "html");
    assert.equal(result.meetings.length, 1);
  }
});

const HOSTILE = `<div id="modgov"><div class="mgSubTitle">
<h2 class="mgSubTitleTxt">Library closures &lt;b&gt;consultation&lt;/b&gt;<script>alert('title')</script></h2>
</div>
<div class="mgContent">
<p><span class="mgLabel">Decision Maker: </span>Cabinet <img src=x onerror="alert('img')"></p>
<p><span class="mgLabel">Is Key decision?: </span>Yes</p>
<h3 class="mgSubSubTitleTxt">Decision:</h3>
<div class="mgWordPara"><p onclick="steal()">(a) To close the branch &amp; sell the site &#8211; for &pound;1.2m;</p>
<style>p { background: url(javascript:alert('css')) }</style>
<p>(b) To note the &lt;script&gt;alert("text")&lt;/script&gt; comment received.</p>
<iframe src="javascript:alert('frame')"></iframe></div>
<h3 class="mgSubSubTitleTxt">Reasons for the decision:</h3>
<div class="mgWordPara"><p>Budget pressures.</p></div>
<p><span class="mgLabel">Date of decision: </span>05&#47;03&#47;2025</p>
<p class="mgLabel">Accompanying Documents:</p>
<ul class="mgBulletList"><li><a href="javascript:alert('href')">Report</a></li></ul>
<p><span class="mgLabel">Exempt information: </span>Appendix B is exempt under paragraph 3 of Part 1 of Schedule 12A</p>
</div></div>`;

test("script injection: scripts, styles, frames and attributes never reach the output; entities are decoded as text", async () => {
  const result = await parseBytes("hostile.html", Buffer.from(HOSTILE));
  assert.deepEqual(validateParseResult(result), []);
  const json = JSON.stringify(result);
  for (const bad of [
    "alert('title')",
    "onerror",
    "alert('img')",
    "onclick",
    "steal()",
    "alert('css')",
    "<iframe",
    "alert('frame')",
    "javascript:",
    "<img",
    "data-qline",
  ])
    assert.ok(!json.includes(bad), `output contains ${bad}`);
  const m = result.meetings[0];
  assert.equal(m.body, "Cabinet");
  assert.equal(m.date, "2025-03-05");
  const minute = m.minutes[0];
  // Escaped markup in the page is text: decoded once, never parsed into elements.
  assert.equal(minute.title, "Library closures <b>consultation</b>");
  assert.deepEqual(
    minute.resolutions.map((c) => [c.label, c.text]),
    [
      ["a", "To close the branch & sell the site – for £1.2m;"],
      ["b", 'To note the <script>alert("text")</script> comment received.'],
    ],
  );
  assert.equal(minute.keyDecision, true);
  assert.deepEqual(minute.reasons, ["Budget pressures."]);
  assert.deepEqual(minute.exemptParagraphs, [3]);
  // The one <script> in the output is the escaped text the council wrote, not the page's script.
  assert.equal(json.split("<script>").length - 1, 1);
  assertNoMarkupOutsideEscapedText(result);
});

function assertNoMarkupOutsideEscapedText(r: ParseResult): void {
  const strings: string[] = [];
  const collect = (v: unknown) => {
    if (typeof v === "string") strings.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === "object") Object.values(v).forEach(collect);
  };
  collect(r);
  for (const s of strings) assert.doesNotMatch(s, /<\w+[^>]*\s(on\w+|href|src|style)=/i, s);
}

const MEETING = `<!DOCTYPE html>
<html><head><title>Agenda for Cabinet on Thursday, 30th January, 2025, 10.00 am - Example Council</title>
<script>var tracking = "<p class='mgAiTitleTxt'>fake</p>";</script></head>
<body><div id="modgov">
<div class="mgHeader"><h1 class="mgMainTitleTxt">Agenda and minutes</h1></div>
<div class="mgSubTitle"><h2 class="mgSubTitleTxt">Cabinet - Thursday, 30th January, 2025 10.00 am</h2></div>
<div class="mgContent">
<p><span class="mgLabel">Venue: </span>Council Chamber, Sessions House, County Hall, Maidstone. View directions</p>
<p><span class="mgLabel">Contact: </span>Georgina Little 03000 414043 georgina.little@example.gov.uk</p>
<table class="mgItemTable">
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">1.</p></td>
<td><p class="mgAiTitleTxt">Apologies</p>
<p class="mgSubItemTitleTxt">Minutes:</p>
<div class="mgWordPara"><p>Apologies were received from Mrs C Bell.</p></div></td></tr>
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">5.</p></td>
<td><p class="mgAiTitleTxt"><a href="documents/s1/report.pdf">Revenue Budget Monitoring (Pages 11 - 84) <span class="mgFileSize">PDF 2 MB</span></a></p>
<div class="mgWordPara"><p>To consider the budget monitoring report.</p></div>
<p class="mgSubItemTitleTxt">Minutes:</p>
<div class="mgWordPara"><p>Mr Oakford introduced the report.</p>
<p>RESOLVED that:</p>
<p>(a) the forecast overspend be noted; and</p>
<p>(b) the Cabinet Member be asked to report back.</p>
<p>The meeting noted the KEY DECISION rules.</p></div></td></tr>
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">6.</p></td>
<td><p class="mgAiTitleTxt">Exclusion of the Press and Public</p>
<p class="mgSubItemTitleTxt">Decision:</p>
<div class="mgWordPara"><p>That the press and public be excluded under paragraphs 1 and 2 of Part 1 of Schedule 12A.</p></div></td></tr>
</table>
<table class="mgStatsTable"><tr><th>Attendee</th><th>Role</th><th>Attendance</th><th>Notes</th></tr>
<tr><td><a href="mgUserInfo.aspx?UID=1">Mr Roger Gough</a></td><td>Chairman</td><td>Present</td><td></td></tr>
<tr><td>Mrs Clair Bell</td><td>Committee Member</td><td>Apologies</td><td></td></tr>
<tr><td>Mr Ben Watts</td><td>Officer</td><td>In attendance</td><td></td></tr>
<tr><td>Mr Neil Baker</td><td>Committee Member</td><td>Present as substitute</td><td></td></tr>
</table>
</div></div></body></html>`;

test("meeting page: heading, venue, contact, agenda items with pages, minutes with RESOLVED clauses, attendance", async () => {
  const { meetings, diagnostics } = await records("meeting.html", MEETING);
  const m = meetings[0];
  assert.equal(m.body, "Cabinet");
  assert.equal(m.date, "2025-01-30");
  assert.equal(m.time, "10:00");
  assert.equal(m.location, "Council Chamber, Sessions House, County Hall, Maidstone.");
  assert.deepEqual(m.contact, {
    name: "Georgina Little",
    phone: "03000 414043",
    email: "georgina.little@example.gov.uk",
  });
  assert.deepEqual(
    m.agenda.map((a) => [a.number, a.title, a.pages]),
    [
      ["1", "Apologies", null],
      ["5", "Revenue Budget Monitoring", { start: 11, end: 84 }],
      ["6", "Exclusion of the Press and Public", null],
    ],
  );
  assert.match(sourceLine(MEETING, m.agenda[1].span.startLine), /mgItemNumberCell.*5\./);
  assert.match(sourceLine(MEETING, m.agenda[1].span.endLine), /report back|KEY DECISION/);
  const budget = m.minutes.find((x) => x.agendaItem === "5")!;
  assert.deepEqual(
    budget.resolutions.map((c) => [c.label, c.text]),
    [
      ["a", "the forecast overspend be noted; and"],
      ["b", "the Cabinet Member be asked to report back."],
    ],
  );
  assert.equal(budget.keyDecision, true);
  const exclusion = m.minutes.find((x) => x.agendaItem === "6")!;
  assert.deepEqual(exclusion.exemptParagraphs, [1, 2]);
  assert.equal(exclusion.resolutions.length, 1);
  assert.deepEqual(m.attendance, {
    chair: "Mr Roger Gough",
    present: ["Mr Roger Gough", "Mr Neil Baker"],
    apologies: ["Mrs Clair Bell"],
    inAttendance: ["Mr Ben Watts"],
  });
  assert.deepEqual(m.membership[0], { name: "Mr Roger Gough", role: "Chairman" });
  assert.ok(
    diagnostics.some(
      (d) => d.message === "linked document: Revenue Budget Monitoring (Pages 11 - 84) (documents/s1/report.pdf)",
    ),
  );
  // The script in <head> that contains look-alike markup is not an agenda item.
  assert.ok(!m.agenda.some((a) => a.title === "fake"));
});

test("a Modern.Gov page of another kind falls back to lines for the text parser", async () => {
  const page = `<div id="modgov"><h1 class="mgMainTitleTxt">Committee structure</h1><p>Cabinet</p><p>Council</p></div>`;
  const out = await moderngovHtmlReader.read({
    name: "committees.html",
    bytes: Buffer.from(page),
    sha256: "0".repeat(64),
    limits: DEFAULT_LIMITS,
  });
  assert.equal(out.kind, "lines");
  if (out.kind === "lines")
    assert.deepEqual(
      out.doc.lines.map((l) => l.text),
      ["Committee structure", "", "Cabinet", "", "Council"],
    );
});

test("generic HTML → lines: headings, bold, list items, table rows with cells, blank lines between blocks", async () => {
  const doc = await lines(
    "parish.html",
    `<!DOCTYPE html><html><head><title>x</title><style>h1{color:red}</style></head><body>
<h1>Stoke Ferry Parish Council</h1>
<p><strong>Minutes of the meeting held on 10 July 2013</strong></p>
<p>Present: Cllr A &amp; Cllr B<br>Apologies: Cllr C</p>
<ul><li>Item one</li><li>Item two</li></ul>
<table><tr><th>Payee</th><th>Amount</th></tr><tr><td>Village hall</td><td>&pound;50.00</td></tr></table>
<script>document.write("<p>injected</p>")</script>
</body></html>`,
  );
  assert.deepEqual(
    doc.lines.map((l) => l.text),
    [
      "Stoke Ferry Parish Council",
      "",
      "Minutes of the meeting held on 10 July 2013",
      "",
      "Present: Cllr A & Cllr B",
      "Apologies: Cllr C",
      "",
      "- Item one",
      "- Item two",
      "",
      "Payee\tAmount",
      "Village hall\t£50.00",
    ],
  );
  assert.equal(doc.lines[0].heading, true);
  assert.equal(doc.lines[2].bold, true);
  assert.notEqual(doc.lines[4].bold, true);
  assert.deepEqual(doc.lines[11].cells, ["Village hall", "£50.00"]);
  assert.equal(doc.lines[10].bold, true);
  assert.equal(doc.format, "html");
  assert.ok(doc.lines.every((l, i) => l.n === i + 1 && l.page === null));
});

test("meeting headings as Modern.Gov writes them", () => {
  assert.deepEqual(meetingHeading("Cabinet - Thursday, 30th January, 2025 10.00 am"), {
    body: "Cabinet",
    date: "2025-01-30",
    time: "10:00",
  });
  assert.deepEqual(meetingHeading("Agenda and minutes for County Council on Thursday, 13th March, 2025, 2.30 pm"), {
    body: "County Council",
    date: "2025-03-13",
    time: "14:30",
  });
  assert.deepEqual(meetingHeading("Audit Committee - Tuesday, 10th February, 2026"), {
    body: "Audit Committee",
    date: "2026-02-10",
    time: null,
  });
  assert.equal(meetingHeading("Decision details"), null);
});

test("invalid UTF-8 is read as Windows-1252 with a warning; an oversized page is a ReadError", async () => {
  const bytes = Buffer.concat([Buffer.from("<p>Caf"), Buffer.from([0xe9]), Buffer.from(" minutes</p>")]);
  const out = await htmlReader.read({ name: "cp1252.html", bytes, sha256: "0".repeat(64), limits: DEFAULT_LIMITS });
  assert.equal(out.kind, "lines");
  if (out.kind === "lines") {
    assert.equal(out.doc.lines[0].text, "Café minutes");
    assert.ok(out.doc.diagnostics.some((d) => d.level === "warning" && /Windows-1252/.test(d.message)));
  }
  await assert.rejects(
    htmlReader.read({
      name: "big.html",
      bytes: Buffer.from("<p>x</p>".repeat(100)),
      sha256: "0".repeat(64),
      limits: { ...DEFAULT_LIMITS, maxBytes: 100 },
    }),
    /big\.html: file is 800 bytes, over the limit of 100 bytes/,
  );
});

test("every truncation of the corpus pages still reads without throwing and stays schema-valid", async () => {
  for (const f of [
    "lgsf_modgov_decision_detail_policy_committee_2015.html",
    "lgsf_modgov_decision_multi_paragraph_holme_park_court.html",
  ]) {
    const bytes = readFileSync(corpusFile(f));
    for (let cut = 1; cut < bytes.length; cut += 37) {
      const result = await parseBytes(`cut-${cut}.html`, bytes.subarray(0, cut));
      assert.deepEqual(validateParseResult(result), [], `${f} cut at ${cut}`);
    }
  }
});

test("pathologically deep markup is a ReadError, not a stack overflow", async () => {
  const deep = `${"<div>".repeat(50_000)}deep text${"</div>".repeat(50_000)}`;
  for (const reader of [htmlReader, moderngovHtmlReader])
    await assert.rejects(
      reader.read({ name: "deep.html", bytes: Buffer.from(deep), sha256: "0".repeat(64), limits: DEFAULT_LIMITS }),
      /deep\.html: the HTML is nested too deeply to read/,
    );
});

test("numbered lists keep the numbers a browser shows: start, value, type; bulleted lists a dash", async () => {
  const doc = await lines(
    "minutes.html",
    `<div><ol start="1234"><li><strong>Apologies</strong></li><li>Declarations</li><li value="1240">Planning</li><li>Finance</li></ol>
     <ol type="a"><li>first</li><li>second</li></ol><ol type="I" start="4"><li>fourth</li></ol><ul><li>bullet</li></ul></div>`,
  );
  const texts = doc.lines.map((l) => l.text).filter(Boolean);
  assert.deepEqual(texts, [
    "1234. Apologies",
    "1235. Declarations",
    "1240. Planning",
    "1241. Finance",
    "a. first",
    "b. second",
    "IV. fourth",
    "- bullet",
  ]);
  assert.equal(doc.lines.find((l) => l.text === "1234. Apologies")?.bold, true);
});
