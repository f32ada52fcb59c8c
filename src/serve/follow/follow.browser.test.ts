/**
 * The follow pages in a real browser (Debian's chromium through the portal's browser harness):
 * topics, a topic's timeline, follow-ups, referrals, data quality, money (filtered and sorted), a
 * person's timeline, a topic address nothing continues, and a meeting page with its added section
 * load without console or CSP errors, pass axe-core for WCAG 2.2 A and AA, and can be operated by
 * keyboard. Screenshots go to /tmp/minutebook-shots/follow-*.png.
 */
/// <reference lib="dom" />
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, test } from "node:test";
import { auditPage, openPage, openPortal, type Portal, portalJson, tabAudit } from "../browser/harness";
import type { MoneyData, ReferralsData, TimelineData, TopicsData } from "./records";

const SHOTS = "/tmp/minutebook-shots";
let portal: Portal;
let pages: { name: string; path: string }[] = [];

const api = <T>(path: string) => portalJson<T>(portal, path);

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  portal = await openPortal();
  const topics = await api<TopicsData>("/api/topics");
  const help = topics.topics.find((t) => t.label === "Help to Live at Home");
  assert.ok(help, "the seeds give the Help to Live at Home topic");
  const refs = await api<ReferralsData>("/api/referrals");
  const from = refs.referrals.find((r) => r.from.ref === "minute 40(b)")?.from.meetingId;
  assert.ok(from);
  const people = await api<{ people: { items: { id: number; meetingsAttended: number }[] } }>("/api/people");
  const person = [...people.people.items].sort((a, b) => b.meetingsAttended - a.meetingsAttended)[0];
  // Someone who chaired a meeting as well, so the timeline shows more than attendance.
  let chair = person.id;
  for (const p of people.people.items) {
    const t = await api<TimelineData>(`/api/people/${p.id}/timeline`);
    if (t.events.some((e) => e.kind === "chair") && t.events.some((e) => e.kind === "named")) {
      chair = p.id;
      break;
    }
  }
  const money = await api<MoneyData>("/api/money");
  assert.ok(money.committees.length, "the seeds print sums");
  pages = [
    { name: "topics", path: "/topics" },
    { name: "topic", path: `/topics/${help.id}` },
    { name: "topic-wide", path: `/topics/${topics.topics[0].id}` },
    { name: "followups", path: "/followups" },
    { name: "followups-overdue", path: "/followups?status=overdue" },
    { name: "committee-followups", path: "/committees/1/followups" },
    { name: "referrals", path: "/referrals" },
    { name: "quality", path: "/quality" },
    { name: "person-timeline", path: `/people/${person.id}/timeline` },
    { name: "person-timeline-chair", path: `/people/${chair}/timeline` },
    { name: "money", path: "/money" },
    {
      name: "money-filtered",
      path: `/money?committee=${money.committees[0].id}&from=1%2F1%2F2015&to=31%2F12%2F2024&sort=amount-desc`,
    },
    { name: "topic-missing", path: "/topics/library-opening-hours" },
    { name: "meeting-follow", path: `/meetings/${from}` },
  ];
});

after(async () => {
  await portal?.close();
});

const open = (path: string) => openPage(portal, path);

test("the follow pages load, run under the CSP, and axe finds no WCAG 2.2 A or AA violation", async () => {
  const failures: string[] = [];
  for (const p of pages)
    failures.push(
      ...(await auditPage(portal, {
        path: p.path,
        status: p.name === "topic-missing" ? 404 : 200,
        screenshot: `${SHOTS}/follow-${p.name}.png`,
      })),
    );
  assert.deepEqual(failures, []);
});

test("Tab reaches every control on the follow pages", async () => {
  const failures: string[] = [];
  for (const p of pages) failures.push(...(await tabAudit(portal, p.path)));
  assert.deepEqual(failures, []);
});

test("navigation leads to Topics and Follow-ups; a topic row opens its timeline; the status filter works", async () => {
  const { page } = await open("/");
  try {
    await Promise.all([page.waitForURL(/\/topics$/), page.getByRole("link", { name: "Topics", exact: true }).click()]);
    assert.equal(await page.getAttribute("a[aria-current=page]", "href"), "/topics");
    await Promise.all([
      page.waitForURL(/\/topics\/help-to-live-at-home$/),
      page.getByRole("link", { name: "Help to Live at Home" }).click(),
    ]);
    assert.equal(await page.getByRole("img", { name: /^Timeline of Help to Live at Home/ }).count(), 1);
    // Each entry links to its meeting; following one lands on the item.
    const first = page.locator("table a[href^='/meetings/']").first();
    const href = (await first.getAttribute("href")) as string;
    await Promise.all([page.waitForURL(new RegExp(`${href.replace(/[#/]/g, (c) => `\\${c}`)}$`)), first.click()]);
    assert.equal(await page.evaluate(() => document.querySelector(":target")?.id), href.split("#")[1]);
    await page.goto(`${portal.server.url}/followups`);
    await page.selectOption("#status", "met");
    await Promise.all([page.waitForURL(/status=met/), page.getByRole("button", { name: "Show" }).click()]);
    const tags = await page.locator("ol .govuk-tag").allTextContents();
    assert.ok(tags.length > 0 && tags.every((t) => t.trim() === "Met"), tags.join(","));
  } finally {
    await page.close();
  }
});

test("navigation leads to Money; the order and committee filters work without JavaScript", async () => {
  const { page } = await open("/");
  try {
    await Promise.all([page.waitForURL(/\/money$/), page.getByRole("link", { name: "Money", exact: true }).click()]);
    assert.equal(await page.getAttribute("a[aria-current=page]", "href"), "/money");
    await page.selectOption("#sort", "amount-desc");
    await Promise.all([page.waitForURL(/sort=amount-desc/), page.getByRole("button", { name: "Show sums" }).click()]);
    // The first column holds each sum as printed; the normalised amount follows it when they differ.
    const amounts = await page.locator("table tbody th").evaluateAll((cells) =>
      cells.map((c) => {
        const shown = c.querySelector(".minutebook-meta")?.textContent ?? c.textContent ?? "";
        return Number(shown.replace(/[^0-9.]/g, ""));
      }),
    );
    assert.ok(amounts.length > 1, `${amounts.length} sums`);
    assert.deepEqual(
      amounts,
      [...amounts].sort((a, b) => b - a),
    );
    await page.screenshot({ path: `${SHOTS}/follow-money-largest.png`, fullPage: true });
  } finally {
    await page.close();
  }
});
