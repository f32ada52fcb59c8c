/** Table tests for the meeting-record rules: quorum, resolution diff, decision notice and call-in, the signature chain, pending items. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { attendee } from "../model/minutes";
import {
  addWorkingDays,
  callInProblems,
  callInWindow,
  DEFAULT_CALL_IN,
  decisionStatus,
  londonInstant,
  noticeProblems,
  publicationDeadline,
} from "./decisions";
import { dueMeeting, type PendingItem, pendingItemsFor, suggestCarryForward } from "./pending-items";
import { quorumCheck } from "./quorum";
import { diffAsText, resolutionDiff } from "./resolution-diff";
import { canonicalJson, type SignedLink, sign, verifyChain } from "./signing";

const a = (name: string, kind: string, extra: Record<string, unknown> = {}) => attendee.parse({ name, kind, ...extra });

describe("quorum", () => {
  const cases: [string, number | null, ReturnType<typeof a>[], boolean, number][] = [
    ["three in the room, quorum 3", 3, [a("A", "present"), a("B", "present"), a("C", "substitute")], true, 3],
    ["two in the room and one remote, quorum 3", 3, [a("A", "present"), a("B", "present"), a("C", "remote")], false, 2],
    ["officers and apologies do not count", 2, [a("A", "present"), a("O", "officer"), a("P", "apologies")], false, 1],
    ["a non-voting co-optee does not count", 2, [a("A", "present"), a("N", "present", { voting: false })], false, 1],
    ["the same name twice counts once", 2, [a("A", "present"), a("A", "substitute")], false, 1],
    ["no quorum set: anyone present", null, [a("A", "present")], true, 1],
  ];
  for (const [name, q, att, quorate, n] of cases)
    test(name, () => {
      const r = quorumCheck(q, att);
      assert.equal(r.quorate, quorate);
      assert.equal(r.counted.length, n);
    });
});

describe("resolution diff", () => {
  const rec = "(a) That the report be noted;\n(b) That the Director be asked to report again in March 2027.";
  test("the same clauses with other letters and stops are as recommended", () => {
    const d = resolutionDiff(
      rec,
      "a) That the report be noted\nb) That the Director be asked to report again in March 2027;",
    );
    assert.equal(d.verdict, "as-recommended");
    assert.equal(d.added + d.removed, 0);
  });
  test("an added phrase is an amendment, with the words shown", () => {
    const d = resolutionDiff(
      rec,
      "(a) That the report be noted;\n(b) That the Director be asked to report again in March 2027, with costs.",
    );
    assert.equal(d.verdict, "with-amendments");
    assert.equal(d.added, 2);
    assert.match(diffAsText(d), /\[added: ,? ?with costs\]/);
  });
  test("a removed word is an amendment", () => {
    const d = resolutionDiff("That the plan be approved in full", "That the plan be approved");
    assert.equal(d.verdict, "with-amendments");
    assert.equal(d.removed, 2);
  });
  test("no recommendation", () => {
    assert.equal(resolutionDiff(null, "That X").verdict, "no-recommendation");
    assert.equal(resolutionDiff("  ", "That X").verdict, "no-recommendation");
  });
});

describe("working days, notice deadline and call-in window", () => {
  const cases: [string, number, string][] = [
    ["2026-12-07", 5, "2026-12-14"], // Monday → next Monday
    ["2026-12-23", 2, "2026-12-29"], // over Christmas Day, Boxing Day (Saturday: Monday 28th is the substitute)
    ["2027-03-25", 1, "2027-03-30"], // Good Friday 26 March and Easter Monday 29 March 2027
    ["2027-05-28", 1, "2027-06-01"], // Spring bank holiday Monday 31 May 2027
    ["2026-12-05", 0, "2026-12-07"], // a Saturday: day 0 is the next working day
  ];
  for (const [from, n, want] of cases)
    test(`${n} working days after ${from} is ${want}`, () => assert.equal(addWorkingDays(from, n), want));

  test("the window counts 5 working days after publication and skips a bank holiday", () => {
    const w = callInWindow(new Date("2027-05-26T10:00:00Z"));
    assert.equal(w.publishedOn, "2027-05-26");
    assert.deepEqual(w.countedDays, ["2027-05-27", "2027-05-28", "2027-06-01", "2027-06-02", "2027-06-03"]);
    assert.deepEqual(
      w.skipped.map((s) => s.why),
      ["Saturday", "Sunday", "Spring bank holiday"],
    );
    assert.equal(w.closesAt.toISOString(), "2027-06-03T16:00:00.000Z"); // 17:00 BST
  });
  test("a winter window closes at 17:00 GMT", () => {
    assert.equal(londonInstant("2026-12-14", "17:00").toISOString(), "2026-12-14T17:00:00.000Z");
  });
  test("a notice published late in the evening BST counts from that London day", () => {
    assert.equal(callInWindow(new Date("2027-05-26T23:30:00Z")).publishedOn, "2027-05-27");
  });
  test("publication deadline", () => assert.equal(publicationDeadline("2026-12-23"), "2026-12-29"));
  test("reg 12 fields", () => {
    assert.deepEqual(Object.keys(noticeProblems({ decision: "X", decidedOn: "2026-12-01", reasons: " " })), [
      "reasons",
      "alternatives",
      "conflicts",
      "dispensations",
    ]);
  });
});

describe("decision state", () => {
  const published = new Date("2027-05-26T10:00:00Z");
  const base = { decidedOn: "2027-05-25", publishedAt: published, callIns: [] };
  const valid = { requestedAt: new Date("2027-06-01T09:00:00Z"), signatories: ["A", "B"], reasons: "Not consulted" };
  const cases: [string, Parameters<typeof decisionStatus>[0], string][] = [
    ["unpublished", { ...base, publishedAt: null, now: published }, "awaiting-publication"],
    ["inside the window", { ...base, now: new Date("2027-06-03T15:59:00Z") }, "call-in-open"],
    ["the window's last minute", { ...base, now: new Date("2027-06-03T16:00:00Z") }, "call-in-open"],
    ["after the window", { ...base, now: new Date("2027-06-03T16:01:00Z") }, "may-be-implemented"],
    ["over the bank holiday it is still open", { ...base, now: new Date("2027-05-31T12:00:00Z") }, "call-in-open"],
    ["a valid call-in", { ...base, callIns: [valid], now: new Date("2027-06-10T12:00:00Z") }, "called-in"],
    [
      "one signatory is not enough",
      { ...base, callIns: [{ ...valid, signatories: ["A", "a "] }], now: new Date("2027-06-10T12:00:00Z") },
      "may-be-implemented",
    ],
    [
      "a late call-in does not stop it",
      {
        ...base,
        callIns: [{ ...valid, requestedAt: new Date("2027-06-03T16:30:00Z") }],
        now: new Date("2027-06-10T12:00:00Z"),
      },
      "may-be-implemented",
    ],
    [
      "scrutiny releases it",
      {
        ...base,
        callIns: [valid],
        scrutiny: { outcome: "released", at: new Date("2027-06-08T12:00:00Z") },
        now: new Date("2027-06-10T12:00:00Z"),
      },
      "may-be-implemented",
    ],
    [
      "scrutiny refers it back",
      {
        ...base,
        callIns: [valid],
        scrutiny: { outcome: "referred-back", at: new Date("2027-06-08T12:00:00Z") },
        now: new Date("2027-06-10T12:00:00Z"),
      },
      "referred-back",
    ],
    ["urgent: at once", { ...base, urgent: true, now: published }, "may-be-implemented"],
  ];
  for (const [name, input, state] of cases) test(name, () => assert.equal(decisionStatus(input).state, state));
  test("a late notice is flagged", () => {
    assert.equal(decisionStatus({ ...base, decidedOn: "2027-05-20", now: published }).noticeLate, true);
    assert.equal(decisionStatus({ ...base, now: published }).noticeLate, false);
  });
  test("call-in problems are named", () => {
    const w = callInWindow(published);
    assert.deepEqual(
      callInProblems({ requestedAt: new Date("2027-07-01"), signatories: ["A"], reasons: "" }, w, DEFAULT_CALL_IN),
      ["made after the call-in window closed", "signed by 1 member; 2 are needed", "gives no reasons"],
    );
  });
});

describe("signature chain", () => {
  const content = new Map<number, string>([
    [1, "v1"],
    [2, "v2"],
    [3, "v3"],
  ]);
  const build = () => {
    const chain: SignedLink[] = [];
    for (const v of [1, 2, 3])
      chain.push(
        sign(chain, {
          committeeId: 7,
          meetingId: 100 + v,
          versionId: v,
          versionSha256: `h${content.get(v)}`,
          signer: "Chair",
          signedAt: `2027-0${v}-01T10:00:00.000Z`,
          approvedAtMeetingId: 101 + v,
        }),
      );
    return chain;
  };
  const hashOf = (m: Map<number, string>) => (id: number) => (m.has(id) ? `h${m.get(id)}` : null);
  test("an intact chain verifies", () =>
    assert.deepEqual(verifyChain(build(), hashOf(content)), { ok: true, links: 3 }));
  test("changed content is named at its link", () => {
    const r = verifyChain(build(), hashOf(new Map(content).set(2, "v2!")));
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.brokenAt, 1);
    assert.equal(!r.ok && r.meetingId, 102);
  });
  test("an altered signature record is named", () => {
    const chain = build();
    chain[2] = { ...chain[2], signer: "Someone else" };
    const r = verifyChain(chain, hashOf(content));
    assert.equal(!r.ok && r.brokenAt, 2);
    assert.match(!r.ok ? r.reason : "", /altered/);
  });
  test("a removed link breaks the next one", () => {
    const chain = build();
    const r = verifyChain([chain[0], chain[2]], hashOf(content));
    assert.equal(!r.ok && r.brokenAt, 1);
    assert.match(!r.ok ? r.reason : "", /previous signed minutes/);
  });
  test("signing the same version twice is refused", () => {
    const chain = build();
    assert.throws(() => sign(chain, { ...chain[0] }), /already signed/);
  });
  test("canonical JSON sorts keys", () =>
    assert.equal(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }), '{"a":[{"c":3,"d":2}],"b":1}'));
});

describe("pending items", () => {
  const item = (over: Partial<PendingItem> = {}): PendingItem => ({
    id: 1,
    kind: "referral",
    fromCommitteeId: 1,
    fromCommitteeName: "Scrutiny",
    fromMeetingId: 10,
    fromMeetingDate: "2027-01-10",
    minuteNumber: "5",
    toCommitteeId: 2,
    text: "Forwarded to the Cabinet",
    notBefore: null,
    placedMeetingId: null,
    closedAt: null,
    ...over,
  });
  const meetings = [
    { meetingId: 20, committeeId: 2, date: "2027-01-05", cancelled: false },
    { meetingId: 21, committeeId: 2, date: "2027-02-01", cancelled: true },
    { meetingId: 22, committeeId: 2, date: "2027-02-15", cancelled: false },
    { meetingId: 23, committeeId: 2, date: "2027-03-20", cancelled: false },
    { meetingId: 30, committeeId: 3, date: "2027-01-20", cancelled: false },
  ];
  test("due at the receiving body's next meeting that is not cancelled", () =>
    assert.equal(dueMeeting(item(), meetings)?.meetingId, 22));
  test("a promise waits for its month", () =>
    assert.equal(dueMeeting(item({ notBefore: "2027-03-01" }), meetings)?.meetingId, 23));
  test("offered until placed or closed; overdue once its meeting passed", () => {
    const items = [
      item(),
      item({ id: 2, placedMeetingId: 22 }),
      item({ id: 3, closedAt: "x" }),
      item({ id: 4, toCommitteeId: 3 }),
    ];
    const offered = pendingItemsFor(items, 2, meetings, "2027-02-20");
    assert.deepEqual(
      offered.map((o) => [o.id, o.due?.meetingId, o.overdue]),
      [[1, 22, true]],
    );
  });
  test("carry-forwards are read by the linkers' own rules (referrals' sentTo, follow-ups' promiseIn)", () => {
    const bodies = ["Cabinet", "County Council", "Scrutiny Commission", "Planning Committee"];
    const table: [string, [string, string | null, string | null][]][] = [
      ["That the County Council be recommended to approve the budget.", [["referral", "County Council", null]]],
      [
        "That a further report be submitted to the Cabinet in Spring 2027.",
        [
          ["referral", "Cabinet", null],
          ["promise", "Cabinet", "2027-03-01"],
        ],
      ],
      ["That the update on the contract be noted.", []],
      ["That £750,000 be allocated subject to the County Council agreeing to contribute.", []],
      [
        "That the views of the Committee be sent to the Scrutiny Commission on 25 January 2027.",
        [["referral", "Scrutiny Commission", null]],
      ],
      [
        "That the Director report back to the Planning Committee by 3 June 2027.",
        [["promise", "Planning Committee", "2027-06-03"]],
      ],
    ];
    for (const [resolution, want] of table)
      assert.deepEqual(
        suggestCarryForward(resolution, bodies).map((x) => [x.kind, x.toName, x.notBefore]),
        want,
        resolution,
      );
  });
  test("resolution wording suggests carry-forwards", () => {
    const s = suggestCarryForward(
      "(a) That the report be noted;\n(b) That the comments of the Committee be forwarded to the Cabinet for consideration;\n(c) That a further report be submitted in March 2027.",
      ["Cabinet", "County Council"],
    );
    assert.deepEqual(
      s.map((x) => [x.kind, x.toName, x.notBefore]),
      [
        ["referral", "Cabinet", null],
        ["promise", null, "2027-03-01"],
      ],
    );
  });
});
