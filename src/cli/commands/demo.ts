/**
 * `minutebook demo --meetings N --out DIR [--pdf] [--seed S]`: generates the fictional Merrowshire
 * County Council and writes its papers into DIR: one agenda pack per meeting (carrying the previous
 * meeting's minutes), standalone minutes of each committee's last meeting, and DIR/truth.json with
 * the records each file states and the ground truth of threads, referrals and follow-ups.
 */
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generateCouncil } from "../../demo/generate";
import type { DemoMeeting } from "../../demo/types";
import type { Meeting } from "../../model/parse-v1";
import { renderAgendaPack, renderMinutes } from "../../render/pack";
import { renderAgendaPackPdf, renderMinutesPdf } from "../../render/pdf";
import { parseOptions, UsageError } from "../args";
import type { Command } from "../main";

const usage = "minutebook demo --meetings N --out DIR [--pdf] [--seed S] [--force]";

export type DemoFile = { file: string; kind: "agenda-pack" | "minutes"; meetingId: string; meetings: Meeting[] };

export const command: Command = {
  summary: "Generate a fictional council's agenda packs and minutes (text, or PDF with --pdf) with their ground truth.",
  usage,
  async run(argv) {
    const { values, positionals } = parseOptions(
      argv,
      {
        meetings: { type: "string" },
        out: { type: "string" },
        pdf: { type: "boolean" },
        seed: { type: "string" },
        force: { type: "boolean" },
      },
      usage,
    );
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"\nusage: ${usage}`);
    const n = Number(values.meetings ?? "");
    // Every record stays in memory until truth.json is written: about 50 KB a meeting.
    if (!Number.isInteger(n) || n < 1 || n > 50_000)
      throw new UsageError(`--meetings must be a whole number from 1 to 50000\nusage: ${usage}`);
    if (!values.out) throw new UsageError(`--out DIR is required\nusage: ${usage}`);
    const out = values.out;
    // Writing into a folder that already holds files would mix two councils' papers (and overwrite any
    // of the same names): only with --force.
    const present = await readdir(out).catch((e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return [] as string[];
      if (e.code === "ENOTDIR") throw new UsageError(`--out ${out} is a file, not a folder`);
      throw e;
    });
    if (present.length && !values.force)
      throw new UsageError(
        `--out ${out} is not empty (${present.length} entr${present.length === 1 ? "y" : "ies"}); choose an empty or new folder, or add --force to write into it anyway`,
      );
    const seed = values.seed ?? "minutebook";
    const started = performance.now();
    const demo = generateCouncil({ meetings: n, seed });
    const generatedMs = performance.now() - started;
    await mkdir(out, { recursive: true });
    const byId = new Map(demo.meetings.map((m) => [m.id, m]));
    const files: DemoFile[] = [];
    const last = new Map<string, DemoMeeting>();
    let bytes = 0;
    const put = async (file: string, data: string | Uint8Array) => {
      bytes += typeof data === "string" ? Buffer.byteLength(data) : data.length;
      await writeFile(join(out, file), data);
    };
    // Write in batches so 10,000 meetings do not hold every document in memory at once.
    const batch: Promise<void>[] = [];
    for (const m of demo.meetings) {
      last.set(m.committee, m);
      const prev = m.previousId ? byId.get(m.previousId)!.doc : null;
      const base = `${m.id}-agenda-pack`;
      if (values.pdf) {
        const r = await renderAgendaPackPdf(m.doc, prev);
        batch.push(put(`${base}.pdf`, r.bytes));
        files.push({ file: `${base}.pdf`, kind: "agenda-pack", meetingId: m.id, meetings: r.meetings });
      } else {
        const r = renderAgendaPack(m.doc, prev);
        batch.push(put(`${base}.txt`, r.text));
        files.push({ file: `${base}.txt`, kind: "agenda-pack", meetingId: m.id, meetings: r.meetings });
      }
      if (batch.length >= 64) await Promise.all(batch.splice(0));
    }
    for (const m of last.values()) {
      const base = `${m.id}-minutes`;
      if (values.pdf) {
        const r = await renderMinutesPdf(m.doc);
        batch.push(put(`${base}.pdf`, r.bytes));
        files.push({ file: `${base}.pdf`, kind: "minutes", meetingId: m.id, meetings: r.meetings });
      } else {
        const r = renderMinutes(m.doc);
        batch.push(put(`${base}.txt`, r.text));
        files.push({ file: `${base}.txt`, kind: "minutes", meetingId: m.id, meetings: r.meetings });
      }
    }
    await Promise.all(batch);
    await writeFile(join(out, "truth.json"), `${JSON.stringify({ ...demo.truth, files })}\n`);
    const seconds = (performance.now() - started) / 1000;
    const first = demo.meetings[0]?.doc.record.date;
    const lastDate = demo.meetings[demo.meetings.length - 1]?.doc.record.date;
    console.log(
      `${demo.council.name}: ${demo.meetings.length} meetings (${first} to ${lastDate}), ${files.length} files, ` +
        `${(bytes / 1e6).toFixed(1)} MB in ${out}; ${demo.truth.threads.length} threads, ${demo.truth.referrals.length} scrutiny referrals (${demo.truth.onward.length} other), ` +
        `${demo.truth.followUps.length} follow-ups; generated in ${(generatedMs / 1000).toFixed(2)} s, total ${seconds.toFixed(2)} s`,
    );
    return 0;
  },
};
