/** Tests for the query language translation: what users type and what each engine receives. */
import assert from "node:assert/strict";
import { test } from "node:test";
import Database from "better-sqlite3";
import fc from "fast-check";
import { cleanQuery, parseQuery, snippetHtml, snippetText, toFts5, toWebsearch, wellFormed } from "./query";

test("words, phrases, exclusions and OR become an FTS5 expression of quoted strings", () => {
  assert.equal(toFts5("library closures"), '"library" AND "closures"');
  assert.equal(toFts5('"help to live at home"'), '"help to live at home"');
  assert.equal(toFts5("budget -capital"), '("budget") NOT ("capital")');
  assert.equal(toFts5("libraries OR museums funding"), '("libraries" OR "museums") AND "funding"');
  assert.equal(toFts5("a or b"), '("a" OR "b")');
  assert.equal(toFts5("covid-19"), '"covid 19"');
  assert.equal(toFts5("council's"), '"council s"');
  assert.equal(toFts5('"unbalanced phrase'), '"unbalanced phrase"');
  assert.equal(toFts5("NEAR(a b)"), '"NEAR a" AND "b"');
  assert.equal(toFts5("title:budget"), '"title budget"');
});

test("nothing positive to search for gives null", () => {
  for (const q of ["", "   ", "-budget", "OR", '""', "!!!", "-- ;", "\u0000"]) assert.equal(toFts5(q), null, q);
  assert.equal(toWebsearch("!!!"), null);
  assert.equal(toWebsearch(" budget "), "budget");
});

test("control characters and lone surrogates never reach an engine", () => {
  assert.equal(cleanQuery("a\u0000b\u0007c"), "a b c");
  assert.equal(wellFormed("x\uD800y"), "x\uFFFDy");
  assert.equal(cleanQuery("x".repeat(5000)).length, 1000);
  const { groups } = parseQuery("café naïve");
  assert.deepEqual(
    groups.map((g) => g[0].tokens),
    [["café"], ["naïve"]],
  );
});

test("snippets: markers become <mark> in escaped HTML, [ ] in text", () => {
  assert.equal(snippetHtml("a <b> \u0001hit\u0002 & 'c'"), "a &lt;b&gt; <mark>hit</mark> &amp; &#39;c&#39;");
  assert.equal(snippetText("a \u0001hit\u0002"), "a [hit]");
});

test("every translated expression is valid FTS5 (property)", () => {
  const db = new Database(":memory:");
  db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61')");
  db.prepare("INSERT INTO t VALUES (?)").run("the library budget and covid-19 response");
  const stmt = db.prepare("SELECT count(*) AS n FROM t WHERE t MATCH ?");
  const piece = fc.oneof(
    fc.string({ unit: "grapheme" }),
    fc.string({ unit: "binary" }),
    fc.constantFrom('"', "-", "OR", "AND", "NOT", "(", ")", "*", ":", "^", "NEAR", "+", "{", "}"),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
      const expr = toFts5(parts.join(" "));
      if (expr !== null) stmt.get(expr);
    }),
    { numRuns: 2000 },
  );
  db.close();
});
