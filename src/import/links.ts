/**
 * The linking step after documents are stored: for each council whose input changed (its meetings,
 * their documents and content hashes, fingerprinted from the core tables), the council's meetings are
 * gathered as the portal reads them (exempt parts withheld), src/link's computeLinks runs on them,
 * and the results become the pages' records (serve/follow/records, store ids resolved), written in
 * one transaction per council (store/common/links.ts). `import`, `links rebuild`, `db migrate` on an
 * old store and the portal's keeper (after a write it did not make itself) all come through here, so
 * the CLI, the portal and the API read one computation. Councils whose input is unchanged are not
 * read at all.
 */
import { createHash } from "node:crypto";
import type { LinkResult } from "../link/compute";
import { computeLinks } from "../link/compute";
import { findPeople, type People } from "../link/identity/people";
import { slugOf, topicIds } from "../link/threads/ids";
import { PortalData } from "../serve/data";
import { assemble, computeInput, gather } from "../serve/follow/links";
import { allMoney, followUpRecord, qualityRecord, referralRecord, topicData } from "../serve/follow/records";
import type { CouncilLinks, MovedTopic, StoredTopic, TopicId } from "../store/common/links";
import type { Repository } from "../store/repository";

/**
 * What the stored links were computed by: a change to the records' shape (or a linker change that
 * must reach old stores) bumps it, and every council is recomputed on the next import or rebuild.
 */
export const LINKS_VERSION = "links/2";

export type LinkOptions = {
  /** "Today" (YYYY-MM-DD) for the follow-ups' states as computed (pages set the state for their own day). */
  today: string;
  /** When the results are stamped as computed (ISO time). */
  now: string;
  /** Recompute every council even when its input is unchanged. */
  force?: boolean;
  /** Read the documents' text (default true). */
  withText?: boolean;
  /** Reads the store as the portal does (its caches); a fresh one by default. */
  data?: PortalData;
  /**
   * Runs the linkers (default: on this thread; the portal passes its worker), and may find the
   * council's people too (else they are found here).
   */
  compute?: (input: Parameters<typeof computeLinks>[0]) => Promise<LinkResult & { people?: People }>;
  /** Asked before each council: true stops the update there (the portal is closing; what is stored stays). */
  stop?: () => boolean;
  /** Told after each council. */
  progress?: (council: string, done: number, total: number) => void;
};

export type LinkSummary = {
  councils: number;
  computed: string[];
  unchanged: number;
  removed: string[];
  topics: number;
  seconds: number;
};

/** The fingerprint of a council's input: what the core tables say its linkers would read. */
export function fingerprintOf(parts: string[]): string {
  const h = createHash("sha256").update(LINKS_VERSION);
  for (const p of parts) h.update("\n").update(p);
  return h.digest("hex");
}

/** Recomputes and stores the links of every council whose input changed; drops councils that are gone. */
export async function updateLinks(repo: Repository, opts: LinkOptions): Promise<LinkSummary> {
  const t0 = performance.now();
  const data = opts.data ?? new PortalData(repo, { checkEveryMs: 0 });
  const sources = await repo.links.sources();
  const stored = new Map((await repo.links.councils()).map((c) => [c.council, c]));
  const todo = sources.filter((s) => opts.force || stored.get(s.council)?.fingerprint !== fingerprintOf(s.parts));
  const computed: string[] = [];
  let topics = 0;
  for (const [i, s] of todo.entries()) {
    if (opts.stop?.()) break;
    const links = await councilLinks(repo, data, s.council, fingerprintOf(s.parts), opts);
    await repo.links.replace(links, settleIds);
    computed.push(s.council);
    topics += links.topics.length;
    opts.progress?.(s.council, i + 1, todo.length);
  }
  const present = new Set(sources.map((s) => s.council));
  const removed: string[] = [];
  for (const c of stored.keys())
    if (!present.has(c)) {
      await repo.links.remove(c);
      removed.push(c);
    }
  return {
    councils: sources.length,
    computed,
    unchanged: sources.length - todo.length,
    removed,
    topics,
    seconds: (performance.now() - t0) / 1000,
  };
}

/**
 * Topic ids across councils: the slug of the defining phrase, kept by the council that reached the
 * store first (src/link/threads/ids), settled among the topics that share one.
 */
export function settleIds(topics: TopicId[]): Map<TopicId, string> {
  const ids = topicIds(topics.map((t) => ({ key: t.key, authority: t.council || null, since: t.since ?? undefined })));
  return new Map(topics.map((t, i) => [t, ids[i]]));
}

/** One council's links, as records for the pages, from its meetings as they are stored now. */
export async function councilLinks(
  repo: Repository,
  data: PortalData,
  council: string,
  fingerprint: string,
  opts: LinkOptions,
): Promise<CouncilLinks> {
  const g = await gather(data, opts.withText ?? true, council);
  const input = computeInput(g, opts.today);
  const r: LinkResult & { people?: People } = opts.compute ? await opts.compute(input) : computeLinks(input);
  const l = assemble(g, r);
  const meetingId = (key: string) => l.meetings.get(key)?.id ?? null;

  const topics: StoredTopic[] = l.threads.map((t) => {
    // The entries are stored one row each and paged by the reader, so the record keeps the rest.
    const { topic: summary, entries, total: _total, page: _page, limit: _limit, ...body } = topicData(l, t);
    return {
      slug: t.slug,
      base: slugOf(t.key),
      key: t.key,
      meetings: t.meetings.length,
      items: t.members.length,
      first: t.first,
      sortCouncil: t.council,
      summary,
      body,
      entries,
      raw: t,
      meetingIds: t.members.flatMap((m) => meetingId(m.meetingKey) ?? []),
    };
  });
  // Ids this council's topics had before, and old ids it was carrying on: where each leads now.
  const before = await repo.links.knownSlugs(council);
  const now = new Set(topics.map((t) => t.slug));
  const moved: MovedTopic[] = before
    .filter((old) => !now.has(old))
    .map((old) => {
      const c = l.continuation(old);
      return c.to !== null
        ? { from: old, to: l.threads[c.to].slug, near: [] }
        : { from: old, to: null, near: c.near.map((i) => l.threads[i].slug) };
    });

  const money = allMoney(l);
  const since = input.since[council];
  return {
    council,
    fingerprint,
    computedAt: opts.now,
    meetings: l.meetings.size,
    withText: l.withText,
    since: Number.isFinite(since) ? since : null,
    topics,
    followUps: r.followUps.map((f) => {
      const record = followUpRecord(l, f);
      return {
        fromMeetingId: record.from.meetingId,
        metMeetingId: record.metBy?.place.meetingId ?? null,
        fromCommitteeId: l.meetings.get(f.from.meetingKey)?.committee.id ?? null,
        dueBody: f.dueBody,
        dueBy: f.dueBy,
        met: f.metBy !== null,
        record,
        raw: f,
      };
    }),
    referrals: r.referrals.map((x) => {
      const record = referralRecord(l, x);
      return { fromMeetingId: record.from.meetingId, toMeetingId: record.to.meetingId, record, raw: x };
    }),
    money: r.money.map((m, i) => ({
      meetingId: money[i].place.meetingId,
      committeeId: money[i].committeeId,
      date: money[i].place.date,
      pounds: m.pounds,
      record: money[i],
      raw: m,
    })),
    quality: r.quality.map((q) => {
      const record = qualityRecord(l, q);
      return { meetingId: record.place.meetingId, record, raw: q };
    }),
    moved,
    people: r.people ?? findPeople(l.input),
  };
}
