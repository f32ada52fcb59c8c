// The text reader: markup becomes hints, line numbers stay the file's own, binary is refused.
import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_LIMITS, ReadError } from "../registry";
import { linesFromText, markdownReader, textReader } from "./reader";

const enc = (s: string) => new TextEncoder().encode(s);

test("strips inline markup and records bold and underline-heading hints", () => {
  const lines = linesFromText("Meeting: **Cabinet**\n**AGENDA**\n<u>Item</u>\n", { markdown: false });
  assert.equal(lines[0].text, "Meeting: Cabinet");
  assert.equal(lines[0].bold, undefined);
  assert.equal(lines[1].text, "AGENDA");
  assert.equal(lines[1].bold, true);
  assert.equal(lines[2].heading, true);
  assert.deepEqual(
    lines.map((l) => l.n),
    [1, 2, 3, 4],
  );
});

test("splits tab rows and pipe-table rows into cells, skipping separator rows", () => {
  const lines = linesFromText("1.\tMinutes.\t(Pages 3 - 12)\n|---|---|\n| 5. | Budget | Director |", {
    markdown: false,
  });
  assert.deepEqual(lines[0].cells, ["1.", "Minutes.", "(Pages 3 - 12)"]);
  assert.equal(lines[1].cells, undefined);
  assert.deepEqual(lines[2].cells, ["5.", "Budget", "Director"]);
});

test("form feeds start new physical pages", () => {
  const lines = linesFromText("page one\n\fpage two\nmore\n\f\fpage four", { markdown: false });
  assert.deepEqual(
    lines.map((l) => l.page),
    [1, 2, 2, 4],
  );
});

test("markdown headings become heading hints without the hashes", () => {
  const lines = linesFromText("# Minutes\nbody", { markdown: true });
  assert.equal(lines[0].text, "Minutes");
  assert.equal(lines[0].heading, true);
});

test("content, not the name, decides: binary bytes are declined", () => {
  const junk = new Uint8Array(2048).map((_, i) => (i * 7) % 256);
  assert.equal(textReader.score({ name: "x.txt", head: "", bytes: junk }), 0);
  assert.ok(textReader.score({ name: "x.bin", head: "", bytes: enc("hello\n") }) > 0);
  assert.ok(
    markdownReader.score({ name: "x.md", head: "", bytes: enc("# hi") }) >
      textReader.score({ name: "x.md", head: "", bytes: enc("# hi") }),
  );
});

test("oversized input is a ReadError naming the file and the limit", async () => {
  await assert.rejects(
    textReader.read({
      name: "big.txt",
      bytes: enc("x".repeat(100)),
      sha256: "0".repeat(64),
      limits: { ...DEFAULT_LIMITS, maxBytes: 10 },
    }),
    (e: unknown) => e instanceof ReadError && /big\.txt/.test(e.message) && /limit of 10 bytes/.test(e.message),
  );
});

test("invalid UTF-8 is decoded as Windows-1252 with a warning", async () => {
  const out = await textReader.read({
    name: "w.txt",
    bytes: new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a]),
    sha256: "0".repeat(64),
    limits: DEFAULT_LIMITS,
  });
  assert.equal(out.kind, "lines");
  if (out.kind !== "lines") return;
  assert.equal(out.doc.lines[0].text, "Café");
  assert.equal(out.doc.diagnostics[0].level, "warning");
});

test("an HTML table carried in Markdown (a post pasted from Word) reads as rows of cells, the lines numbered afresh", () => {
  const md = [
    "**Ashby Parish Council.**",
    "",
    '<table border="0"><tbody><tr><td><b>Present:</b></td><td>&nbsp;</td><td><b>Apologies:</b></td></tr>' +
      "<tr><td>Cllr A Hale</td><td>Chairman</td><td>Cllr B Moss</td></tr></tbody></table>",
    "",
    "The meeting closed at 8 pm.",
  ].join("\n");
  const lines = linesFromText(md, { markdown: true });
  assert.deepEqual(
    lines.filter((l) => l.cells).map((l) => l.cells),
    [
      ["Present:", "", "Apologies:"],
      ["Cllr A Hale", "Chairman", "Cllr B Moss"],
    ],
  );
  assert.ok(!lines.some((l) => /<t[dr]\b/.test(l.text)), "no raw markup left");
  assert.deepEqual(
    lines.map((l) => l.n),
    lines.map((_, i) => i + 1),
  );
  assert.equal(lines[lines.length - 1].text, "The meeting closed at 8 pm.");
  // Plain text keeps what it was given.
  assert.ok(linesFromText(md, { markdown: false }).some((l) => /<table/.test(l.text)));
});
