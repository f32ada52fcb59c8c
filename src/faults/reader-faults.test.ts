/**
 * Fault injection for readers: every reader runs under one Limits object (time, memory, nesting),
 * and each refusal is a ReadError naming the file and the cause. Deep markup is refused before any
 * DOM is built; a reader overrunning its time or memory budget is stopped in its worker while the
 * caller carries on; binary bytes are named as such; a page whose box does not cover its text is read.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { readBounded } from "../extract/isolate";
import { markupDepth } from "../extract/moderngov-html/common";
import { htmlReader } from "../extract/moderngov-html/reader";
import { buildDocument } from "../extract/pdf/reader";
import { DEFAULT_LIMITS } from "../extract/registry";
import { parseBytes } from "../pipeline/parse-file";

const page = `<html><body><h1>Cabinet</h1><p>Minutes of the meeting held on 5 March 2024</p></body></html>`;

test("markup nested 200,000 deep is refused by the nesting limit, naming it", async () => {
  const n = 200_000;
  const deep = Buffer.from(`<html><body>${"<div>".repeat(n)}x${"</div>".repeat(n)}</body></html>`);
  await assert.rejects(parseBytes("deep.html", deep), {
    name: "ReadError",
    message: /^deep\.html: the HTML is nested too deeply to read: more than 1000 elements/,
  });
  // The same bytes under a lower limit are refused by it: the limit is the caller's, not a constant.
  const mild = Buffer.from(`<html><body>${"<div>".repeat(50)}x${"</div>".repeat(50)}</body></html>`);
  await assert.rejects(parseBytes("mild.html", mild, { ...DEFAULT_LIMITS, maxDepth: 20 }), /more than 20 elements/);
  assert.ok((await parseBytes("mild.html", mild)).source.format === "html");
});

test("nesting is counted the way browsers nest: unclosed <p>, <li>, <td> and void elements do not deepen it", () => {
  assert.equal(markupDepth(`<div>${"<p>para".repeat(5000)}<br><img src=x></div>`, 1000), 1);
  assert.equal(markupDepth(`<table>${"<tr><td>cell".repeat(5000)}</table>`, 1000), 1);
  assert.equal(markupDepth(`<div><script>${"<div>".repeat(5000)}</script></div>`, 1000), 1);
  assert.equal(markupDepth(`<!-- ${"<div>".repeat(5000)} --><span/>`, 1000), 0);
  assert.equal(markupDepth(`${"<section>".repeat(7)}${"</section>".repeat(7)}`, 1000), 7);
});

test("a reader that overruns its time limit is stopped, named, and the next document still reads", async () => {
  // Half a megabyte of paragraphs: a DOM build of tens of milliseconds, well past a 1 ms budget.
  const big = `<html><body>${"<p>The committee noted the report.</p>\n".repeat(15_000)}</body></html>`;
  const input = { name: "slow.html", bytes: Buffer.from(big), sha256: "0".repeat(64) };
  await assert.rejects(readBounded(htmlReader, { ...input, limits: { ...DEFAULT_LIMITS, timeoutMs: 1 } }), {
    name: "ReadError",
    message: "slow.html: reading took longer than the time limit of 1 ms",
  });
  const ok = await readBounded(htmlReader, { ...input, limits: DEFAULT_LIMITS });
  assert.equal(ok.kind, "lines");
});

test("a reader that overruns its memory limit is stopped and named", async () => {
  const input = { name: "hungry.html", bytes: Buffer.from(page), sha256: "0".repeat(64) };
  await assert.rejects(readBounded(htmlReader, { ...input, limits: { ...DEFAULT_LIMITS, maxMemoryMb: 2 } }), {
    name: "ReadError",
    message: /^hungry\.html: (reading needed more than the memory limit of 2 MB|the reader (failed|stopped))/,
  });
});

test("invalid UTF-8 holding a NUL byte: the refusal names both causes", async () => {
  const bytes = Buffer.concat([Buffer.from("Minutes of the Cabinet\n"), Buffer.from([0x00, 0xc3, 0x28, 0xff])]);
  await assert.rejects(parseBytes("odd.txt", bytes), {
    name: "ReadError",
    message:
      /^odd\.txt: not a format Minutebook reads .*: it holds a NUL byte at offset 23 and bytes that are not valid UTF-8/,
  });
});

test("a PDF page whose box does not cover its text is read, not called 'no text layer'", () => {
  const items: [string, number, number, number, number, string, number][] = [
    ["Minutes of the Cabinet", 72, 90_000, 150, 12, "f1", 0],
    ["held on 5 March 2024", 72, 90_014, 130, 12, "f1", 0],
  ];
  const doc = buildDocument("huge.pdf", "0".repeat(64), Buffer.from("%PDF-1.7\n%%EOF"), {
    numPages: 1,
    encrypted: false,
    pages: [{ n: 1, width: 600, height: 800, items }],
    fonts: { f1: { name: "Helvetica", bold: false } },
  });
  assert.deepEqual(
    doc.lines.filter((l) => l.text.trim()).map((l) => l.text),
    ["Minutes of the Cabinet", "held on 5 March 2024"],
  );
  assert.ok(!doc.diagnostics.some((d) => /no text layer/.test(d.message)), JSON.stringify(doc.diagnostics));
});
