/**
 * The portal's read layer over the store's Repository: a small cache (cleared whenever the store's
 * change counter moves, so an import invalidates it), plus the few queries the portal composes itself —
 * documents by id, their text lines for provenance links, and the spans of exempt minutes to redact.
 */
import { readFile } from "node:fs/promises";
import { registerBuiltinReaders } from "../extract/index";
import { readBounded } from "../extract/isolate";
import { DEFAULT_LIMITS, pickReader } from "../extract/registry";
import type { Line } from "../model/document";
import { sha256Hex } from "../pipeline/parse-file";
import {
  type DocumentRef,
  isStoreUnreachable,
  type MeetingDetail,
  type MeetingSummary,
  type Repository,
  type StoreStats,
} from "../store/repository";
import type { Redaction } from "./schemas";

export type DocumentText =
  | { kind: "lines"; lines: Line[]; pageCount: number | null }
  | { kind: "unavailable"; reason: string };

/** Exempt lines inside a document: those after `startLine` up to `endLine` are withheld (a minute's title line is shown). */
export type { Redaction } from "./schemas";

export type PortalDataOptions = {
  /** How often (ms) the store's counts are re-read to detect an import; 0 checks on every request. */
  checkEveryMs?: number;
  /** Whether source documents may be read from their recorded paths to show their lines. */
  readDocuments?: boolean;
  /** Keep reads and rendered pages until the store changes (default true; off to measure the uncached cost). */
  cache?: boolean;
};

const MAX_ENTRIES = 5000;
const MAX_VOLATILE = 1000;

export class PortalData {
  private cache = new Map<string, Promise<unknown>>();
  /** Searches, kept apart so a flood of distinct queries cannot push out meetings and pages. */
  private volatile = new Map<string, Promise<unknown>>();
  /**
   * What the cache held before the store last changed ("c:" and "v:" keys): when the store cannot be
   * reached, a page seen before an import (or before links were stored) is still served as it was
   * rather than answering 503.
   */
  private previous = new Map<string, Promise<unknown>>();
  private seen = "";
  private checkedAt = 0;
  private checking: Promise<void> | null = null;
  private readonly checkEveryMs: number;
  readonly readDocuments: boolean;
  private readonly useCache: boolean;

  constructor(
    readonly repo: Repository,
    opts: PortalDataOptions = {},
  ) {
    this.checkEveryMs = opts.checkEveryMs ?? 1000;
    this.readDocuments = opts.readDocuments ?? true;
    this.useCache = opts.cache ?? true;
  }

  private closers: (() => Promise<void>)[] = [];

  /** Registers work to stop before the store closes (the link keeper's pending update). */
  onClose(f: () => Promise<void>): void {
    this.closers.push(f);
  }

  /** Stops what runs in the background for these pages; the store itself is the caller's to close. */
  async close(): Promise<void> {
    const fs = this.closers;
    this.closers = [];
    await Promise.all(fs.map((f) => f()));
  }

  /** The store state the cache holds (its change counter as last read); "" before the first look. */
  get state(): string {
    return this.seen;
  }

  /** Since when the store could not be reached (null while it can): pages cached before are still served. */
  unreachableSince: number | null = null;

  /**
   * Clears the cache when the store changed since the last look. When the store cannot be reached,
   * the cache is kept as it is (its pages are still true as of the last look) and this does not throw:
   * what is cached is served, and only what must be read now fails.
   */
  async fresh(force = false): Promise<void> {
    const now = Date.now();
    if (!force && this.checkEveryMs > 0 && now - this.checkedAt < this.checkEveryMs) return;
    if (force && this.checking) await this.checking;
    this.checking ??= (async () => {
      try {
        // The store's change counter moves with every import, replacement, unmerge, office write and
        // links update: one row read, never the counts (a count over every paragraph would stall
        // every request behind it once a second on a large store).
        let changes: number;
        try {
          changes = await this.repo.links.changes();
        } catch (e) {
          if (!isStoreUnreachable(e)) throw e;
          this.unreachableSince ??= Date.now();
          this.checkedAt = Date.now();
          return;
        }
        this.unreachableSince = null;
        const f = String(changes);
        if (f !== this.seen) {
          this.previous = new Map([
            ...[...this.cache].map(([k, v]) => [`c:${k}`, v] as const),
            ...[...this.volatile].map(([k, v]) => [`v:${k}`, v] as const),
          ]);
          this.cache.clear();
          this.volatile.clear();
          this.seen = f;
        }
        this.checkedAt = Date.now();
      } finally {
        this.checking = null;
      }
    })();
    await this.checking;
  }

  /**
   * Memoises a read until the store changes; bounded, oldest entry dropped first. Failed reads are not
   * kept. `volatile` entries (searches) live in a separate, smaller table.
   */
  cached<T>(key: string, load: () => Promise<T>, volatile = false): Promise<T> {
    if (!this.useCache) return load();
    const table = volatile ? this.volatile : this.cache;
    const hit = table.get(key) as Promise<T> | undefined;
    if (hit) return hit;
    const before = this.previous.get(`${volatile ? "v" : "c"}:${key}`) as Promise<T> | undefined;
    const p = before
      ? load().catch((e) => {
          if (isStoreUnreachable(e)) return before;
          throw e;
        })
      : load();
    if (table.size >= (volatile ? MAX_VOLATILE : MAX_ENTRIES)) table.delete(table.keys().next().value as string);
    table.set(key, p);
    p.catch(() => table.delete(key));
    return p;
  }

  stats(): Promise<StoreStats> {
    return this.cached("stats", () => this.repo.stats());
  }

  meeting(id: number): Promise<MeetingDetail | null> {
    return this.cached(`meeting:${id}`, () => this.repo.getMeeting(id));
  }

  /** Every meeting, oldest first (the store pages; the portal needs the whole list for home and feeds). */
  allMeetings(): Promise<MeetingSummary[]> {
    return this.cached("meetings:all", async () => {
      const out: MeetingSummary[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = await this.repo.listMeetings({}, { limit: 500, offset });
        out.push(...page.items);
        if (page.items.length < 500 || out.length >= page.total) break;
      }
      return out.sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.id - b.id);
    });
  }

  allDocuments(): Promise<DocumentRef[]> {
    return this.cached("documents:all", async () => {
      const out: DocumentRef[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = await this.repo.listDocuments({ limit: 500, offset });
        out.push(...page.items);
        if (page.items.length < 500 || out.length >= page.total) break;
      }
      return out;
    });
  }

  async document(id: number): Promise<DocumentRef | null> {
    return (await this.allDocuments()).find((d) => d.id === id) ?? null;
  }

  /** Meetings each document speaks of, and the exempt minutes inside each document. */
  private documentIndex(): Promise<Map<number, { meetings: MeetingSummary[]; redactions: Redaction[] }>> {
    return this.cached("documents:index", async () => {
      const index = new Map<number, { meetings: MeetingSummary[]; redactions: Redaction[] }>();
      const entry = (id: number) => {
        let e = index.get(id);
        if (!e) {
          e = { meetings: [], redactions: [] };
          index.set(id, e);
        }
        return e;
      };
      for (const m of await this.allMeetings()) {
        const detail = await this.meeting(m.id);
        if (!detail) continue;
        for (const d of detail.documents) entry(d.id).meetings.push(m);
        for (const x of detail.minutes) {
          if (!x.exempt && !x.exemptParagraphs.length) continue;
          entry(x.provenance.documentId).redactions.push({
            startLine: x.provenance.span.startLine,
            endLine: x.provenance.span.endLine,
            paragraphs: x.exemptParagraphs,
            title: x.title,
          });
        }
      }
      // Every exempt part the store lists, shown source or not: a minute keeps its title line, a
      // report, appendix or section is withheld from its first line.
      for (const p of await this.repo.listExemptParts()) {
        const s = p.provenance.span;
        entry(p.provenance.documentId).redactions.push({
          startLine: p.kind === "minute" ? s.startLine : s.startLine - 1,
          endLine: s.endLine,
          paragraphs: p.paragraphs,
          title: p.title,
        });
      }
      return index;
    });
  }

  async documentMeetings(id: number): Promise<MeetingSummary[]> {
    return (await this.documentIndex()).get(id)?.meetings ?? [];
  }

  async redactions(id: number): Promise<Redaction[]> {
    return (await this.documentIndex()).get(id)?.redactions ?? [];
  }

  /**
   * The document's text as the importer saw it, read from the original the store keeps (or its recorded path) and checked against
   * its hash, so line numbers in provenance point at the same lines.
   */
  /**
   * A document's text is fixed by its bytes, so it outlives store changes (kept by id and hash, not
   * cleared by an import): the links recomputed after each import do not re-read every document.
   */
  private texts = new Map<string, Promise<DocumentText>>();

  documentText(doc: DocumentRef): Promise<DocumentText> {
    const key = `${doc.id}:${doc.sha256}`;
    const hit = this.useCache ? this.texts.get(key) : undefined;
    if (hit) return hit;
    const p = this.readText(doc);
    if (this.useCache) {
      if (this.texts.size >= MAX_ENTRIES) this.texts.delete(this.texts.keys().next().value as string);
      this.texts.set(key, p);
      p.then(
        (t) => {
          // "The file has gone" may not be for ever: only text read is kept.
          if (t.kind !== "lines") this.texts.delete(key);
        },
        () => this.texts.delete(key),
      );
    }
    return p;
  }

  private readText(doc: DocumentRef): Promise<DocumentText> {
    return (async (): Promise<DocumentText> => {
      if (!this.readDocuments) return { kind: "unavailable", reason: "This server does not show document text." };
      // The original kept in the store; a document imported before the store kept originals is re-read from its path.
      const original = await this.repo.getOriginal(doc.id);
      let bytes: Uint8Array | null = original?.bytes ?? null;
      if (!bytes) {
        if (!original?.path)
          return { kind: "unavailable", reason: "The store does not record where this document was read from." };
        try {
          bytes = await readFile(original.path);
        } catch {
          return { kind: "unavailable", reason: "The original file is no longer available to this server." };
        }
      }
      if (sha256Hex(bytes) !== doc.sha256)
        return {
          kind: "unavailable",
          reason: "The file has changed since it was imported, so its lines no longer match.",
        };
      await registerBuiltinReaders();
      const reader = pickReader(doc.name, bytes);
      if (!reader) return { kind: "unavailable", reason: "No reader accepts this file any more." };
      // Off the request thread and under the reader limits: a page never waits on a DOM build.
      let out: Awaited<ReturnType<typeof readBounded>>;
      try {
        out = await readBounded(reader, { name: doc.name, bytes, sha256: doc.sha256, limits: DEFAULT_LIMITS });
      } catch (e) {
        return { kind: "unavailable", reason: `The file can no longer be read: ${(e as Error).message}` };
      }
      if (out.kind !== "lines")
        return { kind: "unavailable", reason: "This is a structured record (XML), not a text with lines." };
      return { kind: "lines", lines: out.doc.lines, pageCount: out.doc.pageCount };
    })();
  }
}
