/**
 * A meeting run end to end in Chromium through the office pages, on a controlled clock: the officer
 * records attendance (roll call, a remote member, apologies), a declaration, an amendment with a recorded
 * vote, a key executive decision with reasons and an exempt item, and publishes the minutes; the decision
 * notice is published and its call-in window runs over the spring bank holiday to "may be implemented";
 * at the next meeting the officer records the approval and the chair signs; one byte of the signed
 * version changed in the database is named by the public verification page. Pages pass axe.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { totpCode } from "../../auth/local";
import { emptyStore, localAccount, type TestStore } from "../../auth/testing";
import { committeeInput, meetingInput, membershipInput, personInput } from "../../model/office";
import { CHROMIUM, CHROMIUM_ARGS, runAxe, submitLocalSignIn } from "../browser/harness";
import { type RunningServer, startServer } from "../server";

const SHOTS = "/tmp/minutebook-shots";
const PASSWORD = "a long local password";
const CANARY = "LAKEY-HILL-BROWSER-CANARY";
let t: TestStore;
let server: RunningServer;
let context: BrowserContext;
let profile: string;
let clock = new Date("2027-05-25T13:00:00Z");
const ids = { cabinet: 0, m1: 0, m2: 0 };
const secrets = { officer: "", chair: "" };

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  t = await emptyStore();
  const office = t.repo.office;
  await office.setCouncil({ name: "Borsetshire County Council", policy: "principal" });
  ids.cabinet = await office.saveCommittee(committeeInput.parse({ name: "Cabinet", kind: "executive", quorum: "3" }));
  for (const [i, name] of ["Mr J. B. Rhodes", "Mrs A. Archer", "Mr T. Forrest", "Ms L. Snell"].entries()) {
    const id = await office.savePerson(personInput.parse({ kind: "councillor", name }));
    await office.addMembership(
      membershipInput.parse({
        committeeId: ids.cabinet,
        personId: id,
        role: "member",
        from: "2027-01-01",
        position: i === 0 ? "chair" : undefined,
      }),
    );
  }
  ids.m1 = await office.scheduleMeeting(meetingInput.parse({ committeeId: ids.cabinet, date: "2027-05-25" }));
  ids.m2 = await office.scheduleMeeting(meetingInput.parse({ committeeId: ids.cabinet, date: "2027-06-22" }));
  server = await startServer(t.repo, {
    port: 0,
    host: "127.0.0.1",
    now: () => clock,
    onError: (e) => console.error(e),
    auth: { secureCookies: false },
  });
  const at = new Date("2027-01-01T10:00:00Z");
  secrets.officer = (
    await localAccount(
      t.store,
      {
        name: "Dana Officer",
        email: "dana@council.example",
        password: PASSWORD,
        grants: [{ role: "democratic-services" }],
      },
      at,
    )
  ).totpSecret!;
  secrets.chair = (
    await localAccount(
      t.store,
      {
        name: "Mr J. B. Rhodes",
        email: "chair@council.example",
        password: PASSWORD,
        grants: [{ role: "councillor" }, { role: "chair", committeeId: ids.cabinet }],
      },
      at,
    )
  ).totpSecret!;
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
  await page.screenshot({ path: `${SHOTS}/minutes-${label.replace(/\W+/g, "-")}.png`, fullPage: true });
}

/** Moves the clock (a session lapses after 2 idle hours) and signs in afresh, landing on `next`. */
async function signIn(page: Page, who: "officer" | "chair", at: string, next: string) {
  clock = new Date(at);
  await page.context().clearCookies();
  await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(next)}`);
  await submitLocalSignIn(page, {
    email: who === "officer" ? "dana@council.example" : "chair@council.example",
    password: PASSWORD,
    code: totpCode(secrets[who], clock),
  });
  await page.waitForURL(`${server.url}${next}`);
}

async function addPerson(page: Page, name: string, kind: RegExp) {
  await page.getByLabel("Name as it is to be printed").fill(name);
  await page.getByLabel(kind).check();
  await page.getByRole("button", { name: "Add to attendance" }).click();
  await page.waitForLoadState();
}

test("a meeting recorded, its decision published and implementable after call-in, the minutes approved, signed and verified", async () => {
  const page = await context.newPage();
  const ws = `/office/meetings/${ids.m1}/minutes`;
  try {
    await signIn(page, "officer", "2027-05-25T13:00:00Z", ws);
    await page.getByRole("button", { name: "Mark every member present" }).click();
    await page.waitForLoadState();
    await page.getByRole("button", { name: "Remove Ms L. Snell" }).click();
    await page.waitForLoadState();
    await addPerson(page, "Ms L. Snell", /Attended remotely/);
    await addPerson(page, "Mr B. Pargetter", /Sent apologies/);
    // An empty form: the GOV.UK error summary, its link focusing the field.
    await page.getByRole("button", { name: "Add to attendance" }).click();
    assert.match(await page.title(), /^Error: /);
    await page.locator(".govuk-error-summary a", { hasText: "Enter the person’s name" }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "name");
    await page.goto(`${server.url}${ws}`);
    assert.match(
      String(await page.locator("#quorum").textContent()),
      /Quorate: 3 voting members present in the room, 3 needed/,
    );
    await audit(page, "workspace");

    // Items: declarations, the library decision, the exempt disposal.
    const addItem = async (title: string, exempt = "") => {
      await page.goto(`${server.url}${ws}`);
      await page.getByLabel("Title", { exact: true }).fill(title);
      if (exempt) await page.getByLabel(/Exempt under Schedule 12A paragraphs/).fill(exempt);
      await page.getByRole("button", { name: "Add item" }).click();
      await page.waitForURL(/\/items\/\d+$/);
    };
    await addItem("Declarations of interest");
    await addItem("Borchester Library Refurbishment");
    await page
      .getByLabel("The report’s recommendation")
      .fill("That the refurbishment of Borchester Library at a cost of £1.2m be approved.");
    await page
      .getByLabel("Resolved")
      .fill(
        "That the refurbishment of Borchester Library at a cost of £1.2m be approved, subject to a review in March 2028.",
      );
    await page.getByLabel("Key decision").check();
    await page.getByLabel(/Executive decision/).check();
    await page.getByLabel("Reasons for the decision").fill("The building no longer meets accessibility standards.");
    await page.getByLabel("Alternative options considered and rejected").fill("Closing the library, rejected.");
    await page.getByRole("button", { name: "Save item" }).click();
    await page.waitForLoadState();
    assert.match(String(await page.locator("#diff").textContent()), /Approved with amendments/);
    await page.getByLabel("Member", { exact: true }).selectOption("Mrs A. Archer");
    await page.getByLabel(/other registrable interest/).check();
    await page.getByLabel("The interest").fill("as a trustee of the Friends of Borchester Library");
    await page.getByRole("button", { name: "Add declaration" }).click();
    await page.waitForLoadState();
    await page.getByLabel("Amendment", { exact: true }).check();
    await page.getByLabel("Wording").fill("Add: subject to a review in March 2028");
    await page.getByLabel("Moved by").selectOption("Mrs A. Archer");
    await page.getByLabel("Seconded by").selectOption("Mr T. Forrest");
    await page.getByLabel("Carried").check();
    await page
      .getByLabel("Recorded vote (if one was taken)")
      .fill("Mrs A. Archer: for\nMr T. Forrest: for\nMr J. B. Rhodes: against");
    await page.getByRole("button", { name: "Add motion or amendment" }).click();
    await page.waitForLoadState();
    assert.match(
      String(await page.locator("#motions ~ ul").first().textContent()),
      /Amendment by Mrs A\. Archer, seconded by Mr T\. Forrest/,
    );
    await audit(page, "item");
    await addItem("Exclusion of the press and public");
    await addItem("Disposal of Lakey Hill Farm", "3");
    await page
      .getByLabel(/what the public minutes say instead/)
      .fill("The Cabinet agreed the disposal on the terms in the exempt report.");
    await page.getByLabel(/Minute text/).fill(CANARY);
    await page.getByRole("button", { name: "Save item" }).click();
    await page.waitForLoadState();

    await page.goto(`${server.url}${ws}`);
    clock = new Date("2027-05-25T14:30:00Z");
    await page.getByRole("button", { name: "Publish these minutes" }).click();
    await page.waitForLoadState();
    const txtHref = await page.getByRole("link", { name: "text" }).first().getAttribute("href");
    const published = await (await page.request.get(`${server.url}${txtHref}`)).text();
    assert.match(published, /A recorded vote was taken on the amendment/);
    assert.ok(!published.includes(CANARY));
    await page
      .getByRole("link", { name: /Borchester Library Refurbishment/ })
      .last()
      .click();
    await page.getByRole("button", { name: "Publish the decision notice" }).click();
    await page.waitForLoadState();
    const noticeUrl = (await page.getByRole("link", { name: "Public notice" }).getAttribute("href"))!;

    // The call-in window: 5 working days from Tuesday's publication, the spring bank holiday not counted.
    const state = async (at: string) => {
      clock = new Date(at);
      await page.goto(`${server.url}${noticeUrl}`);
      return String(await page.locator("#state").textContent());
    };
    assert.match(await state("2027-05-31T12:00:00Z"), /Open to call-in/);
    assert.match(String(await page.locator("main").textContent()), /2027-05-31 \(Spring bank holiday\)/);
    assert.match(await state("2027-06-02T15:59:00Z"), /Open to call-in/);
    assert.match(await state("2027-06-02T16:01:00Z"), /May be implemented/);
    assert.ok(!(await page.content()).includes(CANARY));
    await audit(page, "decision notice");

    // The next meeting: the officer records the approval; the chair signs.
    const ws2 = `/office/meetings/${ids.m2}/minutes`;
    await signIn(page, "officer", "2027-06-22T13:30:00Z", ws2);
    await page.getByRole("button", { name: /Record that the committee approved version 1/ }).click();
    await page.waitForLoadState();
    await signIn(page, "chair", "2027-06-22T13:40:00Z", ws2);
    await page.getByRole("button", { name: "Sign these minutes as chair" }).click();
    await page.waitForLoadState();
    assert.match(String(await page.locator("main").textContent()), /Signed by Mr J\. B\. Rhodes/);

    await page.goto(`${server.url}/minutes/verify/${ids.cabinet}`);
    assert.match(String(await page.locator("#result").textContent()), /All 1 signed minutes verified/);
    await audit(page, "verification");
    // One byte of the signed version changed behind the application's back.
    await t.repo.sql.exec("DROP TRIGGER minutes_versions_frozen");
    await t.repo.sql.run("UPDATE minutes_versions SET public_text = replace(public_text, 'Borchester', 'Borchestes')");
    await page.reload();
    assert.match(String(await page.locator("#result").textContent()), /Verification failed at signed minutes 1 of 1/);
    assert.match(String(await page.locator("#result").textContent()), /changed since they were signed/);
  } finally {
    await page.close();
  }
  assert.deepEqual(axeFailures, []);
});
