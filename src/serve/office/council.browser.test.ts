/**
 * An officer builds a committee with dated memberships in Chromium, through the office pages, and the
 * public committee page changes on the appointment date and not before: the app's clock is controlled,
 * so the test moves across midnight in England (BST) rather than waiting. The new office and public
 * pages pass axe (WCAG 2.2 A/AA), the forms with their GOV.UK error summary too.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { totpCode } from "../../auth/local";
import { emptyStore, localAccount, type TestStore } from "../../auth/testing";
import { CHROMIUM, CHROMIUM_ARGS, runAxe, submitLocalSignIn } from "../browser/harness";
import { type RunningServer, startServer } from "../server";

const SHOTS = "/tmp/minutebook-shots";
let t: TestStore;
let server: RunningServer;
let context: BrowserContext;
let profile: string;
let officer: { userId: number; totpSecret: string | null };
// Monday 18 May 2026, 10:00 in London.
let clock = new Date("2026-05-18T09:00:00Z");

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  t = await emptyStore();
  server = await startServer(t.repo, {
    port: 0,
    host: "127.0.0.1",
    now: () => clock,
    onError: (e) => console.error(e),
    auth: { secureCookies: false },
  });
  officer = await localAccount(
    t.store,
    {
      name: "Dana Officer",
      email: "dana@council.example",
      password: "a long local password",
      grants: [
        { role: "democratic-services", from: "2026-01-01" },
        { role: "monitoring-officer", from: "2026-01-01" },
      ],
    },
    clock,
  );
  profile = mkdtempSync(join(tmpdir(), "minutebook-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
});

after(async () => {
  await context?.close();
  await server?.close();
  await t?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const axeFailures: string[] = [];
async function audit(page: Page, label: string) {
  assert.equal(await page.locator("h1").count(), 1, `${label}: one h1`);
  for (const v of await runAxe(page))
    axeFailures.push(`${label}: ${v.id} (${v.impact}) ${v.help}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  await page.screenshot({ path: `${SHOTS}/council-${label.replace(/\W+/g, "-")}.png`, fullPage: true });
}

async function fillDate(page: Page, name: string, iso: string) {
  const [y, m, d] = iso.split("-");
  await page.locator(`#${name}`).fill(String(Number(d)));
  await page.locator(`#${name}-month`).fill(String(Number(m)));
  await page.locator(`#${name}-year`).fill(y);
}

test("an officer builds a committee with dated memberships; the public page changes on the appointment date, not before", async () => {
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}/office/council`);
    assert.match(page.url(), /\/sign-in\?next=/);
    await submitLocalSignIn(page, {
      email: "dana@council.example",
      password: "a long local password",
      code: totpCode(officer.totpSecret as string, clock),
    });
    await page.waitForURL(`${server.url}/office/council`);

    await page.getByRole("link", { name: "Name the council first" }).click();
    await page.getByLabel("Council name").fill("Borsetshire County Council");
    await page.getByLabel(/Principal council/).check();
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(`${server.url}/office/council`);

    // A committee form sent empty shows the GOV.UK error summary, focused on the first problem's link.
    await page.getByRole("link", { name: "Add a committee" }).click();
    await page.getByRole("button", { name: "Save committee" }).click();
    assert.match(await page.title(), /^Error: Add a committee/);
    await audit(page, "committee form with errors");
    await page.locator(".govuk-error-summary a", { hasText: "Enter the committee’s name" }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "name");
    await page.getByLabel("Name", { exact: true }).fill("Planning Committee");
    await page.getByLabel("Kind of committee").selectOption("regulatory");
    await page.getByLabel("Quorum").fill("4");
    await page.getByRole("button", { name: "Save committee" }).click();
    await page.waitForURL(/\/office\/committees\/\d+$/);
    const committeeId = Number(/(\d+)$/.exec(page.url())![1]);

    for (const [name, ward, party] of [
      ["Mrs Alice Archer", "Ambridge", "Independent"],
      ["Mr Brian Aldridge", "Home Farm", "Conservative"],
    ]) {
      await page.goto(`${server.url}/office/people/new`);
      await page.getByLabel("A councillor").check();
      await page.getByLabel("Name", { exact: true }).fill(name);
      await page.getByLabel("Ward or division (councillors)").fill(ward);
      await page.getByLabel("Party or group (councillors)").fill(party);
      await page.getByRole("button", { name: "Save" }).click();
      await page.waitForURL(`${server.url}/office/council`);
    }
    await audit(page, "office council page");

    // Brian sits from today; Alice is appointed chair from Wednesday 20 May 2026.
    const appoint = async (person: string, from: string, chair: boolean) => {
      await page.goto(`${server.url}/office/committees/${committeeId}/members/new`);
      await page.getByLabel("Person").selectOption({ label: person });
      await page.getByLabel("Member", { exact: true }).check();
      if (chair) await page.getByLabel("Chair", { exact: true }).check();
      await fillDate(page, "from", from);
      await page.getByRole("button", { name: "Add member" }).click();
      await page.waitForURL(`${server.url}/office/committees/${committeeId}`);
    };
    await page.goto(`${server.url}/office/committees/${committeeId}/members/new`);
    await page.getByRole("button", { name: "Add member" }).click();
    assert.match(await page.title(), /^Error: /);
    await audit(page, "membership form with errors");
    await appoint("Mr Brian Aldridge", "2026-05-18", false);
    await appoint("Mrs Alice Archer", "2026-05-20", true);
    await audit(page, "office committee page");

    const members = async () => {
      await page.goto(`${server.url}/council/committees/${committeeId}`);
      return (
        await page
          .locator("#members + .minutebook-table-wrap table tbody tr, #members + table tbody tr")
          .allTextContents()
      ).map((s) => s.replace(/\s+/g, " ").trim());
    };
    // 23:59 on Tuesday 19 May in London (22:59 UTC, BST): not yet.
    clock = new Date("2026-05-19T22:59:00Z");
    let rows = await members();
    assert.equal(rows.length, 1);
    assert.match(rows[0], /Brian Aldridge/);
    assert.doesNotMatch(rows.join("\n"), /Archer/);
    // 00:01 on Wednesday 20 May in London (23:01 UTC the day before): Alice is chair.
    clock = new Date("2026-05-19T23:01:00Z");
    rows = await members();
    assert.equal(rows.length, 2);
    assert.match(rows[0], /Alice Archer.*Chair/);
    assert.match((await page.locator("h2#members").textContent()) ?? "", /Wednesday 20 May 2026/);
    await audit(page, "public committee page");

    for (const [path, label] of [
      ["/council", "committee structure"],
      ["/calendar?month=2026-05", "calendar month"],
      ["/calendar?view=list", "calendar list"],
      ["/councillors", "councillor index"],
      ["/councillors/find?ward=Ambridge", "find my councillor"],
    ]) {
      await page.goto(`${server.url}${path}`);
      await audit(page, label);
    }
    await page.goto(`${server.url}/councillors`);
    await page.getByRole("link", { name: "Mrs Alice Archer" }).click();
    assert.match((await page.locator("main").textContent()) ?? "", /Planning Committee/);
    await audit(page, "councillor profile");

    // Linking a sign-in account to a councillor, and the councillor's own register (with its error summary).
    const aliceId = (await t.repo.office.listPeople()).find((x) => x.name === "Mrs Alice Archer")?.id;
    await page.goto(`${server.url}/office/people/${aliceId}/account`);
    // The clock moved on past the session's life: sign in again.
    if (page.url().includes("/sign-in")) {
      await page.getByLabel("E-mail address").fill("dana@council.example");
      await page.getByLabel("Password").fill("a long local password");
      await page.getByLabel("Code from your authenticator app").fill(totpCode(officer.totpSecret as string, clock));
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL(`${server.url}/office/people/${aliceId}/account`);
    }
    assert.match(
      (await page.locator("h1").textContent()) ?? "",
      /Sign-in account/,
      `${page.url()}: ${await page.locator("main").textContent()}`,
    );
    await audit(page, "link an account");
    await page.getByLabel("Account").selectOption(String(officer.userId));
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(`${server.url}/office/people/${aliceId}/interests`);
    await page.goto(`${server.url}/office/my-interests`);
    await audit(page, "your register of interests");
    await page.getByRole("button", { name: "Send for approval" }).click();
    assert.match((await page.locator(".govuk-error-summary").textContent()) ?? "", /Select the kind of interest/);
    await audit(page, "your register of interests with errors");
  } finally {
    await page.close();
  }
  assert.deepEqual(axeFailures, []);
});
