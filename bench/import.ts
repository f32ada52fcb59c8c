/**
 * Import speed: documents/s through `importPaths` (read, parse, store, one transaction each) into
 * SQLite and, when a PostgreSQL URL is set (MINUTEBOOK_TEST_PG_URL or DATABASE_URL), into PostgreSQL,
 * beside parsing the same documents alone. Input: the demo council's agenda packs rendered as text.
 * Each figure is the median of interleaved rounds, every import into a fresh store.
 * `npx tsx bench/import.ts [--quick]` prints the figures; `npm run bench` collects them.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCouncil } from "../src/demo/generate";
import { importPaths } from "../src/import/import-paths";
import { parseBytes } from "../src/pipeline/parse-file";
import { renderAgendaPack } from "../src/render/pack";
import { openPostgres } from "../src/store/postgres/index";
import { openSqlite } from "../src/store/sqlite/index";
import { type BenchOptions, type BenchResult, median } from "./types";

/** Writes `n` generated agenda packs as text files into a new temp dir; returns the dir and files. */
export function writeDemoPacks(n: number): { dir: string; files: string[] } {
  const demo = generateCouncil({ meetings: n, seed: "bench" });
  const byId = new Map(demo.meetings.map((m) => [m.id, m]));
  const dir = mkdtempSync(join(tmpdir(), "minutebook-bench-"));
  const files: string[] = [];
  demo.meetings.forEach((m, i) => {
    const prev = m.previousId ? byId.get(m.previousId)!.doc : null;
    const file = join(dir, `pack-${String(i).padStart(5, "0")}.txt`);
    writeFileSync(file, renderAgendaPack(m.doc, prev).text);
    files.push(file);
  });
  return { dir, files };
}

export function benchPgUrl(): string | null {
  const u = process.env.MINUTEBOOK_TEST_PG_URL ?? process.env.DATABASE_URL ?? null;
  return u && /^postgres(ql)?:\/\//.test(u) ? u : null;
}

export async function dropPgSchema(url: string, schema: string): Promise<void> {
  const pg = (await import("pg")).default;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await c.end();
}

/** Rounds of parse-only, SQLite and PostgreSQL imports, interleaved so a busy machine weighs on all three alike. */
const ROUNDS = 3;

export async function benchImport(opts: BenchOptions): Promise<BenchResult[]> {
  const n = opts.quick ? 150 : 1000;
  const rounds = opts.quick ? 1 : ROUNDS;
  const { dir, files } = writeDemoPacks(n);
  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const url = benchPgUrl();
  const parseRates: number[] = [];
  const sqliteRuns: { rate: number; seconds: number; failed: number }[] = [];
  const pgRuns: { rate: number; seconds: number; failed: number }[] = [];
  let records = 0;
  // The machine is shared: the load beside the figures says how busy it was.
  const loads = [loadavg()[0]];
  try {
    for (let round = 0; round < rounds; round++) {
      const p0 = performance.now();
      records = 0;
      for (const f of files) {
        const r = await parseBytes(basename(f), readFileSync(f));
        records += r.meetings.reduce((s, m) => s + m.agenda.length + m.minutes.length + m.reports.length, 0);
      }
      parseRates.push(n / ((performance.now() - p0) / 1000));
      loads.push(loadavg()[0]);

      const dbDir = mkdtempSync(join(tmpdir(), "minutebook-bench-db-"));
      try {
        const sqlite = await openSqlite({ file: join(dbDir, "bench.db") });
        const s0 = performance.now();
        const s = await importPaths(sqlite, [dir]);
        const seconds = (performance.now() - s0) / 1000;
        await sqlite.close();
        sqliteRuns.push({ rate: s.documents.new / seconds, seconds, failed: s.documents.failed });
      } finally {
        rmSync(dbDir, { recursive: true, force: true });
      }

      if (url) {
        const schema = `minutebook_bench_${randomBytes(4).toString("hex")}`;
        const pgRepo = await openPostgres({ url, schema });
        try {
          const t0 = performance.now();
          const r = await importPaths(pgRepo, [dir]);
          const seconds = (performance.now() - t0) / 1000;
          pgRuns.push({ rate: r.documents.new / seconds, seconds, failed: r.documents.failed });
        } finally {
          await pgRepo.close();
          await dropPgSchema(url, schema);
        }
      }
    }
    loads.push(loadavg()[0]);
    const load = `1-minute load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
    const runs = rounds > 1 ? `median of ${rounds} runs, each a fresh store` : "one run";
    const sqliteRate = Math.round(median(sqliteRuns.map((r) => r.rate)));
    const sqliteSeconds = median(sqliteRuns.map((r) => r.seconds));
    const out: BenchResult[] = [
      {
        name: `import into SQLite (${n} agenda packs, ${records} agenda items/minutes/reports)`,
        value: sqliteRate,
        unit: "documents/s",
        better: "higher",
        reference: {
          name: "parse only, same documents",
          value: Math.round(median(parseRates)),
          unit: "documents/s",
        },
        note: `${runs}; ${sqliteSeconds.toFixed(1)} s, ${Math.round(records / sqliteSeconds)} records/s, ${Math.max(...sqliteRuns.map((r) => r.failed))} failed; ${load}`,
      },
    ];
    if (pgRuns.length) {
      const seconds = median(pgRuns.map((r) => r.seconds));
      out.push({
        name: `import into PostgreSQL (${n} agenda packs)`,
        value: Math.round(median(pgRuns.map((r) => r.rate))),
        unit: "documents/s",
        better: "higher",
        reference: { name: "import into SQLite, same documents", value: sqliteRate, unit: "documents/s" },
        note: `${runs}; ${seconds.toFixed(1)} s, ${Math.round(records / seconds)} records/s, ${Math.max(...pgRuns.map((r) => r.failed))} failed; ${load}`,
      });
    }
    out.push({
      name: "peak RSS during the import benchmark",
      value: Math.round(peak / 1e6),
      unit: "MB",
      better: "lower",
    });
    return out;
  } finally {
    clearInterval(sample);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await benchImport({ quick: process.argv.includes("--quick") }))
    console.log(
      `${r.name}: ${r.value} ${r.unit}${r.reference ? ` (reference: ${r.reference.name} ${r.reference.value} ${r.reference.unit})` : ""}${r.note ? ` — ${r.note}` : ""}`,
    );
}
