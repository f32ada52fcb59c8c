/**
 * Test support for the canary suites (issue 13): one client requests every GET route the app registers
 * (enumerated from the router, so a new route cannot escape), every page linked from them, the public
 * pages' API twins, the addresses a suite adds, and every other-method route with a valid form token but
 * nothing else; and reports where any planted canary word appeared. Downloads are read the way the person
 * would read them: PDFs and Word documents through Minutebook's own readers, zips entry by entry, so a
 * canary inside a compressed PDF stream or a .docx is found, not only one in plain bytes.
 */
import type { Hono } from "hono";
import JSZip from "jszip";
import type { Client } from "../auth/testing";
import { csrfOf } from "../auth/testing";
import { registerBuiltinReaders } from "../extract/index";
import { readBounded } from "../extract/isolate";
import { DEFAULT_LIMITS, pickReader } from "../extract/registry";
import { sha256Hex } from "../pipeline/parse-file";

export type Crawl = {
  /** Canary word → the addresses it appeared at. */
  hits: Map<string, Set<string>>;
  /** Address → HTTP status. */
  fetched: Map<string, number>;
  /** Registered GET routes no requested address matched. */
  unmatched: string[];
};

export type CrawlOptions = {
  /** Global, case-sensitive pattern matching every planted canary word. */
  canary: RegExp;
  /** Addresses to request first (exempt items, meetings, searches, downloads...). */
  extra?: string[];
  /** At most this many addresses in all (default 160). */
  maxFetches?: number;
  /** At most this many addresses per parameterised route (default 3), except those `everyOne` accepts. */
  perRoute?: number;
  everyOne?: (url: string) => boolean;
  /** Also follow site addresses quoted in JSON answers ("/meetings/12"), not only HTML links. */
  followJsonLinks?: boolean;
};

/** Route patterns as regular expressions: "/meetings/:id" and "/x/:id{[0-9]+}" match "/meetings/12". */
export function patternOf(path: string): RegExp {
  const body = path
    .replace(/:[A-Za-z]+\{[^}]*\}/g, ":p")
    .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
    .replace(/:[A-Za-z]+/g, "[^/?#]+");
  return new RegExp(`^${body}(?:\\?.*)?$`);
}

const SKIP = ["/sign-out", "/auth/callback", "/sign-in/oidc"];

/**
 * The text a person gets from a response: a PDF's or Word document's text as Minutebook's readers give it,
 * each entry of a zip, otherwise the bytes as UTF-8. Readers that fail leave the raw bytes as text (a
 * document nobody can open leaks nothing through its text layer, but its plain bytes are still checked).
 */
export async function readableText(name: string, contentType: string, bytes: Uint8Array): Promise<string> {
  const raw = new TextDecoder().decode(bytes);
  if (/zip/.test(contentType) || (name.endsWith(".zip") && bytes[0] === 0x50)) {
    const zip = await JSZip.loadAsync(bytes);
    const parts = [raw];
    for (const entry of Object.values(zip.files)) {
      if (entry.dir) continue;
      const inner = await entry.async("uint8array");
      parts.push(await readableText(entry.name, "", inner));
    }
    return parts.join("\n");
  }
  const kind = /pdf/.test(contentType)
    ? "x.pdf"
    : /wordprocessingml/.test(contentType)
      ? "x.docx"
      : /opendocument\.text/.test(contentType)
        ? "x.odt"
        : /\.(pdf|docx|odt)$/i.test(name)
          ? name
          : null;
  if (!kind) return raw;
  await registerBuiltinReaders();
  const reader = pickReader(kind, bytes);
  if (!reader) return raw;
  try {
    const out = await readBounded(reader, { name: kind, bytes, sha256: sha256Hex(bytes), limits: DEFAULT_LIMITS });
    const text = out.kind === "lines" ? out.doc.lines.map((l) => l.text).join("\n") : JSON.stringify(out.meetings);
    return `${raw}\n${text}`;
  } catch {
    return raw;
  }
}

export async function crawl(app: Hono, client: Client, o: CrawlOptions): Promise<Crawl> {
  const maxFetches = o.maxFetches ?? 160;
  const perRouteMax = o.perRoute ?? 3;
  const routes = app.routes.filter((r) => r.method !== "ALL" && !r.path.includes("*"));
  const gets = [...new Set(routes.filter((r) => r.method === "GET").map((r) => r.path))];
  const queue: string[] = [...(o.extra ?? []), ...gets.filter((p) => !p.includes(":"))];
  const hits = new Map<string, Set<string>>();
  const fetched = new Map<string, number>();
  const seen = new Set<string>();
  const perRoute = new Map<string, number>();
  const routeOf = (url: string) => gets.find((p) => p.includes(":") && patternOf(p).test(url));
  const record = (url: string, body: string) => {
    const asked = decodeURIComponent(url.split("?")[1] ?? "").toLowerCase();
    for (const m of body.matchAll(o.canary)) {
      if (asked.includes(m[0].toLowerCase())) continue; // the visitor's own search words echoed back
      if (!hits.has(m[0])) hits.set(m[0], new Set());
      hits.get(m[0])?.add(url);
    }
  };
  const fetchOne = async (url: string) => {
    const res = await client.get(url);
    fetched.set(url, res.status);
    const type = res.headers.get("content-type") ?? "";
    const text = /html|json|text\/|xml|calendar|csv/.test(type)
      ? res.body
      : await readableText(url.split("?")[0], type, res.bytes);
    record(url, text);
    return { ...res, text };
  };
  while (queue.length && fetched.size < maxFetches) {
    const url = queue.shift() as string;
    if (seen.has(url) || SKIP.some((s) => url.startsWith(s))) continue;
    seen.add(url);
    const r = routeOf(url);
    if (r && !o.everyOne?.(url)) {
      const n = perRoute.get(r) ?? 0;
      if (n >= perRouteMax) continue;
      perRoute.set(r, n + 1);
    }
    const res = await fetchOne(url);
    const type = res.headers.get("content-type") ?? "";
    const links = /html/.test(type)
      ? [...res.body.matchAll(/href="(\/[^"#]*)/g)].map((m) => m[1].replace(/&amp;/g, "&"))
      : [];
    if (o.followJsonLinks && /json/.test(type))
      links.push(
        ...[...res.body.matchAll(/"(\/(?:meetings|committees|people|documents|topics)\/[^"#\s]*)"/g)].map((m) => m[1]),
      );
    for (const l of links) {
      if (l.startsWith("/assets/") || seen.has(l)) continue;
      queue.push(l);
      if (!l.startsWith("/api") && !l.startsWith("/office") && !l.startsWith("/account") && !l.startsWith("/sign"))
        queue.push(`/api${l === "/" ? "/home" : l}`);
    }
  }
  // Routes no link led to, with a made-up id.
  for (const p of gets.filter((x) => x.includes(":") && ![...fetched.keys()].some((u) => patternOf(x).test(u))))
    await fetchOne(p.replace(/:[A-Za-z]+(\{[^}]*\})?/g, "1"));
  const urls = [...fetched.keys()];
  const unmatched = gets.filter((p) => !SKIP.includes(p) && !urls.some((u) => patternOf(p).test(u)));
  // Every other-method route, with this person's session and a valid form token but nothing else.
  const page = await client.get("/sign-in");
  const token = (() => {
    try {
      return csrfOf(page.body);
    } catch {
      return "";
    }
  })();
  for (const r of routes.filter((x) => x.method !== "GET")) {
    if (r.path === "/sign-out" || r.path === "/account/sign-out-everywhere") continue;
    const path = r.path.replace(/:[A-Za-z]+(\{[^}]*\})?/g, "1");
    const res = await client.post(path, token ? { _csrf: token } : {});
    record(`${r.method} ${path}`, res.body);
  }
  return { hits, fetched, unmatched };
}
