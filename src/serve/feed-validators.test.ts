// The Atom and iCalendar output against validators: RFC 4287's rules as a schema over a real XML parse,
// and ical.js (a real RFC 5545 parser); generated text of any kind round-trips; the app's own feeds pass.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import fc from "fast-check";
import { XMLParser } from "fast-xml-parser";
import type { Hono } from "hono";
import { createApp } from "./app";
import { atomDate, toAtom } from "./atom";
import { atomProblems, icalProblems } from "./feed-validators";
import { toICalendar } from "./ical";
import { type SeededStore, seededStore } from "./testing";

const FEED = {
  id: "http://localhost/search.atom?q=care",
  title: "Council records matching “care”",
  selfLink: "http://localhost/search.atom?q=care",
  altLink: "http://localhost/search?q=care",
  updated: atomDate("2017-03-10"),
};
const ENTRY = {
  id: "http://localhost/meetings/1#paragraph-2",
  title: "Care",
  updated: atomDate("2017-03-10"),
  link: "http://localhost/meetings/1",
  summary: "x",
};
const EVENT = {
  uid: "m1@minutebook",
  date: "2017-03-10",
  time: "14:00",
  endTime: "16:30",
  summary: "Cabinet",
  location: "County Hall",
  description: null,
  url: "http://localhost/meetings/1",
  status: "CONFIRMED" as const,
};
const NOW = new Date("2020-01-01T00:00:00Z");

test("the validators find what RFC 4287 and RFC 5545 forbid (so a pass means something)", () => {
  assert.deepEqual(atomProblems(toAtom(FEED, [ENTRY])), []);
  const good = toAtom(FEED, [ENTRY]);
  const broken: [string, RegExp][] = [
    [
      good.replace(/<id>http:\/\/localhost\/search[^<]*<\/id>\n/, ""),
      /^id: must contain exactly one atom:id|^id: must contain atom:id/m,
    ],
    [good.replace("<id>http://localhost/meetings/1#paragraph-2</id>", "<id>meetings/1</id>"), /absolute IRI/],
    [
      good.replace(
        '<updated>2017-03-10T00:00:00Z</updated>\n<link rel="alternate" type="text/html" href="http://localhost/meetings/1"/>',
        "<updated>10 March 2017</updated>",
      ),
      /RFC 3339/,
    ],
    [
      good.replace(/<link rel="alternate" type="text\/html" href="http:\/\/localhost\/meetings\/1"\/>/, ""),
      /alternate link/,
    ],
    [good.replace("<author><name>Minutebook</name></author>", ""), /atom:author/],
    [good.replace("<title>Care</title>", "<title>Care</title><title>Again</title>"), /exactly one atom:title/],
    [good.replace("<summary", "<subtitle>x</subtitle><summary"), /does not define: subtitle/],
    [good.replace("</feed>", ""), /not well-formed/],
    [good.replace('xmlns="http://www.w3.org/2005/Atom"', 'xmlns="http://purl.org/rss/1.0/"'), /Atom namespace/],
  ];
  for (const [xml, problem] of broken) assert.match(atomProblems(xml).join("\n"), problem);

  const cal = toICalendar("Meetings", [EVENT], NOW);
  assert.deepEqual(icalProblems(cal).problems, []);
  const calBroken: [string, RegExp][] = [
    [cal.replace("UID:m1@minutebook\r\n", ""), /exactly one UID/],
    [cal.replace("STATUS:CONFIRMED", "STATUS:MAYBE"), /not a VEVENT status/],
    [
      cal.replace("DTEND;TZID=Europe/London:20170310T163000", "DTEND;TZID=Europe/London:20170310T120000"),
      /DTEND is not after/,
    ],
    [cal.replaceAll("TZID=Europe/London", "TZID=Europe/Paris"), /no VTIMEZONE/],
    [cal.replace("VERSION:2.0", "VERSION:1.0"), /VERSION must be 2.0/],
    [cal.replaceAll("\r\n", "\n"), /CRLF/],
    [cal.replace("BEGIN:VEVENT", "BEGIN:VEVENT\r\nSUMMARY;broken"), /cannot parse/],
    [cal.replace(/DTEND;[^\r]*\r\n/, ""), /a timed event has no end/],
    [cal.replace(/DTEND;[^\r]*\r\n/, "$&DURATION:PT1H\r\n"), /both DTEND and DURATION/],
    [cal.replace(/SUMMARY:[^\r]*\r\n/, ""), /no SUMMARY/],
  ];
  for (const [text, problem] of calBroken) assert.match(icalProblems(text).problems.join("\n"), problem);
});

// Text as scraped documents carry it: any Unicode, markup characters, control characters.
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom("<", ">", "&", '"', "'", ";", ",", "\\", "\n", "\r", "\f", "\u0000", "é", "💷", " "),
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
  ),
  maxLength: 200,
});
// What XML 1.0 can carry: the generator strips the rest (and lone surrogates cannot be written as UTF-8).
const xmlText = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

test("any titles and summaries make a valid Atom feed whose text reads back as given", () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    trimValues: false,
    isArray: (n) => n === "entry",
  });
  fc.assert(
    fc.property(anyText, anyText, (title, summary) => {
      const xml = toAtom({ ...FEED, title }, [{ ...ENTRY, title, summary }]);
      assert.deepEqual(atomProblems(xml), []);
      const doc = parser.parse(Buffer.from(xml, "utf8").toString("utf8"));
      const entry = doc.feed.entry[0];
      const textOf = (v: unknown) => (typeof v === "string" ? v : ((v as Record<string, string>)["#text"] ?? ""));
      // XML normalises CR and CRLF to LF when it reads.
      const norm = (s: string) => xmlText(s).replace(/\r\n?/g, "\n");
      assert.equal(decode(textOf(entry.title)), norm(title));
      assert.equal(decode(textOf(entry.summary)), norm(summary));
    }),
    { numRuns: 300 },
  );
});

const decode = (s: string) =>
  s.replace(
    /&(lt|gt|amp|quot|#39|#x27);/g,
    (_, e) => ({ lt: "<", gt: ">", amp: "&", quot: '"', "#39": "'", "#x27": "'" })[e as "lt"],
  );

test("any summaries, places and descriptions make a valid iCalendar that ical.js reads back as given", () => {
  fc.assert(
    fc.property(
      anyText,
      anyText,
      anyText,
      fc.constantFrom("CONFIRMED", "TENTATIVE", "CANCELLED"),
      (summary, location, description, status) => {
        const cal = toICalendar("Meetings; “all”", [{ ...EVENT, summary, location, description, status }], NOW);
        const { problems, events } = icalProblems(cal);
        assert.deepEqual(problems, []);
        const norm = (s: string) => s.replace(/\r\n?/g, "\n");
        assert.equal(events[0].summary, norm(summary));
        if (location) assert.equal(events[0].location, norm(location));
        if (description) assert.equal(events[0].description, norm(description));
        assert.equal(events[0].component.getFirstPropertyValue("status"), status);
      },
    ),
    { numRuns: 300 },
  );
});

let store: SeededStore;
let app: Hono;
before(async () => {
  store = await seededStore();
  app = createApp(store.repo, { now: () => new Date("2017-03-01T12:00:00Z"), onError: () => {}, checkEveryMs: 0 });
});
after(async () => store?.close());

test("the app's search feeds and meeting calendars pass the validators", async () => {
  for (const q of ["care", "budget", "Leicestershire", "£", "nothing-matches-this"]) {
    const r = await app.request(`/search.atom?q=${encodeURIComponent(q)}`);
    assert.equal(r.status, 200);
    const xml = await r.text();
    assert.deepEqual(atomProblems(xml), [], `/search.atom?q=${q}`);
    if (q === "care") assert.ok((xml.match(/<entry>/g) ?? []).length > 0);
  }
  const meetings = await app.request("/meetings.ics");
  const { problems, events } = icalProblems(await meetings.text());
  assert.deepEqual(problems, []);
  assert.ok(events.length > 0);
  // Each meeting at a time ends (its end unknown: two hours on), and each names its council.
  const timed = events.filter((e) => !e.startDate.isDate);
  assert.ok(timed.length > 0);
  for (const e of timed) assert.equal(e.endDate.subtractDate(e.startDate).toSeconds(), 2 * 3600, e.summary);
  for (const e of events) assert.match(e.summary, /, Leicestershire County Council$/);
});

test("a meeting's end time is written when known and later than its start", () => {
  const base = {
    uid: "x@minutebook",
    date: "2017-03-10",
    time: "14:00",
    summary: "Cabinet",
    location: null,
    description: null,
    url: null,
  };
  const ends = (endTime: string | null) => {
    const { problems, events } = icalProblems(toICalendar("M", [{ ...base, endTime }], NOW));
    assert.deepEqual(problems, []);
    return events[0].endDate.toString();
  };
  assert.equal(ends("15:30"), "2017-03-10T15:30:00");
  assert.equal(ends(null), "2017-03-10T16:00:00");
  assert.equal(ends("13:00"), "2017-03-10T16:00:00", "an end before the start is not believed");
});
