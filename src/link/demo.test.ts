/**
 * The linkers on the demo council (src/demo: an invented county with storylines written by the
 * generator, and its own ground truth of threads, referrals and follow-ups), taking the generated
 * parse/v1 records as input. The truth counts only scrutiny-to-Cabinet referrals; recommendations
 * to the County Council and referrals to the Scrutiny Commission are referrals too, so only recall
 * is held to the truth there.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { generateCouncil } from "../demo/generate";
import { findFollowUps, findReferrals, findTopics, type LinkInput } from "./index";

const demo = generateCouncil({ meetings: 150, seed: "truth" });
const input: LinkInput = demo.meetings.map((m) => ({ docId: m.id, meetingKey: m.id, meeting: m.doc.record }));
const ids = new Set(demo.meetings.map((m) => m.id));
const lastDate = demo.meetings[demo.meetings.length - 1].doc.record.date!;

function score(found: Set<string>, truth: Set<string>) {
  const hit = [...found].filter((x) => truth.has(x)).length;
  return { precision: hit / (found.size || 1), recall: hit / (truth.size || 1) };
}

describe("the demo council's ground truth", () => {
  test("every scrutiny referral to the Cabinet is found and resolved to the right meeting", () => {
    const truth = new Set(
      demo.truth.referrals.map(
        (r) =>
          `${r.from.meetingId} ${r.from.minute}(${r.from.clause}) -> ${ids.has(r.to.meetingId) ? r.to.meetingId : "stub"}`,
      ),
    );
    const refs = findReferrals(input);
    const found = new Set(
      refs.map((r) => `${r.from.meetingKey} ${r.from.minute}${r.from.clause} -> ${r.to.meetingKey ?? "stub"}`),
    );
    assert.ok(truth.size >= 10);
    assert.equal(score(found, truth).recall, 1);
    // The rest are sent to other bodies, not a body speaking of itself.
    for (const r of refs) assert.notEqual(r.to.body, r.from.body);
  });

  test("follow-ups: precision and recall 1, with status and the meeting that met them", () => {
    const status = (s: string) => (s === "unmet" ? "overdue" : s === "pending" ? "open" : s);
    const truth = new Set(
      demo.truth.followUps.map(
        (f) =>
          `${f.promise.meetingId} ${f.promise.minute}(${f.promise.clause}) ${status(f.status)} ${f.met?.meetingId ?? "-"}`,
      ),
    );
    const found = new Set(
      findFollowUps(input, { today: lastDate }).map(
        (f) => `${f.from.meetingKey} ${f.from.minute}${f.from.clause} ${f.status} ${f.metBy?.meetingKey ?? "-"}`,
      ),
    );
    assert.ok(truth.size >= 5);
    assert.deepEqual(score(found, truth), { precision: 1, recall: 1 });
  });

  test("each storyline is followed by one thread through at least 80% of its agenda items", () => {
    const threads = findTopics(input);
    const stories = demo.truth.threads.filter(
      (t) =>
        t.family !== "routine" && t.family !== "planning" && new Set(t.occurrences.map((o) => o.meetingId)).size >= 2,
    );
    assert.ok(stories.length >= 3);
    for (const s of stories) {
      const want = new Set(s.occurrences.map((o) => `${o.meetingId} agenda item ${o.agendaItem}`));
      const best = Math.max(
        ...threads.map((t) => t.members.filter((m) => want.has(`${m.meetingKey} ${m.ref}`)).length),
      );
      assert.ok(best >= 0.8 * want.size, `${s.subject}: ${best} of ${want.size}`);
    }
  });
});
