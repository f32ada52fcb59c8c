// The Modern.Gov web-service XML reader on the three Manchester responses, on variants made from
// them at test time (SOAP envelope, recorded attendance, minutes with RESOLVED and a script), and on
// malformed, DTD-bearing and foreign XML.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { Diagnostic, Meeting } from "../../model/parse-v1";
import { validateParseResult } from "../../model/parse-v1";
import { parseBytes } from "../../pipeline/parse-file";
import { sharedPath } from "../../testing/shared";
import { DEFAULT_LIMITS, ReadError } from "../registry";
import { decodeXmlEntities, elementLines, moderngovXmlReader, xmlRoot } from "./reader";

const file = (part: string) => {
  const dir = sharedPath("corpus", "moderngov-xml");
  const f = readdirSync(dir).find((x) => x.includes(part));
  assert.ok(f, part);
  return readFileSync(join(dir, f), "utf8");
};

async function read(name: string, xml: string): Promise<{ meetings: Meeting[]; diagnostics: Diagnostic[] }> {
  const out = await moderngovXmlReader.read({
    name,
    bytes: Buffer.from(xml),
    sha256: "0".repeat(64),
    limits: DEFAULT_LIMITS,
  });
  assert.equal(out.kind, "records");
  if (out.kind !== "records") throw new Error("unreachable");
  assert.equal(out.format, "xml");
  return out;
}

const line = (xml: string, n: number) => xml.split("\n")[n - 1];

test("GetMeetings: one meeting per <meeting> with committee, ISO date, 24-hour time; cancelled noted", async () => {
  const xml = file("GetMeetings_");
  const { meetings, diagnostics } = await read("meetings.xml", xml);
  assert.deepEqual(
    meetings.map((m) => [m.body, m.date, m.time, m.agenda.length]),
    [
      ["Audit Committee", "2026-01-13", "10:00", 0],
      ["Audit Committee", "2026-02-10", "10:00", 0],
    ],
  );
  for (const m of meetings) {
    assert.match(line(xml, m.span.startLine), /<meeting>/);
    assert.match(line(xml, m.span.endLine), /<\/meeting>/);
  }
  assert.ok(diagnostics.some((d) => d.message === "meeting 4966 on 2026-01-13 is Cancelled"));
  // The cancelled meeting is kept as cancelled; the confirmed one says nothing of its status.
  assert.deepEqual(
    meetings.map((m) => m.status?.state ?? null),
    ["cancelled", null],
  );
  assert.match(line(xml, meetings[0].status!.span.startLine), /<meeting>/);
});

test("GetMeeting: agenda items, minutes from the minutes HTML, membership, linked documents in diagnostics", async () => {
  const xml = file("GetMeeting_");
  const { meetings, diagnostics } = await read("meeting.xml", xml);
  assert.equal(meetings.length, 1);
  const m = meetings[0];
  assert.equal(m.body, "Audit Committee");
  assert.equal(m.date, "2026-02-10");
  assert.equal(m.time, "10:00");
  assert.equal(m.location, "Council Antechamber, Level 2, Town Hall Extension");
  assert.deepEqual(
    m.agenda.map((a) => [a.number, a.title]),
    [
      ["1", "Minutes"],
      ["9", "Work Programme"],
    ],
  );
  assert.match(line(xml, m.agenda[0].span.startLine), /<agendaitem>/);
  assert.match(line(xml, m.agenda[0].span.endLine), /<\/agendaitem>/);
  assert.deepEqual(
    m.minutes.map((x) => [x.number, x.agendaItem, x.title]),
    [
      ["1", "1", "Minutes"],
      ["9", "9", "Work Programme"],
    ],
  );
  // A minute that is a single "To approve ..." sentence is its own resolution.
  assert.deepEqual(
    m.minutes[0].resolutions.map((c) => c.text),
    ["To approve the minutes of the meeting held on 25 November 2025 as a correct record."],
  );
  assert.deepEqual(m.minutes[1].resolutions, []);
  assert.deepEqual(m.membership, [{ name: "Councillor Basil Curley", role: "Committee Member" }]);
  assert.equal(m.attendance, null); // every attendee is still "Expected"
  assert.ok(diagnostics.some((d) => /attendance not yet recorded/.test(d.message)));
  const linked = diagnostics.filter((d) => d.level === "info" && /linked document/.test(d.message));
  assert.deepEqual(
    linked.map((d) => d.message),
    [
      'item 1: linked document "6 - CHAIR APPROVED Minutes Audit Committee 25 Nov 2025" (https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60860)',
      'item 9: linked document "DRAFT WP FEBRUARY 2026" (https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60909)',
    ],
  );
  assert.match(line(xml, linked[0].span!.startLine), /<linkeddoc>/);
});

test("GetCommittees: no meetings, one diagnostic per committee", async () => {
  const { meetings, diagnostics } = await read("committees.xml", file("GetCommittees_"));
  assert.deepEqual(meetings, []);
  assert.deepEqual(
    diagnostics.filter((d) => d.message.startsWith("committee ")).map((d) => d.message),
    [
      "committee 312: Appointment Sub Committee for Director of Adult Social Services (Governance and Decision Making Committees, expired)",
      "committee 163: Art Galleries Committee (Governance and Decision Making Committees)",
      "committee 144: Audit Committee (Governance and Decision Making Committees)",
    ],
  );
});

test("recorded attendance, RESOLVED minutes and a script in the minutes HTML (variant of the real response)", async () => {
  const xml = file("GetMeeting_")
    .replace('attendance="Expected"', 'attendance="Present"')
    .replace('roledescription="Committee Member"', 'roledescription="Chair"')
    .replace(
      "</attendee>",
      '</attendee>\n    <attendee name="Councillor Ann Other" roledescription="Committee Member" attendance="Apologies"></attendee>',
    )
    .replace(
      "The Committee considered a report of the",
      "&lt;script&gt;alert(1)&lt;/script&gt;&lt;p&gt;RESOLVED:&lt;/p&gt;&lt;p&gt;(1) To note the report &amp;amp; plan.&lt;/p&gt;&lt;p&gt;(2) To exclude the public under paragraph 3 of Schedule 12A.&lt;/p&gt;&lt;p&gt;The Committee considered a report of the",
    );
  const { meetings } = await read("variant.xml", xml);
  const m = meetings[0];
  assert.deepEqual(m.attendance, {
    chair: "Councillor Basil Curley",
    present: ["Councillor Basil Curley"],
    apologies: ["Councillor Ann Other"],
    inAttendance: [],
  });
  const wp = m.minutes.find((x) => x.title === "Work Programme")!;
  assert.deepEqual(
    wp.resolutions.map((c) => [c.label, c.text]),
    [
      ["1", "To note the report & plan."],
      ["2", "To exclude the public under paragraph 3 of Schedule 12A."],
    ],
  );
  assert.deepEqual(wp.exemptParagraphs, [3]);
  assert.ok(!JSON.stringify(meetings).includes("alert(1)"));
});

test("a SOAP envelope is unwrapped; the pipeline output is schema-valid", async () => {
  const inner = file("GetMeetings_").replace(/^<\?xml[^>]*>\s*/, "");
  const soap = `<?xml version="1.0" encoding="utf-8"?>\n<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><GetMeetingsResponse xmlns="http://moderngov.co.uk/namespaces"><GetMeetingsResult>\n${inner}</GetMeetingsResult></GetMeetingsResponse></soap:Body></soap:Envelope>`;
  const result = await parseBytes("soap.xml", Buffer.from(soap));
  assert.deepEqual(validateParseResult(result), []);
  assert.equal(result.source.format, "xml");
  assert.equal(result.meetings.length, 2);
  for (const part of ["GetMeetings_", "GetMeeting_", "GetCommittees_"]) {
    const r = await parseBytes(`${part}.xml`, Buffer.from(file(part)));
    assert.deepEqual(validateParseResult(r), []);
  }
});

test("malformed XML, DTDs and foreign roots are ReadErrors naming the file", async () => {
  const bad = async (name: string, xml: string, re: RegExp) =>
    assert.rejects(
      moderngovXmlReader.read({ name, bytes: Buffer.from(xml), sha256: "0".repeat(64), limits: DEFAULT_LIMITS }),
      (e: unknown) => e instanceof ReadError && e.message.startsWith(`${name}: `) && re.test(e.message),
    );
  await bad(
    "cut.xml",
    file("GetMeeting_").slice(0, 900),
    /malformed XML: the file ends inside <meeting> <agendaitems>/,
  );
  await bad(
    "lol.xml",
    '<?xml version="1.0"?><!DOCTYPE meeting [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><meeting><meetingdate>&b;</meetingdate></meeting>',
    /DOCTYPE/,
  );
  await bad("rss.xml", "<rss><channel><title>x</title></channel></rss>", /not a Modern\.Gov web-service response/);
  await assert.rejects(
    moderngovXmlReader.read({
      name: "latin1.xml",
      bytes: Buffer.concat([
        Buffer.from("<meeting><meetinglocation>Caf"),
        Buffer.from([0xe9]),
        Buffer.from("</meetinglocation></meeting>"),
      ]),
      sha256: "0".repeat(64),
      limits: DEFAULT_LIMITS,
    }),
    /latin1\.xml: the XML is not valid UTF-8/,
  );
});

test("helpers: root detection, entity decoding, element line ranges", () => {
  assert.equal(xmlRoot('<?xml version="1.0"?>\n<committees><committee/></committees>'), "committees");
  assert.equal(xmlRoot("<soap:Envelope><soap:Body><GetMeetingResponse><GetMeetingResult><meeting>"), "meeting");
  assert.equal(xmlRoot("plain text"), null);
  assert.equal(decodeXmlEntities("a &amp;lt; b &#47; &#x41; &lt;p&gt;"), "a &lt; b / A <p>");
  const ranges = elementLines("<a>\n<b>\n</b>\n<!-- <b> -->\n<b/>\n</a>");
  assert.deepEqual(ranges.get("b"), [
    { start: 2, end: 3 },
    { start: 5, end: 5 },
  ]);
  assert.deepEqual(ranges.get("a"), [{ start: 1, end: 6 }]);
});
