/**
 * Passkeys in Chromium with CDP's virtual authenticators (WebAuthn domain: ctap2, internal, resident
 * keys, user verification): a co-opted member adds passkeys from the account page, signs in with one
 * after the password, and is refused an answer to another challenge, a replayed answer and a removed
 * passkey. Without JavaScript the step page says so and the authenticator app's code still works.
 * Every passkey page passes axe. The server's rpID/origin come from its base URL (http://localhost:port:
 * browsers refuse an IP address as a relying party).
 */
/// <reference lib="dom" />
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type BrowserContext, type CDPSession, chromium, type Page } from "playwright-core";
import { totpCode } from "../../auth/local";
import { emptyStore, localAccount, type TestStore } from "../../auth/testing";
import { CHROMIUM, CHROMIUM_ARGS, runAxe, submitLocalSignIn } from "../browser/harness";
import { type RunningServer, startServer } from "../server";

const SHOTS = "/tmp/minutebook-shots";
const EMAIL = "colin@example.org";
const PASSWORD = "a long local password";
let t: TestStore;
let server: RunningServer;
let base: string;
let context: BrowserContext;
let profile: string;
let colin: { userId: number; totpSecret: string | null };
/** The server's clock runs this far ahead of the real one (to make a sign-in "not recent"). */
let skew = 0;
const now = () => new Date(Date.now() + skew);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  t = await emptyStore();
  colin = await localAccount(
    t.store,
    { name: "Colin Co-opted", email: EMAIL, password: PASSWORD, grants: [{ role: "co-opted", committeeId: 3 }] },
    new Date(),
  );
  const port = await freePort();
  base = `http://localhost:${port}`;
  server = await startServer(t.repo, {
    port,
    host: "127.0.0.1",
    baseUrl: base,
    now,
    onError: (e) => console.error(e),
    auth: { secureCookies: false },
  });
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

async function authenticator(cdp: CDPSession): Promise<string> {
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return authenticatorId;
}

async function password(page: Page, code = "") {
  await page.goto(`${base}/sign-in`);
  await submitLocalSignIn(page, { email: EMAIL, password: PASSWORD, code });
  await page.waitForLoadState("load");
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL(`${base}/signed-out`);
}

async function addPasskey(page: Page, name: string) {
  await page.goto(`${base}/account`);
  await page.getByLabel("Name this passkey").fill(name);
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await page.waitForURL(`${base}/account?added=1`);
}

/**
 * On the passkey step: asks the authenticator for an answer to `challenge` (default: the page's own)
 * with only `credentialId` allowed (default: the page's list), puts it in the form and submits it.
 */
// Plain JavaScript run in the page (a string: tsx would wrap named functions in a helper the page lacks).
const ANSWER = `async (o) => {
  const b = (s) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4)), (c) => c.charCodeAt(0));
  const s = (buf) => btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
  const form = document.querySelector("form[data-passkey]");
  if (!form) throw new Error("no passkey form");
  let response = o.response;
  if (!response) {
    const options = JSON.parse(form.dataset.options);
    const allow = o.credentialId ? [{ type: "public-key", id: o.credentialId }] : options.allowCredentials;
    const cred = await navigator.credentials.get({ publicKey: {
      challenge: b(o.challenge ?? options.challenge),
      rpId: options.rpId,
      userVerification: "preferred",
      allowCredentials: allow.map((c) => ({ type: "public-key", id: b(c.id) })),
    } });
    const r = cred.response;
    response = JSON.stringify({ id: cred.id, rawId: s(cred.rawId), type: cred.type, clientExtensionResults: {},
      response: { clientDataJSON: s(r.clientDataJSON), authenticatorData: s(r.authenticatorData), signature: s(r.signature) } });
  }
  form.elements.namedItem("response").value = response;
  form.submit();
}`;

/**
 * On the passkey step: asks the authenticator for an answer to `challenge` (default: the page's own)
 * with only `credentialId` allowed (default: the page's list), or takes `response` as it is, puts it
 * in the form and submits it.
 */
async function answerWith(page: Page, o: { challenge?: string; credentialId?: string; response?: string }) {
  const navigated = page.waitForEvent("framenavigated", { predicate: (f) => f === page.mainFrame() });
  await page.evaluate(`(${ANSWER})(${JSON.stringify(o)})`);
  await navigated;
  await page.waitForLoadState("load");
}

const NOT_YOU = /That passkey did not confirm it is you/;

test("a co-opted member adds passkeys, signs in with one instead of the code; other challenges, replays and removed passkeys are refused", async () => {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(e.message));
  const axe: string[] = [];
  const check = async (label: string) => {
    for (const v of await runAxe(page)) axe.push(`${label}: ${v.id} ${v.help}`);
  };
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send("WebAuthn.enable", { enableUI: false });
    const first = await authenticator(cdp);

    // Signed in with the password and the app's code, the member adds a passkey from the account page.
    await password(page, totpCode(colin.totpSecret as string, now()));
    assert.equal(page.url(), `${base}/office`);
    await page.getByRole("link", { name: /Your account/ }).click();
    await page.waitForURL(`${base}/account`);
    assert.equal(await page.locator("[data-passkey-nojs]").isVisible(), false, "JS hides the no-JS message");
    await check("/account (none yet)");
    // No name: the form asks for one and no passkey is made.
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await page.waitForLoadState("load");
    assert.equal(await page.title(), "Error: Your account – Minutebook");
    assert.match((await page.locator(".govuk-error-summary").textContent()) ?? "", /Enter a name for this passkey/);
    await check("/account (error)");
    assert.equal((await cdp.send("WebAuthn.getCredentials", { authenticatorId: first })).credentials.length, 0);
    await addPasskey(page, "Work laptop");
    const laptop = (await cdp.send("WebAuthn.getCredentials", { authenticatorId: first })).credentials;
    assert.equal(laptop.length, 1);
    assert.equal(laptop[0].isResidentCredential, true);

    // A second passkey on another device (the first authenticator would be refused: it is excluded).
    await cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId: first });
    const second = await authenticator(cdp);
    await addPasskey(page, "Phone");
    const table = (await page.locator("table").textContent()) ?? "";
    assert.match(table, /Work laptop/);
    assert.match(table, /Phone/);
    assert.match((await page.locator(".govuk-notification-banner").textContent()) ?? "", /passkey has been added/);
    await check("/account (two passkeys)");
    await page.screenshot({ path: `${SHOTS}/account-passkeys.png`, fullPage: true });
    const registered = await t.store.auditEntries({ limit: 10, offset: 0, action: "passkey.register" });
    assert.deepEqual(registered.items.map((e) => JSON.parse(e.detail).name).sort(), ["Phone", "Work laptop"]);
    await signOut(page);

    // Password, no code: the passkey step; the passkey signs the member in.
    const posted: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/sign-in/passkey")) posted.push(r.postData() ?? "");
    });
    await password(page);
    assert.equal(page.url(), `${base}/sign-in/passkey?next=%2Foffice`);
    await check("/sign-in/passkey");
    await page.screenshot({ path: `${SHOTS}/sign-in-passkey.png`, fullPage: true });
    await page.getByRole("button", { name: "Use your passkey" }).click();
    await page.waitForURL(`${base}/office`);
    assert.match((await page.locator(".minutebook-account").textContent()) ?? "", /Signed in as Colin Co-opted/);
    const used = new URLSearchParams(posted.at(-1)).get("response") ?? "";
    assert.ok(used.length > 100, "the browser posted its signed answer");
    const signIns = await t.store.auditEntries({ limit: 5, offset: 0, action: "sign-in" });
    assert.equal(JSON.parse(signIns.items[0].detail).factor, "passkey");
    await signOut(page);

    // An answer signed for another challenge is refused.
    await password(page);
    await answerWith(page, { challenge: Buffer.from("not the challenge we were given").toString("base64url") });
    assert.equal(page.url(), `${base}/sign-in/passkey`);
    assert.match((await page.locator(".govuk-error-summary").textContent()) ?? "", NOT_YOU);
    await check("/sign-in/passkey (error)");
    // The answer that signed in before, sent again, is refused (its challenge was used up).
    await answerWith(page, { response: used });
    assert.match((await page.locator(".govuk-error-summary").textContent()) ?? "", NOT_YOU);
    // The page's own challenge still works after those failures (each failure issued a new one).
    await page.getByRole("button", { name: "Use your passkey" }).click();
    await page.waitForURL(`${base}/office`);

    // Removing "Work laptop" twenty minutes after signing in asks for the password again.
    skew = 20 * 60_000;
    await page.goto(`${base}/account`);
    await page.getByRole("link", { name: "Remove Work laptop" }).click();
    await page.waitForLoadState("load");
    await page.getByRole("button", { name: "Remove passkey" }).click();
    await page.waitForLoadState("load");
    assert.match((await page.locator(".govuk-error-summary").textContent()) ?? "", /Enter your password/);
    await check("remove passkey (error)");
    await page.getByLabel("Your password").fill("not the password at all");
    await page.getByRole("button", { name: "Remove passkey" }).click();
    await page.waitForLoadState("load");
    assert.match((await page.locator(".govuk-error-summary").textContent()) ?? "", /password is not right/);
    await page.getByLabel("Your password").fill(PASSWORD);
    await page.getByRole("button", { name: "Remove passkey" }).click();
    await page.waitForURL(`${base}/account?removed=1`);
    assert.doesNotMatch((await page.locator("table").textContent()) ?? "", /Work laptop/);
    const removed = await t.store.auditEntries({ limit: 5, offset: 0, action: "passkey.remove" });
    assert.equal(JSON.parse(removed.items[0].detail).name, "Work laptop");
    await signOut(page);

    // The removed passkey, back on a device, no longer signs anyone in; the other one still does.
    await cdp.send("WebAuthn.addCredential", { authenticatorId: second, credential: laptop[0] });
    await password(page);
    await answerWith(page, { credentialId: laptop[0].credentialId });
    assert.match((await page.locator(".govuk-error-summary").textContent()) ?? "", NOT_YOU);
    const failed = await t.store.auditEntries({ limit: 5, offset: 0, action: "sign-in.failed" });
    assert.equal(JSON.parse(failed.items[0].detail).reason, "passkey");
    await page.getByRole("button", { name: "Use your passkey" }).click();
    await page.waitForURL(`${base}/office`);
  } finally {
    await page.close();
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(axe, []);
});

test("without JavaScript the passkey step says a passkey needs it and the authenticator app's code signs in", async () => {
  const nojs = await context.browser()?.newContext({ javaScriptEnabled: false });
  assert.ok(nojs, "a second context");
  const page = await nojs.newPage();
  try {
    await password(page);
    assert.equal(page.url(), `${base}/sign-in/passkey?next=%2Foffice`);
    assert.equal(await page.locator("[data-passkey-nojs]").isVisible(), true);
    assert.match((await page.locator("[data-passkey-nojs]").textContent()) ?? "", /needs JavaScript/);
    assert.equal(await page.getByRole("button", { name: "Use your passkey" }).isVisible(), false);
    await page.getByLabel("Code from your authenticator app").fill(totpCode(colin.totpSecret as string, now()));
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(`${base}/office`);
    const signIns = await t.store.auditEntries({ limit: 1, offset: 0, action: "sign-in" });
    assert.equal(JSON.parse(signIns.items[0].detail).factor, "totp");
  } finally {
    await nojs.close();
  }
});
