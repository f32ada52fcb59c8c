/**
 * Browser-test harness: the real portal server on an ephemeral port over a seeded SQLite store,
 * driven by playwright-core through Debian's /usr/bin/chromium (never a downloaded browser), with
 * axe-core injected from node_modules to check WCAG 2.2 A/AA.
 */
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { type RunningServer, startServer } from "../server";
import { type SeededStore, seededStore } from "../testing";

export const CHROMIUM = process.env.MINUTEBOOK_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export type Portal = {
  store: SeededStore;
  server: RunningServer;
  context: BrowserContext;
  close(): Promise<void>;
};

/**
 * The portal over the seeds (default) or another store (`corpusStore` for the seeds and the corpus);
 * `now` fixes "today" for pages that depend on it.
 */
export async function openPortal(opts: { store?: () => Promise<SeededStore>; now?: () => Date } = {}): Promise<Portal> {
  const store = await (opts.store ?? seededStore)();
  // Small document windows so the seeds' longer documents show the windowed view too.
  const server = await startServer(store.repo, {
    port: 0,
    host: "127.0.0.1",
    documentWindowLines: 800,
    waitForLinks: true,
    ...(opts.now ? { now: opts.now } : {}),
  });
  const profile = mkdtempSync(join(tmpdir(), "minutebook-chromium-"));
  let context: BrowserContext;
  try {
    // A persistent context is how Playwright takes a --user-data-dir: a fresh one per run.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    });
  } catch (e) {
    await server.close();
    await store.close();
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  return {
    store,
    server,
    context,
    close: async () => {
      await context.close();
      await server.close();
      await store.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** JSON from the running portal's API; anything but a 200 fails the test. */
export async function portalJson<T>(portal: Portal, path: string): Promise<T> {
  const r = await fetch(`${portal.server.url}${path}`);
  assert.equal(r.status, 200, path);
  return (await r.json()) as T;
}

/** Opens a page in a new tab, collecting console errors and warnings, page errors and failed requests. */
export async function openPage(
  portal: Portal,
  path: string,
): Promise<{ page: Page; status: number; problems: string[] }> {
  const page = await portal.context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  const res = await page.goto(`${portal.server.url}${path}`, { waitUntil: "load" });
  return { page, status: res?.status() ?? 0, problems };
}

/**
 * The checks every page type gets: the expected status, GOV.UK Frontend's module script started
 * (so the CSP let it run), a "– Minutebook" title and one h1, a screenshot for a person to look at, no
 * axe WCAG 2.2 A/AA violation and no console problem. Assertion failures throw; axe violations and
 * console problems come back as lines, so one run lists them all.
 */
export async function auditPage(
  portal: Portal,
  p: { path: string; status: number; screenshot: string; fullPage?: boolean },
): Promise<string[]> {
  const { page, status, problems } = await openPage(portal, p.path);
  const failures: string[] = [];
  try {
    assert.equal(status, p.status, `${p.path} status`);
    assert.equal(
      await page.evaluate(() => document.body.classList.contains("govuk-frontend-supported")),
      true,
      `${p.path}: GOV.UK Frontend did not start`,
    );
    assert.ok((await page.title()).endsWith("– Minutebook"), `${p.path} has a title`);
    assert.equal(await page.locator("h1").count(), 1, `${p.path} has one h1`);
    await page.screenshot({ path: p.screenshot, fullPage: p.fullPage ?? true });
    for (const v of await runAxe(page))
      failures.push(`${p.path}: ${v.id} (${v.impact}) ${v.help}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    // The browser logs a 404 or 400 page's own status as a failed load; that status is the point of the page.
    for (const x of problems) if (p.status === 200 || !/status of 40[04]/.test(x)) failures.push(`${p.path}: ${x}`);
  } finally {
    await page.close();
  }
  return failures;
}

/** The visible controls on a page that Tab never reaches, each as "path: element". */
export async function tabAudit(portal: Portal, path: string): Promise<string[]> {
  const { page } = await openPage(portal, path);
  try {
    return (await unreachableByTab(page)).map((miss) => `${path}: ${miss}`);
  } finally {
    await page.close();
  }
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
};

/** Runs axe in the page (evaluated through the DevTools protocol, so the page's CSP stays in force). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time
    const axe = (window as any).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return r.violations.map((v: AxeViolation) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
    }));
  }, WCAG_TAGS);
}

/**
 * Presses Tab until focus comes back round (or a cap), and returns which of the page's visible
 * interactive controls were never focused.
 */
export async function unreachableByTab(page: Page, cap = 400): Promise<string[]> {
  await page.evaluate(() => {
    const all = [
      ...document.querySelectorAll<HTMLElement>(
        "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])",
      ),
    ];
    all.forEach((el, i) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // Content of a closed <details> is reached by opening its summary, which is itself a control.
      const folded = el.tagName !== "SUMMARY" && el.closest("details:not([open])") !== null;
      const visible =
        r.width > 0 && r.height > 0 && style.visibility !== "hidden" && !el.closest("[hidden]") && !folded;
      if (visible && !(el as HTMLButtonElement).disabled) el.dataset.qTab = String(i);
    });
    (document.activeElement as HTMLElement | null)?.blur();
  });
  const seen = new Set<string>();
  let first: string | null = null;
  for (let i = 0; i < cap; i++) {
    await page.keyboard.press("Tab");
    const id = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return "body";
      return el.dataset.qTab ?? `other:${el.tagName}`;
    });
    if (id === first) break;
    first ??= id;
    seen.add(id);
  }
  return page.evaluate(
    (reached) => {
      return [...document.querySelectorAll<HTMLElement>("[data-q-tab]")]
        .filter((el) => !reached.includes(el.dataset.qTab as string))
        .map((el) => el.outerHTML.slice(0, 160));
    },
    [...seen],
  );
}

/**
 * Fills the local sign-in form (e-mail, password, the authenticator app's code) on the page it is on and
 * submits it; callers go to the form and wait for where they expect to land.
 */
export async function submitLocalSignIn(page: Page, who: { email: string; password: string; code: string }) {
  await page.getByLabel("E-mail address").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByLabel("Code from your authenticator app").fill(who.code);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}
