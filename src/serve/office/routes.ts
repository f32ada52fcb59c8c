/**
 * The signing-in pages and the office's front door: local sign-in (e-mail, password, one-time code),
 * OpenID Connect sign-in when a provider is configured (auth/oidc.ts), sign-out, sign-out everywhere,
 * and /office (who you are, what you hold). Every form carries the form token; every page is GOV.UK
 * patterns and works without JavaScript.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { decodeFlow, encodeFlow, type Oidc, userFromClaims } from "../../auth/oidc";
import { PasskeyStore } from "../../auth/passkey-store";
import { passkeyCookieName, passkeyCookieOptions, startPasskeySignIn } from "../../auth/passkeys";
import { can, currentGrants, holds, ROLE_NAMES } from "../../auth/policy";
import { signInLocal, type Throttle } from "../../auth/signin";
import type { AuthStore } from "../../auth/store";
import {
  auth,
  checkFormToken,
  clearSessionCookie,
  formTokenField,
  requireSignIn,
  setSessionCookie,
} from "../../auth/web";
import { parseForm } from "../forms/errors";
import { button, errorSummary, errorTitle, type FieldErrors, textInput } from "../forms/fields";
import { type Html, html } from "../html";
import { layout, type PageOptions } from "../layout";

export type OfficeOptions = {
  store: AuthStore;
  now: () => Date;
  secureCookies: boolean;
  throttle?: Throttle;
  /** Local accounts without a confirmed one-time code may not sign in (default true). */
  requireSecondFactor?: boolean;
  /** This site's origin for the OpenID callback (default: the request's). */
  origin?: (c: Context) => string;
  /** The council's OpenID provider, when configured. */
  oidc?: Oidc | null;
  /** Committee names for "what you hold" (id → name). */
  committeeName?: (id: number) => Promise<string | null>;
};

/** Only paths on this site are followed after sign-in (no open redirect). */
export function safeNext(next: string | undefined | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/office";
  return next;
}

export function clientOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** An office page in the portal frame, with the signed-in person and the sign-out button. */
export function officePage(c: Context, o: OfficeOptions, v: PageOptions): string {
  const a = auth(c);
  const account = a.user
    ? html`<div class="govuk-width-container minutebook-account"><p class="govuk-body-s">Signed in as <strong>${a.user.displayName}</strong>.
<a class="govuk-link" href="/office">Your office page</a></p>
<form method="post" action="/sign-out" class="minutebook-inline-form">${formTokenField(c, o.secureCookies)}<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Sign out</button></form></div>`
    : null;
  return layout({ ...v, banner: account });
}

const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your e-mail address")
    .email("Enter an e-mail address in the correct format, like name@example.com"),
  password: z.string().min(1, "Enter your password"),
  code: z
    .string()
    .trim()
    .regex(/^(\d\s*){6}$|^$/, "Enter the 6-digit code from your authenticator app")
    .default(""),
});

function signInView(c: Context, o: OfficeOptions, values: Record<string, string>, errors: FieldErrors): string {
  const next = safeNext(values.next ?? c.req.query("next"));
  const oidc = o.oidc
    ? html`<h2 class="govuk-heading-m">Council staff and councillors</h2>
<p class="govuk-body">Sign in with your council account.</p>
<a href="/sign-in/oidc?next=${encodeURIComponent(next)}" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Sign in with ${o.oidc.opts.label ?? "your council account"}</a>
<h2 class="govuk-heading-m">Co-opted members and other accounts</h2>`
    : null;
  const body: Html = html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${errorSummary(errors, ["email", "password", "code", "form"])}
<h1 class="govuk-heading-l">Sign in</h1>
${oidc}
<form method="post" action="/sign-in" novalidate>
${formTokenField(c, o.secureCookies)}
<input type="hidden" name="next" value="${next}">
${textInput({ name: "email", label: "E-mail address", type: "email", autocomplete: "username", spellcheck: false, value: values.email, errors })}
${textInput({ name: "password", label: "Password", type: "password", autocomplete: "current-password", errors })}
${textInput({ name: "code", label: "Code from your authenticator app", hint: "The 6-digit code your app shows now. If you use a passkey, leave this empty: you will be asked for it next.", autocomplete: "one-time-code", inputmode: "numeric", width: "5", value: values.code, errors })}
${button("Sign in")}
</form>
<p class="govuk-body"><a class="govuk-link" href="/account/reset">I have forgotten my password</a></p>
</div></div>`;
  return officePage(c, o, { title: errorTitle("Sign in", errors), body });
}

const REASONS: Record<string, [string, string]> = {
  throttled: ["form", "Too many attempts to sign in. Wait 15 minutes, then try again."],
  credentials: ["email", "The e-mail address or password is not right"],
  disabled: ["email", "The e-mail address or password is not right"],
  code: ["code", "The code is not right or has been used. Enter the code your app shows now"],
  "code-needed": ["code", "Enter the 6-digit code from your authenticator app"],
};

export function registerOfficeRoutes(app: Hono, o: OfficeOptions): void {
  app.get("/sign-in", (c) => {
    if (auth(c).user) return c.redirect(safeNext(c.req.query("next")), 303);
    return c.html(signInView(c, o, {}, {}), 200, { "Cache-Control": "no-store" });
  });

  app.post("/sign-in", async (c) => {
    const fields = await checkFormToken(c, o.secureCookies);
    const parsed = parseForm(signInSchema, fields);
    const keep = { email: fields.email ?? "", code: "", next: fields.next ?? "" };
    if (!parsed.ok) return c.html(signInView(c, o, keep, parsed.errors.fields), 400, { "Cache-Control": "no-store" });
    const now = o.now();
    const r = await signInLocal(o.store, { ...parsed.value, client: clientOf(c) }, now, {
      throttle: o.throttle,
      requireSecondFactor: o.requireSecondFactor ?? true,
    });
    if (!r.ok && r.reason === "passkey") {
      // The password was right; the passkey step (serve/office/passkeys.ts) finishes the sign-in.
      const token = await startPasskeySignIn(new PasskeyStore(o.store.db), r.user.id, now);
      setCookie(c, passkeyCookieName(o.secureCookies), token, passkeyCookieOptions(o.secureCookies));
      return c.redirect(`/sign-in/passkey?next=${encodeURIComponent(safeNext(fields.next))}`, 303);
    }
    if (!r.ok) {
      const [field, message] = REASONS[r.reason];
      return c.html(signInView(c, o, keep, { [field]: message }), r.reason === "throttled" ? 429 : 400, {
        "Cache-Control": "no-store",
      });
    }
    // A new session on every sign-in (no fixation); the old one, if any, ends.
    const old = auth(c).token;
    if (old) await o.store.revokeSession(old, now);
    const { token } = await o.store.createSession(r.user.id, "local", now);
    setSessionCookie(c, token, o.secureCookies);
    return c.redirect(safeNext(fields.next), 303);
  });

  const flowCookie = o.secureCookies ? "__Host-minutebook-oidc" : "minutebook-oidc";
  const flowCookieOpts = { path: "/", httpOnly: true, secure: o.secureCookies, sameSite: "Lax" as const, maxAge: 600 };

  // A link, not a form: a form's redirect to the provider would be blocked by "form-action 'self'".
  // Login CSRF is stopped at the callback by the state and PKCE verifier in this browser's cookie.
  app.get("/sign-in/oidc", async (c) => {
    if (!o.oidc) return c.redirect("/sign-in", 303);
    const { url, flow } = await o.oidc.start(safeNext(c.req.query("next")), o.origin?.(c) ?? new URL(c.req.url).origin);
    setCookie(c, flowCookie, encodeFlow(flow), flowCookieOpts);
    return c.redirect(url, 303);
  });

  app.get("/auth/callback", async (c) => {
    const flow = decodeFlow(getCookie(c, flowCookie));
    deleteCookie(c, flowCookie, flowCookieOpts);
    const failed = (why: string) =>
      c.html(
        officePage(c, o, {
          title: "Sign-in did not work",
          body: html`<h1 class="govuk-heading-l">Sign-in did not work</h1><p class="govuk-body">${why}</p><p class="govuk-body"><a class="govuk-link" href="/sign-in">Try signing in again</a>.</p>`,
        }),
        400,
        { "Cache-Control": "no-store" },
      );
    if (!o.oidc) return failed("This site has no identity provider configured.");
    if (!flow) return failed("The sign-in took too long or was started in another browser.");
    const now = o.now();
    let claims: Awaited<ReturnType<Oidc["finish"]>>;
    try {
      claims = await o.oidc.finish(new URL(c.req.url), flow);
    } catch (e) {
      await o.store.audit(
        {
          actorId: null,
          action: "sign-in.failed",
          object: "oidc",
          detail: { reason: (e as Error).message.slice(0, 200) },
        },
        now,
      );
      return failed("Your council's sign-in service did not confirm who you are.");
    }
    const { user, created } = await userFromClaims(o.store, o.oidc, claims, now);
    if (user.disabledAt) return failed("This account has been closed.");
    const old = auth(c).token;
    if (old) await o.store.revokeSession(old, now);
    const { token } = await o.store.createSession(user.id, "oidc", now);
    await o.store.audit(
      { actorId: user.id, action: "sign-in", object: `user:${user.id}`, detail: { method: "oidc", created } },
      now,
    );
    setSessionCookie(c, token, o.secureCookies);
    return c.redirect(safeNext(flow.next), 303);
  });

  app.post("/sign-out", async (c) => {
    await checkFormToken(c, o.secureCookies);
    const a = auth(c);
    if (a.token) {
      await o.store.revokeSession(a.token, o.now());
      if (a.user) await o.store.audit({ actorId: a.user.id, action: "sign-out", object: `user:${a.user.id}` }, o.now());
    }
    clearSessionCookie(c, o.secureCookies);
    return c.redirect("/signed-out", 303);
  });

  app.get("/signed-out", (c) =>
    c.html(
      officePage(c, o, {
        title: "You have signed out",
        body: html`<h1 class="govuk-heading-l">You have signed out</h1><p class="govuk-body"><a class="govuk-link" href="/sign-in">Sign in again</a> or <a class="govuk-link" href="/">go to the public records</a>.</p>`,
      }),
    ),
  );

  app.post("/account/sign-out-everywhere", requireSignIn, async (c) => {
    await checkFormToken(c, o.secureCookies);
    const a = auth(c);
    const user = a.user;
    if (!user) return c.redirect("/sign-in", 303);
    const n = await o.store.revokeAllSessions(user.id, o.now());
    await o.store.audit(
      { actorId: user.id, action: "sign-out.everywhere", object: `user:${user.id}`, detail: { sessions: n } },
      o.now(),
    );
    clearSessionCookie(c, o.secureCookies);
    return c.redirect("/signed-out", 303);
  });

  app.get("/office", requireSignIn, async (c) => {
    const a = auth(c);
    const now = o.now();
    const grants = currentGrants(a.principal, now);
    const rows = await Promise.all(
      grants.map(async (g) => {
        const committee =
          g.committeeId === null
            ? "Whole council"
            : ((await o.committeeName?.(g.committeeId)) ?? `Committee ${g.committeeId}`);
        return html`<tr class="govuk-table__row"><td class="govuk-table__cell">${ROLE_NAMES[g.role]}</td><td class="govuk-table__cell">${committee}</td><td class="govuk-table__cell">${g.from}</td><td class="govuk-table__cell">${g.to ?? "—"}</td></tr>`;
      }),
    );
    const sessions = a.user ? await o.store.liveSessions(a.user.id, now) : [];
    const p = a.principal;
    const links = [
      { href: "/office/papers", text: "Confidential papers", show: true },
      { href: "/account", text: "Your account: passkeys and how you sign in", show: true },
      {
        href: "/office/council",
        text: "Committees, people and the calendar",
        show: holds(p, "democratic-services", now),
      },
      {
        href: "/office/interests",
        text: "Register entries awaiting approval",
        show: holds(p, "monitoring-officer", now),
      },
      { href: "/office/my-interests", text: "Your register of interests", show: holds(p, "councillor", now) },
      { href: "/office/reports", text: "Reports and agendas", show: true },
      { href: "/office/admin/people", text: "People and roles", show: can(p, "view", { kind: "accounts" }, now) },
      { href: "/office/audit", text: "Audit trail", show: can(p, "view", { kind: "audit" }, now) },
    ].filter((l) => l.show);
    const body = html`<h1 class="govuk-heading-l">Your office page</h1>
<ul class="govuk-list">${links.map((l) => html`<li><a class="govuk-link" href="${l.href}">${l.text}</a></li>`)}</ul>
<h2 class="govuk-heading-m">Your roles today</h2>
${
  rows.length
    ? html`<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Roles you hold today</caption><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Role</th><th scope="col" class="govuk-table__header">Where</th><th scope="col" class="govuk-table__header">From</th><th scope="col" class="govuk-table__header">Until</th></tr></thead><tbody class="govuk-table__body">${rows}</tbody></table>`
    : html`<p class="govuk-body">You hold no roles today. Ask your democratic services team if you expected some.</p>`
}
<h2 class="govuk-heading-m">Where you are signed in</h2>
<p class="govuk-body">You are signed in ${sessions.length === 1 ? "in 1 place" : `in ${sessions.length} places`}.</p>
<form method="post" action="/account/sign-out-everywhere">${formTokenField(c, o.secureCookies)}${button("Sign out everywhere", true)}</form>`;
    return c.html(officePage(c, o, { title: "Your office page", body }));
  });
}
