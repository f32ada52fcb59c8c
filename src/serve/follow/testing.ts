/**
 * Test support for the follow pages: an invented council (Eastmarch Borough Council) whose Cabinet
 * minutes and reports, written to a text file and imported into a real SQLite store, hold one public
 * sum and sums in every exempt place (an exempt minute, reports of items minuted or titled as exempt,
 * a report marked not for publication), a chair, a proposer and seconder, and a contact officer who
 * was in attendance. No council's real text is copied.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { emptyMeeting, type Meeting, type ParseResult } from "../../model/parse-v1";
import { sha256Hex } from "../../pipeline/parse-file";
import { openRepository } from "../../store/open";
import type { Repository } from "../../store/repository";

export const EASTMARCH_TEXT = [
  "EASTMARCH BOROUGH COUNCIL",
  "CABINET",
  "Minutes of the meeting held on 14 May 2024",
  "Present: Cllr A. Fenwick (Chair), Cllr B. Marsh",
  "In attendance: Ms Jo Bloggs (Head of Finance)",
  "",
  "12. Market Square Resurfacing",
  "Ms Jo Bloggs presented the report. Cllr Marsh proposed the recommendation, seconded by Cllr Fenwick.",
  "RESOLVED: That £1.5m be allocated for the resurfacing of the market square.",
  "",
  "13. Acquisition of Land at Quayside (exempt under paragraph 3 of Schedule 12A)",
  "Cllr Marsh asked about the purchase price of £4,125,000 for the Quayside land.",
  "RESOLVED: That the land at Quayside be acquired for £4,125,000.",
  "",
  "Agenda item 12: Market Square Resurfacing. Report of the Head of Finance",
  "Recommendation: That £1.5m be allocated from the capital programme for the resurfacing of the market square.",
  "Contact officer: Jo Bloggs, Head of Finance",
  "",
  "Agenda item 13: Acquisition of Land at Quayside",
  "Recommendation: That the land be acquired for £777,000 from the capital reserve.",
  "Contact officer: Jo Bloggs, Head of Finance",
  "",
  "Agenda item 14: Depot Disposal (not for publication)",
  "Recommendation: That the depot be sold for no less than £2,220,000.",
  "",
  "Agenda item 15: Exempt information: staffing",
  "Recommendation: That £333,000 be set aside for the staffing restructure.",
  "",
].join("\n");

/** Spans are the lines of EASTMARCH_TEXT above. */
const at = (startLine: number, endLine: number) => ({ startLine, endLine, page: null });

function eastmarch(): Meeting {
  const minute = (
    number: string,
    title: string,
    span: [number, number],
    resolution: string,
    exemptParagraphs: number[] = [],
  ) => ({
    number,
    agendaItem: number,
    title,
    declarations: [],
    resolutions: [{ label: null, text: resolution, children: [] }],
    keyDecision: null,
    reasons: [],
    exemptParagraphs,
    span: at(...span),
  });
  const report = (agendaItem: string, title: string, span: [number, number], recommendation: string) => ({
    agendaItem,
    title,
    author: "Head of Finance",
    recommendations: [recommendation],
    officers: [{ name: "Jo Bloggs", role: "Head of Finance", phone: null, email: null }],
    appendices: [],
    backgroundPapers: [],
    span: at(...span),
  });
  return {
    ...emptyMeeting("Cabinet", at(1, 28)),
    authority: "Eastmarch Borough Council",
    date: "2024-05-14",
    agenda: [
      { number: "12", title: "Market Square Resurfacing", reportBy: null, pages: null, span: at(15, 15) },
      { number: "13", title: "Acquisition of Land at Quayside", reportBy: null, pages: null, span: at(19, 19) },
      { number: "14", title: "Depot Disposal", reportBy: null, pages: null, span: at(23, 23) },
      { number: "15", title: "Exempt information: staffing", reportBy: null, pages: null, span: at(26, 26) },
    ],
    attendance: {
      chair: "Cllr A. Fenwick",
      present: ["Cllr A. Fenwick", "Cllr B. Marsh"],
      apologies: [],
      inAttendance: ["Ms Jo Bloggs"],
    },
    minutes: [
      minute(
        "12",
        "Market Square Resurfacing",
        [7, 10],
        "That £1.5m be allocated for the resurfacing of the market square.",
      ),
      minute(
        "13",
        "Acquisition of Land at Quayside",
        [11, 14],
        "That the land at Quayside be acquired for £4,125,000.",
        [3],
      ),
    ],
    reports: [
      report(
        "12",
        "Market Square Resurfacing",
        [15, 18],
        "That £1.5m be allocated from the capital programme for the resurfacing of the market square.",
      ),
      report("13", "Acquisition of Land at Quayside", [19, 22], "That the land be acquired for £777,000."),
      report(
        "14",
        "Depot Disposal (not for publication)",
        [23, 25],
        "That the depot be sold for no less than £2,220,000.",
      ),
      report("15", "Staffing", [26, 28], "That £333,000 be set aside for the staffing restructure."),
    ],
  };
}

/** The exempt sums, in every printed form the page or JSON could show them. */
export const SECRET = /4,125,000|4125000|777,000|777000|2,220,000|2220000|333,000|333000/;

/** A store holding the invented council's minutes, written to a file so the server reads its lines. */
export async function eastmarchStore(): Promise<{ repo: Repository; dir: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "minutebook-money-"));
  const path = join(dir, "eastmarch-cabinet-2024-05-14.txt");
  writeFileSync(path, EASTMARCH_TEXT);
  const result: ParseResult = {
    schema: "parse/v1",
    source: { name: "eastmarch-cabinet-2024-05-14.txt", format: "text", sha256: sha256Hex(readFileSync(path)) },
    meetings: [eastmarch()],
    diagnostics: [],
  };
  const repo = await openRepository({ kind: "sqlite", file: join(dir, "minutebook.db") });
  await repo.importDocument(result, { path, lines: EASTMARCH_TEXT.split("\n") });
  return {
    repo,
    dir,
    close: async () => {
      await repo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
