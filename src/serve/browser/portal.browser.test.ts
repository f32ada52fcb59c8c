/**
 * The portal in a real browser: every page type loads without console or CSP errors, passes axe-core
 * for WCAG 2.2 A and AA, can be operated by keyboard alone, and search works from the form.
 * Screenshots of each page type go to /tmp/minutebook-shots/ for a person to look at.
 */
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, test } from "node:test";
import type { MeetingDetail, MeetingSummary, PersonSummary } from "../../store/repository";
import { auditPage, openPage, openPortal, type Portal, portalJson, tabAudit } from "./harness";

const SHOTS = "/tmp/minutebook-shots";
let portal: Portal;
let pages: { name: string; path: string; status: number }[] = [];

const api = <T>(path: string) => portalJson<T>(portal, path);

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  portal = await openPortal();
  const meetings = (await api<{ meetings: { items: MeetingSummary[] } }>("/api/meetings")).meetings.items;
  assert.ok(meetings.length > 0, "the seeds yield meetings");
  const details = await Promise.all(meetings.map((m) => api<MeetingDetail>(`/api/meetings/${m.id}`)));
  const richest = [...details].sort(
    (a, b) =>
      b.minutes.length + b.agenda.length + b.reports.length - (a.minutes.length + a.agenda.length + a.reports.length),
  )[0];
  const withMinutes = details.find((d) => d.minutes.some((x) => x.resolutions.length) && d.attendance) ?? richest;
  const exempt = details.find((d) => d.minutes.some((x) => x.exempt));
  const people = (await api<{ people: { items: PersonSummary[] } }>("/api/people")).people.items;
  const person = [...people].sort((a, b) => b.meetingsAttended - a.meetingsAttended)[0];
  const topics = await (await fetch(`${portal.server.url}/topics`)).text();
  const topic = /href="(\/topics\/[^"]+)"/.exec(topics)?.[1] ?? "/topics";
  pages = [
    { name: "home", path: "/", status: 200 },
    { name: "meetings", path: "/meetings", status: 200 },
    { name: "meeting-agenda", path: `/meetings/${richest.id}`, status: 200 },
    { name: "meeting-minutes", path: `/meetings/${withMinutes.id}`, status: 200 },
    ...(exempt ? [{ name: "meeting-exempt", path: `/meetings/${exempt.id}`, status: 200 }] : []),
    { name: "committees", path: "/committees", status: 200 },
    { name: "committee", path: `/committees/${richest.committee.id}`, status: 200 },
    { name: "people", path: "/people", status: 200 },
    { name: "person", path: `/people/${person.id}`, status: 200 },
    { name: "decisions", path: "/decisions", status: 200 },
    { name: "search", path: "/search?q=care", status: 200 },
    { name: "search-empty", path: "/search", status: 200 },
    { name: "document", path: `/documents/${withMinutes.documents[0].id}`, status: 200 },
    { name: "document-window", path: `/documents/${richest.documents[0].id}?at=900`, status: 200 },
    { name: "decisions-filtered", path: "/decisions?key=1&from=1/1/2016", status: 200 },
    // Pages mounted from src/serve/follow (topics and follow-ups over the linkers).
    { name: "topics", path: "/topics", status: 200 },
    { name: "topic", path: topic, status: 200 },
    { name: "followups", path: "/followups", status: 200 },
    { name: "open-data", path: "/open-data", status: 200 },
    { name: "accessibility", path: "/accessibility", status: 200 },
    { name: "not-found", path: "/meetings/999999", status: 404 },
    { name: "bad-request", path: "/search?q=x&page=zero", status: 400 },
  ];
});

after(async () => {
  await portal?.close();
});

const open = (path: string) => openPage(portal, path);

test("every page type loads, runs its script under the CSP, and passes axe for WCAG 2.2 A and AA", async () => {
  const failures: string[] = [];
  for (const p of pages)
    failures.push(
      ...(await auditPage(portal, {
        path: p.path,
        status: p.status,
        screenshot: `${SHOTS}/${p.name}.png`,
        fullPage: !p.name.startsWith("document"),
      })),
    );
  assert.deepEqual(failures, []);
});

test("Tab reaches every interactive control on every page type", async () => {
  const failures: string[] = [];
  for (const p of pages) failures.push(...(await tabAudit(portal, p.path)));
  assert.deepEqual(failures, []);
});

test("search works from the home page form and the filters narrow it", async () => {
  const { page } = await open("/");
  try {
    await page.getByLabel("Search agendas, reports and minutes").fill("care");
    await Promise.all([page.waitForURL(/\/search\?q=care/), page.keyboard.press("Enter")]);
    const heading = (await page.locator("#results-heading").textContent()) ?? "";
    const total = Number(/^(\d+)/.exec(heading)?.[1]);
    assert.ok(total > 0, `results for "care": ${heading}`);
    assert.ok((await page.locator("ol mark").count()) > 0, "hits are highlighted");
    // Choose the second committee option (the first is "All committees") and apply.
    const option = page.locator("#f-committee option").nth(1);
    const value = await option.getAttribute("value");
    const count = Number(/\((\d+)\)$/.exec((await option.textContent()) ?? "")?.[1]);
    await page.selectOption("#f-committee", value as string);
    await Promise.all([page.waitForURL(/committee=/), page.getByRole("button", { name: "Apply filters" }).click()]);
    const narrowed = (await page.locator("#results-heading").textContent()) ?? "";
    assert.equal(Number(/^(\d+)/.exec(narrowed)?.[1]), count, "the facet count is the filtered total");
    assert.ok(count <= total);
    // The Atom feed link follows the same search.
    const feed = await page.getByRole("link", { name: "Follow this search (Atom feed)" }).getAttribute("href");
    assert.match(feed ?? "", /^\/search\.atom\?q=care&committee=\d+/);
  } finally {
    await page.close();
  }
});

test("a provenance link opens the document at the cited line", async () => {
  const { page } = await open(pages.find((p) => p.name === "meeting-minutes")?.path as string);
  try {
    const link = page.locator("a.minutebook-source").first();
    const href = (await link.getAttribute("href")) as string;
    const line = /#L(\d+)$/.exec(href)?.[1];
    assert.ok(line, href);
    await link.click();
    await page.waitForURL(new RegExp(`/documents/\\d+\\?at=${line}&to=\\d+#L${line}$`));
    const row = page.locator(`tr#L${line}`);
    assert.equal(await row.count(), 1);
    assert.ok(await row.isVisible(), "the cited line is shown");
    assert.equal(await page.evaluate(() => document.querySelector(":target")?.id), `L${line}`);
    assert.ok((await page.locator("tr.minutebook-hl").count()) >= 1, "the cited lines are highlighted");
  } finally {
    await page.close();
  }
});

test("the first Tab reaches the skip link, which moves focus to the main content", async () => {
  const { page } = await open("/meetings");
  try {
    // GOV.UK Frontend's skip-link module moves the focus; wait for it to start.
    await page.waitForFunction(() => document.body.classList.contains("govuk-frontend-supported"));
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), "Skip to main content");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main-content");
  } finally {
    await page.close();
  }
});

test("without JavaScript the navigation shows and search still works", async () => {
  const page = await portal.context.newPage();
  try {
    const cdp = await portal.context.newCDPSession(page);
    await cdp.send("Emulation.setScriptExecutionDisabled", { value: true });
    await page.goto(`${portal.server.url}/`);
    assert.equal(await page.evaluate(() => document.body.classList.contains("govuk-frontend-supported")), false);
    assert.ok(await page.getByRole("link", { name: "Decisions" }).isVisible(), "menu links visible without the toggle");
    await page.getByLabel("Search agendas, reports and minutes").fill("budget");
    await Promise.all([page.waitForURL(/\/search\?q=budget/), page.getByRole("button", { name: "Search" }).click()]);
    assert.match((await page.locator("#results-heading").textContent()) ?? "", /^\d+ results?$/);
  } finally {
    await page.close();
  }
});
