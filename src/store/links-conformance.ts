/**
 * The stored-links part of the store contract (store/common/links.ts), run on both engines: each
 * council's input as the core tables record it (an import into one council changes only its list),
 * a council's links replaced whole (old or new, never half, even when the write fails part-way),
 * the reads the pages make (topics in order, by id and by meeting; follow-ups, referrals and flags by
 * meeting; follow-ups by council), a topic's entries read a page at a time (also when its id is
 * renamed), each council's people, the change counter every replacement moves, and topic ids settled
 * across councils with the old id kept as moved.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { CouncilLinks, StoredTopic, TopicId } from "./common/links";
import type { SqlRepository } from "./common/sql-repository";
import { agendaPack, doc, type Factory, minutesPage } from "./conformance";

function topic(slug: string, meetings: number, items: number, meetingIds: number[], key = slug): StoredTopic {
  return {
    slug,
    base: slug.split("--")[0],
    key,
    meetings,
    items,
    first: "2024-01-01",
    sortCouncil: "x",
    summary: { id: slug, label: key },
    body: { money: [] },
    entries: Array.from({ length: items }, (_, i) => ({ title: key, n: i })),
    raw: { key },
    meetingIds,
  };
}

function links(council: string, since: number, topics: StoredTopic[], meetingId: number): CouncilLinks {
  return {
    council,
    fingerprint: `fp-${council}-${topics.length}`,
    computedAt: "2026-01-01T00:00:00Z",
    meetings: 2,
    withText: true,
    since,
    topics,
    followUps: [
      {
        fromMeetingId: meetingId,
        metMeetingId: null,
        fromCommitteeId: 1,
        dueBody: "Cabinet",
        dueBy: "2025-01-01",
        met: false,
        record: { promise: `promise of ${council}` },
        raw: { n: 1 },
      },
    ],
    referrals: [{ fromMeetingId: meetingId, toMeetingId: null, record: { verb: "refer" }, raw: {} }],
    money: [{ meetingId, committeeId: 1, date: "2024-01-01", pounds: 1_500_000.5, record: { pounds: 1 }, raw: {} }],
    quality: [{ meetingId, record: { kind: "date" }, raw: {} }],
    moved: [],
    people: { people: [{ name: `clerk of ${council}` }], review: [] },
  };
}

/** Plain ids, the earlier council keeping a shared one (what import/links.ts passes, in short). */
function settle(topics: TopicId[]): Map<TopicId, string> {
  const first = new Map<string, TopicId>();
  for (const t of topics) {
    const f = first.get(t.base);
    if (!f || (t.since ?? 0) < (f.since ?? 0)) first.set(t.base, t);
  }
  return new Map(topics.map((t) => [t, first.get(t.base) === t ? t.base : `${t.base}--${t.council.toLowerCase()}`]));
}

export function runLinksConformance(engine: string, factory: Factory): void {
  describe(`Stored links conformance: ${engine}`, () => {
    let repo: SqlRepository;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ repo, cleanup } = await factory());
    });
    after(async () => {
      await cleanup();
    });

    test("each council's input from the core tables: an import into one changes only its own", async () => {
      await repo.importDocument(agendaPack("Cabinet", "2024-02-01", "2024-01-04", "Libraries"), { path: null });
      const before = await repo.links.sources();
      assert.equal(before.length, 1);
      assert.equal(before[0].council, "Borsetshire County Council");
      assert.ok(before[0].meetings >= 1);
      const other = minutesPage("Cabinet", "2024-03-07", "Bus services");
      other.meetings[0].authority = "Ambridge Parish Council";
      await repo.importDocument(doc("ambridge.txt", other.meetings), { path: null });
      const after = await repo.links.sources();
      assert.deepEqual(
        after.map((c) => c.council),
        ["Ambridge Parish Council", "Borsetshire County Council"],
      );
      assert.deepEqual(after[1].parts, before[0].parts, "the first council's input is unchanged");
      await repo.importDocument(minutesPage("Cabinet", "2024-02-01", "Libraries"), { path: null });
      const third = await repo.links.sources();
      assert.notDeepEqual(third[1].parts, before[0].parts, "a new document of the council changes its input");
      assert.deepEqual(third[0].parts, after[0].parts);
    });

    test("a council's links are replaced whole and read as the pages read them", async () => {
      const before = (await repo.stats()).changes;
      const counter = await repo.links.changes();
      assert.equal(counter, before, "the change counter alone reads what stats() reports");
      await repo.links.replace(
        links("Borsetshire County Council", 1, [topic("libraries", 3, 5, [1, 2]), topic("budget", 2, 2, [2])], 1),
        settle,
      );
      await repo.links.replace(links("Ambridge Parish Council", 2, [topic("buses", 4, 4, [3])], 3), settle);
      assert.ok((await repo.stats()).changes > before, "readers that cache until the store changes see it");
      assert.ok((await repo.links.changes()) > counter, "a replacement moves the counter readers poll");
      assert.deepEqual(
        (await repo.links.topics({ limit: 10, offset: 0 })).map((t) => t.slug),
        ["buses", "libraries", "budget"],
        "most-followed first",
      );
      assert.deepEqual(
        (await repo.links.topics({ limit: 1, offset: 1 })).map((t) => t.slug),
        ["libraries"],
      );
      const o = await repo.links.overview();
      assert.deepEqual(o, { councils: 2, meetings: 4, withText: true, topics: 3 });
      const lib = await repo.links.topic("libraries");
      assert.deepEqual(lib?.body, { money: [] });
      assert.equal(lib?.total, 5);
      assert.deepEqual(
        lib?.entries.map((e) => (e as { n: number }).n),
        [0, 1, 2, 3, 4],
        "every entry in order",
      );
      const page = await repo.links.topic("libraries", { limit: 2, offset: 2 });
      assert.deepEqual(
        page?.entries.map((e) => (e as { n: number }).n),
        [2, 3],
        "one page of entries",
      );
      assert.equal(page?.total, 5);
      assert.deepEqual(
        (await repo.links.people()).map((p) => (p as { people: { name: string }[] }).people[0].name),
        ["clerk of Ambridge Parish Council", "clerk of Borsetshire County Council"],
        "each council's people, councils in name order",
      );
      assert.equal(await repo.links.topic("nothing"), null);
      assert.deepEqual(
        (await repo.links.topicsOfMeeting(2)).map((t) => t.slug),
        ["libraries", "budget"],
      );
      assert.equal((await repo.links.followUps({ meetingId: 1 })).length, 1);
      assert.equal((await repo.links.followUps({ meetingId: 99 })).length, 0);
      const own = await repo.links.followUps({ council: "Ambridge Parish Council" });
      assert.deepEqual(
        own.map((f) => f.record),
        [{ promise: "promise of Ambridge Parish Council" }],
      );
      assert.equal(own[0].dueBy, "2025-01-01");
      assert.equal(own[0].met, false);
      // Counted by their state on a day and paged by the store, in list order (the earlier council first).
      const late = await repo.links.followUpPage("2026-01-01", null, { limit: 10, offset: 0 });
      assert.deepEqual(late.counts, { met: 0, open: 0, overdue: 2 });
      assert.deepEqual(
        late.rows.map((f) => f.record),
        [{ promise: "promise of Borsetshire County Council" }, { promise: "promise of Ambridge Parish Council" }],
      );
      const early = await repo.links.followUpPage("2024-06-01", "open", { limit: 1, offset: 1 });
      assert.deepEqual(early.counts, { met: 0, open: 2, overdue: 0 });
      assert.deepEqual(
        early.rows.map((f) => f.record),
        [{ promise: "promise of Ambridge Parish Council" }],
        "the second page of one",
      );
      assert.equal((await repo.links.followUpPage("2024-06-01", "overdue", { limit: 10, offset: 0 })).rows.length, 0);
      assert.equal((await repo.links.referrals({ meetingId: 3 })).length, 1);
      assert.equal((await repo.links.quality({ meetingId: 3 })).length, 1);
      assert.equal((await repo.links.money()).length, 2);

      // Replaced: the old topics are gone, nothing of the other council is touched.
      await repo.links.replace(
        {
          ...links("Borsetshire County Council", 1, [topic("library-closures", 3, 6, [1, 2])], 1),
          moved: [{ from: "libraries", to: "library-closures", near: [] }],
        },
        settle,
      );
      assert.deepEqual(
        (await repo.links.topics({ limit: 10, offset: 0 })).map((t) => t.slug),
        ["buses", "library-closures"],
      );
      assert.deepEqual(await repo.links.moved("libraries"), { from: "libraries", to: "library-closures", near: [] });
      assert.deepEqual((await repo.links.knownSlugs("Borsetshire County Council")).sort(), [
        "libraries",
        "library-closures",
      ]);
      assert.equal((await repo.links.followUps()).length, 2);
    });

    test("a write that fails part-way leaves the council's links as they were", async () => {
      const before = await repo.links.topics({ limit: 10, offset: 0 });
      await assert.rejects(
        repo.links.replace(links("Borsetshire County Council", 1, [topic("other", 9, 9, [1])], 1), () => {
          throw new Error("settling failed");
        }),
        /settling failed/,
      );
      assert.deepEqual(await repo.links.topics({ limit: 10, offset: 0 }), before);
      assert.equal((await repo.links.followUps()).length, 2);
    });

    test("a shared topic id is kept by the earlier council; the later one's is renamed and its old id moves", async () => {
      // Ambridge (since 2) now has "library-closures" too: Borsetshire (since 1) keeps the plain id.
      await repo.links.replace(
        links("Ambridge Parish Council", 2, [topic("buses", 4, 4, [3]), topic("library-closures", 1, 1, [3])], 3),
        settle,
      );
      const slugs = (await repo.links.topics({ limit: 10, offset: 0 })).map((t) => t.slug).sort();
      assert.deepEqual(slugs, ["buses", "library-closures", "library-closures--ambridge parish council"]);
      // A council that reaches the store earlier (since 0) takes the plain id; the other's old id moves.
      await repo.links.replace(links("Aardvark Council", 0, [topic("buses", 1, 1, [4])], 4), settle);
      assert.deepEqual((await repo.links.moved("buses"))?.to ?? null, null);
      assert.ok(await repo.links.topic("buses"));
      assert.deepEqual(await repo.links.moved("buses"), null, "a current id is nobody's old id");
      const renamed = (await repo.links.topics({ limit: 10, offset: 0 })).map((t) => t.slug);
      assert.ok(renamed.includes("buses--ambridge parish council"), renamed.join(", "));
      assert.equal(
        (await repo.links.topic("buses--ambridge parish council"))?.total,
        4,
        "a renamed topic keeps its entries",
      );
      assert.equal((await repo.links.topic("buses"))?.total, 1, "and the topic now holding the id has only its own");
      await repo.links.remove("Aardvark Council");
      assert.equal((await repo.links.overview()).councils, 2);
      assert.equal((await repo.links.people()).length, 2, "a removed council's people go with it");
    });
  });
}
