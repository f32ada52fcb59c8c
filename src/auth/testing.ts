/**
 * Test support for signed-in requests without a browser: a cookie jar over `fetch` (or a Hono app's
 * `request`), form posting that carries the page's `_csrf` token like a browser would, and an empty
 * store with accounts made through the real auth store. Browser tests use Chromium instead.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openRepository } from "../store/open";
import type { Repository } from "../store/repository";
import { hashPassword, newTotpSecret } from "./local";
import type { Role } from "./policy";
import { AuthStore } from "./store";

type Fetcher = (path: string, init?: RequestInit) => Response | Promise<Response>;

/** `body` is the response as UTF-8 text; `bytes` the same response unchanged (PDFs, Word documents, zips). */
export type Reply = { status: number; location: string | null; body: string; bytes: Uint8Array; headers: Headers };

async function reply(r: Response): Promise<Reply> {
  const bytes = new Uint8Array(await r.arrayBuffer());
  return {
    status: r.status,
    location: r.headers.get("location"),
    body: new TextDecoder().decode(bytes),
    bytes,
    headers: r.headers,
  };
}

/** A client with a cookie jar, as a browser without JavaScript would behave (no redirects followed). */
export class Client {
  readonly jar = new Map<string, string>();

  constructor(
    private fetcher: Fetcher,
    readonly origin = "http://localhost",
  ) {}

  private remember(h: Headers) {
    for (const line of h.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  private cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
    const r = await this.fetcher(path, { headers: { Cookie: this.cookieHeader(), ...headers }, redirect: "manual" });
    this.remember(r.headers);
    return reply(r);
  }

  /** Posts a form; `_csrf` is read from `from` (a page's HTML) unless given. */
  async post(
    path: string,
    fields: Record<string, string>,
    opts: { from?: string; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    const token = opts.from ? csrfOf(opts.from) : undefined;
    const body = new URLSearchParams({ ...(token ? { _csrf: token } : {}), ...fields });
    const r = await this.fetcher(path, {
      method: "POST",
      body,
      redirect: "manual",
      headers: {
        Cookie: this.cookieHeader(),
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: this.origin,
        ...opts.headers,
      },
    });
    this.remember(r.headers);
    return reply(r);
  }
}

/** The first form token in a page. */
export function csrfOf(page: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(page);
  if (!m) throw new Error("no _csrf field on the page");
  return m[1];
}

export type TestStore = { repo: Repository; store: AuthStore; dir: string; close(): Promise<void> };

export async function emptyStore(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), "minutebook-auth-"));
  const repo = await openRepository({ kind: "sqlite", file: join(dir, "minutebook.db") });
  return {
    repo,
    store: new AuthStore(repo.sql),
    dir,
    close: async () => {
      await repo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A local account with a password, a confirmed TOTP secret and the given grants (from 2020-01-01). */
export async function localAccount(
  store: AuthStore,
  o: {
    name: string;
    email: string;
    password: string;
    totp?: boolean;
    grants?: { role: Role; committeeId?: number | null; from?: string; to?: string | null }[];
  },
  now: Date,
): Promise<{ userId: number; totpSecret: string | null }> {
  const u = await store.createLocalAccount({ displayName: o.name, email: o.email }, now);
  await store.setPasswordHash(u.id, await hashPassword(o.password));
  let secret: string | null = null;
  if (o.totp !== false) {
    secret = newTotpSecret();
    await store.setTotp(u.id, secret, now);
  }
  for (const g of o.grants ?? [])
    await store.grant(
      {
        userId: u.id,
        role: g.role,
        committeeId: g.committeeId ?? null,
        from: g.from ?? "2020-01-01",
        to: g.to ?? null,
      },
      null,
      now,
    );
  return { userId: u.id, totpSecret: secret };
}
