/**
 * `quorum topics [--json] [--db FILE] [--from-files PATH...]`: subjects followed across meetings
 * and committees, each with its items, years and the shared phrases that link them. Meetings come
 * from the store (through the Repository's read methods) or straight from files (parsed with
 * parseFile). Also home of the meeting loader that `quorum followups` shares.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { registerBuiltinReaders } from "../../extract/index";
import { DEFAULT_LIMITS, pickReader } from "../../extract/registry";
import { findMoney, findQualityFlags, findTopics, type LinkEntry, type LinkInput, type Thread } from "../../link/index";
import { normBody } from "../../link/referrals/bodies";
import type { Clause, Meeting, Span } from "../../model/parse-v1";
import { parseFile } from "../../pipeline/parse-file";
import type { MeetingDetail, Repository, ResolutionRecord } from "../../store/repository";
import { storeLocation } from "../../store/repository";
import { parseOptions, UsageError } from "../args";
import type { Command } from "../main";

// ---------------------------------------------------------------------------------------------
// Loading meetings

/** Rebuilds a resolution tree from the store's flattened clauses ("a", "a.ii"). */
export function clausesFromRecords(records: ResolutionRecord[]): Clause[] {
  const roots: Clause[] = [];
  const byPath = new Map<string, Clause>();
  for (const r of records) {
    const c: Clause = { label: r.label, text: r.text, children: [] };
    byPath.set(r.path, c);
    const cut = r.path.lastIndexOf(".");
    const parent = cut > 0 ? byPath.get(r.path.slice(0, cut)) : undefined;
    if (parent) parent.children.push(c);
    else roots.push(c);
  }
  return roots;
}

/**
 * One store meeting as LinkInput entries: one per document that gave it items, so each item keeps
 * the document it came from. Membership, attendance and the next meeting go with the first.
 */
export function entriesFromDetail(d: MeetingDetail): LinkEntry[] {
  const meetingKey = `${d.committee.name}|${d.date ?? `meeting-${d.id}`}`;
  const docs = new Map<string, Meeting>();
  const zero: Span = { startLine: 0, endLine: 0, page: null };
  const get = (name: string): Meeting => {
    let m = docs.get(name);
    if (!m) {
      const ref = d.documents.find((x) => x.name === name);
      m = {
        body: d.committee.name,
        authority: d.authority,
        date: d.date,
        time: d.time,
        location: d.location,
        contact: d.contact,
        membership: [],
        agenda: [],
        attendance: null,
        minutes: [],
        reports: [],
        nextMeeting: null,
        span: ref?.span ?? zero,
      };
      docs.set(name, m);
    }
    return m;
  };
  const firstDoc = d.documents[0]?.name ?? `meeting-${d.id}`;
  const head = get(firstDoc);
  head.membership = d.membership.map((x) => ({ name: x.person.printed, role: x.role }));
  head.nextMeeting = d.nextMeeting;
  if (d.attendance) {
    const a = d.attendance;
    get(a.provenance.documentName).attendance = {
      chair: a.chair?.printed ?? null,
      present: a.present.map((p) => p.printed),
      apologies: a.apologies.map((p) => p.printed),
      inAttendance: a.inAttendance.map((p) => p.printed),
    };
  }
  for (const a of d.agenda)
    get(a.provenance.documentName).agenda.push({
      number: a.number,
      title: a.title,
      reportBy: a.reportBy,
      pages: a.pages,
      span: a.provenance.span,
    });
  for (const x of d.minutes)
    get(x.provenance.documentName).minutes.push({
      number: x.number,
      agendaItem: x.agendaItem,
      title: x.title,
      declarations: x.declarations.map((k) => ({ member: k.person.printed, interest: k.interest, item: k.item })),
      resolutions: clausesFromRecords(x.resolutions),
      keyDecision: x.keyDecision,
      reasons: x.reasons,
      exemptParagraphs: x.exemptParagraphs,
      span: x.provenance.span,
    });
  for (const r of d.reports)
    get(r.provenance.documentName).reports.push({
      agendaItem: r.agendaItem,
      title: r.title,
      author: r.author,
      recommendations: r.recommendations,
      officers: r.officers,
      appendices: r.appendices,
      backgroundPapers: r.backgroundPapers,
      span: r.provenance.span,
    });
  return [...docs.entries()].map(([docId, meeting]) => ({ docId, meetingKey, meeting }));
}

/** Every meeting in the store, through the Repository's public read methods. */
export async function loadFromRepository(repo: Repository): Promise<LinkInput> {
  const out: LinkInput = [];
  const limit = 100;
  for (let offset = 0; ; offset += limit) {
    const page = await repo.listMeetings({}, { limit, offset });
    for (const s of page.items) {
      const d = await repo.getMeeting(s.id);
      if (d) out.push(...entriesFromDetail(d));
    }
    if (!page.items.length || offset + limit >= page.total) break;
  }
  return out;
}

async function expand(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let s: Awaited<ReturnType<typeof stat>>;
    try {
      s = await stat(p);
    } catch {
      out.push(p); // parseFile reports it with a readable message
      continue;
    }
    if (s.isDirectory()) {
      const names = (await readdir(p, { recursive: true })).map(String).sort();
      for (const n of names) {
        const full = join(p, n);
        if (!basename(n).startsWith(".") && (await stat(full)).isFile()) out.push(full);
      }
    } else out.push(p);
  }
  return out;
}

/** The document's extracted lines (so discussion text can be read), or undefined when the reader gives none. */
async function documentLines(path: string): Promise<string[] | undefined> {
  await registerBuiltinReaders();
  const bytes = await readFile(path);
  const reader = pickReader(basename(path), bytes);
  if (!reader) return undefined;
  const out = await reader.read({ name: basename(path), bytes, sha256: "", limits: DEFAULT_LIMITS });
  if (out.kind !== "lines") return undefined;
  const lines: string[] = [];
  for (const l of out.doc.lines) lines[l.n - 1] = l.text;
  return Array.from(lines, (x) => x ?? "");
}

/** Parses files (or every file under folders) with parseFile; meetings are keyed by body and date. */
export async function loadFromFiles(paths: string[], withText: boolean): Promise<LinkInput> {
  const out: LinkInput = [];
  for (const path of await expand(paths)) {
    const result = await parseFile(path);
    const lines = withText && result.meetings.length ? await documentLines(path) : undefined;
    for (const meeting of result.meetings) {
      out.push({
        docId: result.source.name,
        // "CABINET" on a front sheet and "Cabinet" in the minutes are one meeting on one day.
        meetingKey: `${normBody(meeting.body)}|${meeting.date ?? `undated:${result.source.name}`}`,
        meeting,
        ...(lines ? { lines } : {}),
      });
    }
  }
  return out;
}

export type SourceOptions = { db?: string; fromFiles?: boolean; text?: boolean };

/** Meetings from `--from-files PATH...` or else from the store named by `--db` / DATABASE_URL. */
export async function loadInput(values: SourceOptions, positionals: string[], usage: string): Promise<LinkInput> {
  if (values.fromFiles) {
    if (!positionals.length) throw new UsageError(`--from-files needs at least one PATH\nusage: ${usage}`);
    return loadFromFiles(positionals, values.text !== false);
  }
  if (positionals.length)
    throw new UsageError(`unexpected ${positionals[0]} (did you mean --from-files?)\nusage: ${usage}`);
  const { openRepository } = await import("../../store/open");
  const repo = await openRepository(storeLocation(values.db));
  try {
    return await loadFromRepository(repo);
  } finally {
    await repo.close();
  }
}

/** Options every linking command takes for where its meetings come from. */
export const SOURCE_OPTIONS = {
  json: { type: "boolean" },
  db: { type: "string" },
  "from-files": { type: "boolean" },
  "no-text": { type: "boolean" },
} as const;

// ---------------------------------------------------------------------------------------------
// Output

export function formatTopics(threads: Thread[], meetings: number): string {
  const out: string[] = [
    `${threads.length} topic${threads.length === 1 ? "" : "s"} across ${meetings} meeting${meetings === 1 ? "" : "s"}`,
  ];
  threads.forEach((t, i) => {
    const span =
      t.first && t.last
        ? t.first.slice(0, 4) === t.last.slice(0, 4)
          ? t.first.slice(0, 4)
          : `${t.first.slice(0, 4)}–${t.last.slice(0, 4)}`
        : "undated";
    out.push(
      "",
      `${i + 1}. ${t.label} — ${span}, ${t.meetings.length} meetings, ${t.members.length} items (${t.bodies.join("; ")})`,
    );
    if (t.phrases.length > 1)
      out.push(`   also: ${t.phrases.slice(1, 6).join(", ")}${t.phrases.length > 6 ? ", …" : ""}`);
    for (const m of t.members) {
      const ev = m.evidence[0];
      const line = m.span ? ` line ${m.span.startLine}` : "";
      out.push(
        `   ${m.date ?? "undated   "}  ${m.body}: ${m.ref} "${m.title}" [${ev.field} "${ev.phrase}"; ${m.docId}${line}]`,
      );
    }
  });
  return out.join("\n");
}

const usage = "quorum topics [--json] [--limit N] [--money] [--quality] [--db FILE | --from-files PATH... [--no-text]]";

export const command: Command = {
  summary:
    "Subjects followed across meetings and committees (shared key phrases, with where they were found); --money lists sums, --quality the data-quality flags.",
  usage,
  async run(argv) {
    const { values, positionals } = parseOptions(
      argv,
      { ...SOURCE_OPTIONS, limit: { type: "string" }, money: { type: "boolean" }, quality: { type: "boolean" } },
      usage,
    );
    const input = await loadInput(
      { db: values.db, fromFiles: Boolean(values["from-files"]), text: !values["no-text"] },
      positionals,
      usage,
    );
    if (values.limit !== undefined && !/^\d+$/.test(values.limit))
      throw new UsageError(`--limit expects a whole number\nusage: ${usage}`);
    const all = findTopics(input);
    const threads = values.limit === undefined ? all : all.slice(0, Number(values.limit));
    const meetings = new Set(input.map((e) => e.meetingKey)).size;
    const money = values.money ? findMoney(input) : undefined;
    const quality = values.quality ? findQualityFlags(input) : undefined;
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ meetings, topics: threads, money, quality }, null, 1)}\n`);
      return 0;
    }
    const parts = [formatTopics(threads, meetings)];
    if (money) {
      parts.push("", `Sums of money (${money.length})`);
      for (const m of money)
        parts.push(
          `   ${m.date ?? "undated"}  ${m.body}: ${m.ref}  ${m.asPrinted} = £${m.pounds.toLocaleString("en-GB")}${m.per ? ` ${m.per}` : ""} — ${m.purpose}`,
        );
    }
    if (quality) {
      parts.push("", `Data-quality flags (${quality.length})`);
      for (const q of quality) parts.push(`   ${q.date ?? "undated"}  ${q.body} [${q.docId}]: ${q.message}`);
    }
    process.stdout.write(`${parts.join("\n")}\n`);
    return 0;
  },
};
