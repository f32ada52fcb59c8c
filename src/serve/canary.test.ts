/**
 * The exempt-information canary (issue 13). Agenda packs and minutes with an exempt report, an exempt
 * appendix inside a public report and exempt minutes, in three house styles and each format Minutebook
 * reads (text, PDF, Word, Modern.Gov HTML and XML), carry a made-up canary word in every exempt part. They are imported
 * into a real store; then every GET route the app registers (enumerated from the Hono router, so a new
 * route cannot escape), its API twin, the feeds, the CSV downloads and searches for every canary are
 * requested anonymously, following every link found: zero canary hits. The same run with the
 * exempt-report rule switched off must find some, so the check cannot pass vacuously.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { Document, Packer, Paragraph, TextRun } from "docx";
import type { Hono } from "hono";
import { Client } from "../auth/testing";
import { importPaths } from "../import/import-paths";
import { ALL_CANARY, agendaMarking, canaries, packFor } from "../parse/exempt/fixtures";
import { EXEMPT_RULES, type ExemptRule } from "../parse/exempt/index";
import { renderAgendaPack, renderAgendaPackPdf } from "../render/index";
import { openRepository } from "../store/open";
import type { Repository } from "../store/repository";
import { createApp } from "./app";
import { type Crawl, crawl } from "./canary-crawl";

const TEXT_STYLES = [0, 1, 2];
const PDF_STYLES = [3, 4, 5];
const WORD_STYLES = [6, 7];
const XML_CANARY = "Plorvane9dusk";
const HTML_CANARY = "Plorvane8dusk";

/** A Modern.Gov meeting page: the exclusion of the public, then an item minuted in private. */
function moderngovHtml(canary: string): string {
  return `<!DOCTYPE html>
<html><head><title>Agenda for Audit Committee on Tuesday, 17th June, 2031, 2.00 pm - Eastmarch Borough Council</title></head>
<body><div id="modgov">
<div class="mgHeader"><h1 class="mgMainTitleTxt">Agenda and minutes</h1></div>
<div class="mgSubTitle"><h2 class="mgSubTitleTxt">Audit Committee - Tuesday, 17th June, 2031 2.00 pm</h2></div>
<div class="mgContent">
<table class="mgItemTable">
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">1.</p></td>
<td><p class="mgAiTitleTxt">Internal Audit Plan</p>
<p class="mgSubItemTitleTxt">Minutes:</p>
<div class="mgWordPara"><p>RESOLVED that the internal audit plan be approved.</p></div></td></tr>
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">2.</p></td>
<td><p class="mgAiTitleTxt">Exclusion of the Press and Public</p>
<p class="mgSubItemTitleTxt">Minutes:</p>
<div class="mgWordPara"><p>RESOLVED that the press and public be excluded for the following item under paragraph 1 of Part 1 of Schedule 12A.</p></div></td></tr>
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">3.</p></td>
<td><p class="mgAiTitleTxt">Fraud Investigation Update</p>
<p class="mgSubItemTitleTxt">Minutes:</p>
<div class="mgWordPara"><p>The Committee heard that ${canary} Services had repaid the overpayment.</p>
<p>RESOLVED that the action taken against ${canary} Services be noted.</p></div></td></tr>
</table>
</div></div></body></html>
`;
}

const DECISION_CANARY = "Plorvane7dusk";

/** A Modern.Gov decision details page of an officer decision taken in private: its decision text holds a canary. */
function moderngovDecision(canary: string): string {
  return `<div id="modgov"><div class="mgSubTitle"><h2 class="mgSubTitleTxt">Disposal of the Former Depot Site</h2></div>
<div class="mgContent">
<p><span class="mgLabel">Decision Maker: </span>Director of Place</p>
<p><span class="mgLabel">Decision status: </span><span class="mgPlanItemInForce">Decision made</span></p>
<p><span class="mgLabel">Is Key decision?: </span>Yes</p>
<p><span class="mgLabel">Is subject to call in?: </span>No</p>
<p><span class="mgLabel">Restrictions: </span>Exempt information under paragraph 3 of Part 1 of Schedule 12A</p>
<h3 class="mgSubSubTitleTxt">Decision:</h3>
<div class="mgWordPara"><p>That the former depot be sold to ${canary} Holdings for the sum agreed.</p></div>
<p><span class="mgLabel">Publication date: </span>20&#47;06&#47;2031</p>
<p><span class="mgLabel">Date of decision: </span>19&#47;06&#47;2031</p>
</div></div>
`;
}

/** A Modern.Gov GetMeetings response with a cancelled meeting (its page, tags and feeds are crawled too). */
const MODERNGOV_CANCELLED = `<?xml version="1.0" encoding="utf-8"?>
<getmeetings>
  <committee>
    <committeetitle>Licensing Committee</committeetitle>
    <committeemeetings>
      <meeting><meetingid>9002</meetingid><meetingdate>14/07/2031</meetingdate><meetingstatus>Cancelled</meetingstatus><meetingtime>10.00 am</meetingtime></meeting>
    </committeemeetings>
  </committee>
</getmeetings>
`;

/** A Modern.Gov GetMeeting response: one public item, one restricted item whose minutes hold a canary. */
function moderngovXml(canary: string): string {
  const item = (id: number, n: number, title: string, restricted: boolean, minutes: string) => `
    <agendaitem>
      <agendaitemid>${id}</agendaitemid>
      <agendaitemtitle>${title}</agendaitemtitle>
      <agendaitemnumber>${n}</agendaitemnumber>
      <fulldisplaynumberformat>${n}.</fulldisplaynumberformat>
      <minutesnonemptyhtmlbody>&lt;p&gt;${minutes}&lt;/p&gt;</minutesnonemptyhtmlbody>
      <isrestricted>${restricted ? "True" : "False"}</isrestricted>
      <minutesitemnumber>${n}</minutesitemnumber>
      <refertocommittee>Licensing Committee</refertocommittee>
    </agendaitem>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<meeting>
  <meetingid>9001</meetingid>
  <meetingdate>16/06/2031</meetingdate>
  <meetingtime>10.00 am</meetingtime>
  <meetinglocation>Committee Room 1</meetinglocation>
  <agendaitems>${item(1, 1, "Street Trading Policy", false, "RESOLVED: That the street trading policy be adopted.")}${item(2, 2, "Review of a Licence Holder", true, `RESOLVED: That the licence held by ${canary} Taxis be revoked.`)}
  </agendaitems>
</meeting>
`;
}

async function writeDocuments(dir: string): Promise<string[]> {
  const planted: string[] = [];
  for (const i of TEXT_STYLES) {
    const { meeting, previous } = packFor(i);
    writeFileSync(join(dir, `pack-${i}.txt`), agendaMarking(i, renderAgendaPack(meeting, previous).text));
    planted.push(...Object.values(canaries(i)));
  }
  for (const i of PDF_STYLES) {
    const { meeting, previous } = packFor(i);
    writeFileSync(join(dir, `pack-${i}.pdf`), (await renderAgendaPackPdf(meeting, previous)).bytes);
    planted.push(...Object.values(canaries(i)));
  }
  // Word: the same packs as paragraphs of a .docx (the Word reader's input).
  for (const i of WORD_STYLES) {
    const { meeting, previous } = packFor(i);
    const text = agendaMarking(i, renderAgendaPack(meeting, previous).text);
    const docx = new Document({
      sections: [{ children: text.split("\n").map((l) => new Paragraph({ children: [new TextRun(l)] })) }],
    });
    writeFileSync(join(dir, `pack-${i}.docx`), await Packer.toBuffer(docx));
    planted.push(...Object.values(canaries(i)));
  }
  writeFileSync(join(dir, "meeting-9001.xml"), moderngovXml(XML_CANARY));
  writeFileSync(join(dir, "audit-2031-06-17.html"), moderngovHtml(HTML_CANARY));
  writeFileSync(join(dir, "decision-depot.html"), moderngovDecision(DECISION_CANARY));
  writeFileSync(join(dir, "licensing-meetings.xml"), MODERNGOV_CANCELLED);
  planted.push(XML_CANARY, HTML_CANARY, DECISION_CANARY);
  return planted;
}

/** Every registered route as the public, following every same-site link found, with searches for every canary. */
function crawlPublic(app: Hono, planted: string[]): Promise<Crawl> {
  const extra: string[] = [];
  // Searches: every canary, and the public words around every exempt part.
  for (const q of [...planted, "Harbour", "depot", "appraisal", "licence", "Holdings", "Estates", "Limited"])
    extra.push(`/search?q=${encodeURIComponent(q)}`, `/api/search?q=${encodeURIComponent(q)}`);
  extra.push("/search.atom?q=Harbour", "/decisions.csv", "/attendance.csv", "/meetings.ics");
  // A dozen addresses per route pattern are enough (every meeting, document and person page is built by
  // the same code): this keeps the crawl to minutes on a shared 2-core machine.
  return crawl(app, new Client((p, i) => app.request(p, i)), {
    canary: ALL_CANARY,
    extra,
    maxFetches: 600,
    perRoute: 12,
    followJsonLinks: true,
  });
}

/** Hits as "address: canary" lines. */
const hitList = (c: Crawl) => [...c.hits].flatMap(([word, urls]) => [...urls].map((u) => `${u}: ${word}`));

async function importAndCrawl(
  dir: string,
  store: string,
  rules: readonly ExemptRule[],
): Promise<{ crawl: Crawl; repo: Repository; failures: string[] }> {
  const repo = await openRepository({ kind: "sqlite", file: join(dir, store) });
  const summary = await importPaths(repo, [join(dir, "docs")], undefined, { exemptRules: rules });
  const app = createApp(repo, { checkEveryMs: 0, onError: () => {}, now: () => new Date("2031-07-01T12:00:00Z") });
  const planted = [...TEXT_STYLES, ...PDF_STYLES, ...WORD_STYLES].flatMap((i) => Object.values(canaries(i)));
  const result = await crawlPublic(app, [...planted, XML_CANARY, HTML_CANARY, DECISION_CANARY]);
  return { crawl: result, repo, failures: summary.failures.map((f) => `${f.file}: ${f.reason}`) };
}

describe("exempt canary: nothing exempt on any public route", () => {
  let dir: string;
  let planted: string[];
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "minutebook-canary-"));
    const docs = join(dir, "docs");
    (await import("node:fs")).mkdirSync(docs);
    planted = await writeDocuments(docs);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("every route, API twin, feed, export and search: zero canary hits", async (t) => {
    const { crawl: c, repo, failures } = await importAndCrawl(dir, "on.db", EXEMPT_RULES);
    try {
      assert.deepEqual(failures, []);
      const stats = await repo.stats();
      assert.ok(stats.meetings >= 7 && stats.reports >= 9, `imported ${JSON.stringify(stats)}`);
      assert.deepEqual(c.unmatched, [], "every registered GET route was requested");
      assert.ok(c.fetched.size > 100, `crawled ${c.fetched.size} addresses`);
      t.diagnostic(
        `canaries planted: ${planted.length}; addresses requested: ${c.fetched.size}; hits: ${hitList(c).length}`,
      );
      // No canary is found by search, on either engine's query path (total and hits).
      for (const q of planted) {
        const res = await repo.search(q, {}, { limit: 5, offset: 0 });
        assert.equal(res.total, 0, `search for ${q}`);
      }
      // The exempt parts' titles are public and reachable; only their content is withheld.
      const harbour = await repo.search("Harbour", {}, { limit: 5, offset: 0 });
      assert.ok(harbour.total > 0);
      assert.deepEqual(hitList(c), [], `canaries planted: ${planted.length}, addresses crawled: ${c.fetched.size}`);
      assert.ok(!ALL_CANARY.test(await (repo as unknown as { dumpText(): Promise<string> }).dumpText()));
    } finally {
      await repo.close();
    }
  });

  test("with every exempt rule switched off, the canary finds every kind of part it planted", async (t) => {
    const { crawl: c, repo } = await importAndCrawl(dir, "none.db", []);
    try {
      const found = new Set(c.hits.keys());
      t.diagnostic(`all rules off: ${hitList(c).length} hits of ${found.size} canaries`);
      for (const kind of ["Zorblax", "Vexmirth", "Plorvane", "Quillotrex"])
        assert.ok(
          [...found].some((x) => x.startsWith(kind)),
          `${kind}… found with the rules off`,
        );
      assert.ok(found.has(HTML_CANARY), "the Modern.Gov page's exempt minute is found with the rules off");
    } finally {
      await repo.close();
    }
  });

  test("with the exempt-report rule switched off, the canary finds the report", async (t) => {
    const { crawl: c, repo } = await importAndCrawl(
      dir,
      "off.db",
      EXEMPT_RULES.filter((r) => r !== "report"),
    );
    try {
      const found = new Set(c.hits.keys());
      t.diagnostic(
        `switched off: ${hitList(c).length} hits of ${found.size} canaries on ${new Set([...c.hits.values()].flatMap((u) => [...u])).size} addresses`,
      );
      assert.ok(hitList(c).length > 0, "the switched-off rule lets exempt report text through");
      assert.ok(
        [...found].some((x) => /^(?:Zorblax|Quillotrex)/.test(x)),
        `report canaries found: ${[...found].join(", ")}`,
      );
    } finally {
      await repo.close();
    }
  });
});
