// Report sections read for their lists: an appendix list that carries on over a page break, and
// one that is followed by the appended material on the next page.
import assert from "node:assert/strict";
import { test } from "node:test";
import { textDocument } from "../testing/text-document";
import { appendicesIn } from "./lists";
import { findSections } from "./sections";

const doc = (text: string) => textDocument(text);

const appendices = (lines: string[]) => {
  const d = doc(lines.join("\n"));
  return findSections(d, 1, d.lines.length)
    .filter((s) => s.kind === "appendices")
    .flatMap((s) => appendicesIn(d, s.from, s.to));
};

test("an appendix list broken by a page break runs on to the next heading", () => {
  assert.deepEqual(
    appendices([
      "Appendices",
      "",
      "Appendix A - Tenant Survey Results",
      "",
      "\fAppendix B - Draft Repairs Charter",
      "",
      "Background Papers",
      "",
      "None.",
    ]),
    ["Appendix A - Tenant Survey Results", "Appendix B - Draft Repairs Charter"],
  );
});

test("the appended material after the page break is not part of the list", () => {
  assert.deepEqual(
    appendices([
      "Appendices",
      "",
      "Appendix A - Tenant Survey Results",
      "",
      "\fAppendix A - Tenant Survey Results",
      "",
      "The survey was sent to 2,400 households in the spring and 812 replied.",
      "",
      "Background Papers",
      "",
      "None.",
    ]),
    ["Appendix A - Tenant Survey Results"],
  );
  assert.deepEqual(
    appendices(["Appendices", "", "Appendix A - Tenant Survey Results", "", "\fAppendix A - Tenant Survey Results"]),
    ["Appendix A - Tenant Survey Results"],
  );
});
