/**
 * Signing in with Chromium against real parts: a democratic services officer through a real OpenID
 * provider on loopback (oidc-provider's login and consent forms, authorization code + PKCE), roles from
 * its app-role claim; a co-opted member through the local form with a TOTP computed here. Each lands
 * on /office with exactly their roles; the sign-in and office pages pass axe.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type BrowserContext, chromium } from "playwright-core";
import { totpCode } from "../../auth/local";
import { startTestProvider, type TestProvider } from "../../auth/test-provider";
import { emptyStore, localAccount, type TestStore } from "../../auth/testing";
import { auditPage, CHROMIUM, CHROMIUM_ARGS, type Portal, runAxe, submitLocalSignIn } from "../browser/harness";
import { type RunningServer, startServer } from "../server";

const SHOTS = "/tmp/minutebook-shots";
let t: TestStore;
let provider: TestProvider & { allowRedirect(uri: string): void };
let server: RunningServer;
let context: BrowserContext;
let profile: string;
let coopted: { userId: number; totpSecret: string | null };

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  t = await emptyStore();
  provider = await startTestProvider({
    "dso-1": { name: "Dana Officer", email: "dana@council.example", roles: ["Minutebook.DemocraticServices"] },
  });
  server = await startServer(t.repo, {
    port: 0,
    host: "127.0.0.1",
    onError: (e) => console.error(e),
    auth: {
      secureCookies: false,
      oidc: {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        label: "Test Council account",
        allowInsecure: true,
        roleMap: { "Minutebook.DemocraticServices": "democratic-services" },
      },
    },
  });
  provider.allowRedirect(`${server.url}/auth/callback`);
  coopted = await localAccount(
    t.store,
    {
      name: "Colin Co-opted",
      email: "colin@example.org",
      password: "a long local password",
      grants: [{ role: "co-opted", committeeId: 3 }],
    },
    new Date(),
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
  await provider?.close();
  await t?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test("a democratic services officer signs in through the OpenID provider and holds the role its claim gives", async () => {
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}/office`);
    assert.match(page.url(), /\/sign-in\?next=%2Foffice$/);
    await page.getByRole("button", { name: "Sign in with Test Council account" }).click();
    await page.waitForURL(`${provider.issuer}/**`);
    await page.locator('input[name="login"]').fill("dso-1");
    await page.locator('input[name="password"]').fill("anything");
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]', { hasText: "Continue" }).click(); // consent
    await page.waitForURL(`${server.url}/office`);
    const text = (await page.locator("main").textContent()) ?? "";
    assert.match((await page.locator(".minutebook-account").textContent()) ?? "", /Signed in as Dana Officer/);
    assert.match(text, /Democratic services officer/);
    assert.doesNotMatch(text, /Co-opted member|Monitoring officer|Administrator/);
    const u = await t.store.userByIdentity(provider.issuer, "dso-1");
    assert.equal(u?.displayName, "Dana Officer");
    const audit = await t.store.auditEntries({ limit: 50, offset: 0, action: "sign-in" });
    assert.ok(audit.items.some((e) => e.actorId === u?.id && JSON.parse(e.detail).method === "oidc"));
  } finally {
    await page.close();
  }
});

test("a co-opted member signs in locally with a one-time code and sees only their seat", async () => {
  const other = await context.browser()?.newContext();
  const page = other ? await other.newPage() : await context.newPage();
  try {
    await page.goto(`${server.url}/sign-in`);
    await submitLocalSignIn(page, {
      email: "colin@example.org",
      password: "a long local password",
      code: totpCode(coopted.totpSecret as string, new Date()),
    });
    await page.waitForURL(`${server.url}/office`);
    const text = (await page.locator("main").textContent()) ?? "";
    assert.match(text, /Co-opted member/);
    assert.doesNotMatch(text, /Democratic services officer/);
  } finally {
    await page.close();
    await other?.close();
  }
});

test("the sign-in page (with and without errors) and the office page pass axe", async () => {
  const portal = { server, context } as unknown as Portal;
  const failures = [...(await auditPage(portal, { path: "/office", status: 200, screenshot: `${SHOTS}/office.png` }))];
  // Not signed in: the form, then the form sent empty (error summary and field errors).
  const fresh = await context.browser()?.newContext();
  assert.ok(fresh);
  const page = await fresh.newPage();
  try {
    await page.goto(`${server.url}/sign-in`);
    for (const v of await runAxe(page)) failures.push(`/sign-in: ${v.id} ${v.help}`);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForLoadState("load");
    assert.equal(await page.title(), "Error: Sign in – Minutebook");
    assert.equal(await page.locator(".govuk-error-summary a").count(), 2);
    for (const v of await runAxe(page)) failures.push(`/sign-in (errors): ${v.id} ${v.help}`);
    await page.screenshot({ path: `${SHOTS}/sign-in-errors.png`, fullPage: true });
  } finally {
    await fresh.close();
  }
  assert.deepEqual(failures, []);
});
