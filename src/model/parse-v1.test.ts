// The parse/v1 validator accepts conforming results and names every departure.
import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyMeeting, type ParseResult, validateParseResult } from "./parse-v1";

const span = { startLine: 1, endLine: 2, page: null };
const good = (): ParseResult => ({
  schema: "parse/v1",
  source: { name: "a.txt", format: "text", sha256: "a".repeat(64) },
  meetings: [
    {
      ...emptyMeeting("Cabinet", span),
      date: "2017-03-10",
      time: "11:00",
      agenda: [{ number: "1", title: "Minutes", reportBy: null, pages: { start: 3, end: 12 }, span }],
      minutes: [
        {
          number: "5",
          agendaItem: null,
          title: "Budget",
          declarations: [],
          resolutions: [{ label: "a", text: "approved", children: [{ label: "i", text: "x", children: [] }] }],
          keyDecision: true,
          reasons: [],
          exemptParagraphs: [3],
          span,
        },
      ],
    },
  ],
  diagnostics: [{ level: "info", message: "ok", span: null }],
});

test("a conforming result has no problems", () => {
  assert.deepEqual(validateParseResult(good()), []);
});

test("each departure is reported with its path", () => {
  const r = good() as unknown as { meetings: Record<string, unknown>[]; source: Record<string, unknown> };
  r.meetings[0].date = "10 March 2017";
  r.meetings[0].time = "25:00";
  (r.meetings[0].minutes as { resolutions: { children: { text: unknown }[] }[] }[])[0].resolutions[0].children[0].text =
    7;
  r.source.sha256 = "nothex";
  const errs = validateParseResult(r);
  assert.ok(errs.some((e) => e.startsWith("$.meetings[0].date")));
  assert.ok(errs.some((e) => e.startsWith("$.meetings[0].time")));
  assert.ok(errs.some((e) => e.startsWith("$.meetings[0].minutes[0].resolutions[0].children[0].text")));
  assert.ok(errs.some((e) => e.startsWith("$.source.sha256")));
});

test("spans must be ordered and 1-based", () => {
  const r = good();
  r.meetings[0].span = { startLine: 5, endLine: 2, page: 0 };
  const errs = validateParseResult(r);
  assert.ok(errs.some((e) => e.includes("endLine")));
  assert.ok(errs.some((e) => e.includes("page")));
});

test("non-objects are rejected, not crashed on", () => {
  for (const v of [null, 42, "x", [], { schema: "parse/v1" }]) assert.ok(validateParseResult(v).length > 0);
});
