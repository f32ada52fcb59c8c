/** Unit tests for the safe output formats: HTML escaping, hit highlighting, CSV, iCalendar and Atom. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { atomDate, toAtom } from "./atom";
import { csvCell, toCsv } from "./csv";
import { HIT_END, HIT_START, highlight, queryTerms } from "./highlight";
import { escapeHtml, html, raw } from "./html";
import { foldLine, icalText, toICalendar } from "./ical";

test("html escapes interpolated text but not nested markup", () => {
  const evil = `<script>alert("x")</script>&'`;
  assert.equal(html`<p title="${evil}">${evil}</p>`.value, `<p title="${escapeHtml(evil)}">${escapeHtml(evil)}</p>`);
  assert.equal(
    html`<ul>${["a<", "b"].map((s) => html`<li>${s}</li>`)}</ul>`.value,
    "<ul><li>a&lt;</li><li>b</li></ul>",
  );
  assert.equal(html`${null}${undefined}${false}${0}`.value, "0");
  assert.equal(html`${raw("<b>")}`.value, "<b>");
});

test("highlight escapes everything and marks only whole hits", () => {
  const out = highlight(`<img src=x onerror=alert(1)> Schools & "budget" <mark>`, "school budget").value;
  assert.equal(
    out,
    `&lt;img src=x onerror=alert(1)&gt; <mark>Schools</mark> &amp; &quot;<mark>budget</mark>&quot; &lt;mark&gt;`,
  );
  assert.ok(!/<(?!\/?mark>)/.test(out), "no tag other than mark");
  // A term that looks like markup never becomes a pattern or markup.
  assert.equal(highlight("a <bb> c", "<bb>").value, "a &lt;<mark>bb</mark>&gt; c");
  assert.deepEqual(queryTerms(`"social care" OR budget-2017`), ["social", "care", "budget", "2017"]);
});

test("highlight honours store hit markers and escapes inside them", () => {
  const s = `x ${HIT_START}<i>care</i>${HIT_END} & y${HIT_START}tail`;
  assert.equal(highlight(s, "ignored").value, "x <mark>&lt;i&gt;care&lt;/i&gt;</mark> &amp; y<mark>tail</mark>");
});

test("csv quotes, doubles quotes and defuses formulas", () => {
  assert.equal(csvCell('say "hi", then'), '"say ""hi"", then"');
  assert.equal(csvCell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
  assert.equal(csvCell("+44 116"), "'+44 116");
  assert.equal(csvCell("-1"), "'-1");
  assert.equal(csvCell("@SUM(A1)"), "'@SUM(A1)");
  assert.equal(csvCell(-1), "-1", "numbers are data, not formulas");
  assert.equal(csvCell("line1\nline2"), '"line1\nline2"');
  assert.equal(csvCell(null), "");
  assert.equal(toCsv(["a", "b"], [["1", "=2"]]), "a,b\r\n1,'=2\r\n");
});

test("icalendar escapes text and folds long lines at 75 octets without splitting characters", () => {
  assert.equal(icalText("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
  const long = `SUMMARY:${"é".repeat(100)}`;
  const folded = foldLine(long);
  for (const l of folded.split("\r\n")) assert.ok(new TextEncoder().encode(l).length <= 75);
  assert.equal(folded.replaceAll("\r\n ", ""), long);
  const cal = toICalendar(
    "Meetings",
    [
      {
        uid: "m1@minutebook",
        date: "2017-03-10",
        time: "14:00",
        summary: "Cabinet; budget, 2017",
        location: null,
        description: null,
        url: null,
      },
    ],
    new Date("2020-01-01T00:00:00Z"),
  );
  assert.match(cal, /\r\nDTSTART;TZID=Europe\/London:20170310T140000\r\n/);
  assert.match(cal, /\r\nSUMMARY:Cabinet\\; budget\\, 2017\r\n/);
  assert.ok(cal.endsWith("END:VCALENDAR\r\n"));
  assert.ok(!/[^\r]\n/.test(cal), "only CRLF line ends");
});

test("atom escapes text and strips characters XML forbids", () => {
  const feed = toAtom(
    { id: "urn:x", title: "a & b", selfLink: "/s?q=a&b", altLink: "/", updated: atomDate("2017-03-10") },
    [{ id: "urn:y", title: "<t>\f", updated: atomDate(null), link: "/m/1", summary: "x" }],
  );
  assert.match(feed, /<title>a &amp; b<\/title>/);
  assert.match(feed, /<title>&lt;t&gt;<\/title>/);
  assert.match(feed, /href="\/s\?q=a&amp;b"/);
  assert.match(feed, /<updated>2017-03-10T00:00:00Z<\/updated>/);
});

test("search snippets from the store are used only when they are escaped text and <mark> tags", async () => {
  const { safeSnippet } = await import("./pages");
  assert.equal(safeSnippet("a <mark>care</mark> &amp; b", "a [care] & b", "care").value, "a <mark>care</mark> &amp; b");
  // Anything else in the store's markup: rebuilt from the plain text, escaped, hits marked here.
  assert.equal(safeSnippet('a <mark onclick="x">care</mark>', "a [care]", "care").value, "a <mark>care</mark>");
  assert.equal(
    safeSnippet("<img src=x onerror=alert(1)> care", "<img src=x> [care]", "care").value,
    "&lt;img src=x&gt; <mark>care</mark>",
  );
  assert.equal(safeSnippet("a <mark>care", "a [care]", "care").value, "a <mark>care</mark>", "unbalanced marks");
  assert.equal(safeSnippet("a &bogus; care", "a & [care]", "care").value, "a &amp; <mark>care</mark>");
});
