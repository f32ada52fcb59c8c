// The renderer takes any well-formed record an officer might enter, not just the demo's: odd
// characters, tabs and newlines inside fields, empty sections, deep clauses. Every title, name and
// clause reaches the page, and page ranges stay well formed.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { AgendaItem, Clause, Meeting, Minute, Report } from "../model/parse-v1";
import { flat } from "./blocks";
import { renderAgendaPack, renderMinutesText } from "./pack";
import { renderAgendaPackPdf } from "./pdf";

const SPAN = { startLine: 1, endLine: 1, page: null };
const words = fc
  .array(fc.stringMatching(/^[A-Za-z0-9£&'(),./-]{1,12}$/), { minLength: 1, maxLength: 8 })
  .chain((ws) => fc.constantFrom(" ", "  ", "\t", "\n").map((sep) => ws.join(sep)));
const name = fc
  .tuple(fc.constantFrom("Mr.", "Mrs.", "Dr.", "Ms."), fc.stringMatching(/^[A-Z][a-z]{2,9}$/))
  .map(([t, s]) => `${t} ${s} CC`);
const iso = fc
  .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
const clause = (depth: number): fc.Arbitrary<Clause> =>
  fc.record({
    label: fc.constant(null as string | null),
    text: words,
    children: depth > 0 ? fc.array(clause(depth - 1), { maxLength: 2 }) : fc.constant([] as Clause[]),
  });
const clauses = fc.array(clause(1), { maxLength: 4 }).map((cs) => {
  const label = (xs: Clause[], roman: boolean) =>
    xs.forEach((c, i) => {
      c.label = xs.length > 1 ? (roman ? ["i", "ii", "iii"][i] : String.fromCharCode(97 + i)) : null;
      label(c.children, true);
    });
  label(cs, false);
  return cs;
});

const meeting: fc.Arbitrary<Meeting> = fc
  .record({
    body: words,
    date: iso,
    time: fc.option(hhmm, { nil: null }),
    location: fc.option(words, { nil: null }),
    members: fc.uniqueArray(name, { minLength: 1, maxLength: 12 }),
    titles: fc.array(words, { minLength: 1, maxLength: 8 }),
    withReport: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    recs: fc.array(words, { maxLength: 3 }),
    resolutions: fc.array(clauses, { minLength: 8, maxLength: 8 }),
    key: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    next: fc.option(iso, { nil: null }),
    minutesItem: fc.boolean(),
  })
  .map((r) => {
    const titles = r.minutesItem ? ["Minutes of the meeting held on 1 January 2000", ...r.titles] : r.titles;
    const agenda: AgendaItem[] = titles.map((title, i) => ({
      number: String(i + 1),
      title,
      reportBy: r.withReport[i % 8] ? "Director of Corporate Resources" : null,
      pages: null,
      span: SPAN,
    }));
    const reports: Report[] = agenda
      .filter((a) => a.reportBy)
      .map((a) => ({
        agendaItem: a.number,
        title: a.title,
        author: a.reportBy,
        recommendations: r.recs,
        officers: [
          {
            name: "Ann Example",
            role: "Director of Corporate Resources",
            phone: "01632 960 000",
            email: "ann@x.example",
          },
        ],
        appendices: [],
        backgroundPapers: [],
        span: SPAN,
      }));
    const minutes: Minute[] = agenda.map((a, i) => ({
      number: String(100 + i),
      agendaItem: a.number,
      title: a.title,
      declarations: [],
      resolutions: r.resolutions[i % 8],
      keyDecision: r.key[i % 8],
      reasons: r.key[i % 8] ? ["To meet the Council's duties."] : [],
      exemptParagraphs: [],
      span: SPAN,
    }));
    return {
      body: r.body,
      authority: "Example Council",
      date: r.date,
      time: r.time,
      location: r.location,
      contact: null,
      membership: r.members.map((n, i) => ({ name: n, role: i === 0 ? "Chairman" : null })),
      agenda,
      attendance: { chair: r.members[0], present: r.members, apologies: [], inAttendance: [] },
      minutes,
      reports,
      nextMeeting: r.next,
      span: SPAN,
    };
  });

const allClauses = (cs: Clause[]): Clause[] => cs.flatMap((c) => [c, ...allClauses(c.children)]);

test("any record renders: titles, names and clauses all printed, page ranges well formed", () => {
  fc.assert(
    fc.property(meeting, meeting, (m, prev) => {
      const pack = renderAgendaPack(m, prev);
      for (const a of m.agenda) assert.ok(pack.text.includes(`${a.number}. ${flat(a.title)}`), a.title);
      for (const n of m.membership) assert.ok(pack.text.includes(n.name));
      let last = 0;
      for (const a of pack.meetings[0].agenda) {
        if (!a.pages) continue;
        assert.ok(a.pages.start > last && a.pages.start % 2 === 1 && a.pages.end >= a.pages.start);
        last = a.pages.end;
      }
      if (last) assert.equal(last, pack.pageCount);
      else assert.ok(!m.agenda.some((a) => a.reportBy) && !m.agenda[0].title.startsWith("Minutes"));
      const minutes = renderMinutesText(prev);
      for (const x of prev.minutes) {
        assert.ok(minutes.includes(`\n${x.number}. ${flat(x.title)}`), x.title);
        for (const c of allClauses(x.resolutions)) assert.ok(minutes.includes(flat(c.text)), c.text);
        assert.equal(
          minutes.includes(`${x.number}.`) && x.keyDecision ? minutes.includes("(KEY DECISION)") : true,
          true,
        );
      }
      for (const line of pack.text.split("\n")) assert.ok(!line.includes("\r"));
    }),
    { numRuns: 60, includeErrorInReport: true },
  );
});

test("any record renders as a PDF whose front sheet pages match its layout", async () => {
  await fc.assert(
    fc.asyncProperty(meeting, meeting, async (m, prev) => {
      const r = await renderAgendaPackPdf(m, prev);
      assert.equal(Buffer.from(r.bytes.subarray(0, 5)).toString("latin1"), "%PDF-");
      const ends = r.meetings[0].agenda.flatMap((a) => (a.pages ? [a.pages.end] : []));
      if (ends.length) assert.equal(Math.max(...ends), r.pageCount);
      else assert.ok(r.pageCount >= 1);
    }),
    { numRuns: 6 },
  );
});
