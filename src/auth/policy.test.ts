/**
 * The policy table: every persona (each role, held on this committee, another, before, during and after
 * its dates) × every object state × every action, against the expected answers written out here as
 * data. A new action or state without a row fails the coverage check.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  ACTIONS,
  type Action,
  can,
  type Grant,
  localDate,
  type Person,
  type PolicyObject,
  ROLES,
  type Role,
} from "./policy";

const C = 1; // the committee the objects belong to
const OTHER = 2;
const AT = new Date("2026-12-07T12:00:00Z");
const AUTHOR_ID = 50;

const g = (role: Role, committeeId: number | null, from = "2025-05-01", to: string | null = null): Grant => ({
  role,
  committeeId,
  from,
  to,
});
const who = (userId: number, ...grants: Grant[]): Person => ({ userId, grants });

const PERSONAS: Record<string, Person> = {
  public: null,
  councillor: who(1, g("councillor", null)),
  member: who(2, g("councillor", null), g("committee-member", C)),
  "former member": who(3, g("councillor", null), g("committee-member", C, "2024-05-01", "2026-05-20")),
  "future member": who(4, g("committee-member", C, "2027-01-01")),
  "member of another committee": who(5, g("councillor", null), g("committee-member", OTHER)),
  "substitute for today": who(6, g("councillor", null), g("substitute", C, "2026-12-07", "2026-12-07")),
  "substitute yesterday": who(7, g("councillor", null), g("substitute", C, "2026-12-06", "2026-12-06")),
  "co-opted": who(8, g("co-opted", C)),
  chair: who(9, g("councillor", null), g("chair", C)),
  "chair of another committee": who(10, g("councillor", null), g("chair", OTHER)),
  author: who(AUTHOR_ID, g("report-author", null)),
  "another author": who(51, g("report-author", null)),
  "author whose role ended": who(AUTHOR_ID, g("report-author", null, "2020-01-01", "2026-01-01")),
  clearer: who(12, g("clearer", null)),
  "officer of the committee": who(13, g("democratic-services", C)),
  "officer of every committee": who(14, g("democratic-services", null)),
  "officer of another committee": who(15, g("democratic-services", OTHER)),
  "monitoring officer": who(16, g("monitoring-officer", null)),
  administrator: who(17, g("administrator", null)),
  "seat granted with no committee": who(18, g("committee-member", null)),
};

const ALL = Object.keys(PERSONAS);
// Former members and yesterday's substitute are still councillors, so they still enter the office.
const NOT_CURRENT = ["public", "future member", "author whose role ended"];
const ANY_CURRENT = ALL.filter((p) => !NOT_CURRENT.includes(p));
const SEATED = ["member", "substitute for today", "co-opted", "chair"];
const OFFICERS = ["officer of the committee", "officer of every committee"];
const NONE: string[] = [];

type Row = { object: PolicyObject; label: string; allowed: Partial<Record<Action, string[]>> };

const report = (state: "draft" | "submitted" | "cleared" | "published"): PolicyObject => ({
  kind: "report",
  committeeId: C,
  authorId: AUTHOR_ID,
  state,
});
const minutes = (state: "draft" | "approved" | "signed"): PolicyObject => ({ kind: "minutes", committeeId: C, state });

/** The expected answers: for each object (in each state) and action, exactly who may. */
const TABLE: Row[] = [
  { label: "public record", object: { kind: "public-record" }, allowed: { view: ALL } },
  {
    label: "exempt item",
    object: { kind: "exempt-item", committeeId: C, state: "exempt" },
    allowed: {
      view: [...SEATED, ...OFFICERS, "monitoring officer"],
      download: [...SEATED, ...OFFICERS, "monitoring officer"],
    },
  },
  {
    label: "released exempt item",
    object: { kind: "exempt-item", committeeId: C, state: "released" },
    allowed: { view: ALL, download: ALL },
  },
  {
    label: "committee",
    object: { kind: "committee", committeeId: C },
    allowed: {
      "view-drafts": [...OFFICERS, "chair", "monitoring officer"],
      "build-agenda": OFFICERS,
      publish: OFFICERS,
      "manage-membership": [...OFFICERS, "administrator"],
    },
  },
  {
    label: "draft report",
    object: report("draft"),
    allowed: {
      view: ["author", ...OFFICERS],
      edit: ["author", ...OFFICERS],
      submit: ["author"],
      clear: NONE,
      publish: NONE,
    },
  },
  {
    label: "submitted report",
    object: report("submitted"),
    allowed: {
      view: ["author", ...OFFICERS, "clearer", "monitoring officer"],
      edit: NONE,
      submit: NONE,
      clear: ["clearer", "monitoring officer"],
      publish: NONE,
    },
  },
  {
    label: "cleared report",
    object: report("cleared"),
    allowed: {
      view: ["author", ...OFFICERS, "clearer", "monitoring officer", "chair"],
      edit: NONE,
      submit: NONE,
      clear: NONE,
      publish: OFFICERS,
    },
  },
  {
    label: "published report",
    object: report("published"),
    allowed: { view: ALL, edit: NONE, submit: NONE, clear: NONE, publish: NONE },
  },
  {
    label: "draft minutes",
    object: minutes("draft"),
    allowed: { view: [...OFFICERS, "chair", "monitoring officer"], edit: OFFICERS, sign: NONE },
  },
  { label: "approved minutes", object: minutes("approved"), allowed: { view: ALL, edit: NONE, sign: ["chair"] } },
  { label: "signed minutes", object: minutes("signed"), allowed: { view: ALL, edit: NONE, sign: NONE } },
  {
    label: "a seat on the committee",
    object: { kind: "role-grant", role: "committee-member", committeeId: C },
    allowed: { grant: ["administrator", ...OFFICERS], end: ["administrator", ...OFFICERS] },
  },
  {
    label: "a council-wide role",
    object: { kind: "role-grant", role: "monitoring-officer", committeeId: null },
    allowed: { grant: ["administrator"], end: ["administrator"] },
  },
  {
    label: "an officer role on the committee",
    object: { kind: "role-grant", role: "democratic-services", committeeId: C },
    allowed: { grant: ["administrator"], end: ["administrator"] },
  },
  {
    label: "accounts",
    object: { kind: "accounts" },
    allowed: { view: ["administrator", ...OFFICERS, "officer of another committee"], invite: ["administrator"] },
  },
  {
    label: "audit trail",
    object: { kind: "audit" },
    allowed: { view: ["administrator", "monitoring officer"], export: ["administrator", "monitoring officer"] },
  },
  { label: "office", object: { kind: "office" }, allowed: { enter: ANY_CURRENT } },
];

describe("policy: can(person, action, object, at)", () => {
  for (const row of TABLE) {
    for (const action of ACTIONS[row.object.kind] as readonly Action[]) {
      test(`${row.label}: ${action}`, () => {
        const allowed = row.allowed[action];
        assert.ok(allowed, `the table has no answer for ${row.label} × ${action}`);
        for (const name of allowed) assert.ok(name in PERSONAS, `unknown persona ${name}`);
        const wrong = ALL.filter((name) => can(PERSONAS[name], action, row.object, AT) !== allowed.includes(name));
        assert.deepEqual(wrong, [], `wrong answer for: ${wrong.join(", ")}`);
      });
    }
  }

  test("the table covers every object kind, every state and every role", () => {
    const kinds = new Set(TABLE.map((r) => r.object.kind));
    assert.deepEqual([...kinds].sort(), Object.keys(ACTIONS).sort());
    const states = (kind: string) =>
      new Set(TABLE.filter((r) => r.object.kind === kind).map((r) => ("state" in r.object ? r.object.state : "")));
    assert.deepEqual([...states("report")].sort(), ["cleared", "draft", "published", "submitted"]);
    assert.deepEqual([...states("minutes")].sort(), ["approved", "draft", "signed"]);
    assert.deepEqual([...states("exempt-item")].sort(), ["exempt", "released"]);
    const held = new Set(Object.values(PERSONAS).flatMap((p) => (p ? p.grants.map((x) => x.role) : [])));
    assert.deepEqual([...held].sort(), [...ROLES].sort());
  });

  test("an action of another kind of object is refused", () => {
    const officer = PERSONAS["officer of the committee"];
    assert.equal(can(officer, "sign", { kind: "committee", committeeId: C }, AT), false);
    assert.equal(can(officer, "publish", { kind: "exempt-item", committeeId: C, state: "exempt" }, AT), false);
  });

  test("grants run by dates in England: a seat ending 20 May covers 23:30 BST that day, not 00:30 the next", () => {
    const p = who(1, g("committee-member", C, "2026-05-01", "2026-05-20"));
    const exempt: PolicyObject = { kind: "exempt-item", committeeId: C, state: "exempt" };
    assert.equal(localDate(new Date("2026-05-20T22:30:00Z")), "2026-05-20");
    assert.equal(can(p, "view", exempt, new Date("2026-05-20T22:30:00Z")), true);
    assert.equal(can(p, "view", exempt, new Date("2026-05-20T23:30:00Z")), false);
    assert.equal(can(p, "view", exempt, new Date("2026-04-30T22:59:00Z")), false);
    assert.equal(can(p, "view", exempt, new Date("2026-04-30T23:00:00Z")), true);
  });
});
