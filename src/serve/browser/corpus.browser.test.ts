/**
 * The portal over a store built from the real papers (issue 16's Done-when), in Chromium: the seeds and
 * the corpus are imported from ../shared at test time (never copied), then a reader opens a minute's
 * source as the original PDF at its page, finds a phrase printed only in a report's body through the
 * search form, and reads a recorded vote on a councillor's timeline. What each step should show is
 * computed from the store, not written here.
 */
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import type { MeetingDetail } from "../../store/repository";
import { corpusStore } from "../testing";
import { openPage, openPortal, type Portal, portalJson } from "./harness";

let portal: Portal;
const api = <T>(path: string) => portalJson<T>(portal, path);
const rows = <T>(sql: string, params: (string | number)[] = []) => portal.store.repo.sql.all<T>(sql, params);
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

before(async () => {
  portal = await openPortal({ store: corpusStore, now: () => new Date("2026-01-01T12:00:00Z") });
});

after(async () => {
  await portal?.close();
});

/** The text of one page of a PDF, by poppler's pdftotext (installed beside Chromium). */
function pdfPageText(bytes: Buffer, page: number): string {
  return execFileSync("pdftotext", ["-layout", "-f", String(page), "-l", String(page), "-", "-"], {
    input: bytes,
    maxBuffer: 16 * 1024 * 1024,
  }).toString("utf8");
}

test("a minute's source opens the original PDF at the minute's page, the bytes as imported", async () => {
  // A minute of a Kent PDF beyond its first page, so #page=N says something.
  const [pick] = await rows<{ meeting: number; minute: number; title: string; page: number; path: string }>(
    `SELECT m.meeting_id AS meeting, m.id AS minute, m.title, m.page, d.path FROM minutes m
     JOIN documents d ON d.id = m.document_id JOIN meetings x ON x.id = m.meeting_id
     JOIN committees c ON c.id = x.committee_id JOIN authorities a ON a.id = c.authority_id
     WHERE d.format = 'pdf' AND a.name = 'Kent County Council' AND m.page > 2 AND m.exempt = 0 AND m.shadowed = 0 AND m.exempt_paragraphs = '[]'
     ORDER BY m.id LIMIT 1`,
  );
  assert.ok(pick, "a Kent minute past page 2");
  const meeting = await api<MeetingDetail>(`/api/meetings/${pick.meeting}`);
  const minute = meeting.minutes.find((x) => x.id === Number(pick.minute));
  assert.ok(minute?.provenance.original, "the minute's source can open the original");
  const { page } = await openPage(portal, `/meetings/${pick.meeting}`);
  try {
    const link = page.locator(`#minute-${pick.minute} a.minutebook-original`).first();
    const href = (await link.getAttribute("href")) as string;
    assert.equal(href, `/documents/${minute.provenance.documentId}/original#page=${pick.page}`);
    assert.match((await link.textContent()) ?? "", new RegExp(`original PDF, page ${pick.page}`));
    // Chromium fetches the PDF when the link is followed and opens it in its viewer at the page named.
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === `/documents/${minute.provenance.documentId}/original`),
      link.click(),
    ]);
    assert.equal(response.status(), 200);
    assert.equal(response.headers()["content-type"], "application/pdf");
    assert.match(response.headers()["content-disposition"] ?? "", /^inline;/);
    await page.waitForURL(`**${href}`);
    assert.equal(new URL(page.url()).hash, `#page=${pick.page}`);
    // The viewer hands the page its own wrapper, so the bytes are read as a download would get them.
    const served = await (await portal.context.request.get(page.url())).body();
    const original = readFileSync(pick.path);
    assert.ok(served.equals(original), "the original is served byte for byte as imported");
    // The page the link names is the page the minute is printed on.
    const title = squash(minute.title).split(" ").slice(0, 4).join(" ");
    assert.ok(squash(pdfPageText(served, pick.page)).includes(title), `"${title}" is on page ${pick.page}`);
    if (pick.page > 1)
      assert.ok(!squash(pdfPageText(served, 1)).includes(`${minute.number} ${title}`), "not on the first page");
  } finally {
    await page.close();
  }
});

test("a phrase printed only in a report's body is found by the search form and shown marked in the report", async () => {
  // The example: printed in the body of a March 2017 Cabinet report, in no title or recommendation.
  const phrase = "Lightbulb Housing Service";
  const reports = await rows<{ id: number; meeting: number; title: string; recommendations: string }>(
    "SELECT id, meeting_id AS meeting, title, recommendations FROM reports",
  );
  const meetings = new Map<number, MeetingDetail>();
  const holders: { id: number; meeting: number }[] = [];
  for (const r of reports) {
    const m = meetings.get(Number(r.meeting)) ?? (await api<MeetingDetail>(`/api/meetings/${r.meeting}`));
    meetings.set(Number(r.meeting), m);
    const report = m.reports.find((x) => x.id === Number(r.id));
    assert.ok(!r.title.includes(phrase) && !r.recommendations.includes(phrase), "the phrase is not in a title");
    if (report?.text?.includes(phrase)) holders.push({ id: Number(r.id), meeting: Number(r.meeting) });
  }
  assert.equal(holders.length, 1, "one report prints the phrase in its body");
  for (const m of meetings.values())
    for (const x of [...m.minutes, ...m.agenda])
      assert.ok(!x.title.includes(phrase), "no agenda item or minute is titled with it");

  const { page } = await openPage(portal, "/");
  try {
    await page.getByLabel("Search agendas, reports and minutes").fill(`"${phrase}"`);
    await Promise.all([page.waitForURL(/\/search\?q=/), page.keyboard.press("Enter")]);
    assert.match((await page.locator("#results-heading").textContent()) ?? "", /^1 result$/);
    assert.equal(squash((await page.locator("ol mark").first().textContent()) ?? ""), phrase);
    await Promise.all([
      page.waitForURL(new RegExp(`/meetings/${holders[0].meeting}\\?hl=.*#report-${holders[0].id}$`)),
      page.locator("ol a").first().click(),
    ]);
    const report = page.locator(`#report-${holders[0].id}`);
    const marked = report.locator("mark", { hasText: phrase.split(" ")[0] });
    assert.ok((await marked.count()) > 0, "the phrase is marked in the report's text");
    assert.ok(await marked.first().isVisible(), "the report's text holding it is open");
  } finally {
    await page.close();
  }
});

test("a councillor's timeline shows how they voted in Kent's budget minutes, with the printed counts", async () => {
  const casts = await rows<{
    person: number;
    side: "for" | "against" | "abstain";
    number: string;
    for_count: number;
    against_count: number;
    abstain_count: number;
    name: string;
  }>(
    `SELECT c.person_id AS person, c.side, m.number, v.for_count, v.against_count, v.abstain_count, p.display_name AS name
     FROM vote_casts c JOIN votes v ON v.id = c.vote_id JOIN minutes m ON m.id = v.minute_id
     JOIN documents d ON d.id = v.document_id JOIN people p ON p.id = c.person_id
     WHERE d.name LIKE 'kent_county_council_2025-02-13%' ORDER BY v.id, c.id`,
  );
  assert.ok(casts.length > 0, "the budget minutes' recorded votes are stored with names");
  const cast = casts[0];
  const { page } = await openPage(portal, `/people/${cast.person}`);
  try {
    await Promise.all([
      page.waitForURL(/\/timeline$/),
      page
        .getByRole("link", { name: /timeline/i })
        .first()
        .click(),
    ]);
    const verb = { for: "Voted for", against: "Voted against", abstain: "Abstained on" }[cast.side];
    const counts = `(For ${cast.for_count}, Against ${cast.against_count}, Abstain ${cast.abstain_count}`;
    const entry = page.locator("li, td, p", { hasText: `minute ${cast.number}` }).filter({ hasText: verb });
    const texts = (await entry.allTextContents()).map(squash);
    assert.ok(
      texts.some((t) => t.includes(counts)),
      `${cast.name}'s timeline reads "${verb} … minute ${cast.number} ${counts}": ${texts.slice(0, 3).join(" | ")}`,
    );
    assert.ok(await entry.first().isVisible());
  } finally {
    await page.close();
  }
});
