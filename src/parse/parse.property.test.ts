// Property tests for the whole parse path: whatever bytes come in (random text, council-like lines,
// truncated or shuffled seeds, binary junk, a 50 MB file), parseBytes returns a schema-valid parse/v1
// result or a ReadError; it never throws anything else, never hangs, and every span lies in the file.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import fc from "fast-check";
import { ReadError } from "../extract/registry";
import type { ParseResult } from "../model/parse-v1";
import { validateParseResult } from "../model/parse-v1";
import { parseBytes } from "../pipeline/parse-file";
import { seedFiles } from "../testing/shared";

const enc = (s: string) => new TextEncoder().encode(s);

/** Every span in a result, with where it was found. */
function spans(r: ParseResult): { where: string; startLine: number; endLine: number }[] {
  const out: { where: string; startLine: number; endLine: number }[] = [];
  for (const m of r.meetings) {
    out.push({ where: `meeting ${m.body}`, ...m.span });
    for (const a of m.agenda) out.push({ where: `agenda ${a.number}`, ...a.span });
    for (const x of m.minutes) out.push({ where: `minute ${x.number}`, ...x.span });
    for (const x of m.reports) out.push({ where: `report ${x.title}`, ...x.span });
  }
  for (const d of r.diagnostics) if (d.span) out.push({ where: `diagnostic ${d.message}`, ...d.span });
  return out;
}

/** Parses and checks the contract; returns the result (null for a ReadError). */
async function parsesCleanly(name: string, bytes: Uint8Array): Promise<ParseResult | null> {
  let r: ParseResult;
  try {
    r = await parseBytes(name, bytes);
  } catch (e) {
    if (e instanceof ReadError) return null;
    throw e;
  }
  assert.deepEqual(validateParseResult(r), []);
  const lineCount = new TextDecoder().decode(bytes).split(/\r\n|\r|\n/).length;
  for (const s of spans(r)) assert.ok(s.endLine <= lineCount, `${s.where}: span ends at ${s.endLine} of ${lineCount}`);
  // The parser's own safety net must never be needed.
  for (const d of r.diagnostics) assert.ok(!/parser failed/.test(d.message), d.message);
  if (!r.meetings.length) assert.ok(r.diagnostics.length > 0, "no meeting and no diagnostic");
  return r;
}

const seeds = seedFiles()
  .filter((f) => f.endsWith(".txt"))
  .map((f) => readFileSync(f, "utf8"));

/** Lines that look like council documents, so generated input reaches the deeper rules. */
const councilLine = fc.constantFrom(
  "Meeting: **Cabinet**",
  "Date/Time: **Friday 10 March 2017 at 11.00 am**",
  "Location: **County Hall**",
  "Contact: **Ms. J. Bailey (Tel. 0116 305 6225)**",
  "Email: x@y.gov.uk",
  "Membership",
  "Mr. A. B. Smith CC (Chairman)",
  "Mr. R. Blunt CC Mr. B. L. Pain CC",
  "AGENDA",
  "<u>Item</u>\t<u>Report by</u>",
  "1. Minutes of the meeting held on 10 February 2017.\t(Pages 3 - 12)",
  "| 5. | Budget. | Director of Finance | (Pages 21 - 28) |",
  "9. Direct Payment Cards. Director of Adults (Pages 37 - 42)",
  "(Pages 5 - 8)",
  "\tChairman has decided to take as urgent.\t\t",
  "CABINET – 10TH MARCH 2017",
  "**CABINET – 10 MARCH 2017****TITLE****REPORT OF THE CHIEF EXECUTIVE****PART A****Purpose**",
  "REPORT OF THE DIRECTOR OF CORPORATE RESOURCES",
  "Recommendations",
  " - (a) That the report be noted;",
  " - (i) sub item;",
  "Officers to Contact",
  "Jon Wilson, Director Tel: 0116 305 7454 Email: jon.wilson@leics.gov.uk",
  "Appendices",
  "Appendix A – Budget",
  "Background Papers",
  "<http://example.org/x>",
  "Minutes of a meeting of the Cabinet held at County Hall on Friday, 10 February 2017.",
  "PRESENT",
  "RESOLVED:",
  "This page is intentionally left blank",
  "Agenda Item 4",
  "",
  "",
);

test("random text never breaks the parser", async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ maxLength: 2000, unit: "binary" }), async (s) => {
      await parsesCleanly("random.txt", enc(s));
    }),
    { numRuns: 150 },
  );
});

test("council-like line soup parses to a valid result", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.oneof(councilLine, fc.string({ maxLength: 80 })), { maxLength: 200 }), async (ls) => {
      await parsesCleanly("soup.txt", enc(ls.join("\n")));
    }),
    { numRuns: 150 },
  );
});

test("truncated seeds parse to a valid result", async () => {
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: seeds.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), async (i, cut) => {
      const text = seeds[i].slice(0, Math.floor(seeds[i].length * cut));
      await parsesCleanly("truncated.txt", enc(text));
    }),
    { numRuns: 25 },
  );
});

test("seeds with shuffled lines parse to a valid result", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.nat({ max: seeds.length - 1 }),
      fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
      async (i, swaps) => {
        const lines = seeds[i].split("\n");
        for (let k = 0; k + 1 < swaps.length; k += 2) {
          const a = swaps[k] % lines.length;
          const b = swaps[k + 1] % lines.length;
          [lines[a], lines[b]] = [lines[b], lines[a]];
        }
        // A block of lines moved elsewhere, as a mis-ordered PDF extraction would do.
        const from = swaps[0] % lines.length;
        const block = lines.splice(from, Math.min(50, lines.length - from));
        lines.splice((swaps[swaps.length - 1] ?? 0) % (lines.length + 1), 0, ...block);
        await parsesCleanly("shuffled.txt", enc(lines.join("\n")));
      },
    ),
    { numRuns: 20 },
  );
});

test("binary junk is refused with a ReadError or parsed validly", async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
      await parsesCleanly("junk.bin", bytes);
    }),
    { numRuns: 100 },
  );
});

test("long lines and pathological repetition stay fast", async () => {
  const cases = [
    "1. ".repeat(20000),
    `${"Mr. ".repeat(5000)}CC`,
    `Membership\n${"Mr. A. B. Smith CC ".repeat(3000)}`,
    `CABINET – 10 MARCH 2017\n${"REPORT OF THE ".repeat(5000)}`,
    `Officers to Contact\n${"Jon Wilson, ".repeat(5000)}`,
    `${"(Pages 1 - 2) ".repeat(5000)}`,
    `Date/Time: ${"10 March 2017 at ".repeat(3000)}`,
    `${"a@".repeat(20000)}`,
    `${"0116 305 ".repeat(10000)}`,
  ];
  for (const c of cases) {
    const t = Date.now();
    await parsesCleanly("long.txt", enc(c));
    // A guard against runaway backtracking (seconds → minutes), not a speed measurement: speed is in `npm run bench`.
    assert.ok(Date.now() - t < 15000, `took ${Date.now() - t} ms on ${c.slice(0, 30)}`);
  }
});

test("a 50 MB file parses within the time budget", async () => {
  // Repeated seed text: the realistic worst case (every rule fires, thousands of reports).
  const seed = enc(seeds[0]);
  const reps = Math.ceil((50 * 1024 * 1024) / seed.length);
  const big = new Uint8Array(seed.length * reps);
  for (let i = 0; i < reps; i++) big.set(seed, i * seed.length);
  const t = Date.now();
  const r = await parsesCleanly("big.txt", big);
  assert.ok(r && r.meetings.length > 0);
  // A guard against a hang, set far above a loaded machine's time; the speed itself is measured in `npm run bench`.
  assert.ok(Date.now() - t < 120000, `50 MB took ${Date.now() - t} ms`);
});
