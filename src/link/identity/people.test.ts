/** People on the seeds: officers from report contact blocks and the clerk, councillors, review flags. */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { loadFromFiles } from "../../cli/commands/topics";
import { emptyMeeting } from "../../model/parse-v1";
import { findPeople } from "./people";

const SEEDS = join(import.meta.dirname, "../../../../shared/seeds");

test("officers and councillors on the seeds, near-misspellings listed for review", {
  skip: !existsSync(SEEDS),
}, async () => {
  const { people, review } = findPeople(await loadFromFiles([SEEDS], true));
  const named = (re: RegExp) => people.filter((p) => re.test(p.name));
  const wilson = named(/Jon Wilson/);
  assert.equal(wilson.length, 1, "one Jon Wilson across the reports");
  assert.deepEqual(wilson[0].kinds, ["officer"]);
  assert.ok(wilson[0].posts.some((p) => /Director of Adults and Communities/.test(p)));
  assert.ok(new Set(wilson[0].forms.map((f) => f.meetingKey)).size >= 3);
  const clerk = named(/Weston/);
  assert.equal(clerk.length, 1);
  assert.ok(clerk[0].forms.some((f) => f.role === "clerk"));
  assert.ok(named(/Houseman/).some((p) => p.kinds.includes("councillor")));
  const mc = named(/McMill/);
  assert.equal(mc.length, 2, "McMillian and McMillan are not merged");
  assert.ok(review.some((r) => (r.a === mc[0].id && r.b === mc[1].id) || (r.a === mc[1].id && r.b === mc[0].id)));
});

test("printed forms merge with their evidence; councils never share a person", () => {
  const meeting = (authority: string, date: string, names: string[]) => ({
    ...emptyMeeting("Cabinet", { startLine: 1, endLine: 1, page: null }),
    authority,
    date,
    membership: names.map((name) => ({ name, role: null })),
  });
  const input = [
    {
      docId: "a",
      meetingKey: "a",
      meeting: meeting("Northshire County Council", "2020-01-01", ["Mr. S. D. Sheahan CC"]),
    },
    {
      docId: "b",
      meetingKey: "b",
      meeting: meeting("Northshire County Council", "2020-02-01", ["Mr. S. Sheahan CC."]),
    },
    {
      docId: "c",
      meetingKey: "c",
      meeting: meeting("Southshire District Council", "2020-02-01", ["Mr. S. D. Sheahan"]),
    },
  ];
  const { people } = findPeople(input);
  assert.equal(people.length, 2);
  const north = people.find((p) => p.council === "Northshire County Council")!;
  assert.deepEqual(
    north.forms.map((f) => [f.printed, f.rule]),
    [
      ["Mr. S. D. Sheahan CC", "first-seen"],
      ["Mr. S. Sheahan CC.", "initials-prefix"],
    ],
  );
  assert.equal(north.name, "Mr S. D. Sheahan");
});
