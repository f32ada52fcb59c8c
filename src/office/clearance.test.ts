// Table tests for report clearance: steps in order, approvals bound to the version hash (an edit reopens
// every step approved before it; unchanged content keeps them), returns to the author, who may decide
// which step, and refusing a decision on a version the person did not see.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { clearance, DEFAULT_STEPS, type Decision, decide, policyState, type StepKind, validSteps } from "./clearance";

const V1 = "a".repeat(64);
const V2 = "b".repeat(64);
let clock = 0;
const at = () => new Date(Date.UTC(2027, 0, 1, 9, clock++));
const d = (step: StepKind, sha: string, decision: "approved" | "returned" = "approved"): Decision => ({
  step,
  sha256: sha,
  decision,
  by: 1,
  at: at().toISOString(),
});
const statuses = (sha: string, ds: Decision[]) => clearance(DEFAULT_STEPS, sha, ds).steps.map((s) => s.status);

describe("clearance state", () => {
  const a = d("author", V1);
  const l = d("legal", V1);
  const f = d("finance", V1);
  const m = d("monitoring-officer", V1);
  const rows: [string, string, Decision[], string, (string | null)[], StepKind | null][] = [
    ["nothing decided", V1, [], "draft", ["open", "waiting", "waiting", "waiting"], null],
    ["submitted", V1, [a], "in-clearance", ["approved", "open", "waiting", "waiting"], "legal"],
    ["legal approved", V1, [a, l], "in-clearance", ["approved", "approved", "open", "waiting"], "finance"],
    ["all approved", V1, [a, l, f, m], "cleared", ["approved", "approved", "approved", "approved"], null],
    // An edit (version 2) after legal approved: legal reopens; nothing counts until the author submits again.
    ["edited after legal approved", V2, [a, l], "draft", ["open", "reopened", "waiting", "waiting"], null],
  ];
  for (const [name, sha, ds, state, st, next] of rows)
    test(name, () => {
      const c = clearance(DEFAULT_STEPS, sha, ds);
      assert.equal(c.state, state);
      assert.deepEqual(
        c.steps.map((s) => s.status),
        st,
      );
      assert.equal(c.next, next);
    });

  test("an edit after approval reopens the approved steps; re-approval on the new version clears again", () => {
    const ds = [d("author", V1), d("legal", V1), d("finance", V1), d("monitoring-officer", V1)];
    assert.equal(clearance(DEFAULT_STEPS, V1, ds).state, "cleared");
    const v2 = [...ds, d("author", V2)];
    assert.deepEqual(statuses(V2, v2), ["approved", "open", "reopened", "reopened"]);
    assert.equal(clearance(DEFAULT_STEPS, V2, v2).state, "in-clearance");
    const again = [...v2, d("legal", V2), d("finance", V2), d("monitoring-officer", V2)];
    assert.equal(clearance(DEFAULT_STEPS, V2, again).state, "cleared");
    // Going back to the first version's exact content finds its approvals still bound to it.
    assert.equal(clearance(DEFAULT_STEPS, V1, again).state, "cleared");
  });

  test("a return sends the report to its author; resubmitting unchanged keeps earlier approvals", () => {
    const ds = [d("author", V1), d("legal", V1), d("finance", V1, "returned")];
    const c = clearance(DEFAULT_STEPS, V1, ds);
    assert.equal(c.state, "returned");
    assert.deepEqual(
      c.steps.map((s) => s.status),
      ["open", "approved", "returned", "waiting"],
    );
    const again = clearance(DEFAULT_STEPS, V1, [...ds, d("author", V1)]);
    assert.equal(again.state, "in-clearance");
    assert.equal(again.next, "finance");
  });

  test("configurable steps", () => {
    assert.deepEqual(validSteps(["author", "legal"]), []);
    assert.ok(validSteps(["legal", "author"]).length > 0);
    assert.ok(validSteps(["author", "legal", "legal"]).length > 0);
    assert.ok(validSteps(["author", "astrology"]).length > 0);
    const c = clearance(["author", "finance"], V1, [d("author", V1), d("finance", V1)]);
    assert.equal(c.state, "cleared");
  });

  test("policy state", () => {
    assert.equal(policyState(clearance(DEFAULT_STEPS, V1, []), false), "draft");
    assert.equal(policyState(clearance(DEFAULT_STEPS, V1, [d("author", V1)]), false), "submitted");
    assert.equal(policyState(clearance(DEFAULT_STEPS, V1, []), true), "published");
  });
});

describe("decide", () => {
  const now = new Date("2027-02-01T10:00:00Z");
  const submitted = [d("author", V1)];
  const rows: [string, Decision[], Parameters<typeof decide>[3], string, boolean, RegExp | null][] = [
    ["the author submits", [], { event: "submit", by: 1, isAuthor: true }, V1, true, null],
    ["someone else cannot submit", [], { event: "submit", by: 2, isAuthor: false }, V1, false, /author/],
    ["submitting twice", submitted, { event: "submit", by: 1, isAuthor: true }, V1, false, /already in clearance/],
    ["legal approves", submitted, { event: "approve", step: "legal", by: 3, role: "clearer" }, V1, true, null],
    [
      "finance before legal",
      submitted,
      { event: "approve", step: "finance", by: 3, role: "clearer" },
      V1,
      false,
      /Legal step comes first/,
    ],
    [
      "a clearer on the MO step",
      [...submitted, d("legal", V1), d("finance", V1)],
      { event: "approve", step: "monitoring-officer", by: 3, role: "clearer" },
      V1,
      false,
      /monitoring officer/,
    ],
    [
      "the MO on the MO step",
      [...submitted, d("legal", V1), d("finance", V1)],
      { event: "approve", step: "monitoring-officer", by: 4, role: "monitoring-officer" },
      V1,
      true,
      null,
    ],
    [
      "a version the clearer did not see",
      submitted,
      { event: "approve", step: "legal", by: 3, role: "clearer" },
      V2,
      false,
      /changed since you opened it/,
    ],
    ["not submitted yet", [], { event: "approve", step: "legal", by: 3, role: "clearer" }, V1, false, /not submitted/],
    ["no role", submitted, { event: "approve", step: "legal", by: 5, role: null }, V1, false, /clearer/],
    [
      "return without a comment",
      submitted,
      { event: "return", step: "legal", by: 3, role: "clearer" },
      V1,
      false,
      /what the author needs/,
    ],
  ];
  for (const [name, ds, move, seen, ok, why] of rows)
    test(name, () => {
      const r = decide(DEFAULT_STEPS, V1, ds, move, seen, now);
      assert.equal(r.ok, ok, JSON.stringify(r));
      if (!r.ok && why) assert.match(r.reasons.join(" | "), why);
      if (r.ok) {
        assert.equal(r.decision.sha256, V1);
        assert.equal(r.decision.at, now.toISOString());
      }
    });
});
