/**
 * Issue 7: benchmarks at scale, each figure beside the engine underneath, measured in the same run.
 *
 * - import through the real pipeline (agenda packs rendered as text → parseBytes → importDocument)
 *   into SQLite and PostgreSQL, beside parseBytes alone and the bare engine inserting the same
 *   paragraph texts in one transaction; one child process per run, so peak RSS is that run's own;
 * - loading 10,000 and then 100,000 meetings (100 seeded demo councils of 1,000 meetings) with the
 *   generator's records sent straight to importDocument (no rendering of the pack, no parsing);
 * - search p50/p95 over a fixed query set at 10,000 and 100,000 meetings beside the same query sent
 *   straight to FTS5 / tsvector, and how each cost grows from one size to the other.
 *
 * `npx tsx bench/scale.ts [--quick] [--stores DIR [--search-only]]` prints the figures; `npm run bench`
 * collects them (MINUTEBOOK_SCALE_STORES=DIR, MINUTEBOOK_SCALE_SEARCH_ONLY=1 there). Without --stores
 * the stores live under the OS temp dir (SQLite) or in a throwaway schema (PostgreSQL) and are
 * removed; with it they are generated once into DIR and kept (see Kept below), and --search-only
 * re-measures search on them (no pipeline imports) in minutes.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SEARCH_COUNT_LIMIT, SEARCH_RANK_WINDOW } from "../src/store/repository";
import { benchPgUrl, dropPgSchema } from "./import";
import { COUNCIL_MEETINGS } from "./scale/corpus";
import type { QueryTimes, Store, Task } from "./scale/worker";
import { type BenchOptions, type BenchResult, median, percentile } from "./types";

const here = dirname(fileURLToPath(import.meta.url));

/** Runs one task in a child process; resolves with its JSON answer. */
function runTask<T>(task: Task): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(here, "scale", "worker.ts"), JSON.stringify(task)], {
      stdio: ["ignore", "pipe", "pipe"],
      cwd: join(here, ".."),
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      const s = String(d);
      err += s;
      if (s.startsWith("scale:")) process.stderr.write(s);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{"))
        reject(
          new Error(`scale worker (${task.kind}) exited ${code}: ${err.trim().split("\n").slice(-5).join(" | ")}`),
        );
      else resolve(JSON.parse(line) as T);
    });
  });
}

type PipelineOut = {
  docs: number;
  records: number;
  paragraphs: number;
  parseSeconds: number;
  importSeconds: number;
  raw: { rows: number; seconds: number };
  firstQuarter: number;
  lastQuarter: number;
  maxRssMb: number;
};
type LoadOut = {
  batches: { docs: number; records: number; seconds: number; genSeconds: number }[];
  raw: { rows: number; seconds: number };
  paragraphs: number;
  meetings: number;
  maxRssMb: number;
};
type SearchOut = {
  paragraphs: number;
  meetings: number;
  queries: QueryTimes[];
  maxRssMb: number;
};
type CopyOut = { counts: Record<string, number>; seconds: number; indexSeconds: number; maxRssMb: number };

const r0 = (x: number) => Math.round(x);
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;
const thousands = (n: number) => n.toLocaleString("en-GB");

type Engine = { name: "SQLite" | "PostgreSQL"; fresh: () => Promise<Store>; drop: (s: Store) => Promise<void> };

function engines(): Engine[] {
  const list: Engine[] = [];
  const dirs: string[] = [];
  list.push({
    name: "SQLite",
    fresh: async () => {
      const dir = mkdtempSync(join(tmpdir(), "minutebook-scale-"));
      dirs.push(dir);
      return { engine: "sqlite", file: join(dir, "scale.db") };
    },
    drop: async (s) => {
      if (s.engine === "sqlite") rmSync(dirname(s.file), { recursive: true, force: true });
    },
  });
  const url = benchPgUrl();
  if (url)
    list.push({
      name: "PostgreSQL",
      fresh: async () => ({ engine: "postgres", url, schema: `minutebook_scale_${randomBytes(4).toString("hex")}` }),
      drop: async (s) => {
        if (s.engine === "postgres") await dropPgSchema(s.url, s.schema);
      },
    });
  return list;
}

/** Import through the real pipeline, `runs` times into a fresh store each time. */
async function benchPipeline(e: Engine, n: number, runs: number): Promise<BenchResult[]> {
  const outs: PipelineOut[] = [];
  for (let i = 0; i < runs; i++) {
    const store = await e.fresh();
    try {
      process.stderr.write(`scale: ${e.name} pipeline ${n} packs, run ${i + 1}/${runs}\n`);
      outs.push(await runTask<PipelineOut>({ kind: "pipeline", store, n }));
    } finally {
      await e.drop(store);
    }
  }
  const docsPerSec = median(outs.map((o) => o.docs / o.importSeconds));
  const parsePerSec = median(outs.map((o) => o.docs / o.parseSeconds));
  const recPerSec = median(outs.map((o) => o.records / o.importSeconds));
  const rawRecPerSec = median(outs.map((o) => o.records / o.raw.seconds));
  const o = outs[0];
  const first = median(outs.map((x) => x.firstQuarter));
  const last = median(outs.map((x) => x.lastQuarter));
  const rss = outs.map((x) => x.maxRssMb);
  const isSqlite = e.name === "SQLite";
  return [
    {
      name: `${e.name}: import ${thousands(n)} generated agenda packs, real pipeline (render → parseBytes → importDocument)`,
      value: r1(docsPerSec),
      unit: "documents/s",
      better: "higher",
      reference: { name: "parseBytes alone, same documents", value: r1(parsePerSec), unit: "documents/s" },
      ...(isSqlite ? { goal: { value: 50, met: docsPerSec >= 50 } } : {}),
      note: `median of ${runs} runs, each a fresh store in its own process; one pack = one generated meeting (its front sheet) + the previous meeting's minutes; ${thousands(o.paragraphs)} paragraphs stored; rate over the first quarter of the documents ${r1(first)}/s, over the last quarter ${r1(last)}/s`,
    },
    {
      name: `${e.name}: same import, records (agenda items + minutes + reports)`,
      value: r0(recPerSec),
      unit: "records/s",
      better: "higher",
      reference: {
        name: `bare ${isSqlite ? "SQLite" : "PostgreSQL"} table, the same ${thousands(o.raw.rows)} paragraph texts INSERTed in one transaction`,
        value: r0(rawRecPerSec),
        unit: "records/s",
      },
      note: `${thousands(o.records)} records a run; the reference is expressed as the same records per second of its insert time${isSqlite ? "" : " (multi-row INSERTs of 500)"}`,
    },
    {
      name: `${e.name}: peak RSS of one pipeline import run (${thousands(n)} packs)`,
      value: median(rss),
      unit: "MB",
      better: "lower",
      note: `process.resourceUsage().maxRSS of the child process, median of ${runs} (max ${Math.max(...rss)}); the run holds the ${thousands(n)} rendered texts in memory`,
    },
  ];
}

function loadRate(o: LoadOut): { docs: number; perSec: number; recPerSec: number; seconds: number; gen: number } {
  const docs = o.batches.reduce((s, b) => s + b.docs, 0);
  const seconds = o.batches.reduce((s, b) => s + b.seconds, 0);
  return {
    docs,
    seconds,
    gen: o.batches.reduce((s, b) => s + b.genSeconds, 0),
    perSec: median(o.batches.map((b) => b.docs / b.seconds)),
    recPerSec: median(o.batches.map((b) => b.records / b.seconds)),
  };
}

function loadRow(e: Engine, label: string, o: LoadOut): BenchResult {
  const l = loadRate(o);
  const rawDocsPerSec = l.docs / o.raw.seconds;
  return {
    name: `${e.name}: load ${label} (generated records straight to importDocument)`,
    value: r1(l.perSec),
    unit: "documents/s",
    better: "higher",
    reference: {
      name: `bare table, the same ${thousands(o.raw.rows)} paragraph texts INSERTed in one transaction`,
      value: r1(rawDocsPerSec),
      unit: "documents/s",
    },
    note: `median over ${o.batches.length} councils of ${thousands(o.batches[0]?.docs ?? 0)} meetings (one document each, no render of the pack, no parse: minutes rendered for their text); ${r0(l.recPerSec)} records/s; ${r0(l.seconds)} s storing + ${r0(l.gen)} s generating; store now ${thousands(o.meetings)} meetings, ${thousands(o.paragraphs)} shown paragraphs; peak RSS ${o.maxRssMb} MB`,
  };
}

function searchRows(e: Engine, label: string, s: SearchOut, runs: number, goal: boolean): BenchResult[] {
  const ours = s.queries.flatMap((q) => q.ours);
  const raw = s.queries.flatMap((q) => q.raw);
  const facets = s.queries.flatMap((q) => q.facets);
  const p95 = percentile(ours, 95);
  const rawP95 = percentile(raw, 95);
  const worst = [...s.queries].sort((a, b) => percentile(b.ours, 95) - percentile(a.ours, 95));
  const perQuery = worst
    .map(
      (q) =>
        `${q.label} \`${q.q}\` (${thousands(q.total)} matches${q.exact ? "" : ", counted to the limit"}${q.windowed ? ", ranked in the window" : ""}): ${r1(percentile(q.ours, 50))}/${r1(percentile(q.raw, 50))}/${r1(percentile(q.facets, 50))}`,
    )
    .join("; ");
  const met = p95 < 100 && p95 <= rawP95;
  return [
    {
      name: `${e.name}: search p50 at ${label} (${thousands(s.paragraphs)} paragraphs)`,
      value: r2(percentile(ours, 50)),
      unit: "ms",
      better: "lower",
      reference: {
        name: "same query straight to the engine, top 20 with snippet",
        value: r2(percentile(raw, 50)),
        unit: "ms",
      },
      note: `${s.queries.length} queries × ${runs} runs, interleaved with the reference; Repository.search = the top 20 ranked over every match, or over the newest ${thousands(SEARCH_RANK_WINDOW)} when more match (the reference ranks every match: the naive query), + total and facets counted over at most ${thousands(SEARCH_COUNT_LIMIT)} matches (past that it says "more than"). Per query, p50 ms ours/raw/counting query alone: ${perQuery}`,
    },
    {
      name: `${e.name}: search p95 at ${label}`,
      value: r2(p95),
      unit: "ms",
      better: "lower",
      reference: { name: "same query straight to the engine, top 20 with snippet", value: r2(rawP95), unit: "ms" },
      ...(goal ? { goal: { value: 100, met } } : {}),
      note: `the counting query alone (capped facet GROUP BY): p50 ${r2(percentile(facets, 50))} ms, p95 ${r2(percentile(facets, 95))} ms${goal ? `; goal: p95 < 100 ms and ≤ 1.0× the engine's naive query (${r2(p95 / rawP95)}×): ${met ? "met" : `missed${p95 <= rawP95 ? " on the 100 ms only" : ""}${rawP95 >= 100 ? ` (the engine's own p95 is ${r0(rawP95)} ms)` : ""}`}` : ""}; peak RSS of the search process ${s.maxRssMb} MB`,
    },
  ];
}

function growthRows(
  e: Engine,
  small: SearchOut,
  big: SearchOut,
  l10: LoadOut | null,
  l100: LoadOut | null,
): BenchResult[] {
  const g = (a: number[], b: number[]) => percentile(b, 95) / percentile(a, 95);
  const ours = g(
    small.queries.flatMap((q) => q.ours),
    big.queries.flatMap((q) => q.ours),
  );
  const raw = g(
    small.queries.flatMap((q) => q.raw),
    big.queries.flatMap((q) => q.raw),
  );
  const size = big.paragraphs / small.paragraphs;
  const out: BenchResult[] = [
    {
      name: `${e.name}: growth of search p95 from ${thousands(small.meetings)} to ${thousands(big.meetings)} meetings`,
      value: r2(ours),
      unit: "× (p95 ratio)",
      better: "lower",
      reference: { name: "growth of the engine's own p95", value: r2(raw), unit: "× (p95 ratio)" },
      note: `the store grew ${r2(size)}× in paragraphs (${thousands(small.paragraphs)} → ${thousands(big.paragraphs)})`,
    },
  ];
  if (l10 && l100)
    out.push({
      name: `${e.name}: import rate growing the store to ${thousands(big.meetings)} meetings over the rate to ${thousands(small.meetings)}`,
      value: r2(loadRate(l100).perSec / loadRate(l10).perSec),
      unit: "× (rate ratio)",
      better: "higher",
      note: `1.00 would be no slow-down as the store grows; median council-batch rate of meetings ${thousands(small.meetings + 1)}–${thousands(big.meetings)} over that of 1–${thousands(small.meetings)}`,
    });
  return out;
}

/**
 * Where the stores live. Without a directory they are throwaway (temp dir, random schema) and the
 * 100,000-meeting SQLite store is the 10,000 one loaded on. With `--stores DIR`
 * (MINUTEBOOK_SCALE_STORES=DIR) each size is kept — `DIR/scale-<councils>x<meetings>.db` and the
 * PostgreSQL schema `minutebook_scale_keep_<councils>x<meetings>` — and a later run reuses them: a
 * store counts as finished when its record `DIR/<store>.json` (the load's own measurements, written
 * when the load ends) is there; an interrupted SQLite load resumes at its last whole council (an
 * import of the same bytes again changes nothing).
 */
type Kept = { dir: string; searchOnly: boolean };

function keptOptions(): Kept | null {
  const argv = process.argv.slice(2);
  const i = argv.indexOf("--stores");
  const dir = argv.find((a) => a.startsWith("--stores="))?.slice(9) ?? (i >= 0 ? argv[i + 1] : undefined);
  const d = dir ?? process.env.MINUTEBOOK_SCALE_STORES;
  const searchOnly = argv.includes("--search-only") || process.env.MINUTEBOOK_SCALE_SEARCH_ONLY === "1";
  if (!d) {
    if (searchOnly) throw new Error("--search-only needs --stores DIR (or MINUTEBOOK_SCALE_STORES)");
    return null;
  }
  mkdirSync(d, { recursive: true });
  return { dir: d, searchOnly };
}

type Saved<T> = { at: string; loadAverage: number; out: T };

function readSaved<T>(file: string): Saved<T> | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Saved<T>) : null;
}
function writeSaved<T>(file: string, out: T): Saved<T> {
  const saved = { at: new Date().toISOString().slice(0, 16).replace("T", " "), loadAverage: r1(loadavg()[0]), out };
  writeFileSync(file, `${JSON.stringify(saved)}\n`);
  return saved;
}

/** Meetings in a store (0 when it does not exist yet). */
async function meetingsIn(s: Store): Promise<number> {
  if (s.engine === "sqlite" && !existsSync(s.file)) return 0;
  return (await runTask<{ meetings: number }>({ kind: "count", store: s })).meetings;
}

/**
 * A kept store of `councils` × `per` meetings loaded through importDocument, reused when its record
 * says it is finished. Returns the load's record (measured when it was loaded).
 */
async function keptLoad(
  s: Extract<Store, { engine: "sqlite" }>,
  record: string,
  councils: number,
  per: number,
  label: string,
) {
  const saved = readSaved<LoadOut>(record);
  if (saved) {
    process.stderr.write(`scale: reusing ${label} (loaded ${saved.at} UTC)\n`);
    return saved;
  }
  const have = await meetingsIn(s);
  const from = Math.min(councils, Math.floor(have / per));
  process.stderr.write(`scale: loading ${label}${from ? ` from council ${from + 1}` : ""}\n`);
  const o = await runTask<LoadOut>({ kind: "load", store: s, from, to: councils, perCouncil: per });
  return writeSaved(record, o);
}

const pgKept = (url: string, councils: number, per: number): Extract<Store, { engine: "postgres" }> => ({
  engine: "postgres",
  url,
  schema: `minutebook_scale_keep_${councils}x${per}`,
});

const loadNote = (saved: Saved<unknown> | null) =>
  saved ? `; store kept and reused: loaded ${saved.at} UTC at a 1-minute load average of ${saved.loadAverage}` : "";

export async function benchScale(opts: BenchOptions): Promise<BenchResult[]> {
  const quick = opts.quick;
  const kept = keptOptions();
  const pipelineN = quick ? 100 : 1000;
  const pipelineRuns = quick ? 2 : 3;
  const per = quick ? 200 : COUNCIL_MEETINGS;
  const smallCouncils = quick ? 2 : 10;
  // A smaller "big" store when the machine is shared (MINUTEBOOK_SCALE_COUNCILS=20: 20,000 meetings);
  // the labels and notes say the size measured.
  const bigCouncils = Number(process.env.MINUTEBOOK_SCALE_COUNCILS ?? (quick ? 5 : 100));
  const searchRuns = quick ? 5 : 15;
  const bigRuns = quick ? 5 : 10;
  const smallLabel = `${thousands(per * smallCouncils)} meetings`;
  const bigLabel = `${thousands(per * bigCouncils)} meetings`;
  const out: BenchResult[] = [];
  const [sqlite, pg] = engines();
  const loads: number[] = [];
  const searchTask = async (store: Store, runs: number) => {
    loads.push(loadavg()[0]);
    const r = await runTask<SearchOut>({ kind: "search", store, runs });
    loads.push(loadavg()[0]);
    return r;
  };

  // MINUTEBOOK_SCALE_PIPELINE=0 leaves out the pipeline imports (measured by the import and workers sections too).
  if (process.env.MINUTEBOOK_SCALE_PIPELINE !== "0" && !kept?.searchOnly)
    for (const e of [sqlite, pg]) if (e) out.push(...(await benchPipeline(e, pipelineN, pipelineRuns)));

  if (kept) {
    const sFile = (c: number) => join(kept.dir, `scale-${c}x${per}.db`);
    const small = { engine: "sqlite" as const, file: sFile(smallCouncils) };
    const big = { engine: "sqlite" as const, file: sFile(bigCouncils) };
    const l10 = await keptLoad(small, `${sFile(smallCouncils)}.json`, smallCouncils, per, `SQLite ${smallLabel}`);
    const lBig = await keptLoad(big, `${sFile(bigCouncils)}.json`, bigCouncils, per, `SQLite ${bigLabel}`);
    // The big store's load is split at the small size: meetings 1–10,000, then the rest.
    const onwards: LoadOut = { ...lBig.out, batches: lBig.out.batches.slice(smallCouncils) };
    const firstPart: LoadOut = { ...lBig.out, batches: lBig.out.batches.slice(0, smallCouncils) };
    const row10 = loadRow(sqlite, smallLabel, l10.out);
    row10.note += loadNote(l10);
    out.push(row10);
    const s10 = await searchTask(small, searchRuns);
    out.push(...searchRows(sqlite, smallLabel, s10, searchRuns, false));
    if (onwards.batches.length) {
      const rowOn = loadRow(
        sqlite,
        `meetings ${thousands(per * smallCouncils + 1)}–${thousands(per * bigCouncils)}`,
        onwards,
      );
      rowOn.note += `; the bare-table reference is over the whole load${loadNote(lBig)}`;
      out.push(rowOn);
    }
    const s100 = await searchTask(big, bigRuns);
    out.push(...searchRows(sqlite, bigLabel, s100, bigRuns, true));
    out.push(
      ...growthRows(
        sqlite,
        s10,
        s100,
        firstPart.batches.length ? firstPart : null,
        onwards.batches.length ? onwards : null,
      ),
    );
    if (pg) {
      // PostgreSQL: both sizes as bulk copies of the kept SQLite stores' rows (importDocument into
      // PostgreSQL is measured by the import section and by runs without --stores).
      const url = benchPgUrl() as string;
      const pgStore = async (c: number, from: { file: string }, label: string) => {
        const to = pgKept(url, c, per);
        const record = join(kept.dir, `${to.schema}.json`);
        let saved = readSaved<CopyOut>(record);
        if (saved) process.stderr.write(`scale: reusing PostgreSQL ${label} (copied ${saved.at} UTC)\n`);
        else {
          await dropPgSchema(url, to.schema);
          process.stderr.write(`scale: PostgreSQL copy of the ${label} store\n`);
          saved = writeSaved(record, await runTask<CopyOut>({ kind: "copy", from: from.file, to }));
        }
        return { to, saved };
      };
      const copied = (c: Saved<CopyOut>) =>
        `store loaded as a bulk copy of the SQLite store's rows (authorities, committees, meetings, documents without their stored parse, paragraphs: ${thousands(c.out.counts.paragraphs ?? 0)} rows in ${r0(c.out.seconds)} s, text index built after in ${r0(c.out.indexSeconds)} s${loadNote(c)}), not through importDocument. `;
      const p10 = await pgStore(smallCouncils, small, smallLabel);
      const ps10 = await searchTask(p10.to, searchRuns);
      const rows10 = searchRows(pg, smallLabel, ps10, searchRuns, false);
      rows10[0].note = copied(p10.saved) + rows10[0].note;
      out.push(...rows10);
      const p100 = await pgStore(bigCouncils, big, bigLabel);
      const ps100 = await searchTask(p100.to, bigRuns);
      const rows = searchRows(pg, bigLabel, ps100, bigRuns, true);
      rows[0].note = copied(p100.saved) + rows[0].note;
      out.push(...rows);
      out.push(...growthRows(pg, ps10, ps100, null, null));
    }
  } else {
    // SQLite: 10k, search, on to 100k, search.
    const s = await sqlite.fresh();
    try {
      process.stderr.write(`scale: SQLite load ${smallLabel}\n`);
      const l10 = await runTask<LoadOut>({ kind: "load", store: s, from: 0, to: smallCouncils, perCouncil: per });
      out.push(loadRow(sqlite, smallLabel, l10));
      const s10 = await searchTask(s, searchRuns);
      out.push(...searchRows(sqlite, smallLabel, s10, searchRuns, false));
      process.stderr.write(`scale: SQLite load on to ${bigLabel}\n`);
      const l100 = await runTask<LoadOut>({
        kind: "load",
        store: s,
        from: smallCouncils,
        to: bigCouncils,
        perCouncil: per,
      });
      out.push(loadRow(sqlite, `meetings ${thousands(per * smallCouncils + 1)}–${thousands(per * bigCouncils)}`, l100));
      const s100 = await searchTask(s, bigRuns);
      out.push(...searchRows(sqlite, bigLabel, s100, bigRuns, true));
      out.push(...growthRows(sqlite, s10, s100, l10, l100));

      if (pg) {
        // PostgreSQL: 10k through importDocument; 100k as a bulk copy of the SQLite store's rows.
        const p = await pg.fresh();
        let p10: SearchOut;
        let pl10: LoadOut;
        try {
          process.stderr.write(`scale: PostgreSQL load ${smallLabel}\n`);
          pl10 = await runTask<LoadOut>({ kind: "load", store: p, from: 0, to: smallCouncils, perCouncil: per });
          out.push(loadRow(pg, smallLabel, pl10));
          p10 = await searchTask(p, searchRuns);
          out.push(...searchRows(pg, smallLabel, p10, searchRuns, false));
        } finally {
          await pg.drop(p);
        }
        const p2 = (await pg.fresh()) as Extract<Store, { engine: "postgres" }>;
        try {
          process.stderr.write(`scale: PostgreSQL copy of the ${bigLabel} store\n`);
          const c = await runTask<CopyOut>({ kind: "copy", from: (s as { file: string }).file, to: p2 });
          const p100 = await searchTask(p2, bigRuns);
          const rows = searchRows(pg, bigLabel, p100, bigRuns, true);
          rows[0].note = `store loaded as a bulk copy of the SQLite store's rows (authorities, committees, meetings, documents without their stored parse, paragraphs: ${thousands(c.counts.paragraphs ?? 0)} rows in ${r0(c.seconds)} s, text index built after in ${r0(c.indexSeconds)} s), not through importDocument, which at ~${r0(loadRate(pl10).perSec)} documents/s would take too long here. ${rows[0].note}`;
          out.push(...rows);
          out.push(...growthRows(pg, p10, p100, null, null));
        } finally {
          await pg.drop(p2);
        }
      }
    } finally {
      await sqlite.drop(s);
    }
  }
  // The machine may be shared: the load beside the search figures says how busy it was.
  const first = out.find((r) => r.name.includes("search p50"));
  if (first && loads.length)
    first.note = `1-minute load average ${r1(Math.min(...loads))}–${r1(Math.max(...loads))} over the search runs; ${first.note}`;
  // Set by whoever runs the suite from a snapshot (e.g. `git archive`), so the figures name their code.
  if (process.env.MINUTEBOOK_BENCH_COMMIT && out[0])
    out[0].note = `code at commit ${process.env.MINUTEBOOK_BENCH_COMMIT}; ${out[0].note}`;
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await benchScale({ quick: process.argv.includes("--quick") }))
    console.log(
      `${r.name}: ${r.value} ${r.unit}${r.reference ? ` (reference: ${r.reference.name} ${r.reference.value} ${r.reference.unit})` : ""}${r.goal ? ` [goal ${r.goal.value}: ${r.goal.met ? "met" : "missed"}]` : ""}${r.note ? ` — ${r.note}` : ""}`,
    );
}
