/**
 * `minutebook topics [--json] [--db FILE] [--from-files PATH...]`: subjects followed across meetings
 * and committees, each with its items, years and the shared phrases that link them. From the store,
 * the links import stored (the portal and the API read the same); from files, the linkers run on
 * them now (parsed with parseFileWithText). Also home of the meeting loader `minutebook followups` shares.
 */
import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { meetingKeyOf } from "../../link/from-store";
import type { People } from "../../link/identity/people";
import {
  findMoney,
  findPeople,
  findQualityFlags,
  findTopics,
  type LinkInput,
  type MoneyMention,
  type QualityFlag,
  type Thread,
} from "../../link/index";
import { parseFileWithText } from "../../pipeline/parse-file";
import { type Repository, storeLocation } from "../../store/repository";
import { parseOptions, UsageError } from "../args";
import type { Command } from "../main";

// ---------------------------------------------------------------------------------------------
// Loading meetings

async function expand(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let s: Awaited<ReturnType<typeof stat>>;
    try {
      s = await stat(p);
    } catch {
      out.push(p); // parseFileWithText reports it with a readable message
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

/** Parses files (or every file under folders), each read once for its parse and its text lines; meetings are keyed by body and date. */
export async function loadFromFiles(paths: string[], withText: boolean): Promise<LinkInput> {
  const out: LinkInput = [];
  for (const path of await expand(paths)) {
    const { result, lines: text } = await parseFileWithText(path);
    const lines = withText && result.meetings.length && text ? text : undefined;
    for (const meeting of result.meetings) {
      out.push({
        docId: result.source.name,
        // "CABINET" on a front sheet and "Cabinet" in the minutes are one meeting on one day.
        meetingKey: meetingKeyOf(meeting.body, meeting.date, meeting.authority, result.source.name),
        meeting,
        ...(lines ? { lines } : {}),
      });
    }
  }
  return out;
}

export type SourceOptions = { db?: string; fromFiles?: boolean; text?: boolean };

/** Meetings from `--from-files PATH...` (a store's are read as import stored their links: withStoredLinks). */
export async function loadInput(values: SourceOptions, positionals: string[], usage: string): Promise<LinkInput> {
  if (!positionals.length) throw new UsageError(`--from-files needs at least one PATH\nusage: ${usage}`);
  return loadFromFiles(positionals, values.text !== false);
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
    const across = t.links.filter((l) => l.kind !== "same-item");
    for (const l of across.slice(0, 3)) out.push(`   why (${l.kind}): ${l.why}`);
    if (across.length > 3) out.push(`   … and ${across.length - 3} more links`);
    if (t.history.length)
      out.push(
        `   earlier reports cited: ${[...new Set(t.history.map((h) => `${h.body ?? "?"} ${h.date ?? "undated"} "${h.title}"`))].join("; ")}`,
      );
    if (t.mentions.length)
      out.push(
        `   also mentioned in: ${t.mentions
          .slice(0, 5)
          .map((x) => `${x.ref} "${x.title}" (${x.date ?? "undated"})`)
          .join("; ")}${t.mentions.length > 5 ? `; … ${t.mentions.length - 5} more` : ""}`,
      );
  });
  return out.join("\n");
}

type Found = {
  all: Thread[];
  meetings: number;
  money?: MoneyMention[];
  quality?: QualityFlag[];
  people?: ReturnType<typeof findPeople>;
};
type Wanted = { money?: boolean; quality?: boolean; people?: boolean };

/** The linkers run on the files now. */
async function fromFiles(paths: string[], text: boolean, want: Wanted): Promise<Found> {
  const input = await loadInput({ fromFiles: true, text }, paths, usage);
  return {
    all: findTopics(input),
    meetings: new Set(input.map((e) => e.meetingKey)).size,
    money: want.money ? findMoney(input) : undefined,
    quality: want.quality ? findQualityFlags(input) : undefined,
    people: want.people ? findPeople(input) : undefined,
  };
}

/**
 * Opens the store named by `--db` / DATABASE_URL and hands `read` its stored links: what import stored
 * (the same computation the portal and the API read). A store imported before links were stored gets
 * them first; nothing else is computed here.
 */
export async function withStoredLinks<T>(
  db: string | undefined,
  positionals: string[],
  usage: string,
  read: (repo: Repository) => Promise<T>,
): Promise<T> {
  if (positionals.length)
    throw new UsageError(`unexpected ${positionals[0]} (did you mean --from-files?)\nusage: ${usage}`);
  const { openRepository } = await import("../../store/open");
  const { updateLinks } = await import("../../import/links");
  const repo = await openRepository(storeLocation(db), { mustExist: true });
  try {
    if (!(await repo.links.overview()).councils && (await repo.stats()).meetings) {
      const now = new Date();
      await updateLinks(repo, { today: now.toISOString().slice(0, 10), now: now.toISOString() });
    }
    return await read(repo);
  } finally {
    await repo.close();
  }
}

/** Every council's stored people, as one list (people never cross councils). */
function storedPeople(records: unknown[]): People {
  const out: People = { people: [], review: [] };
  for (const r of records as People[]) {
    out.people.push(...r.people);
    out.review.push(...r.review);
  }
  return out;
}

/** What import stored, people included (found per council with the rest of its links). */
async function fromStore(db: string | undefined, positionals: string[], want: Wanted): Promise<Found> {
  return withStoredLinks(db, positionals, usage, async (repo) => {
    const o = await repo.links.overview();
    return {
      all: (await repo.links.rawTopics()) as Thread[],
      meetings: o.meetings,
      money: want.money ? (await repo.links.money()).map((m) => m.raw as MoneyMention) : undefined,
      quality: want.quality ? (await repo.links.quality()).map((q) => q.raw as QualityFlag) : undefined,
      people: want.people ? storedPeople(await repo.links.people()) : undefined,
    };
  });
}

const usage =
  "minutebook topics [--json] [--limit N] [--money] [--quality] [--people] [--db FILE | --from-files PATH... [--no-text]]";

export const command: Command = {
  summary:
    "Matters followed from meeting to meeting within each council, on evidence (the same report, citations, referrals, later stages, named programmes) and then similar titles; --money lists sums, --quality the data-quality flags, --people councillors and officers with their printed forms and the near-misspellings to review.",
  usage,
  async run(argv) {
    const { values, positionals } = parseOptions(
      argv,
      {
        ...SOURCE_OPTIONS,
        limit: { type: "string" },
        money: { type: "boolean" },
        quality: { type: "boolean" },
        people: { type: "boolean" },
      },
      usage,
    );
    if (values.limit !== undefined && !/^\d+$/.test(values.limit))
      throw new UsageError(`--limit expects a whole number\nusage: ${usage}`);
    const found = values["from-files"]
      ? await fromFiles(positionals, !values["no-text"], values)
      : await fromStore(values.db, positionals, values);
    const { all, meetings, money, quality, people } = found;
    const threads = values.limit === undefined ? all : all.slice(0, Number(values.limit));
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ meetings, topics: threads, money, quality, people }, null, 1)}\n`);
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
    if (people) {
      parts.push("", `People (${people.people.length})`);
      for (const p of people.people)
        parts.push(
          `   ${p.name} — ${p.kinds.join(", ")}${p.posts.length ? ` (${p.posts[0]})` : ""}; printed as ${[...new Set(p.forms.map((f) => f.printed))].join(" / ")}`,
        );
      parts.push("", `To review (${people.review.length})`);
      for (const r of people.review) parts.push(`   ${r.why}`);
    }
    process.stdout.write(`${parts.join("\n")}\n`);
    return 0;
  },
};
