/**
 * Sessions and permissions on a Hono app: the middleware that opens the session cookie, the guards a
 * route uses to require a permission or a role, and the per-session form token that every POST must
 * carry (on top of hono/csrf's Origin / Sec-Fetch-Site check, which createApp applies to every route).
 *
 *   app.use("*", sessions(store, opts))                      // once, in createApp
 *   app.get("/office/committees/:id/members",
 *     requirePermission("manage-membership", (c) => ({ kind: "committee", committeeId: Number(c.req.param("id")) })),
 *     (c) => { const { user, principal } = auth(c); … })
 *   app.post("/office/x", requireRole("democratic-services"), checkFormToken, handler)
 *   html`<form method="post">${formTokenField(c)}…</form>`
 *
 * Anonymous requests to a guarded GET are sent to /sign-in?next=…; anyone else who may not gets a 403.
 * Guarded routes are marked so the canary can list them (see guardedRoutes).
 */
import { timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { type Html, html } from "../serve/html";
import { type Action, can, holds, type Person, type PolicyObject, type Principal, type Role } from "./policy";
import {
  type AuthStore,
  DEFAULT_SESSION_POLICY,
  newToken,
  type SessionPolicy,
  type SessionRecord,
  type User,
} from "./store";

export type AuthState = {
  user: User | null;
  /** What the policy function judges: null for the public. */
  principal: Person;
  session: SessionRecord | null;
  /** The raw cookie token (to revoke this session on sign-out). */
  token: string | null;
};

export type AuthEnv = { Variables: { auth: AuthState } };

export type SessionOptions = {
  now: () => Date;
  /** Send cookies only over HTTPS (with the __Host- prefix). Off only for http://localhost development and tests. */
  secureCookies: boolean;
  policy?: SessionPolicy;
};

const ANONYMOUS: AuthState = { user: null, principal: null, session: null, token: null };

export const sessionCookieName = (secure: boolean) => (secure ? "__Host-minutebook-session" : "minutebook-session");
/** The pre-sign-in form token (double-submit cookie) for forms shown to people not signed in yet. */
export const preCookieName = (secure: boolean) => (secure ? "__Host-minutebook-form" : "minutebook-form");

/** The signed-in state of this request (the public when nobody is signed in). */
export function auth(c: Context): AuthState {
  return (c.get("auth") as AuthState | undefined) ?? ANONYMOUS;
}

/** Opens the session cookie on every request and sets `auth`. */
export function sessions(store: AuthStore, opts: SessionOptions): MiddlewareHandler {
  const name = sessionCookieName(opts.secureCookies);
  return async (c, next) => {
    const token = getCookie(c, name);
    let state = ANONYMOUS;
    if (token && !c.req.path.startsWith("/assets/")) {
      const found = await store.session(token, opts.now(), opts.policy ?? DEFAULT_SESSION_POLICY);
      if (found) {
        state = {
          user: found.user,
          principal: await store.principal(found.user.id),
          session: found.session,
          token,
        };
      } else {
        deleteCookie(c, name, cookieOptions(opts.secureCookies));
      }
    }
    c.set("auth", state);
    await next();
    // Pages that depend on who is signed in are never stored by shared caches.
    if (state.user) c.res.headers.set("Cache-Control", "private, no-store");
  };
}

export function cookieOptions(secure: boolean) {
  return { path: "/", httpOnly: true, secure, sameSite: "Lax" as const };
}

export function setSessionCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, sessionCookieName(secure), token, cookieOptions(secure));
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, sessionCookieName(secure), cookieOptions(secure));
}

/** Raised by guards; createApp turns it into a sign-in redirect (401) or a "you cannot see this" page (403). */
export class AccessDenied extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
    this.name = "AccessDenied";
  }
}

const GUARDED = Symbol("minutebook.guarded");
type Guard = MiddlewareHandler & { [GUARDED]?: string };

/** Was this handler made by requirePermission / requireRole? (the canary's route listing uses it). */
export function isGuard(h: unknown): h is Guard {
  return typeof h === "function" && GUARDED in h;
}

function mark(h: MiddlewareHandler, what: string): Guard {
  return Object.assign(h, { [GUARDED]: what });
}

/** Lets the request through only when `can(person, action, object(c), now)`. */
export function requirePermission(
  action: Action,
  object: PolicyObject | ((c: Context) => PolicyObject | Promise<PolicyObject>),
  opts: { now?: () => Date } = {},
): Guard {
  return mark(
    async (c, next) => {
      const a = auth(c);
      const o = typeof object === "function" ? await object(c) : object;
      if (!can(a.principal, action, o, (opts.now ?? (() => new Date()))())) {
        throw a.user
          ? new AccessDenied(403, "Your roles do not let you see or do this.")
          : new AccessDenied(401, "Sign in to see this page.");
      }
      await next();
    },
    `${action} ${o(object)}`,
  );
}

const o = (object: unknown) => (typeof object === "function" ? "(per request)" : JSON.stringify(object));

/** Lets the request through only when the person holds `role` now (on the committee, when one is given). */
export function requireRole(
  role: Role,
  committeeOf?: (c: Context) => number | null,
  opts: { now?: () => Date } = {},
): Guard {
  return mark(async (c, next) => {
    const a = auth(c);
    const committee = committeeOf ? committeeOf(c) : undefined;
    if (!holds(a.principal, role, (opts.now ?? (() => new Date()))(), committee)) {
      throw a.user
        ? new AccessDenied(403, "Your roles do not let you see or do this.")
        : new AccessDenied(401, "Sign in to see this page.");
    }
    await next();
  }, `role ${role}`);
}

/** Only a signed-in person (any roles) gets through. */
export const requireSignIn: Guard = mark(async (c, next) => {
  if (!auth(c).user) throw new AccessDenied(401, "Sign in to see this page.");
  await next();
}, "signed in");

/**
 * Like requireSignIn, but first writes the refusal to the audit trail (`record`), for routes whose every
 * refusal must be on record even when nobody is signed in (an exempt paper asked for by the public).
 */
export function requireSignInAudited(record: (c: Context) => Promise<void>): Guard {
  return mark(async (c, next) => {
    if (!auth(c).user) {
      await record(c);
      throw new AccessDenied(401, "Sign in to see this page.");
    }
    await next();
  }, "signed in (refusals audited)");
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The hidden field every form carries: the session's form token, or for someone not signed in
 * (sign-in, reset forms) a token also set as a cookie (double submit).
 */
export function formTokenField(c: Context, secure: boolean): Html {
  return html`<input type="hidden" name="_csrf" value="${formToken(c, secure)}">`;
}

export function formToken(c: Context, secure: boolean): string {
  const s = auth(c).session;
  if (s) return s.formToken;
  const name = preCookieName(secure);
  let t = getCookie(c, name);
  if (!t || t.length < 20) {
    t = newToken();
    setCookie(c, name, t, cookieOptions(secure));
  }
  return t;
}

/** Checks a POSTed form's `_csrf` against the session (or pre-sign-in cookie); raises 403 when it does not match. */
export async function checkFormToken(c: Context, secure: boolean): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") fields[k] = v;
  const sent = fields._csrf ?? "";
  const s = auth(c).session;
  const expected = s ? s.formToken : (getCookie(c, preCookieName(secure)) ?? "");
  if (!expected || !sent || !same(sent, expected))
    throw new AccessDenied(
      403,
      "The form had expired or came from another site. Go back, reload the page and try again.",
    );
  return fields;
}

/** The principal of a signed-in request (guards make sure there is one). */
export function principalOf(c: Context): Principal {
  const p = auth(c).principal;
  if (!p) throw new AccessDenied(401, "Sign in to see this page.");
  return p;
}
