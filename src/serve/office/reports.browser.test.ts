/**
 * The whole cycle before a meeting, in Chromium, as the officers would do it: an author writes a report
 * with an exempt appendix in the office pages, legal and finance clear it (the committee's clearance steps
 * are author → legal → finance), the democratic services officer builds the agenda and publishes the pack
 * seven clear days ahead; then the public meeting page (the same page an imported pack gives) shows the
 * agenda with its page ranges and no exempt text, and neither does the public pack, its page map or the
 * API, while the entitled officer's confidential pack holds it. The app's clock is fixed, so the clear days
 * are known. The audit trail holds each approval and the publication.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, test } from "node:test";
import { type Browser, chromium, type Page } from "playwright-core";
import { totpCode } from "../../auth/local";
import { emptyStore, localAccount, type TestStore } from "../../auth/testing";
import { committeeInput, meetingInput, membershipInput, personInput } from "../../model/office";
import { parseBytesWithText } from "../../pipeline/parse-file";
import { PackStore } from "../../store/common/packs";
import { CHROMIUM, CHROMIUM_ARGS, runAxe, submitLocalSignIn } from "../browser/harness";
import { type RunningServer, startServer } from "../server";

const SHOTS = "/tmp/minutebook-shots";
const CANARY = "Quillfeather";
const SECRET = `${CANARY} valuation: the site is worth four point two million pounds to the only bidder.`;
// Friday 5 March 2027, 10:00 in London; the meeting is on Wednesday 17 March: 7 clear days.
const clock = new Date("2027-03-05T10:00:00Z");
const MEETING_DATE = "2027-03-17";
let t: TestStore;
let server: RunningServer;
let browser: Browser;
let meetingId: number;
const people: Record<string, { email: string; secret: string }> = {};

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  t = await emptyStore();
  const office = t.repo.office;
  await office.setCouncil({ name: "Borsetshire County Council", policy: "principal" });
  const clerk = await office.savePerson(
    personInput.parse({
      kind: "officer",
      name: "Mrs Rosemary Tyler",
      email: "rosemary.tyler@example.gov.uk",
      phone: "0116 305 6225",
    }),
  );
  const cabinet = await office.saveCommittee(
    committeeInput.parse({ name: "Cabinet", kind: "executive", clerkId: String(clerk) }),
  );
  for (const [name, position] of [
    ["Mr John Rhodes", "chair"],
    ["Mrs Alice Archer", null],
    ["Dr Theo Eynon", null],
  ] as const) {
    const id = await office.savePerson(personInput.parse({ kind: "councillor", name }));
    await office.addMembership(
      membershipInput.parse({
        committeeId: String(cabinet),
        personId: String(id),
        role: "member",
        position,
        from: "2026-05-20",
      }),
    );
  }
  meetingId = await office.scheduleMeeting(
    meetingInput.parse({
      committeeId: String(cabinet),
      date: MEETING_DATE,
      start: "14:00",
      location: "County Hall, Borchester",
    }),
  );
  await new PackStore(t.repo.sql).setClearanceSteps(cabinet, ["author", "legal", "finance"]);
  const accounts: [string, string, Parameters<typeof localAccount>[1]["grants"]][] = [
    ["author", "Alan Author", [{ role: "report-author", committeeId: cabinet }]],
    ["legal", "Lena Legal", [{ role: "clearer" }]],
    ["finance", "Fred Finance", [{ role: "clearer" }]],
    ["officer", "Dana Officer", [{ role: "democratic-services", committeeId: cabinet }]],
  ];
  for (const [key, name, grants] of accounts) {
    const email = `${key}@council.example`;
    const a = await localAccount(t.store, { name, email, password: "a long local password", grants }, clock);
    people[key] = { email, secret: a.totpSecret as string };
  }
  server = await startServer(t.repo, {
    port: 0,
    host: "127.0.0.1",
    now: () => clock,
    onError: (e) => console.error(e),
    auth: { secureCookies: false },
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

async function signIn(key: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${server.url}/office/reports`);
  await submitLocalSignIn(page, {
    email: people[key].email,
    password: "a long local password",
    code: totpCode(people[key].secret, clock),
  });
  await page.waitForURL(`${server.url}/office/reports`);
  return page;
}

const axeFailures: string[] = [];
async function audit(page: Page, label: string) {
  assert.equal(await page.locator("h1").count(), 1, `${label}: one h1`);
  for (const v of await runAxe(page))
    axeFailures.push(`${label}: ${v.id} (${v.impact}) ${v.help}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  await page.screenshot({ path: `${SHOTS}/pack-${label.replace(/\W+/g, "-")}.png`, fullPage: true });
}

test("author writes, legal and finance clear, the officer publishes 7 clear days ahead; the public sees page ranges and no exempt text", async () => {
  // The author writes the report with an exempt appendix and submits it.
  const author = await signIn("author");
  await author.getByRole("button", { name: "Write a new report" }).click();
  await author.getByRole("button", { name: "Start the report" }).click();
  assert.match(await author.title(), /^Error: /);
  await author.getByLabel("Committee").selectOption({ label: "Cabinet" });
  await author.getByLabel("Title").fill("Sale of Land at Oak Farm");
  await author.getByLabel("Report of").fill("Director of Corporate Resources");
  await author.getByRole("button", { name: "Start the report" }).click();
  await author.waitForURL(/\/office\/reports\/\d+$/);
  const reportUrl = author.url();
  await author
    .getByLabel("Recommendations", { exact: true })
    .fill("That the land at Oak Farm be sold to the preferred bidder");
  await author
    .getByLabel("Purpose of the report", { exact: true })
    .fill("To seek approval for the sale of surplus land at Oak Farm.");
  await author
    .getByLabel("Background", { exact: true })
    .fill("The land has been **surplus** since 2024.\n\n- It is let on a grazing licence.\n- It has no public access.");
  await author.locator("#contact0-name").fill("Jane Smith");
  await author.locator("#contact0-role").fill("Head of Property");
  await author.locator("#contact0-email").fill("jane.smith@example.gov.uk");
  await author.locator("#appendix0-title").fill("Site plan");
  await author.locator("#appendix0-text").fill("The site lies east of the village.");
  await author.locator("#appendix1-title").fill("Valuation");
  await author.locator("#appendix1-text").fill(SECRET);
  await author.locator("#appendix1-exempt").check();
  // Exempt without a paragraph or reason is refused with the GOV.UK error summary.
  await author.getByRole("button", { name: "Save a new version" }).click();
  assert.match(await author.title(), /^Error: /);
  await audit(author, "report form with errors");
  await author.locator("#appendix1-paragraphs").fill("3");
  await author.locator("#appendix1-interest").fill("Disclosure would prejudice the council's position in the sale.");
  await author.getByRole("button", { name: "Save a new version" }).click();
  await author.waitForURL(reportUrl);
  assert.match(await author.locator("body").innerText(), /Version 2/);
  await audit(author, "report draft");
  await author.getByRole("button", { name: "Submit for clearance" }).click();
  await author.waitForURL(reportUrl);
  assert.match(await author.locator("body").innerText(), /In clearance/);

  // Legal, then finance, find it in their queue and approve the version they read.
  for (const [key, step] of [
    ["legal", "Legal"],
    ["finance", "Finance"],
  ] as const) {
    const p = await signIn(key);
    await p.getByRole("link", { name: "Sale of Land at Oak Farm" }).first().click();
    await p.waitForURL(reportUrl);
    assert.match(await p.locator("h2", { hasText: "Your decision" }).innerText(), new RegExp(step));
    assert.match(await p.locator("body").innerText(), new RegExp(CANARY), "clearers read the exempt appendix");
    if (key === "legal") await audit(p, "clearance decision");
    await p.getByRole("button", { name: /^Approve version 2/ }).click();
    await p.waitForURL(reportUrl);
    await p.context().close();
  }
  await author.reload();
  assert.match(await author.locator("body").innerText(), /Cleared/);

  // The officer builds the agenda and publishes.
  const officer = await signIn("officer");
  await officer.getByRole("link", { name: "Cabinet" }).click();
  await officer.waitForURL(/\/agenda$/);
  assert.equal(await officer.locator("#clear-days-now").innerText(), "7");
  await officer.getByLabel("Report").selectOption({ label: "Sale of Land at Oak Farm (version 2)" });
  await officer.getByRole("button", { name: "Add to the agenda" }).click();
  await officer.waitForURL(/\/agenda$/);
  const agenda = await officer.locator("#agenda").innerText();
  assert.match(agenda, /Apologies for absence/);
  assert.match(agenda, /Sale of Land at Oak Farm/);
  assert.match(agenda, /Exempt appendix/);
  assert.match(agenda, /Exclusion of the press and public/);
  await audit(officer, "agenda builder");
  await officer.getByRole("button", { name: "Publish the agenda pack" }).click();
  await officer.waitForURL(`${server.url}/meetings/${meetingId}/pack`);
  const map = await officer.locator("#page-map").innerText();
  const range = /Sale of Land at Oak Farm\s+Pages (\d+) to (\d+)/.exec(map);
  assert.ok(range, map);
  await audit(officer, "pack page map");
  const confidential = await officer.request.get(`${server.url}/office/meetings/${meetingId}/confidential.pdf`);
  assert.equal(confidential.status(), 200);
  const confText =
    (await parseBytesWithText("c.pdf", new Uint8Array(await confidential.body()))).lines?.join(" ") ?? "";
  assert.match(confText, new RegExp(CANARY), "the entitled officer's confidential pack holds the appendix");

  // The public: the meeting page shows the agenda with its page ranges and no exempt text.
  const pub = await (await browser.newContext()).newPage();
  await pub.goto(`${server.url}/meetings/${meetingId}`);
  const text = await pub.locator("body").innerText();
  assert.match(text, /Sale of Land at Oak Farm/);
  assert.match(text, new RegExp(`${range[1]} to ${range[2]}`), "the agenda shows the item's pages");
  assert.ok(!text.includes(CANARY));
  await audit(pub, "public meeting page");
  for (const path of [
    `/meetings/${meetingId}/pack`,
    `/api/meetings/${meetingId}/pack`,
    `/meetings/${meetingId}/pack.pdf`,
  ]) {
    const r = await pub.request.get(`${server.url}${path}`);
    assert.equal(r.status(), 200, path);
    const body = new Uint8Array(await r.body());
    const seen = path.endsWith(".pdf")
      ? ((await parseBytesWithText("p.pdf", body)).lines?.join(" ") ?? "")
      : Buffer.from(body).toString("utf8");
    assert.ok(!seen.includes(CANARY), `${path} leaks the exempt appendix`);
    if (path.endsWith(".pdf")) assert.match(seen, /not for publication by virtue of Paragraph 3/);
  }
  const api = (await (await pub.request.get(`${server.url}/api/meetings/${meetingId}/pack`)).json()) as {
    pageMap: { title: string; pages: { start: number; end: number } | null }[];
  };
  assert.deepEqual(api.pageMap.find((e) => e.title === "Sale of Land at Oak Farm")?.pages, {
    start: Number(range[1]),
    end: Number(range[2]),
  });
  assert.equal(
    (
      await pub.request.get(`${server.url}/office/meetings/${meetingId}/confidential.pdf`, { maxRedirects: 0 })
    ).status() >= 300,
    true,
  );

  // The audit trail: both approvals, the publication with its clear days.
  const entries = (await t.store.auditEntries({ limit: 200, offset: 0 })).items;
  const actions = entries.map((e) => e.action);
  assert.equal(actions.filter((a) => a === "report.approve").length, 2);
  const published = entries.find((e) => e.action === "pack.publish");
  assert.ok(published);
  assert.equal(JSON.parse(published.detail).clearDays, 7);
  assert.ok(!JSON.stringify(entries).includes(CANARY), "the audit trail holds no exempt text");
  assert.deepEqual(axeFailures, []);
});
