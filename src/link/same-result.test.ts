/**
 * The linkers made fast (issues 22/23) give the result they gave before: computeLinks and
 * findPeople over two generated councils (agenda packs rendered, parsed, with their text lines)
 * are compared with fingerprints of the result the straightforward code gave, kept in
 * testing/same-result.json (each matter's members, links and mentions, the follow-ups, referrals,
 * money, quality flags and people, each hashed). A change in what the linkers find must be
 * deliberate: re-record with MINUTEBOOK_RECORD_LINKS=1 and say why in the commit.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { computeLinks } from "./compute";
import { meetingKeyOf } from "./from-store";
import { findPeople, type LinkInput } from "./index";
import { demoLinkInput } from "./testing/demo-input";

const FILE = new URL("./testing/same-result.json", import.meta.url);
const hash = (x: unknown) => createHash("sha256").update(JSON.stringify(x)).digest("hex").slice(0, 16);

async function twoCouncils(): Promise<{ input: LinkInput; today: string }> {
  const first = await demoLinkInput(100, "bench");
  // A second council (the generator names every council alike, so it is renamed) in the same input.
  const other = "Ashwell Borough Council";
  const second = (await demoLinkInput(40, "second")).input.map((e) => ({
    ...e,
    meeting: { ...e.meeting, authority: other },
    meetingKey: meetingKeyOf(e.meeting.body, e.meeting.date, other, e.docId),
  }));
  return { input: [...first.input, ...second], today: first.today };
}

test("computeLinks and findPeople give the result recorded before they were made fast", async () => {
  const { input, today } = await twoCouncils();
  const r = computeLinks({ entries: input, authorities: input.map((e) => e.meeting.authority), since: {}, today });
  const got = {
    threads: r.threads.map((t) => ({
      slug: t.slug,
      council: t.council,
      label: t.label,
      members: t.members.length,
      links: t.links.length,
      mentions: t.mentions.length,
      // Everything but the links (members, label, phrases, years, history, mentions), then the links.
      hash: hash({ ...t, links: [] }),
      linksHash: hash(t.links),
    })),
    followUps: { count: r.followUps.length, hash: hash(r.followUps) },
    referrals: { count: r.referrals.length, hash: hash(r.referrals) },
    money: { count: r.money.length, hash: hash(r.money) },
    quality: { count: r.quality.length, hash: hash(r.quality) },
    people: hash(findPeople(input)),
  };
  if (process.env.MINUTEBOOK_RECORD_LINKS === "1") writeFileSync(FILE, `${JSON.stringify(got, null, 2)}\n`);
  const want = JSON.parse(readFileSync(FILE, "utf8"));
  assert.ok(want.threads.length >= 10 && want.followUps.count >= 5 && want.referrals.count >= 5);
  assert.ok(new Set(want.threads.map((t: { council: string }) => t.council)).size === 2);
  assert.deepEqual(got, want);
});
