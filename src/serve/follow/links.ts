/**
 * The linkers (src/link) over the portal's store: the store's meetings become LinkInput through the
 * shared adapter in src/link/from-store (entriesFromDetail), with each document's text lines when the server can read
 * them (exempt minutes' lines blanked), and the results are computed once per store state and kept
 * until an import changes the store's counts. Results are turned into records that name the store's
 * meeting and document ids, so every entry links to its meeting page and its source lines.
 */
import { entriesFromDetail } from "../../link/from-store";
import {
  type FollowUp,
  findFollowUps,
  findMoney,
  findQualityFlags,
  findReferrals,
  findTopics,
  type LinkInput,
  type MoneyMention,
  type QualityFlag,
  type Referral,
  type Thread,
} from "../../link/index";
import { type Continuation, continuation, topicIds } from "../../link/threads/ids";
import type { Span } from "../../model/parse-v1";
import type { DocumentRef, MeetingDetail, Provenance } from "../../store/repository";
import type { PortalData } from "../data";

/** A place in the records: a meeting (when it is in the store), the item, and the lines it came from. */
export type { Place } from "./schemas";

import type { Place } from "./schemas";

/** Everything the linkers found in one state of the store, with the ids needed to link to it. */
export type Linked = {
  input: LinkInput;
  meetings: Map<string, MeetingDetail>;
  threads: (Thread & { slug: string; authority: string | null })[];
  referrals: Referral[];
  money: MoneyMention[];
  quality: QualityFlag[];
  /** Text lines by document id (blanked where exempt), for finding names in discussion. */
  lines: Map<number, readonly string[]>;
  /** The physical page of each of those lines (null for unpaged sources). */
  pages: Map<number, readonly (number | null)[]>;
  /** Each council's input as its topics were found from it, keyed by council name ("" for none). */
  groups: Map<string, LinkInput>;
  /** Which current topic carries on an id that no longer exists (kept per id for this state). */
  continuation(oldId: string): Continuation;
  /** Whether discussion text was available to the linkers (else only titles, resolutions, recommendations). */
  withText: boolean;
  followUps(today: string): FollowUp[];
  place(
    meetingKey: string,
    docId: string,
    span: Span | null,
    ref: string,
    title: string,
    kind?: "agenda" | "minute" | "report",
  ): Place;
  document(meetingKey: string, docId: string): DocumentRef | null;
};

/** Agenda titles that mark an item as exempt or confidential (the title itself is published). */
const EXEMPT_TITLE = /\b(?:exempt|not for publication|confidential)\b|\bschedule\s*12\s*\(?a\b/i;

/**
 * What the linkers may read of a meeting. Exempt minutes keep their title only, whatever the store
 * hands back. A report goes when it belongs to an exempt item: its agenda item is minuted as exempt
 * or titled as exempt or confidential, its own title says so, or its lines lie inside an exempt
 * minute's (which the store withholds) — so no sum, phrase or promise is read from it.
 */
export function withoutExempt(d: MeetingDetail): MeetingDetail {
  const exemptMinutes = d.minutes.filter((x) => x.exempt || x.exemptParagraphs.length);
  const exemptItems = new Set<string>();
  for (const x of exemptMinutes) {
    if (x.agendaItem) exemptItems.add(itemKey(x.agendaItem));
  }
  for (const a of d.agenda) if (a.exempt || EXEMPT_TITLE.test(a.title)) exemptItems.add(itemKey(a.number));
  const insideExempt = (p: Provenance) =>
    exemptMinutes.some(
      (x) =>
        x.provenance.documentId === p.documentId &&
        p.span.startLine <= x.provenance.span.endLine &&
        p.span.endLine > x.provenance.span.startLine,
    );
  return {
    ...d,
    minutes: d.minutes.map((x) =>
      x.exempt || x.exemptParagraphs.length ? { ...x, resolutions: [], reasons: [], declarations: [] } : x,
    ),
    reports: d.reports.filter(
      (r) =>
        !r.exempt &&
        !(r.agendaItem && exemptItems.has(itemKey(r.agendaItem))) &&
        !EXEMPT_TITLE.test(r.title) &&
        !insideExempt(r.provenance),
    ),
  };
}

/** "Item 12", "12." and "12" name one agenda item. */
function itemKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/^(?:agenda\s+)?item\s+/, "")
    .replace(/[^a-z0-9]+/g, "");
}

async function compute(data: PortalData, withText: boolean): Promise<Linked> {
  const input: LinkInput = [];
  const meetings = new Map<string, MeetingDetail>();
  const lines = new Map<number, readonly string[]>();
  const pages = new Map<number, readonly (number | null)[]>();
  let textFound = false;
  for (const s of await data.allMeetings()) {
    const raw = await data.meeting(s.id);
    if (!raw) continue;
    const d = withoutExempt(raw);
    for (const e of entriesFromDetail(d)) {
      if (!meetings.has(e.meetingKey)) meetings.set(e.meetingKey, d);
      const doc = d.documents.find((x) => x.name === e.docId);
      let text = doc ? lines.get(doc.id) : undefined;
      if (doc && !text && withText) {
        const t = await data.documentText(doc);
        if (t.kind === "lines") {
          const withheld = await data.redactions(doc.id);
          const out: string[] = [];
          const onPage: (number | null)[] = [];
          for (const l of t.lines) {
            out[l.n - 1] = withheld.some((r) => l.n > r.startLine && l.n <= r.endLine) ? "" : l.text;
            onPage[l.n - 1] = l.page;
          }
          text = Array.from(out, (x) => x ?? "");
          lines.set(doc.id, text);
          pages.set(
            doc.id,
            Array.from(onPage, (x) => x ?? null),
          );
        }
      }
      if (text) textFound = true;
      input.push(text ? { ...e, lines: text } : e);
    }
  }
  // Each council's meetings are linked among themselves: one council's Cabinet is not another's.
  const byAuthority = new Map<string, LinkInput>();
  for (const e of input) {
    const a = meetings.get(e.meetingKey)?.authority ?? null;
    const group = byAuthority.get(a ?? "") ?? [];
    group.push(e);
    byAuthority.set(a ?? "", group);
  }
  const groups = [...byAuthority.values()];
  // When each council reached the store: its earliest stored document (ids only grow). When two
  // councils' topics share a phrase, the earlier keeps the plain id it had before the other came.
  const since = new Map<string, number>();
  for (const d of meetings.values())
    for (const doc of d.documents)
      since.set(d.authority ?? "", Math.min(since.get(d.authority ?? "") ?? Infinity, doc.id));
  // Matters are found over the whole input, each within its own council (src/link/matters/council).
  const matters = findTopics(input);
  const found = matters.map((t) => {
    const a = t.council.startsWith("unknown: ") ? "" : t.council;
    return { ...t, authority: a || null, since: since.get(a) };
  });
  // Ids from each topic's defining phrase (and council, when two share one), never its rank.
  const ids = topicIds(found);
  const threads = found.map((t, i) => ({ ...t, slug: ids[i] }));
  const moved = new Map<string, Continuation>();
  let all: ReturnType<typeof findTopics> | null = null;
  const everyMatter = () => {
    all ??= findTopics(input, { minMeetings: 1, mentions: false });
    return all;
  };
  const referrals = groups.flatMap((g) => findReferrals(g));
  const money = groups.flatMap((g) => findMoney(g));
  const quality = groups.flatMap((g) => findQualityFlags(g));
  const follow = new Map<string, FollowUp[]>();

  const document = (meetingKey: string, docId: string): DocumentRef | null =>
    meetings.get(meetingKey)?.documents.find((x) => x.name === docId) ?? null;

  const place: Linked["place"] = (meetingKey, docId, span, ref, title, kind) => {
    const d = meetings.get(meetingKey) ?? null;
    const doc = document(meetingKey, docId);
    const source = doc && span && span.startLine > 0 ? { documentId: doc.id, documentName: doc.name, span } : null;
    let href: string | null = null;
    if (d) {
      href = `/meetings/${d.id}`;
      const at = (p: Provenance) =>
        p.documentName === docId &&
        span !== null &&
        p.span.startLine <= span.startLine &&
        span.startLine <= p.span.endLine;
      const pick = <T extends { id: number; provenance: Provenance }>(xs: T[], name: string) => {
        const hit = xs.find((x) => at(x.provenance));
        return hit ? `${name}-${hit.id}` : null;
      };
      const anchor =
        kind === "agenda"
          ? pick(d.agenda, "agenda")
          : kind === "report"
            ? pick(d.reports, "report")
            : pick(d.minutes, "minute");
      if (anchor) href += `#${anchor}`;
    }
    return {
      meetingId: d?.id ?? null,
      committee: d?.committee.name ?? meetingKey.split("|")[0],
      date: d?.date ?? null,
      ref,
      title,
      href,
      source,
    };
  };

  return {
    input,
    meetings,
    threads,
    referrals,
    money,
    quality,
    lines,
    pages,
    groups: byAuthority,
    continuation(oldId: string) {
      let c = moved.get(oldId);
      if (!c) {
        c = continuation(
          oldId,
          threads.map((t) => ({
            id: t.slug,
            key: t.key,
            authority: t.authority,
            phrases: t.phrases,
            memberIds: t.members.map((m) => m.itemId),
          })),
          byAuthority,
        );
        // Bounded: unknown ids are whatever anyone types.
        if (moved.size > 2000) moved.clear();
        moved.set(oldId, c);
      }
      return c;
    },
    withText: textFound,
    followUps(today: string) {
      let f = follow.get(today);
      if (!f) {
        f = groups.flatMap((g) => findFollowUps(g, { today, matters: everyMatter() }));
        if (follow.size > 8) follow.clear();
        follow.set(today, f);
      }
      return f;
    },
    place,
    document,
  };
}

/**
 * Link results for the store as it is now: recomputed only when the store's statistics change (an
 * import), shared by concurrent requests, never half-built.
 */
export class FollowLinks {
  private key = "";
  private result: Promise<Linked> | null = null;
  /** The finished results for `key`, once computed. */
  private done: Linked | null = null;

  constructor(
    private readonly data: PortalData,
    private readonly withText = data.readDocuments,
  ) {}

  async get(): Promise<Linked> {
    const key = JSON.stringify(await this.data.stats());
    if (key !== this.key || !this.result) {
      this.key = key;
      this.done = null;
      const p = compute(this.data, this.withText);
      this.result = p;
      p.then(
        (r) => {
          if (this.result === p) this.done = r;
        },
        () => {
          if (this.result === p) this.result = null;
        },
      );
    }
    return this.result;
  }

  /**
   * The results if they are ready for the store as it is now; otherwise starts computing them and
   * returns null, so a page that only adds to itself from them never waits seconds for them.
   */
  async ready(): Promise<Linked | null> {
    const pending = this.get();
    pending.catch(() => {});
    const key = JSON.stringify(await this.data.stats());
    return key === this.key ? this.done : null;
  }
}
