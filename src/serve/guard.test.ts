/**
 * The portal's safe defaults, on the real app over a seeded SQLite store and on a real socket:
 * per-client rate limits (429 with Retry-After) on search and the API only, a body cap (413), a
 * handler deadline (503), HSTS only over HTTPS (and X-Forwarded-Proto only when told to trust a
 * proxy), feed links from the configured base URL never the Host header, and header limits.
 */
import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, test } from "node:test";
import { Hono } from "hono";
import { createApp } from "./app";
import { deadline, RateLimiter } from "./guard";
import { startServer } from "./server";
import { type SeededStore, seededStore } from "./testing";

let store: SeededStore;
before(async () => {
  store = await seededStore();
});
after(async () => {
  await store?.close();
});

const small = { search: { burst: 3, perMinute: 60 }, api: { burst: 5, perMinute: 60 } };

test("search and the API are rate-limited per client with 429 and Retry-After; pages are not", async () => {
  const app = createApp(store.repo, { rateLimits: small, trustProxy: true });
  const get = (path: string, client = "203.0.113.7") =>
    app.fetch(new Request(`http://localhost${path}`, { headers: { "X-Forwarded-For": client } }));
  for (let i = 0; i < 3; i++) assert.equal((await get("/search?q=budget")).status, 200);
  const refused = await get("/search?q=budget");
  assert.equal(refused.status, 429);
  assert.ok(Number(refused.headers.get("Retry-After")) >= 1);
  assert.match(await refused.text(), /Too many requests/);
  assert.equal((await get("/search?q=budget", "198.51.100.9")).status, 200, "another client has its own budget");
  for (let i = 0; i < 5; i++) assert.equal((await get("/api/committees")).status, 200);
  const api = await get("/api/committees");
  assert.equal(api.status, 429);
  assert.equal(((await api.json()) as { error: { status: number } }).error.status, 429);
  for (let i = 0; i < 20; i++) assert.equal((await get("/meetings")).status, 200, "pages are not limited");
});

test("without trust in a proxy, X-Forwarded-For does not buy a fresh budget", async () => {
  const app = createApp(store.repo, { rateLimits: small });
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++)
    statuses.push(
      (await app.fetch(new Request("http://localhost/search?q=x", { headers: { "X-Forwarded-For": `10.0.0.${i}` } })))
        .status,
    );
  assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
});

test("the token bucket refills at its rate", () => {
  let now = 0;
  const limiter = new RateLimiter({ burst: 2, perMinute: 60 }, () => now);
  assert.equal(limiter.take("a"), 0);
  assert.equal(limiter.take("a"), 0);
  assert.equal(limiter.take("a"), 1);
  now += 1000;
  assert.equal(limiter.take("a"), 0);
  assert.equal(limiter.take("a"), 1);
});

test("HSTS only over HTTPS: directly, or by X-Forwarded-Proto from a trusted proxy", async () => {
  const plain = createApp(store.repo, { rateLimits: false });
  const trusting = createApp(store.repo, { rateLimits: false, trustProxy: true });
  const proto = { headers: { "X-Forwarded-Proto": "https" } };
  const hsts = (r: Response) => r.headers.get("Strict-Transport-Security");
  assert.equal(hsts(await plain.fetch(new Request("http://localhost/", proto))), null, "untrusted header ignored");
  assert.equal(hsts(await plain.fetch(new Request("http://localhost/"))), null);
  assert.match(hsts(await trusting.fetch(new Request("http://localhost/", proto))) ?? "", /max-age=\d+/);
  assert.match(hsts(await plain.fetch(new Request("https://records.example/"))) ?? "", /max-age=\d+/);
});

test("feed links come from the base URL, never from the Host header", async () => {
  const app = createApp(store.repo, { rateLimits: false, baseUrl: "https://records.example.gov.uk" });
  for (const path of ["/meetings.ics", "/search.atom?q=council", "/decisions.csv"]) {
    const r = await app.fetch(new Request(`http://evil.example${path}`, { headers: { Host: "evil.example" } }));
    const body = await r.text();
    assert.equal(r.status, 200, path);
    assert.doesNotMatch(body, /evil\.example/, path);
    assert.match(body, /https:\/\/records\.example\.gov\.uk\//, path);
  }
});

test("a body over the cap is refused with 413 before any handler reads it", async () => {
  const app = createApp(store.repo, { rateLimits: false, maxBodyBytes: 1024 });
  const r = await app.fetch(new Request("http://localhost/search", { method: "POST", body: "x".repeat(4096) }));
  assert.equal(r.status, 413);
});

test("a handler that overruns the deadline is answered 503 with Retry-After", async () => {
  const app = new Hono();
  app.use(
    "*",
    deadline(20, (c) => c.text("late", 503)),
  );
  app.get("/stuck", () => new Promise<Response>(() => {}));
  const r = await app.fetch(new Request("http://localhost/stuck"));
  assert.equal(r.status, 503);
  assert.equal(r.headers.get("Retry-After"), "5");
});

test("on a real socket: oversized headers are refused; without a base URL feeds name the listening address", async () => {
  const server = await startServer(store.repo, { port: 0, host: "127.0.0.1" });
  try {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/`, { headers: { "X-Big": "x".repeat(20_000) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });
    assert.equal(status, 431);
    const ics = await fetch(`${server.url}/meetings.ics`, { headers: { Host: "evil.example" } });
    const body = await ics.text();
    assert.doesNotMatch(body, /evil\.example/);
    assert.ok(body.includes(server.url), "links name the server's own address");
  } finally {
    await server.close();
  }
});
