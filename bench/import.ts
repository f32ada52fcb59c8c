/**
 * Import speed: documents/s through `importPaths` (read, parse, store, one transaction each) into
 * SQLite and, when a PostgreSQL URL is set (QUORUM_TEST_PG_URL or DATABASE_URL), into PostgreSQL,
 * beside parsing the same documents alone. Input: the demo council's agenda packs rendered as text.
 * `npx tsx bench/import.ts [--quick]` prints the figures; `npm run bench` collects them.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCouncil } from "../src/demo/generate";
import { importPaths } from "../src/import/import-paths";
import { parseBytes } from "../src/pipeline/parse-file";
import { renderAgendaPack } from "../src/render/pack";
import { openPostgres } from "../src/store/postgres/index";
import { openSqlite } from "../src/store/sqlite/index";
import type { BenchOptions, BenchResult } from "./types";

/** Writes `n` generated agenda packs as text files into a new temp dir; returns the dir and files. */
export function writeDemoPacks(n: number): { dir: string; files: string[] } {
  const demo = generateCouncil({ meetings: n, seed: "bench" });
  const byId = new Map(demo.meetings.map((m) => [m.id, m]));
  const dir = mkdtempSync(join(tmpdir(), "quorum-bench-"));
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
  const u = process.env.QUORUM_TEST_PG_URL ?? process.env.DATABASE_URL ?? null;
  return u && /^postgres(ql)?:\/\//.test(u) ? u : null;
}

export async function dropPgSchema(url: string, schema: string): Promise<void> {
  const pg = (await import("pg")).default;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await c.end();
}

export async function benchImport(opts: BenchOptions): Promise<BenchResult[]> {
  const n = opts.quick ? 150 : 1000;
  const { dir, files } = writeDemoPacks(n);
  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const p0 = performance.now();
    let records = 0;
    for (const f of files) {
      const r = await parseBytes(basename(f), readFileSync(f));
      records += r.meetings.reduce((s, m) => s + m.agenda.length + m.minutes.length + m.reports.length, 0);
    }
    const parseRate = n / ((performance.now() - p0) / 1000);
    const parsed: BenchResult = {
      name: `parse only (${n} generated agenda packs)`,
      value: Math.round(parseRate),
      unit: "documents/s",
      better: "higher",
    };

    const dbDir = mkdtempSync(join(tmpdir(), "quorum-bench-db-"));
    const sqliteFile = join(dbDir, "bench.db");
    const sqlite = await openSqlite({ file: sqliteFile });
    const s0 = performance.now();
    const s = await importPaths(sqlite, [dir]);
    const sqliteSeconds = (performance.now() - s0) / 1000;
    await sqlite.close();
    rmSync(dbDir, { recursive: true, force: true });
    const out: BenchResult[] = [
      {
        name: `import into SQLite (${n} agenda packs, ${records} agenda items/minutes/reports)`,
        value: Math.round(s.documents.new / sqliteSeconds),
        unit: "documents/s",
        better: "higher",
        reference: { name: "parse only, same documents", value: parsed.value, unit: "documents/s" },
        note: `${sqliteSeconds.toFixed(1)} s, ${Math.round(records / sqliteSeconds)} records/s, ${s.documents.failed} failed`,
      },
    ];

    const url = benchPgUrl();
    if (url) {
      const schema = `quorum_bench_${randomBytes(4).toString("hex")}`;
      const pgRepo = await openPostgres({ url, schema });
      try {
        const t0 = performance.now();
        const r = await importPaths(pgRepo, [dir]);
        const secs = (performance.now() - t0) / 1000;
        out.push({
          name: `import into PostgreSQL (${n} agenda packs)`,
          value: Math.round(r.documents.new / secs),
          unit: "documents/s",
          better: "higher",
          reference: { name: "import into SQLite, same documents", value: out[0].value, unit: "documents/s" },
          note: `${secs.toFixed(1)} s, ${Math.round(records / secs)} records/s`,
        });
      } finally {
        await pgRepo.close();
        await dropPgSchema(url, schema);
      }
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
