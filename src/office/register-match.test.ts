// A declaration at a meeting is linked to the register entry it is about, by the words they share.
import assert from "node:assert/strict";
import { test } from "node:test";
import { matchRegisterEntry } from "./register-match";

const entries = [
  { id: 1, description: "Member, Leicestershire Combined Fire Authority" },
  { id: 2, description: "Employed by Grundy Haulage Ltd as an engineer" },
  { id: 3, description: "Governor, Ambridge Primary School" },
  { id: 4, description: "" }, // a sensitive entry as the public sees it: no words to match
];

test("a declaration meets the entry it shares words with", () => {
  assert.equal(matchRegisterEntry("Personal interest as a member of the Leicestershire Fire Authority", entries), 1);
  assert.equal(matchRegisterEntry("Disclosable pecuniary interest: employer (Grundy Haulage)", entries), 2);
  assert.equal(matchRegisterEntry("as a school governor", entries), 3);
  assert.equal(matchRegisterEntry("governors of local schools", entries), 3, "plurals");
});

test("no link when nothing specific is shared, or two entries tie", () => {
  assert.equal(matchRegisterEntry("Personal interest as a member of the council", entries), null);
  assert.equal(matchRegisterEntry(null, entries), null);
  assert.equal(matchRegisterEntry("interest declared", entries), null);
  assert.equal(
    matchRegisterEntry("Ambridge and Leicestershire", [
      { id: 1, description: "Ambridge Parish Council" },
      { id: 2, description: "Leicestershire Wildlife Trust" },
    ]),
    null,
  );
  assert.equal(matchRegisterEntry("Leicestershire Fire Authority", []), null);
});

test("the councillor's page links a declaration to its public entry, never to a withheld one", async () => {
  const { declarationLink } = await import("../serve/public/council");
  const entry = (id: number, description: string, sensitive = false) => ({
    id,
    personId: 1,
    category: "employment" as const,
    description: sensitive ? "" : description,
    sensitive,
    submittedOn: "2026-05-01",
    approvedAt: null,
    approvedBy: null,
    endedOn: null,
    categoryLabel: "Employment, office, trade, profession or vocation",
    disclosablePecuniary: true,
  });
  const register = [entry(7, "Engineer at Grundy Haulage Ltd"), entry(8, "Home at Brookfield Lane", true)];
  assert.match(
    String(declarationLink("employer: Grundy Haulage", register)),
    /href="#register-7">register entry: Employment/,
  );
  assert.match(String(declarationLink("owns land at Brookfield", register)), /href="#register">see the register/);
});
