// Round trip: generated demo records → rendered text and PDF → parseBytes → the parse/v1 fields
// come back equal, field by field (compared as the parse/v1 scorer compares text: case,
// punctuation and spacing ignored; phones by digits; e-mails case-insensitively).
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import fc from "fast-check";
import { generateCouncil } from "../demo/generate";
import type { DemoMeeting } from "../demo/types";
import type { Clause, Meeting, ParseResult } from "../model/parse-v1";
import { validateParseResult } from "../model/parse-v1";
import { parseBytes } from "../pipeline/parse-file";
import { renderAgendaPack, renderMinutes } from "./pack";
import { renderAgendaPackPdf, renderMinutesPdf } from "./pdf";
import type { RenderStyle } from "./types";

/** The scorer's text key (../shared/eval/score.mjs), compared for equality rather than similarity. */
const norm = (s: string | null | undefined): string | null =>
  s == null
    ? null
    : s
        .toLowerCase()
        .replace(/<\/?u>|\*\*|\|/g, " ")
        .replace(/[\u2018\u2019\u201a\u2032`]/g, "'")
        .replace(/[\u201c\u201d\u201e]/g, '"')
        .replace(/[\u2010-\u2015\u2212]/g, "-")
        .replace(/[^a-z0-9£%'\s]/g, " ")
        .replace(/'/g, "")
        .replace(/\s+/g, " ")
        .trim();
const digits = (s: string | null | undefined) => (s == null ? null : s.replace(/\D/g, ""));
const sorted = (xs: (string | null)[]) => [...xs].sort();
const clauses = (cs: Clause[]): unknown[] =>
  cs.map((c) => ({ label: c.label, text: norm(c.text), children: clauses(c.children) }));

type Sample = { name: string; format: "text" | "pdf"; want: Meeting[]; got: ParseResult | Error };
/**
 * A checked field. `keyed` fields map each agenda item, minute or report (by number) to a value and
 * are compared only for the items both sides have: a missing item fails its own numbering check
 * once, not every field check.
 */
type Field = { name: string; of: "front" | "minutes"; get: (m: Meeting) => unknown; keyed?: boolean };

const byNumber = <T>(xs: T[], key: (x: T) => string | null, value: (x: T) => unknown) =>
  Object.fromEntries(xs.map((x) => [key(x) ?? "?", value(x)]));
const minuteField = (name: string, value: (x: Meeting["minutes"][number]) => unknown): Field => ({
  of: "minutes",
  name,
  keyed: true,
  get: (m) => byNumber(m.minutes, (x) => x.number, value),
});
const reportField = (name: string, value: (x: Meeting["reports"][number]) => unknown): Field => ({
  of: "front",
  name,
  keyed: true,
  get: (m) => byNumber(m.reports, (x) => x.agendaItem, value),
});
const agendaField = (name: string, value: (x: Meeting["agenda"][number]) => unknown): Field => ({
  of: "front",
  name,
  keyed: true,
  get: (m) => byNumber(m.agenda, (x) => x.number, value),
});

/** Each field of parse/v1 the renderer prints, and how it is compared. */
const FIELDS: Field[] = [
  { of: "front", name: "body", get: (m) => norm(m.body) },
  { of: "front", name: "authority", get: (m) => norm(m.authority) },
  { of: "front", name: "date", get: (m) => m.date },
  { of: "front", name: "time", get: (m) => m.time },
  { of: "front", name: "location", get: (m) => norm(m.location) },
  {
    of: "front",
    name: "contact",
    get: (m) => m.contact && [norm(m.contact.name), digits(m.contact.phone), m.contact.email?.toLowerCase()],
  },
  { of: "front", name: "membership", get: (m) => sorted(m.membership.map((x) => `${norm(x.name)} / ${norm(x.role)}`)) },
  { of: "front", name: "agenda item numbers", get: (m) => m.agenda.map((a) => a.number) },
  agendaField("agenda titles", (a) => norm(a.title)),
  agendaField("agenda reportBy", (a) => norm(a.reportBy)),
  agendaField("agenda pages", (a) => a.pages),
  { of: "front", name: "reports found (by agenda item)", get: (m) => m.reports.map((r) => r.agendaItem) },
  reportField("report titles and authors", (r) => [norm(r.title), norm(r.author)]),
  reportField("report recommendations", (r) => r.recommendations.map(norm)),
  reportField("report officers", (r) =>
    r.officers.map((o) => [norm(o.name), norm(o.role), digits(o.phone), o.email?.toLowerCase() ?? null]),
  ),
  reportField("report appendices", (r) => r.appendices.map(norm)),
  reportField("report background papers", (r) => r.backgroundPapers.map(norm)),
  { of: "minutes", name: "minutes: body, date and location", get: (m) => [norm(m.body), m.date, norm(m.location)] },
  { of: "minutes", name: "minutes: time (from the closing block)", get: (m) => m.time },
  {
    of: "minutes",
    name: "attendance",
    get: (m) =>
      m.attendance && {
        chair: norm(m.attendance.chair),
        present: sorted(m.attendance.present.map(norm)),
        apologies: sorted(m.attendance.apologies.map(norm)),
        inAttendance: sorted(m.attendance.inAttendance.map(norm)),
      },
  },
  { of: "minutes", name: "minute numbers", get: (m) => m.minutes.map((x) => x.number) },
  minuteField("minute titles", (x) => norm(x.title)),
  minuteField("minute agenda items (where the minute cites its report)", (x) => x.agendaItem),
  minuteField("resolutions", (x) => clauses(x.resolutions)),
  minuteField("key decisions (marked or not)", (x) => x.keyDecision === true),
  minuteField("reasons", (x) => x.reasons.map(norm)),
  minuteField("exempt paragraphs", (x) => [...x.exemptParagraphs].sort((a, b) => a - b)),
  minuteField("declarations", (x) => x.declarations.map((d) => [norm(d.member), norm(d.interest), d.item])),
  { of: "minutes", name: "next meeting", get: (m) => m.nextMeeting },
];

/** The parsed meeting that matches an expected one: same date and body. */
function counterpart(want: Meeting, got: ParseResult): Meeting | undefined {
  return got.meetings.find((g) => g.date === want.date && norm(g.body) === norm(want.body));
}

const isFront = (m: Meeting) => m.agenda.length > 0 || m.membership.length > 0;

function mismatches(samples: Sample[], field: Field): string[] {
  const out: string[] = [];
  for (const s of samples) {
    if (s.got instanceof Error) {
      out.push(`${s.name}: ${s.got.message}`);
      continue;
    }
    for (const want of s.want.filter((m) => (field.of === "front" ? isFront(m) : !isFront(m)))) {
      const got = counterpart(want, s.got);
      if (!got) {
        out.push(`${s.name}: no parsed meeting for ${want.body} ${want.date}`);
        continue;
      }
      let g = field.get(got);
      let w = field.get(want);
      if (field.keyed) {
        const gk = g as Record<string, unknown>;
        const wk = w as Record<string, unknown>;
        const both = Object.keys(wk).filter((k) => k in gk);
        g = Object.fromEntries(both.map((k) => [k, gk[k]]));
        w = Object.fromEntries(both.map((k) => [k, wk[k]]));
      }
      try {
        assert.deepStrictEqual(g, w);
      } catch (e) {
        out.push(`${s.name} (${want.body} ${want.date}): ${(e as Error).message.split("\n").slice(0, 14).join("\n")}`);
      }
    }
  }
  return out;
}

async function parse(name: string, bytes: Uint8Array): Promise<ParseResult | Error> {
  try {
    return await parseBytes(name, bytes);
  } catch (e) {
    return e as Error;
  }
}

const enc = (s: string) => new TextEncoder().encode(s);

/** A council of 200 meetings (five municipal years: every storyline, exempt items, referrals, both templates). */
const council = generateCouncil({ meetings: 200, seed: "roundtrip" });
const byId = new Map(council.meetings.map((m) => [m.id, m]));
const prevOf = (m: DemoMeeting) => (m.previousId ? byId.get(m.previousId)!.doc : null);
const lastOfEach = [...new Map(council.meetings.map((m) => [m.committee, m])).values()];

/** Meetings whose packs between them show every feature: exempt items, declarations, referrals, each kind of body. */
function featured(): DemoMeeting[] {
  const has = (p: (m: Meeting) => boolean) =>
    council.meetings.find((m) => m.previousId && p(byId.get(m.previousId)!.doc.record));
  const picks = [
    has((r) => r.minutes.some((x) => x.exemptParagraphs.length > 0)),
    has((r) => r.minutes.some((x) => x.declarations.length > 0)),
    has((r) => r.minutes.some((x) => x.resolutions.some((c) => /forwarded to the Cabinet/.test(c.text)))),
    has((r) => r.minutes.some((x) => x.resolutions.some((c) => /further report be submitted/.test(c.text)))),
    has((r) => r.body === "County Council"),
    has((r) => r.body === "Planning and Regulatory Committee"),
    council.meetings.find((m) => m.previousId && m.doc.style?.agenda === "glued" && m.doc.record.reports.length > 1),
    // A front sheet listing exempt items with their Schedule 12A note.
    council.meetings.find((m) => m.previousId && Object.keys(m.doc.prose?.exemptItems ?? {}).length > 0),
  ];
  return [...new Set(picks.filter((m): m is DemoMeeting => !!m))];
}

/**
 * Checks that still fail because of gaps in the parser or the PDF reader, each naming the gap.
 * Remove an entry as soon as its gap is closed; the check then guards the round trip.
 */
type Group =
  | "text"
  | "text, pack without previous minutes"
  | "pdf"
  | "text, 2015 template (bulleted fields, four-column agenda)"
  | "pdf, four-column agenda";
const TODO: Record<Group, Record<string, string>> = {
  text: {},
  "text, pack without previous minutes": {},
  "text, 2015 template (bulleted fields, four-column agenda)": {},
  "pdf, four-column agenda": {},
  pdf: {},
};

/**
 * The random councils sampled. A fixed seed keeps CI repeatable; MINUTEBOOK_ROUNDTRIP_SEED and
 * MINUTEBOOK_ROUNDTRIP_RUNS widen a local sweep (e.g. 200 councils, a third of them also as PDF).
 */
const SWEEP = (() => {
  const seed = Number(process.env.MINUTEBOOK_ROUNDTRIP_SEED ?? 20261122);
  const runs = Number(process.env.MINUTEBOOK_ROUNDTRIP_RUNS ?? 20);
  const swept =
    process.env.MINUTEBOOK_ROUNDTRIP_RUNS !== undefined || process.env.MINUTEBOOK_ROUNDTRIP_SEED !== undefined;
  return { seed, runs, pdfs: swept ? Math.ceil(runs / 3) : 6, picks: swept ? seed ^ 17 : 17 };
})();

describe("demo records survive rendering and parsing", () => {
  const text: Sample[] = [];
  const pdf: Sample[] = [];
  const styledText: Sample[] = [];
  const styledPdf: Sample[] = [];

  before(async () => {
    for (const m of council.meetings) {
      const r = renderAgendaPack(m.doc, prevOf(m));
      text.push({
        name: `${m.id}.txt`,
        format: "text",
        want: r.meetings,
        got: await parse(`${m.id}.txt`, enc(r.text)),
      });
    }
    for (const m of lastOfEach) {
      const r = renderMinutes(m.doc);
      const name = `${m.id}-minutes.txt`;
      text.push({ name, format: "text", want: r.meetings, got: await parse(name, enc(r.text)) });
    }
    // Random councils and meetings beyond the fixed one.
    const runs: [string, number][] = fc.sample(
      fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 2, max: 60 })),
      {
        numRuns: SWEEP.runs,
        seed: SWEEP.seed,
      },
    );
    for (const [seed, n] of runs) {
      const c = generateCouncil({ meetings: n, seed });
      const m = c.meetings[n - 1];
      const prev = m.previousId ? c.meetings.find((x) => x.id === m.previousId)!.doc : null;
      const r = renderAgendaPack(m.doc, prev);
      const name = `random-${JSON.stringify(seed)}-${m.id}.txt`;
      text.push({ name, format: "text", want: r.meetings, got: await parse(name, enc(r.text)) });
    }
    for (const m of featured()) {
      const r = await renderAgendaPackPdf(m.doc, prevOf(m));
      pdf.push({ name: `${m.id}.pdf`, format: "pdf", want: r.meetings, got: await parse(`${m.id}.pdf`, r.bytes) });
    }
    // And random packs of the fixed council as PDF.
    const picks = fc.sample(fc.integer({ min: 1, max: council.meetings.length - 1 }), {
      numRuns: 8,
      seed: SWEEP.picks,
    });
    for (const i of new Set(picks)) {
      const m = council.meetings[i];
      const r = await renderAgendaPackPdf(m.doc, prevOf(m));
      const name = `random-${m.id}.pdf`;
      pdf.push({ name, format: "pdf", want: r.meetings, got: await parse(name, r.bytes) });
    }
    // Later storyline cycles (a second library review, another road scheme) from a longer council,
    // and PDFs of other councils.
    const later = generateCouncil({ meetings: 420, seed: "later" });
    const laterById = new Map(later.meetings.map((m) => [m.id, m]));
    for (const [i, m] of later.meetings.entries()) {
      if (i < 200 || i % 5 !== 0) continue;
      const prev = m.previousId ? laterById.get(m.previousId)!.doc : null;
      const r = renderAgendaPack(m.doc, prev);
      const name = `later-${m.id}.txt`;
      text.push({ name, format: "text", want: r.meetings, got: await parse(name, enc(r.text)) });
    }
    for (const [seed, n] of runs.slice(0, SWEEP.pdfs)) {
      const c = generateCouncil({ meetings: n, seed });
      const m = c.meetings[n - 1];
      const prev = m.previousId ? c.meetings.find((x) => x.id === m.previousId)!.doc : null;
      const r = await renderAgendaPackPdf(m.doc, prev);
      const name = `random-${JSON.stringify(seed)}-${m.id}.pdf`;
      pdf.push({ name, format: "pdf", want: r.meetings, got: await parse(name, r.bytes) });
    }
    // The same records in the older template: every fourth pack as text, a few as PDF.
    const TEMPLATE_2015: RenderStyle = { fields: "bullets", agenda: "table", contact: "tel" };
    for (const [i, m] of council.meetings.entries()) {
      if (i % 4 !== 1) continue;
      const r = renderAgendaPack({ ...m.doc, style: TEMPLATE_2015 }, prevOf(m));
      const name = `2015-template-${m.id}.txt`;
      styledText.push({ name, format: "text", want: r.meetings, got: await parse(name, enc(r.text)) });
    }
    for (const m of featured().slice(0, 4)) {
      const r = await renderAgendaPackPdf({ ...m.doc, style: { ...m.doc.style, agenda: "table" } }, prevOf(m));
      const name = `table-${m.id}.pdf`;
      styledPdf.push({ name, format: "pdf", want: r.meetings, got: await parse(name, r.bytes) });
    }
    const last = lastOfEach[0];
    const r = await renderMinutesPdf(last.doc);
    pdf.push({
      name: `${last.id}-minutes.pdf`,
      format: "pdf",
      want: r.meetings,
      got: await parse(`${last.id}-minutes.pdf`, r.bytes),
    });
  });

  test("the expected records are valid parse/v1 and cover every feature", () => {
    const all = [...text, ...pdf].flatMap((s) => s.want);
    const problems = validateParseResult({
      schema: "parse/v1",
      source: { name: "expected", format: "text", sha256: "0".repeat(64) },
      meetings: all,
      diagnostics: [],
    });
    assert.deepEqual(problems, []);
    const minutes = all.flatMap((m) => m.minutes);
    assert.ok(
      minutes.some((x) => x.keyDecision === true),
      "a key decision",
    );
    assert.ok(
      minutes.some((x) => x.exemptParagraphs.length),
      "an exempt item",
    );
    assert.ok(
      minutes.some((x) => x.declarations.length),
      "a declaration of interest",
    );
    assert.ok(
      minutes.some((x) => x.resolutions.some((c) => c.children.length === 0 && c.label === null)),
      "an unlettered resolution",
    );
    assert.ok(
      all.some((m) => m.nextMeeting),
      "a next meeting",
    );
    assert.ok(pdf.length >= 5, "PDF samples");
    for (const style of ["glued", "columns", "table"])
      assert.ok(
        council.meetings.some((m) => m.doc.style?.agenda === style),
        `${style} agenda template`,
      );
  });

  test("each pack yields exactly the meetings it states", () => {
    const bad = [...text, ...pdf].flatMap((s) =>
      s.got instanceof Error
        ? [`${s.name}: ${s.got.message}`]
        : s.got.meetings.length === s.want.length
          ? []
          : [`${s.name}: ${s.got.meetings.length} meetings parsed, ${s.want.length} stated`],
    );
    assert.deepEqual(bad, []);
  });

  /** A committee's first pack carries no previous minutes: only a front sheet and reports. */
  const firstPack = (s: Sample) => s.want.length === 1 && isFront(s.want[0]);
  const groups: Record<Group, () => Sample[]> = {
    text: () => text.filter((s) => !firstPack(s)),
    "text, pack without previous minutes": () => text.filter(firstPack),
    pdf: () => pdf,
    "text, 2015 template (bulleted fields, four-column agenda)": () => styledText,
    "pdf, four-column agenda": () => styledPdf,
  };
  for (const group of Object.keys(groups) as Group[]) {
    for (const field of FIELDS) {
      if (group === "text, pack without previous minutes" && field.of === "minutes") continue;
      const todo = TODO[group][field.name];
      test(`${group}: ${field.name}`, todo ? { todo } : {}, () => {
        const samples = groups[group]();
        assert.ok(samples.length > 0, "no samples");
        const bad = mismatches(samples, field);
        assert.equal(bad.length, 0, `${bad.length} mismatches; first:\n${bad.slice(0, 3).join("\n---\n")}`);
      });
    }
  }

  test("pdf: each agenda page range starts on the page where the parser found the report", () => {
    const bad: string[] = [];
    for (const s of pdf) {
      if (s.got instanceof Error) continue;
      const front = s.want.find(isFront);
      const got = front && counterpart(front, s.got);
      if (!front || !got) continue;
      for (const r of got.reports) {
        const item = front.agenda.find((a) => a.number === r.agendaItem);
        if (item?.pages && r.span.page !== item.pages.start)
          bad.push(
            `${s.name}: report for item ${item.number} found on page ${r.span.page}, agenda says ${item.pages.start}`,
          );
      }
    }
    assert.deepEqual(bad, []);
  });

  test("pdf: the parser finds each agenda item, minute and report on the page where it was drawn", () => {
    const bad: string[] = [];
    for (const s of pdf) {
      if (s.got instanceof Error) continue;
      for (const want of s.want) {
        const got = counterpart(want, s.got);
        if (!got) continue;
        const pairs: [string, number | null, number | null | undefined][] = [
          ...want.agenda.map((a): [string, number | null, number | null | undefined] => [
            `agenda ${a.number}`,
            a.span.page,
            got.agenda.find((x) => x.number === a.number)?.span.page,
          ]),
          ...want.minutes.map((x): [string, number | null, number | null | undefined] => [
            `minute ${x.number}`,
            x.span.page,
            got.minutes.find((y) => y.number === x.number)?.span.page,
          ]),
          ...want.reports.map((r): [string, number | null, number | null | undefined] => [
            `report ${r.agendaItem}`,
            r.span.page,
            got.reports.find((y) => y.agendaItem === r.agendaItem)?.span.page,
          ]),
        ];
        for (const [what, drawn, found] of pairs)
          if (found !== undefined && drawn !== found)
            bad.push(`${s.name}: ${what} drawn on page ${drawn}, found on ${found}`);
      }
    }
    assert.deepEqual(bad.slice(0, 10), []);
  });

  for (const group of ["text", "text, pack without previous minutes"] as const) {
    const name = "spans point at the lines where each agenda item, minute and report was written";
    const todo = TODO[group][name];
    test(`${group}: ${name}`, todo ? { todo } : {}, () => {
      const bad: string[] = [];
      const within = (line: number, span: { startLine: number; endLine: number }) =>
        line >= span.startLine - 1 && line <= span.endLine + 1;
      for (const s of groups[group]()) {
        if (s.got instanceof Error) continue;
        for (const want of s.want) {
          const got = counterpart(want, s.got);
          if (!got) continue;
          for (const a of want.agenda) {
            const g = got.agenda.find((x) => x.number === a.number);
            if (g && !within(a.span.startLine, g.span)) bad.push(`${s.name}: agenda ${a.number}`);
          }
          for (const x of want.minutes) {
            const g = got.minutes.find((y) => y.number === x.number);
            if (g && !within(x.span.startLine, g.span)) bad.push(`${s.name}: minute ${x.number}`);
          }
          for (const r of want.reports) {
            const g = got.reports.find((y) => y.agendaItem === r.agendaItem);
            if (g && !within(r.span.startLine, g.span)) bad.push(`${s.name}: report ${r.agendaItem}`);
          }
        }
      }
      assert.deepEqual(bad.slice(0, 10), []);
    });
  }
});

test("generation is deterministic for a seed and differs between seeds", () => {
  const a = generateCouncil({ meetings: 30, seed: "x" });
  const b = generateCouncil({ meetings: 30, seed: "x" });
  const c = generateCouncil({ meetings: 30, seed: "y" });
  assert.deepStrictEqual(a, b);
  assert.notDeepStrictEqual(
    a.meetings.map((m) => m.doc.record.membership),
    c.meetings.map((m) => m.doc.record.membership),
  );
});
