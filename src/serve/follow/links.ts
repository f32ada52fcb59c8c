/**
 * The linkers (src/link) over the store: the store's meetings (one council's, or all) become LinkInput
 * through the shared adapter in src/link/from-store (entriesFromDetail), with each document's text
 * lines when they can be read (exempt lines blanked), and computeLinks' results are assembled with
 * the store's meeting and document ids, so every record links to its meeting page and source lines.
 * import/links.ts stores them per council; LinkKeeper keeps them in step for the portal.
 */

import { Worker } from "node:worker_threads";
import { updateLinks } from "../../import/links";
import { type ComputeInput, computeLinks, everyMatter, groupByAuthority, type LinkResult } from "../../link/compute";
import { entriesFromDetail } from "../../link/from-store";
import type { People } from "../../link/identity/people";
import {
  type FollowUp,
  findFollowUps,
  type LinkInput,
  type MoneyMention,
  type QualityFlag,
  type Referral,
  type Thread,
} from "../../link/index";
import { type Continuation, continuation } from "../../link/threads/ids";
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

/** What the linkers read of the store (one council's meetings, or all): all awaits on the store. */
export type Gathered = {
  input: LinkInput;
  meetings: Map<string, MeetingDetail>;
  lines: Map<number, readonly string[]>;
  pages: Map<number, readonly (number | null)[]>;
  textFound: boolean;
};

/** Gathers the meetings of `council` ("" for those of no council), or of every council when undefined. */
export async function gather(data: PortalData, withText: boolean, council?: string): Promise<Gathered> {
  const input: LinkInput = [];
  const meetings = new Map<string, MeetingDetail>();
  const lines = new Map<number, readonly string[]>();
  const pages = new Map<number, readonly (number | null)[]>();
  let textFound = false;
  let n = 0;
  for (const s of await data.allMeetings()) {
    if (council !== undefined && (s.authority ?? "") !== council) continue;
    // A cached read resolves at once and would never let a request in: step aside every few meetings.
    if (++n % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
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
          // One council's gather reads its own documents' exempt parts, not the whole store's index.
          const withheld = council === undefined ? await data.redactions(doc.id) : await ownRedactions(data, doc.id, d);
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
  return { input, meetings, lines, pages, textFound };
}

/**
 * The lines withheld in one document: its exempt minutes in this meeting and every exempt part the
 * store lists for it (a minute keeps its title line; a report, appendix or section goes from its first).
 */
async function ownRedactions(
  data: PortalData,
  documentId: number,
  d: MeetingDetail,
): Promise<{ startLine: number; endLine: number }[]> {
  const out: { startLine: number; endLine: number }[] = [];
  for (const x of d.minutes)
    if ((x.exempt || x.exemptParagraphs.length) && x.provenance.documentId === documentId)
      out.push({ startLine: x.provenance.span.startLine, endLine: x.provenance.span.endLine });
  for (const p of await data.repo.listExemptParts(documentId)) {
    const s = p.provenance.span;
    out.push({ startLine: p.kind === "minute" ? s.startLine : s.startLine - 1, endLine: s.endLine });
  }
  return out;
}

/** The linkers' input for computeLinks: each entry's council, and when each council reached the store. */
export function computeInput(g: Gathered, today: string): ComputeInput {
  const authorities = g.input.map((e) => g.meetings.get(e.meetingKey)?.authority ?? null);
  // When each council reached the store: its earliest stored document (ids only grow). When two
  // councils' topics share a phrase, the earlier keeps the plain id it had before the other came.
  const since: Record<string, number> = {};
  for (const d of g.meetings.values())
    for (const doc of d.documents) since[d.authority ?? ""] = Math.min(since[d.authority ?? ""] ?? Infinity, doc.id);
  return { entries: g.input, authorities, since, today };
}

/**
 * Runs computeLinks in a worker thread, so the portal's thread keeps answering while it runs; where a
 * worker cannot start, runs it here instead (slower to answer meanwhile, never wrong).
 */
export function computeOffThread(input: ComputeInput): Promise<LinkResult & { people?: People }> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(LINK_WORKER_URL);
    } catch {
      resolve(computeLinks(input));
      return;
    }
    let settled = false;
    const done = (f: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      f();
    };
    worker.once(
      "message",
      (m: { ok: true; result: LinkResult & { people?: People } } | { ok: false; message: string }) =>
        done(() => (m.ok ? resolve(m.result) : reject(new Error(`linking failed: ${m.message}`)))),
    );
    worker.once("error", (e) => done(() => reject(e)));
    worker.once("exit", (code) => done(() => reject(new Error(`the linking worker stopped (exit code ${code})`))));
    worker.postMessage({ id: 1, input });
  });
}

const LINK_WORKER_URL = new URL("./link-worker.mjs", import.meta.url);

export function assemble(g: Gathered, r: LinkResult): Linked {
  const { input, meetings, lines, pages, textFound } = g;
  const byAuthority = groupByAuthority(
    input,
    input.map((e) => meetings.get(e.meetingKey)?.authority ?? null),
  );
  const groups = [...byAuthority.values()];
  const { threads, referrals, money, quality } = r;
  const moved = new Map<string, Continuation>();
  const follow = new Map<string, FollowUp[]>([[r.today, r.followUps]]);
  let all: ReturnType<typeof everyMatter> | null = null;

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
        // Another day than the result's (the portal ran past midnight): worked out here, once a day.
        all ??= everyMatter(input);
        const matters = all;
        f = groups.flatMap((g) => findFollowUps(g, { today, matters }));
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
 * How long the store must stay unchanged before the portal links what a write left unlinked: long
 * enough that an import running elsewhere, which links its own councils after its last document,
 * usually stores them first (then the portal finds every fingerprint unchanged and does nothing).
 */
const QUIET_MS = 30_000;

/**
 * Keeps the stored links (store/common/links.ts) in step with the store for the portal: pages only
 * read what is stored and never compute links. `import` links the councils it touched before it
 * exits; any other write (or a store imported with --no-links) is linked here, off the request path:
 * once the store has been quiet for half a minute, the councils whose input changed are gathered and
 * computeLinks runs in a worker thread, then each council's results replace its old ones at once.
 * Until then pages answer from the links stored before. One update at a time; `wait` (tests that
 * import and look at once) makes every read wait for the store as it is now, and a store with no
 * links stored yet is waited for once (as the first result always was).
 */
export class LinkKeeper {
  private running: Promise<void> | null = null;
  private again = false;
  /** The store state the links were last brought up to date with. */
  private seen = "";
  private timer: NodeJS.Timeout | null = null;
  /** Set by close(): nothing more is scheduled or started (the store is about to close). */
  private closed = false;

  constructor(
    private readonly data: PortalData,
    private readonly withText = data.readDocuments,
    private readonly opts: { wait?: boolean; now?: () => Date; quietMs?: number } = {},
  ) {
    data.onClose(() => this.close());
  }

  /**
   * Stops for good: the pending update's timer is cleared (it would fire after the store closed) and no
   * update starts after this; one already running is waited for, so the store is not closed under it.
   */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.again = false;
    while (this.running) await this.running.catch(() => {});
  }

  /** The store state as the portal last looked (its change counter): cheap, read on every link read. */
  private async key(force = false): Promise<string> {
    await this.data.fresh(force);
    return this.data.state;
  }

  /** Brings the stored links up to date (only councils whose input changed); one run at a time. */
  update(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          const now = (this.opts.now ?? (() => new Date()))();
          await updateLinks(this.data.repo, {
            today: now.toISOString().slice(0, 10),
            now: now.toISOString(),
            data: this.data,
            withText: this.withText,
            compute: computeOffThread,
            stop: () => this.closed,
          });
          // Looked at afresh: the update's own writes moved the counter, and are not a change to link again.
          this.seen = await this.key(true);
        } while (this.again && !this.closed);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Called before a page reads links: never waits, except in `wait` mode or while nothing was ever stored. */
  async before(): Promise<void> {
    if (this.closed) return;
    const key = await this.key();
    if (key === this.seen) return;
    const empty = (await this.data.cached("links:overview", () => this.data.repo.links.overview())).councils === 0;
    if (this.opts.wait || (empty && (await this.data.stats()).meetings > 0)) {
      await this.update();
      return;
    }
    this.seen = key;
    this.schedule();
  }

  /** An update once the store has stayed unchanged for QUIET_MS (an import running links its own councils). */
  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.closed) return;
      void (async () => {
        const key = await this.key();
        if (key !== this.seen) {
          this.seen = key;
          this.schedule();
          return;
        }
        await this.update();
      })().catch((e) => console.error(`linking after a store change failed: ${(e as Error).message}`));
    }, this.opts.quietMs ?? QUIET_MS);
    this.timer.unref();
  }

  /** Resolves once no update is running or waiting (tests and benchmarks wait for the background work). */
  async settled(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      await this.update();
    }
    while (this.running) await this.running.catch(() => {});
  }
}
