/**
 * Supplements, through the office and public routes as officers and residents use them: an agenda pack is
 * published seven clear days ahead; then a report with an exempt appendix is added late, refused without
 * the chair's reason for urgency, published with it as Supplement 1 at short notice; a second late report
 * becomes Supplement 2. Each supplement is a numbered PDF of its own with its own front sheet and page
 * numbers; the consolidated pack is regenerated with every item and page ranges measured from its real
 * pages; the public meeting page and the API list the supplements; the exempt appendix reaches only the
 * confidential pack; a re-publication with nothing new is refused.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Hono } from "hono";
import { totpCode } from "../../auth/local";
import { Client, emptyStore, localAccount, type TestStore } from "../../auth/testing";
import { committeeInput, meetingInput, membershipInput, personInput } from "../../model/office";
import { parseBytesWithText } from "../../pipeline/parse-file";
import { readOutline } from "../../publish/pack";
import { PackStore } from "../../store/common/packs";
import { createApp } from "../app";

const PASSWORD = "a long local password";
const CANARY = "Gristlethorpe";
const MEETING_DATE = "2027-03-17";
let clock = new Date("2027-03-05T10:00:00Z");
let t: TestStore;
let app: Hono;
let dir: string;
let meetingId = 0;
const secrets: Record<string, string> = {};
const refused: { noReason?: string; nothingNew?: string } = {};

type Range = { start: number; end: number } | null;
type PackJson = {
  publication: number;
  kind: string;
  pageCount: number;
  pdf: string;
  pageMap: { number: string; title: string; pages: Range }[];
  supplements: {
    number: number;
    publishedAt: string;
    pdf: string;
    items: { number: string; title: string; pages: Range }[];
  }[];
};

const sessions = new Map<string, Client>();

/** Signs in (once per person per instant of the clock: a one-time code is not accepted twice). */
async function signIn(key: string): Promise<Client> {
  const known = sessions.get(`${key} ${clock.toISOString()}`);
  if (known) return known;
  const c = new Client((p, i) => app.request(p, i));
  sessions.set(`${key} ${clock.toISOString()}`, c);
  const form = await c.get("/sign-in");
  const r = await c.post(
    "/sign-in",
    { email: `${key}@council.example`, password: PASSWORD, code: totpCode(secrets[key], clock) },
    { from: form.body },
  );
  assert.equal(r.status, 303, `${key} signed in`);
  return c;
}

async function submit(c: Client, from: string, path: string, fields: Record<string, string>, status = 303) {
  const page = await c.get(from);
  assert.equal(page.status, 200, `${from} opens`);
  const r = await c.post(path, fields, { from: page.body });
  assert.equal(
    r.status,
    status,
    `${path}: ${r.status} ${/govuk-error-summary__list">(.*?)<\/ul>/s.exec(r.body)?.[1] ?? r.body.slice(0, 300)}`,
  );
  return r;
}

/** The author writes a report, submits it, and legal and finance clear it; returns its id. */
async function clearedReport(title: string, fields: Record<string, string>): Promise<number> {
  const author = await signIn("author");
  const made = await submit(author, "/office/reports/new", "/office/reports/new", {
    committee: String(committeeId),
    title,
    author: "Director of Corporate Resources",
  });
  const report = made.location as string;
  await submit(author, report, report, {
    title,
    author: "Director of Corporate Resources",
    "contact0-name": "Jane Smith",
    "contact0-role": "Head of Property",
    ...fields,
  });
  const sha = async (c: Client) => /name="seen" value="([0-9a-f]{64})"/.exec((await c.get(report)).body)?.[1] ?? "";
  await submit(author, report, `${report}/submit`, { seen: await sha(author) });
  for (const step of ["legal", "finance"]) {
    const c = await signIn(step);
    await submit(c, report, `${report}/decide`, { seen: await sha(c), step, decision: "approve" });
  }
  return Number(/\/office\/reports\/(\d+)$/.exec(report)?.[1]);
}

/** The officer puts a report on the agenda now (late after the first publication) and publishes. */
async function addAndPublish(reportId: number, urgency: string | null): Promise<void> {
  const officer = await signIn("officer");
  const agenda = `/office/meetings/${meetingId}/agenda`;
  await submit(officer, agenda, `${agenda}/add`, { report: String(reportId) });
  if (urgency !== null) {
    const plan = (await new PackStore(t.repo.sql).agendaPlan(meetingId)).find((p) => p.reportId === reportId)!;
    // Publishing without the chair's reason is refused, naming the late item.
    const r = await submit(officer, agenda, `${agenda}/publish`, {}, 409);
    refused.noReason ??= r.body;
    await submit(officer, agenda, `${agenda}/urgency`, {
      plan: String(plan.id),
      [`urgency-${plan.id}`]: urgency,
      [`chair-${plan.id}`]: "Mr John Rhodes",
    });
  }
  const r = await submit(officer, agenda, `${agenda}/publish`, {});
  assert.equal(r.location, `/meetings/${meetingId}/pack`);
}

let committeeId = 0;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "minutebook-supplement-"));
  t = await emptyStore();
  app = createApp(t.repo, { now: () => clock, onError: (e) => console.error(e), auth: { secureCookies: false } });
  const office = t.repo.office;
  await office.setCouncil({ name: "Borsetshire County Council", policy: "principal" });
  committeeId = await office.saveCommittee(committeeInput.parse({ name: "Cabinet", kind: "executive" }));
  for (const [i, name] of ["Mr John Rhodes", "Mrs Alice Archer", "Dr Theo Eynon"].entries()) {
    const id = await office.savePerson(personInput.parse({ kind: "councillor", name }));
    await office.addMembership(
      membershipInput.parse({
        committeeId: String(committeeId),
        personId: String(id),
        role: "member",
        position: i === 0 ? "chair" : null,
        from: "2026-05-20",
      }),
    );
  }
  meetingId = await office.scheduleMeeting(
    meetingInput.parse({
      committeeId: String(committeeId),
      date: MEETING_DATE,
      start: "14:00",
      location: "County Hall",
    }),
  );
  await new PackStore(t.repo.sql).setClearanceSteps(committeeId, ["author", "legal", "finance"]);
  for (const [key, name, grants] of [
    ["author", "Alan Author", [{ role: "report-author", committeeId }]],
    ["legal", "Lena Legal", [{ role: "clearer" }]],
    ["finance", "Fred Finance", [{ role: "clearer" }]],
    ["officer", "Dana Officer", [{ role: "democratic-services", committeeId }]],
  ] as [string, string, Parameters<typeof localAccount>[1]["grants"]][]) {
    const a = await localAccount(t.store, { name, email: `${key}@council.example`, password: PASSWORD, grants }, clock);
    secrets[key] = a.totpSecret as string;
  }

  // Friday 5 March: the agenda pack, seven clear days ahead.
  const highways = await clearedReport("Highways Maintenance Programme", {
    recommendations: "That the highways maintenance programme for 2027/28 be approved",
    purpose: "To approve the programme of highways maintenance for 2027/28.",
    background: "The programme follows the condition survey of the county's roads carried out last autumn.",
    "appendix0-title": "Schemes by district",
    "appendix0-text": "The schemes are listed by district and by the season in which the work is planned.",
  });
  await addAndPublish(highways, null);

  // Friday 12 March, two clear days ahead: a late report with an exempt appendix, Supplement 1.
  clock = new Date("2027-03-12T10:00:00Z");
  const land = await clearedReport("Sale of Land at Oak Farm", {
    recommendations: "That the land at Oak Farm be sold to the preferred bidder",
    purpose: "To seek approval for the sale of surplus land at Oak Farm before the offer lapses.",
    background: "The land has been surplus since 2024 and the preferred bidder's offer lapses on 19 March.",
    "appendix0-title": "Site plan",
    "appendix0-text": "The site lies east of the village, between the school and the by-pass.",
    "appendix1-title": "Valuation",
    "appendix1-text": `${CANARY} valuation: the site is worth four point two million pounds to the only bidder.`,
    "appendix1-exempt": "on",
    "appendix1-paragraphs": "3",
    "appendix1-interest": "Disclosure would prejudice the council's position in the sale.",
  });
  await addAndPublish(land, "The bidder's offer lapses on 19 March, before the next meeting of the Cabinet.");

  // Monday 15 March: a second late report, Supplement 2; then a re-publication with nothing new.
  clock = new Date("2027-03-15T09:00:00Z");
  const library = await clearedReport("Library Opening Hours over Easter", {
    recommendations: "That the Easter opening hours be agreed",
    purpose: "To agree the opening hours of the county's libraries over Easter.",
    background: "Easter falls before the Cabinet next meets, so the hours cannot wait for it.",
  });
  await addAndPublish(library, "Easter falls before the Cabinet's next meeting.");
  const officer = await signIn("officer");
  const agenda = `/office/meetings/${meetingId}/agenda`;
  refused.nothingNew = (await submit(officer, agenda, `${agenda}/publish`, {}, 409)).body;
});

after(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const pdfText = async (bytes: Uint8Array) => (await parseBytesWithText("x.pdf", bytes)).lines?.join("\n") ?? "";
const pages = (bytes: Uint8Array, name: string) => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  assert.match(execFileSync("qpdf", ["--check", file], { encoding: "utf8" }), /No syntax or stream encoding errors/);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);
};

describe("supplements to a published agenda", () => {
  test("a late item is refused without the chair's reason; with it the supplement is published at short notice", async () => {
    assert.match(
      refused.noReason ?? "",
      /Sale of Land at Oak Farm.*is late: the chair must give the reason it is urgent/s,
    );
    const entries = (await t.store.auditEntries({ limit: 500, offset: 0 })).items;
    const pubs = entries.filter((e) => e.action === "pack.publish" || e.action === "pack.supplement");
    assert.deepEqual(pubs.map((e) => e.action).sort(), ["pack.publish", "pack.supplement", "pack.supplement"]);
    const details = pubs.map((e) => JSON.parse(e.detail) as { clearDays: number; outcome: string; seq: number });
    const bySeq = new Map(details.map((d) => [d.seq, d]));
    assert.equal(bySeq.get(1)?.clearDays, 7);
    assert.equal(bySeq.get(2)?.clearDays, 2, "Supplement 1 went out two clear days ahead");
    for (const d of details) assert.equal(d.outcome, "ok", "late items with their urgency reason are not flagged");
    assert.ok(entries.some((e) => e.action === "pack.publish.refused"));
    assert.match(refused.nothingNew ?? "", /Nothing has been added to the agenda or changed since it was published/);
  });

  test("each supplement is a numbered PDF of its own: its own front sheet, its items only, its own page numbers", async () => {
    const pub = new Client((p, i) => app.request(p, i));
    const j = JSON.parse((await pub.get(`/api/meetings/${meetingId}/pack`)).body) as PackJson;
    assert.equal(j.publication, 3);
    assert.deepEqual(
      j.supplements.map((s) => [s.number, s.pdf, s.items.map((i) => i.title)]),
      [
        [1, `/meetings/${meetingId}/supplement/1.pdf`, ["Sale of Land at Oak Farm"]],
        [2, `/meetings/${meetingId}/supplement/2.pdf`, ["Library Opening Hours over Easter"]],
      ],
    );
    const expect = [
      { n: 1, has: "Sale of Land at Oak Farm", not: ["Library Opening Hours", "Highways Maintenance Programme"] },
      { n: 2, has: "Library Opening Hours over Easter", not: ["Oak Farm", "Highways Maintenance Programme"] },
    ];
    for (const e of expect) {
      const r = await pub.get(`/meetings/${meetingId}/supplement/${e.n}.pdf`);
      assert.equal(r.status, 200);
      assert.equal(r.headers.get("Content-Type"), "application/pdf");
      const text = await pdfText(r.bytes);
      assert.match(text, new RegExp(`SUPPLEMENT ${e.n}\\b`));
      assert.match(text, /Items added to the agenda after it was published on 5 March 2027/);
      assert.match(text, /Meeting: Cabinet/);
      assert.match(text, new RegExp(e.has));
      for (const x of e.not) assert.ok(!text.includes(x), `supplement ${e.n} holds only its own items, not ${x}`);
      assert.ok(!text.includes(CANARY), `supplement ${e.n} holds no exempt text`);
      // Numbered as in the full agenda, and paged on its own.
      const item = j.pageMap.find((x) => x.title === e.has)!;
      const parsed = (await parseBytesWithText("s.pdf", r.bytes)).result.meetings[0];
      assert.deepEqual(
        parsed.agenda.filter((a) => a.pages).map((a) => [a.number, a.title]),
        [[item.number, e.has]],
      );
      const ps = pages(r.bytes, `supplement-${e.n}.pdf`);
      for (const [k, p] of ps.entries()) assert.match(p, new RegExp(`Page ${k + 1} of ${ps.length}`));
      assert.ok(ps.length < j.pageCount);
    }
    assert.equal((await pub.get(`/meetings/${meetingId}/supplement/3.pdf`)).status, 404);
    assert.match(
      (await pub.get(`/meetings/${meetingId}/supplement/1.pdf`)).headers.get("Content-Disposition") ?? "",
      /supplement-\d+-1\.pdf/,
    );
  });

  test("the consolidated pack is regenerated with every item, page ranges from its real pages", async () => {
    const pub = new Client((p, i) => app.request(p, i));
    const j = JSON.parse((await pub.get(`/api/meetings/${meetingId}/pack`)).body) as PackJson;
    const bytes = (await pub.get(j.pdf)).bytes;
    const { result } = await parseBytesWithText("pack.pdf", bytes);
    const m = result.meetings[0];
    const withPages = j.pageMap.filter((e) => e.pages);
    assert.deepEqual(withPages.map((e) => e.title).sort(), [
      "Highways Maintenance Programme",
      "Library Opening Hours over Easter",
      "Sale of Land at Oak Farm",
    ]);
    const outline = await readOutline(bytes);
    for (const e of withPages) {
      // The printed range, the parsed range and the bookmark agree; the report starts on its first page.
      assert.deepEqual(m.agenda.find((a) => a.number === e.number)?.pages, e.pages, `item ${e.number} printed`);
      assert.equal(outline.find((o) => o.title === `${e.number}. ${e.title}`)?.page, e.pages!.start);
      assert.equal(m.reports.find((r) => r.agendaItem === e.number)?.span.page, e.pages!.start, `report ${e.number}`);
    }
    // The supplements' items carry the consolidated pack's pages.
    for (const s of j.supplements)
      for (const i of s.items) assert.deepEqual(i.pages, j.pageMap.find((e) => e.number === i.number)?.pages);
    const ps = pages(bytes, "consolidated.pdf");
    assert.equal(ps.length, j.pageCount);
    for (const [k, p] of ps.entries()) assert.match(p, new RegExp(`Page ${k + 1} of ${j.pageCount}`));
    const text = await pdfText(bytes);
    assert.ok(!text.includes(CANARY), "the public consolidated pack holds no exempt text");
    assert.match(text.replace(/\s+/g, " "), /not for publication by virtue of Paragraph 3/);
    assert.ok(!/SUPPLEMENT \d/.test(text), "the consolidated pack is the full agenda, not a supplement");
  });

  test("the public meeting page lists the pack and the supplements; exempt text is in the confidential pack only", async () => {
    const pub = new Client((p, i) => app.request(p, i));
    const page = await pub.get(`/meetings/${meetingId}`);
    assert.equal(page.status, 200);
    const visible = page.body
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .replace(/ ([,.)])/g, "$1");
    assert.match(visible, /Agenda pack/);
    assert.match(
      visible,
      /Supplement 1 \(PDF\), published 2027-03-12 10:00 UTC: item \d+[a-z]?, Sale of Land at Oak Farm \(pages \d+ to \d+ of the consolidated pack\)/,
    );
    assert.match(
      visible,
      /Supplement 2 \(PDF\), published 2027-03-15 09:00 UTC: item \d+[a-z]?, Library Opening Hours over Easter/,
    );
    for (const n of [1, 2]) assert.ok(page.body.includes(`href="/meetings/${meetingId}/supplement/${n}.pdf"`));
    assert.ok(page.body.includes(`href="/meetings/${meetingId}/pack.pdf"`));
    const packPage = await pub.get(`/meetings/${meetingId}/pack`);
    assert.match(packPage.body, /Supplement 2 \(PDF\)/);
    for (const path of [`/meetings/${meetingId}`, `/meetings/${meetingId}/pack`, `/api/meetings/${meetingId}/pack`]) {
      const r = await pub.get(path);
      assert.ok(!r.body.includes(CANARY), `${path} leaks the exempt appendix`);
    }
    assert.ok((await pub.get(`/office/meetings/${meetingId}/confidential.pdf`)).status >= 300);
    const officer = await signIn("officer");
    const conf = await officer.get(`/office/meetings/${meetingId}/confidential.pdf`);
    assert.equal(conf.status, 200);
    const confText = await pdfText(conf.bytes);
    assert.ok(confText.includes(CANARY), "the regenerated confidential pack holds the supplement's exempt appendix");
    assert.match(confText, /Library Opening Hours over Easter/);
  });
});
