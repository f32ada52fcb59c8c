// Property test: any mix of minutes-like lines and noise gives valid parse/v1 meetings with sane
// spans inside the claimed ranges, and never throws.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { linesFromText } from "../../extract/text/reader";
import { validateParseResult } from "../../model/parse-v1";
import { parseMinutesSections } from "./index";

const PIECES = [
  "Minutes of a meeting of the Cabinet held at Hall on Friday, 10 February 2017.",
  "MINUTES of the meeting held in the Chamber.",
  "PRESENT",
  "PRESENT: Mr A Smith (Chairman), Mr B Jones and",
  "Apologies",
  "Apologies for absence were received from Cllr C",
  "In attendance",
  "Mr. A. B. CC",
  "520. Title.",
  "1. Title",
  "1 TITLE IN CAPITALS",
  "(Item 3)",
  "RESOLVED:",
  "RESOLVED that:",
  "3) RESOLVED that Cabinet agree to:",
  "- (a) That x;",
  "(i) sub",
  "(h) h",
  "A) upper",
  "(KEY DECISION)",
  "REASONS FOR DECISION:",
  "reason text.",
  "",
  "",
  "CHAIRMAN",
  "2.00 - 3.10 pm",
  "Title. pdf icon PDF 3 KB",
  "The Cabinet considered a report",
  "Mr X declared a personal interest in item 4",
  "paragraphs 3 and 10 of Schedule 12A",
  "\t1\t2",
  "• bullet",
  "AUDIT COMMITTEE",
  "24 SEPTEMBER 2009",
  "It was noted that the next meeting would be held on 2 June 2015",
  "\f",
  "(",
  ")",
  "12/24 Apologies",
  "Minute No. 5 X",
  "**Election of Chair**",
  "and",
  "lower case continuation",
];

test("parseMinutesSections gives valid, consistent output for arbitrary input", () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 30 })), { maxLength: 60 }),
      fc.boolean(),
      (parts, markdown) => {
        // Some inputs also carry everything again on one long line (parish minutes pasted as one paragraph).
        const text = `${parts.join("\n")}\n${parts.length % 3 === 0 ? parts.join(" ").repeat(6) : ""}`;
        const lines = linesFromText(text, { markdown });
        const r = parseMinutesSections({
          name: "f.txt",
          format: "text",
          sha256: "0".repeat(64),
          lines,
          pageCount: null,
          furniture: [],
          diagnostics: [],
        });
        const problems = validateParseResult({
          schema: "parse/v1",
          source: { name: "f.txt", format: "text", sha256: "0".repeat(64) },
          meetings: r.meetings,
          diagnostics: r.diagnostics,
        });
        assert.deepEqual(problems, []);
        assert.equal(r.claimed.length, r.meetings.length);
        r.meetings.forEach((m, i) => {
          const c = r.claimed[i];
          assert.ok(c.startLine <= c.endLine && c.endLine <= lines.length);
          for (const x of m.minutes) {
            assert.ok(x.span.startLine <= x.span.endLine, "minute span runs forwards");
            assert.ok(x.span.startLine >= c.startLine && x.span.endLine <= c.endLine, "minute inside its section");
          }
        });
      },
    ),
    { numRuns: 400, seed: 20261122 },
  );
});
