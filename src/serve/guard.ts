/**
 * Safe defaults for a portal on the internet, as Hono middleware: a per-client rate limit (token
 * bucket; 429 with Retry-After), a cap on request bodies (413), a deadline for each request's
 * handler (503 with Retry-After rather than a connection held open), and HSTS when the request came
 * over HTTPS (directly, or through a proxy the operator says to trust, by its X-Forwarded-Proto).
 * Hono's own timeout middleware throws its HTTPException, which the portal's error pages do not
 * know; these answer in the portal's own shapes.
 */
import type { IncomingMessage } from "node:http";
import type { Context, MiddlewareHandler } from "hono";

export type RateLimit = {
  /** Requests a client may make at once before it is slowed. */
  burst: number;
  /** Requests per minute it may keep up. */
  perMinute: number;
};

export type GuardOptions = {
  /** Believe X-Forwarded-For and X-Forwarded-Proto (set only behind a reverse proxy that sets them). */
  trustProxy?: boolean;
};

/** The client's address: the socket's peer, or with trustProxy the address the proxy appended last. */
export function clientAddress(c: Context, opts: GuardOptions): string {
  if (opts.trustProxy) {
    const fwd = c.req.header("X-Forwarded-For");
    const last = fwd?.split(",").pop()?.trim();
    if (last) return last;
  }
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "unknown";
}

/** Whether the client reached us over HTTPS. */
export function overHttps(c: Context, opts: GuardOptions): boolean {
  if (opts.trustProxy) {
    const proto = c.req.header("X-Forwarded-Proto")?.split(",")[0]?.trim().toLowerCase();
    if (proto) return proto === "https";
  }
  return new URL(c.req.url).protocol === "https:";
}

/** Most clients tracked at once; the longest idle are forgotten first (a flood of addresses cannot grow it). */
const MAX_CLIENTS = 20_000;

/**
 * A token bucket per client: `burst` requests at once, refilled at `perMinute`. Time comes from
 * `clock` (milliseconds) so tests can step it.
 */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly limit: RateLimit,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** 0 when the request may go ahead, else the seconds until it may. */
  take(client: string): number {
    const now = this.clock();
    const rate = this.limit.perMinute / 60_000;
    let b = this.buckets.get(client);
    if (b) {
      this.buckets.delete(client); // re-inserted below: the map's order is least recently seen first
      b.tokens = Math.min(this.limit.burst, b.tokens + (now - b.at) * rate);
      b.at = now;
    } else {
      b = { tokens: this.limit.burst, at: now };
      if (this.buckets.size >= MAX_CLIENTS) this.buckets.delete(this.buckets.keys().next().value as string);
    }
    this.buckets.set(client, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000));
  }
}

export function rateLimit(
  limiter: RateLimiter,
  opts: GuardOptions,
  refuse: (c: Context, retryAfter: number) => Response | Promise<Response>,
): MiddlewareHandler {
  return async (c, next) => {
    const wait = limiter.take(clientAddress(c, opts));
    if (wait) {
      const res = await refuse(c, wait);
      res.headers.set("Retry-After", String(wait));
      return res;
    }
    await next();
  };
}

/** Refuses a body longer than `maxBytes` by its Content-Length, or as it streams in. */
export function bodyCap(maxBytes: number, refuse: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  return async (c, next) => {
    const length = Number(c.req.header("Content-Length") ?? 0);
    if (length > maxBytes) return refuse(c);
    // A GET or HEAD body is never read: asking for it would build the whole Request on every page view.
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    if (c.req.raw.body && !c.req.header("Content-Length")) {
      // A chunked body: read it up to the cap and no further.
      const reader = c.req.raw.body.getReader();
      const chunks: Uint8Array[] = [];
      let size = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > maxBytes) {
          await reader.cancel();
          return refuse(c);
        }
        chunks.push(value);
      }
      c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks), duplex: "half" } as RequestInit);
    }
    await next();
  };
}

/** Answers `refuse` if the handler has not finished within `ms` (its work is abandoned, not awaited). */
export function deadline(ms: number, refuse: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  return async (c, next) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), ms);
    });
    try {
      const r = await Promise.race([next().then(() => "done" as const), late]);
      if (r === "late") {
        c.res = await refuse(c);
        c.res.headers.set("Retry-After", "5");
      }
    } finally {
      clearTimeout(timer);
    }
  };
}

/** HSTS on HTTPS responses only: a plain-HTTP answer carrying it is ignored by browsers anyway. */
export function hsts(opts: GuardOptions, maxAgeSeconds = 31_536_000): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (overHttps(c, opts))
      c.res.headers.set("Strict-Transport-Security", `max-age=${maxAgeSeconds}; includeSubDomains`);
  };
}
