/**
 * The canary for papers written in Minutebook itself (the office canary covers imported ones): a report
 * with an exempt section and an exempt appendix is written, cleared and published in a pack; the meeting's
 * minutes record an exempt key decision; the minutes and the decision notice are published. Each exempt
 * part carries a made-up canary word. Then the public, a councillor of another committee and a former
 * member crawl every route (enumerated from the router), every address the papers have, the API twins,
 * feeds and searches, with PDFs and Word documents read as text: zero canaries. A member of the
 * committee, on the same crawl, finds every one of them (so the check cannot pass vacuously), and only
 * on the pages and downloads meant for those entitled.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Hono } from "hono";
import { totpCode } from "../../auth/local";
import { Client, emptyStore, localAccount, type TestStore } from "../../auth/testing";
import { committeeInput, meetingInput, membershipInput, personInput } from "../../model/office";
import { MinutesStore } from "../../store/common/minutes";
import { PackStore } from "../../store/common/packs";
import { createApp } from "../app";
import { type Crawl, crawl } from "../canary-crawl";

const PASSWORD = "a long local password";
const CANARY = {
  section: "Wexfrobble1section",
  appendix: "Wexfrobble2appendix",
  minute: "Wexfrobble3minute",
  resolution: "Wexfrobble4resolution",
  reasons: "Wexfrobble5reasons",
};
const ALL = /Wexfrobble\d[a-z]+/g;
const MEETING_DATE = "2027-03-17";
let clock = new Date("2027-03-05T10:00:00Z");
let t: TestStore;
let app: Hono;
const ids = { cabinet: 0, planning: 0, meeting: 0, report: 0, version: 0, notice: 0 };
const secrets: Record<string, string> = {};

async function signIn(key: string): Promise<Client> {
  const c = new Client((p, i) => app.request(p, i));
  const form = await c.get("/sign-in");
  const r = await c.post(
    "/sign-in",
    { email: `${key}@council.example`, password: PASSWORD, code: totpCode(secrets[key], clock) },
    { from: form.body },
  );
  assert.equal(r.status, 303, `${key} signed in`);
  return c;
}

/** Posts a form from the page at `from` (its token comes with it) to `path`, expecting a redirect. */
async function submit(c: Client, from: string, path: string, fields: Record<string, string>): Promise<string> {
  const page = await c.get(from);
  assert.equal(page.status, 200, `${from} opens`);
  const r = await c.post(path, fields, { from: page.body });
  assert.equal(
    r.status,
    303,
    `${path}: ${r.status} ${/govuk-error-summary__list">(.*?)<\/ul>/s.exec(r.body)?.[1] ?? r.body.slice(0, 300)}`,
  );
  return r.location as string;
}

before(async () => {
  t = await emptyStore();
  app = createApp(t.repo, { now: () => clock, onError: (e) => console.error(e), auth: { secureCookies: false } });
  const office = t.repo.office;
  await office.setCouncil({ name: "Borsetshire County Council", policy: "principal" });
  ids.cabinet = await office.saveCommittee(committeeInput.parse({ name: "Cabinet", kind: "executive", quorum: "2" }));
  ids.planning = await office.saveCommittee(committeeInput.parse({ name: "Planning Committee", kind: "regulatory" }));
  for (const [i, name] of ["Mr John Rhodes", "Mrs Alice Archer", "Dr Theo Eynon"].entries()) {
    const id = await office.savePerson(personInput.parse({ kind: "councillor", name }));
    await office.addMembership(
      membershipInput.parse({
        committeeId: String(ids.cabinet),
        personId: String(id),
        role: "member",
        position: i === 0 ? "chair" : null,
        from: "2026-05-20",
      }),
    );
  }
  ids.meeting = await office.scheduleMeeting(
    meetingInput.parse({
      committeeId: String(ids.cabinet),
      date: MEETING_DATE,
      start: "14:00",
      location: "County Hall",
    }),
  );
  await office.scheduleMeeting(meetingInput.parse({ committeeId: String(ids.planning), date: "2027-03-24" }));
  await new PackStore(t.repo.sql).setClearanceSteps(ids.cabinet, ["author", "legal", "finance"]);
  const accounts: [string, string, Parameters<typeof localAccount>[1]["grants"]][] = [
    ["author", "Alan Author", [{ role: "report-author", committeeId: ids.cabinet }]],
    ["legal", "Lena Legal", [{ role: "clearer" }]],
    ["finance", "Fred Finance", [{ role: "clearer" }]],
    ["officer", "Dana Officer", [{ role: "democratic-services", committeeId: ids.cabinet }]],
    ["member", "Mrs Alice Archer", [{ role: "councillor" }, { role: "committee-member", committeeId: ids.cabinet }]],
    ["other", "Olive Other", [{ role: "councillor" }, { role: "committee-member", committeeId: ids.planning }]],
    [
      "former",
      "Fred Former",
      [
        { role: "councillor" },
        { role: "committee-member", committeeId: ids.cabinet, from: "2022-05-20", to: "2026-05-19" },
      ],
    ],
  ];
  for (const [key, name, grants] of accounts) {
    const a = await localAccount(t.store, { name, email: `${key}@council.example`, password: PASSWORD, grants }, clock);
    secrets[key] = a.totpSecret as string;
  }

  // The author writes the report: a public purpose, an exempt financial section and an exempt appendix.
  const author = await signIn("author");
  const report = await submit(author, "/office/reports/new", "/office/reports/new", {
    committee: String(ids.cabinet),
    title: "Sale of Land at Oak Farm",
    author: "Director of Corporate Resources",
  });
  ids.report = Number(/\/office\/reports\/(\d+)$/.exec(report)?.[1]);
  await submit(author, report, report, {
    title: "Sale of Land at Oak Farm",
    author: "Director of Corporate Resources",
    recommendations: "That the land at Oak Farm be sold to the preferred bidder",
    purpose: "To seek approval for the sale of surplus land at Oak Farm.",
    background: "The land has been surplus since 2024.",
    resources: `The preferred bidder, ${CANARY.section} Holdings, offers the highest price.`,
    "resources-exempt": "on",
    "resources-paragraphs": "3",
    "resources-interest": "Disclosure would prejudice the council's position in the sale.",
    "contact0-name": "Jane Smith",
    "contact0-role": "Head of Property",
    "appendix0-title": "Site plan",
    "appendix0-text": "The site lies east of the village.",
    "appendix1-title": "Valuation",
    "appendix1-text": `${CANARY.appendix} valuation: the site is worth four point two million pounds.`,
    "appendix1-exempt": "on",
    "appendix1-paragraphs": "3",
    "appendix1-interest": "Disclosure would prejudice the council's position in the sale.",
  });
  const sha = async (c: Client) => /name="seen" value="([0-9a-f]{64})"/.exec((await c.get(report)).body)?.[1] ?? "";
  await submit(author, report, `${report}/submit`, { seen: await sha(author) });
  for (const [key, step] of [
    ["legal", "legal"],
    ["finance", "finance"],
  ] as const) {
    const c = await signIn(key);
    await submit(c, report, `${report}/decide`, { seen: await sha(c), step, decision: "approve" });
  }

  // The officer puts it on the agenda and publishes the pack 11 clear days ahead.
  const officer = await signIn("officer");
  const agenda = `/office/meetings/${ids.meeting}/agenda`;
  await submit(officer, agenda, `${agenda}/add`, { report: String(ids.report) });
  await submit(officer, agenda, `${agenda}/publish`, {});

  // The meeting: an exempt key decision minuted, the minutes and the decision notice published.
  clock = new Date(`${MEETING_DATE}T17:00:00Z`);
  const off = await signIn("officer");
  const ws = `/office/meetings/${ids.meeting}/minutes`;
  await submit(off, ws, `${ws}/attendance/roll-call`, {});
  await submit(off, ws, `${ws}/items`, { title: "Apologies for absence" });
  await submit(off, ws, `${ws}/items`, { title: "Exclusion of the press and public" });
  const item = await submit(off, ws, `${ws}/items`, { title: "Sale of Land at Oak Farm", exemptParagraphs: "3" });
  await submit(off, item, item, {
    title: "Sale of Land at Oak Farm",
    exemptParagraphs: "3",
    publicSummary: "The Cabinet agreed the sale of land at Oak Farm on the terms in the exempt report.",
    minuteText: `Members discussed the offer from ${CANARY.minute} Holdings.`,
    recommendation: "That the land at Oak Farm be sold to the preferred bidder.",
    resolution: `That the land at Oak Farm be sold to ${CANARY.resolution} Holdings.`,
    keyDecision: "on",
    executive: "on",
    reasons: `The ${CANARY.reasons} offer is the best consideration reasonably obtainable.`,
    alternatives: "Retaining the land was considered and rejected.",
  });
  await submit(off, ws, `${ws}/publish`, {});
  ids.version = Number(/\/minutes\/versions\/(\d+)\/minutes\.txt/.exec((await off.get(ws)).body)?.[1]);
  const notices = await new MinutesStore(t.repo.sql).notices({ meetingId: ids.meeting });
  assert.equal(notices.length, 1, "the key decision has a notice");
  ids.notice = notices[0].id;
  clock = new Date("2027-03-18T10:00:00Z");
  const off2 = await signIn("officer");
  await submit(off2, `/office/decisions/${ids.notice}`, `/office/decisions/${ids.notice}/publish`, {});
  // The crawl happens after the call-in period has closed.
  clock = new Date("2027-03-30T10:00:00Z");
});

after(async () => t?.close());

function crawlAs(client: Client): Promise<Crawl> {
  const m = ids.meeting;
  const v = ids.version;
  const extra = [
    `/meetings/${m}`,
    `/api/meetings/${m}`,
    `/meetings/${m}/pack`,
    `/meetings/${m}/pack.pdf`,
    `/api/meetings/${m}/pack`,
    `/office/meetings/${m}/confidential.pdf`,
    `/office/meetings/${m}/agenda`,
    `/office/meetings/${m}/minutes`,
    `/office/meetings/${m}/minutes/items/3`,
    `/office/meetings/${m}/minutes/draft.pdf`,
    `/office/meetings/${m}/minutes/draft.docx`,
    `/office/reports/${ids.report}`,
    `/minutes/versions/${v}/minutes.txt`,
    `/minutes/versions/${v}/minutes.pdf`,
    `/minutes/versions/${v}/minutes.docx`,
    `/office/minutes/versions/${v}/full.pdf`,
    `/office/minutes/versions/${v}/full.docx`,
    `/decision-notices/${ids.notice}`,
    `/api/decision-notices/${ids.notice}`,
    `/decision-notices/${ids.notice}/notice.docx`,
    `/office/decisions/${ids.notice}`,
    "/decision-notices",
    "/api/decision-notices",
    "/search.atom?q=Oak",
    "/decisions.csv",
    "/meetings.ics",
  ];
  for (const q of [...Object.values(CANARY), "Oak Farm", "Holdings", "valuation", "bidder"])
    extra.push(`/search?q=${encodeURIComponent(q)}`, `/api/search?q=${encodeURIComponent(q)}`);
  return crawl(app, client, { canary: ALL, extra, maxFetches: 220 });
}

const hitList = (c: Crawl) => [...c.hits].flatMap(([word, urls]) => [...urls].map((u) => `${word}: ${u}`));

describe("authored papers: exempt text reaches only those entitled", () => {
  test("the public, a councillor of another committee and a former member find no canary anywhere", async (t) => {
    const personas: [string, Client][] = [
      ["the public", new Client((p, i) => app.request(p, i))],
      ["a councillor of another committee", await signIn("other")],
      ["a former member", await signIn("former")],
    ];
    for (const [who, client] of personas) {
      const c = await crawlAs(client);
      t.diagnostic(`${who}: ${c.fetched.size} addresses, ${c.hits.size} canaries`);
      assert.deepEqual(c.unmatched, [], `${who}: every registered GET route was requested`);
      assert.ok(c.fetched.size > 80, `${who}: crawled ${c.fetched.size}`);
      // The papers are there for them to read: the public pack and the public minutes.
      assert.equal(c.fetched.get(`/meetings/${ids.meeting}/pack.pdf`), 200, `${who}: the public pack`);
      assert.equal(c.fetched.get(`/minutes/versions/${ids.version}/minutes.pdf`), 200, `${who}: the minutes`);
      assert.equal(c.fetched.get(`/decision-notices/${ids.notice}`), 200, `${who}: the decision notice`);
      assert.deepEqual(hitList(c), [], `${who} saw exempt text`);
    }
  });

  test("a member of the committee finds every canary, only where those entitled read", async (t) => {
    const c = await crawlAs(await signIn("member"));
    t.diagnostic(`a member: ${c.fetched.size} addresses, ${c.hits.size} canaries: ${hitList(c).join("; ")}`);
    assert.deepEqual([...c.hits.keys()].sort(), Object.values(CANARY).sort(), "every planted canary is found");
    for (const line of hitList(c))
      assert.match(line, /: \/office\//, `exempt text appeared outside the entitled pages: ${line}`);
  });
});
