/**
 * The search page and the CLI say "more than" / "or more" when the store stopped counting at its
 * count limit (SearchResult.totalExact / facetsExact false), and plain numbers when it did not.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatResult } from "../cli/commands/search";
import type { SearchResult } from "../store/repository";
import { type SearchData, searchPage } from "./pages";

function result(exact: boolean, total: number, rankedOver: number | null = null): SearchResult {
  return {
    query: "library",
    engineQuery: '"library"',
    total,
    totalExact: exact,
    hits: [],
    facets: {
      committee: [
        { id: 3, name: "Cabinet", count: total - 2 },
        { id: 4, name: "Scrutiny", count: 2 },
      ],
      year: [{ year: "2024", count: total }],
      type: [{ type: "minute", count: total }],
      keyDecision: { key: 7, other: total - 7 },
    },
    facetsExact: exact,
    rankedOver,
  };
}

const data = (r: SearchResult, key = false): SearchData => ({
  result: { ...r, hits: [] },
  filter: { q: "library", committee: null, year: null, type: null, key, page: 1 },
  limit: 20,
});

const body = (d: SearchData) => searchPage(d, new URLSearchParams("q=library")).body.toString();

test("search page: exact counts are shown as they are", () => {
  const page = body(data(result(true, 12)));
  assert.match(page, /id="results-heading">12 results</);
  assert.match(page, />Cabinet \(10\)</);
  assert.match(page, /Key decisions only \(7\)/);
  assert.doesNotMatch(page, /lower bound|or more|More than|most recently added/);
});

test("search page and CLI: a page ranked among the newest matches only says so", () => {
  const page = body(data(result(false, 5000, 10000)));
  assert.match(
    page,
    /id="ranked-hint">So many records match that these are the best of the 10,000 most recently added/,
  );
  assert.match(formatResult(result(false, 5000, 10000), false), /ranked among the 10000 most recently stored matches/);
  assert.doesNotMatch(formatResult(result(false, 5000), false), /ranked among/);
});

test("search page: past the count limit, the total says 'more than' and each facet 'or more'", () => {
  const page = body(data(result(false, 5000)));
  assert.match(page, /id="results-heading">More than 5,000 results</);
  assert.doesNotMatch(page, />5000 results</);
  assert.match(page, />Cabinet \(4,998 or more\)</);
  assert.match(page, />2024 \(5,000 or more\)</);
  assert.match(page, /Key decisions only \(7 or more\)/);
  assert.match(page, /Counted over 5,000 of the matches only, so each number is a lower bound/);
  // Key decisions only: the total is the key-decision facet, a lower bound too.
  assert.match(body(data(result(false, 5000), true)), /id="results-heading">At least 7 results</);
});

test("minutebook search: the summary line says 'more than' past the count limit", () => {
  assert.match(formatResult(result(true, 1), false), /^1 result for "library"/);
  assert.match(formatResult(result(false, 5000), false), /^more than 5000 results for "library"/);
});
