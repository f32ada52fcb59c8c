/**
 * The pages for passkeys (auth/passkeys.ts has the rules): the account page, where a signed-in local
 * user adds passkeys (named), sees them and removes them (with the password again, unless they signed
 * in a few minutes ago), and may stop using the authenticator app once they have a passkey; and the
 * second step of signing in, where someone whose password was right uses a passkey, or the code from
 * their authenticator app instead.
 *
 * The browser's part is assets/minutebook-passkey.js (navigator.credentials). The options it needs are
 * in a data attribute of the form; it puts the browser's signed answer into the form's hidden
 * `response` field and submits the form, so every request still carries the form token and every
 * result is a page with GOV.UK error messages. Without JavaScript (or without WebAuthn in the browser)
 * the pages say that a passkey needs JavaScript and offer the authenticator app's code.
 */
import type { Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { dummyHash, verifyPassword } from "../../auth/local";
import { PasskeyStore } from "../../auth/passkey-store";
import {
  CHALLENGE_TTL_MS,
  checkPasskeyName,
  finishRegistration,
  finishSecondFactor,
  passkeyCookieName,
  passkeyCookieOptions,
  type RelyingParty,
  recentSignIn,
  relyingParty,
  removePasskey,
  signInOptions,
  startPasskeySignIn,
  startRegistration,
} from "../../auth/passkeys";
import { DEFAULT_THROTTLE } from "../../auth/signin";
import { auth, checkFormToken, cookieOptions, formTokenField, requireSignIn, setSessionCookie } from "../../auth/web";
import { button, errorSummary, errorTitle, type FieldErrors, textInput } from "../forms/fields";
import { type Html, html } from "../html";
import { clientOf, type OfficeOptions, officePage, safeNext } from "./routes";

const SCRIPT = html`<script type="module" src="/assets/minutebook-passkey.js"></script>`;
const noStore = { "Cache-Control": "no-store" };

const dateOf = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
    : "Not yet";

export function registerPasskeyRoutes(app: Hono, o: OfficeOptions): void {
  const rp = (c: Context): RelyingParty => relyingParty(o.origin?.(c) ?? new URL(c.req.url).origin);
  /**
   * The passkeys' address when this page was reached by another one (`minutebook start` is opened at
   * http://127.0.0.1:port, its passkeys live at http://localhost:port); null when it is this one. Only
   * chooses which text to show.
   */
  const elsewhere = (c: Context, site: RelyingParty): string | null =>
    new URL(c.req.url).host === new URL(site.origin).host ? null : site.origin;
  const goThere = (origin: string, path: string, what: string) =>
    html`<div class="govuk-inset-text">Passkeys belong to this site’s name. To ${what}, open <a class="govuk-link" href="${origin}${path}">${origin}${path}</a>.</div>`;
  const notUsable = html`<div class="govuk-inset-text">Passkeys cannot be used on this site yet: browsers need it to be reached by a name, not a number. Your administrator sets the name with <code>--base-url</code>.</div>`;
  const passkeys = new PasskeyStore(o.store.db);

  // ---- The account page

  const accountView = async (c: Context, errors: FieldErrors, values: { name?: string }, notice?: string) => {
    const a = auth(c);
    const user = a.user;
    if (!user) throw new Error("requireSignIn lets only a signed-in person through");
    const now = o.now();
    const cred = await o.store.localByUser(user.id);
    if (!cred) {
      return officePage(c, o, {
        title: "Your account",
        body: html`<h1 class="govuk-heading-l">Your account</h1>
<p class="govuk-body">You sign in with your council account, so your password, passkeys and second factor are kept by your council’s sign-in service, not here.</p>
<p class="govuk-body"><a class="govuk-link" href="/office">Back to your office page</a></p>`,
      });
    }
    const keys = await passkeys.passkeys(user.id);
    const totp = Boolean(cred.totpSecret && cred.totpConfirmedAt);
    const site = rp(c);
    const away = elsewhere(c, site);
    let addSection: Html;
    if (!site.usable) addSection = notUsable;
    else if (away) addSection = goThere(away, "/account", "add a passkey");
    else {
      const { token, options } = await startRegistration(passkeys, site, { ...user, email: cred.email }, now);
      addSection = html`<div class="govuk-inset-text" data-passkey-nojs>Adding a passkey needs JavaScript, which is turned off or not supported in this browser. You can still sign in with ${totp ? "the code from your authenticator app" : "your current second step"}.</div>
<div hidden data-passkey-area>
<form method="post" action="/account/passkeys" novalidate data-passkey="register" data-options="${JSON.stringify(options)}">
${formTokenField(c, o.secureCookies)}
<input type="hidden" name="token" value="${token}">
<input type="hidden" name="response" value="">
<input type="hidden" name="error" value="">
${textInput({ name: "name", label: "Name this passkey", hint: "So you can tell your passkeys apart, for example ‘Work laptop’ or ‘Phone’.", autocomplete: "off", value: values.name ?? "", errors })}
<button type="submit" class="govuk-button" data-module="govuk-button" id="passkey">Add a passkey</button>
</form>
</div>`;
    }
    const rows = keys.map(
      (p) => html`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${p.name}</th>
<td class="govuk-table__cell">${dateOf(p.createdAt)}</td><td class="govuk-table__cell">${dateOf(p.lastUsedAt)}</td>
<td class="govuk-table__cell">${p.backedUp ? "Yes" : "No"}</td>
<td class="govuk-table__cell"><a class="govuk-link" href="/account/passkeys/${p.id}/remove">Remove<span class="govuk-visually-hidden"> ${p.name}</span></a></td></tr>`,
    );
    const list = keys.length
      ? html`<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">Your passkeys</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Added</th><th scope="col" class="govuk-table__header">Last used</th><th scope="col" class="govuk-table__header">Synced to other devices</th><th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Action</span></th></tr></thead>
<tbody class="govuk-table__body">${rows}</tbody></table>`
      : html`<p class="govuk-body">You have no passkeys yet.</p>`;
    const banner = notice
      ? html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="account-notice-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="account-notice-title">Success</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${notice}</p></div></div>`
      : null;
    const body: Html = html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${errorSummary(errors, ["name", "passkey"])}
${banner}
<h1 class="govuk-heading-l">Your account</h1>
<p class="govuk-body">You sign in with <strong>${cred.email}</strong> and your password, then ${totp ? (keys.length ? "a passkey or the code from your authenticator app" : "the code from your authenticator app") : keys.length ? "a passkey" : "no second step"}.</p>
<h2 class="govuk-heading-m">Passkeys</h2>
<p class="govuk-body">A passkey lets you confirm it is you with your fingerprint, face, screen lock or security key instead of typing a code. You can add one for each device you use.</p>
${list}
<h3 class="govuk-heading-s">Add a passkey</h3>
${addSection}
<h2 class="govuk-heading-m">Authenticator app</h2>
${
  totp
    ? keys.length
      ? html`<p class="govuk-body">You can also confirm it is you with the code from your authenticator app. If you only want to use passkeys, you can <a class="govuk-link" href="/account/authenticator-app/remove">stop using your authenticator app</a>.</p>`
      : html`<p class="govuk-body">You confirm it is you with the code from your authenticator app. To stop using it, add a passkey first.</p>`
    : html`<p class="govuk-body">You do not use an authenticator app: you confirm it is you with a passkey. To use an app again, ask your democratic services team for a new invitation.</p>`
}
<p class="govuk-body"><a class="govuk-link" href="/office">Back to your office page</a></p>
</div></div>${SCRIPT}`;
    return officePage(c, o, { title: errorTitle("Your account", errors), body });
  };

  app.get("/account", requireSignIn, async (c) => {
    const notice = c.req.query("added")
      ? "Your passkey has been added"
      : c.req.query("removed")
        ? "Your passkey has been removed"
        : c.req.query("app-removed")
          ? "You no longer use an authenticator app: you confirm it is you with a passkey"
          : undefined;
    return c.html(await accountView(c, {}, {}, notice), 200, noStore);
  });

  app.post("/account/passkeys", requireSignIn, async (c) => {
    const fields = await checkFormToken(c, o.secureCookies);
    const user = auth(c).user;
    if (!user || !(await o.store.localByUser(user.id))) return c.redirect("/account", 303);
    const now = o.now();
    const named = checkPasskeyName(fields.name ?? "");
    const fail = async (errors: FieldErrors) => {
      // The challenge this form carried is spent (or unusable): the page comes back with a new one.
      await passkeys.takeChallenge(fields.token ?? "", "register", now);
      return c.html(await accountView(c, errors, { name: fields.name ?? "" }), 400, noStore);
    };
    if (!named.ok) return fail({ name: named.message });
    if (fields.error)
      return fail({
        passkey:
          fields.error === "unsupported"
            ? "This browser cannot make passkeys. Try another browser or device"
            : "The passkey was not added. Try again, and follow your browser’s or device’s prompts",
      });
    if (!fields.response)
      return fail({ passkey: "Adding a passkey needs JavaScript. Turn it on in your browser, then try again" });
    const r = await finishRegistration(
      o.store,
      rp(c),
      user,
      { token: fields.token ?? "", response: fields.response, name: named.name },
      now,
    );
    if (!r.ok)
      return fail({
        passkey:
          r.reason === "expired"
            ? "The page had expired. Try adding the passkey again"
            : r.reason === "known"
              ? "That passkey is already added to your account"
              : "The passkey could not be checked. Try again",
      });
    return c.redirect("/account?added=1", 303);
  });

  /**
   * Checks the password again (removing a second factor when the sign-in was not recent): null when
   * right; wrong passwords count in the sign-in throttle, so this is no way round it.
   */
  const passwordProblem = async (
    cred: { email: string; passwordHash: string | null },
    password: string,
    now: Date,
  ): Promise<{ message: string; status: 400 | 429 } | null> => {
    const t = o.throttle ?? DEFAULT_THROTTLE;
    const key = `account:${cred.email}`;
    const throttled = (await o.store.failuresSince(key, new Date(now.getTime() - t.windowMs))) >= t.perAccount;
    if (throttled) return { message: "Too many wrong passwords. Wait 15 minutes, then try again", status: 429 };
    if (await verifyPassword(cred.passwordHash ?? (await dummyHash()), password)) return null;
    await o.store.recordFailure(key, now);
    return { message: password ? "The password is not right" : "Enter your password", status: 400 };
  };

  // ---- Removing a passkey: the password again, unless the sign-in was a few minutes ago

  const removeView = (c: Context, p: { id: number; name: string }, needPassword: boolean, errors: FieldErrors) =>
    officePage(c, o, {
      title: errorTitle(`Remove the passkey ${p.name}`, errors),
      body: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${errorSummary(errors, ["password", "passkey"])}
<h1 class="govuk-heading-l">Remove the passkey ‘${p.name}’</h1>
<p class="govuk-body">You will no longer be able to sign in with this passkey. The device may still offer it: you can delete it there too.</p>
<form method="post" action="/account/passkeys/${p.id}/remove" novalidate>
${formTokenField(c, o.secureCookies)}
${needPassword ? textInput({ name: "password", label: "Your password", hint: "To keep your account safe, confirm it is you.", type: "password", autocomplete: "current-password", errors }) : null}
<div class="govuk-button-group"><button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button" id="passkey">Remove passkey</button>
<a class="govuk-link" href="/account">Cancel</a></div>
</form></div></div>`,
    });

  /** The user's passkey named in the path, and whether removing it would leave no second step. */
  const target = async (c: Context) => {
    const user = auth(c).user;
    const id = Number(c.req.param("id"));
    if (!user || !Number.isInteger(id)) return null;
    const keys = await passkeys.passkeys(user.id);
    const p = keys.find((x) => x.id === id);
    const cred = await o.store.localByUser(user.id);
    if (!p || !cred) return null;
    const totp = Boolean(cred.totpSecret && cred.totpConfirmedAt);
    return { user, p, cred, last: keys.length === 1 && !totp && (o.requireSecondFactor ?? true) };
  };

  const notYours = (c: Context) =>
    c.html(
      officePage(c, o, {
        title: "Passkey not found",
        body: html`<h1 class="govuk-heading-l">Passkey not found</h1><p class="govuk-body">It may have been removed already. <a class="govuk-link" href="/account">Go to your account</a>.</p>`,
      }),
      404,
      noStore,
    );

  const lastOne = {
    passkey: "This is your only way to confirm it is you after your password, so it cannot be removed",
  };

  app.get("/account/passkeys/:id/remove", requireSignIn, async (c) => {
    const t = await target(c);
    if (!t) return notYours(c);
    const need = !recentSignIn(auth(c).session, o.now());
    return c.html(removeView(c, t.p, need, t.last ? lastOne : {}), 200, noStore);
  });

  app.post("/account/passkeys/:id/remove", requireSignIn, async (c) => {
    const fields = await checkFormToken(c, o.secureCookies);
    const t = await target(c);
    if (!t) return notYours(c);
    const now = o.now();
    const need = !recentSignIn(auth(c).session, now);
    if (t.last) return c.html(removeView(c, t.p, need, lastOne), 400, noStore);
    const wrong = need ? await passwordProblem(t.cred, fields.password ?? "", now) : null;
    if (wrong) return c.html(removeView(c, t.p, need, { password: wrong.message }), wrong.status, noStore);
    if (!(await removePasskey(o.store, t.user, t.p.id, now))) return notYours(c);
    return c.redirect("/account?removed=1", 303);
  });

  // ---- Stopping the authenticator app (only for someone with a passkey to use instead)

  const appView = (c: Context, needPassword: boolean, errors: FieldErrors) =>
    officePage(c, o, {
      title: errorTitle("Stop using your authenticator app", errors),
      body: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${errorSummary(errors, ["password"])}
<h1 class="govuk-heading-l">Stop using your authenticator app</h1>
<p class="govuk-body">After your password you will confirm it is you with a passkey only. Its codes will no longer work, and on a device without your passkey you will not be able to sign in.</p>
<form method="post" action="/account/authenticator-app/remove" novalidate>
${formTokenField(c, o.secureCookies)}
${needPassword ? textInput({ name: "password", label: "Your password", hint: "To keep your account safe, confirm it is you.", type: "password", autocomplete: "current-password", errors }) : null}
<div class="govuk-button-group"><button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">Stop using the app</button>
<a class="govuk-link" href="/account">Cancel</a></div>
</form></div></div>`,
    });

  /** The signed-in local user's credential when they use the app and have a passkey to use instead. */
  const appTarget = async (c: Context) => {
    const user = auth(c).user;
    const cred = user ? await o.store.localByUser(user.id) : null;
    if (!user || !cred?.totpSecret || !cred.totpConfirmedAt || (await passkeys.count(user.id)) === 0) return null;
    return { user, cred };
  };

  app.get("/account/authenticator-app/remove", requireSignIn, async (c) => {
    if (!(await appTarget(c))) return c.redirect("/account", 303);
    return c.html(appView(c, !recentSignIn(auth(c).session, o.now()), {}), 200, noStore);
  });

  app.post("/account/authenticator-app/remove", requireSignIn, async (c) => {
    const fields = await checkFormToken(c, o.secureCookies);
    const t = await appTarget(c);
    if (!t) return c.redirect("/account", 303);
    const now = o.now();
    const need = !recentSignIn(auth(c).session, now);
    const wrong = need ? await passwordProblem(t.cred, fields.password ?? "", now) : null;
    if (wrong) return c.html(appView(c, need, { password: wrong.message }), wrong.status, noStore);
    await o.store.setTotp(t.user.id, null, null);
    await o.store.audit({ actorId: t.user.id, action: "totp.remove", object: `user:${t.user.id}` }, now);
    return c.redirect("/account?app-removed=1", 303);
  });

  // ---- Signing in: the step after the password

  const stepView = async (
    c: Context,
    s: { userId: number; challenge: string },
    next: string,
    errors: FieldErrors,
  ): Promise<string> => {
    const cred = await o.store.localByUser(s.userId);
    const totp = Boolean(cred?.totpSecret && cred.totpConfirmedAt);
    const site = rp(c);
    const away = elsewhere(c, site);
    const options = await signInOptions(passkeys, site, s.userId, s.challenge);
    const body: Html = html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${errorSummary(errors, ["passkey", "code"])}
<h1 class="govuk-heading-l">Confirm it is you</h1>
<p class="govuk-body">You are signing in as <strong>${cred?.email ?? ""}</strong>.</p>
<h2 class="govuk-heading-m">Use your passkey</h2>
${
  away
    ? goThere(away, "/sign-in", "use your passkey")
    : html`<div class="govuk-inset-text" data-passkey-nojs>Using a passkey needs JavaScript, which is turned off or not supported in this browser. ${totp ? "Enter the code from your authenticator app instead." : html`Turn on JavaScript or use another browser, then <a class="govuk-link" href="/sign-in">sign in again</a>.`}</div>
<div hidden data-passkey-area>
<p class="govuk-body">Your browser or device will ask you to confirm with your fingerprint, face, screen lock or security key.</p>
<form method="post" action="/sign-in/passkey" novalidate data-passkey="sign-in" data-options="${JSON.stringify(options)}">
${formTokenField(c, o.secureCookies)}
<input type="hidden" name="next" value="${next}">
<input type="hidden" name="response" value="">
<input type="hidden" name="error" value="">
<button type="submit" class="govuk-button" data-module="govuk-button" id="passkey">Use your passkey</button>
</form>
</div>`
}
${
  totp
    ? html`<h2 class="govuk-heading-m">Or use your authenticator app</h2>
<form method="post" action="/sign-in/passkey" novalidate>
${formTokenField(c, o.secureCookies)}
<input type="hidden" name="next" value="${next}">
${textInput({ name: "code", label: "Code from your authenticator app", hint: "The 6-digit code your app shows now.", autocomplete: "one-time-code", inputmode: "numeric", width: "5", errors })}
${button("Continue", true)}
</form>`
    : null
}
<p class="govuk-body"><a class="govuk-link" href="/sign-in">Sign in as someone else</a></p>
</div></div>${SCRIPT}`;
    return officePage(c, o, { title: errorTitle("Confirm it is you", errors), body });
  };

  const timedOut = (c: Context, status: 400 | 429, throttled = false) =>
    c.html(
      officePage(c, o, {
        title: throttled ? "Too many attempts to sign in" : "Your sign-in has timed out",
        body: throttled
          ? html`<h1 class="govuk-heading-l">Too many attempts to sign in</h1><p class="govuk-body">Wait 15 minutes, then <a class="govuk-link" href="/sign-in">sign in again</a>.</p>`
          : html`<h1 class="govuk-heading-l">Your sign-in has timed out</h1><p class="govuk-body">The step after your password must be done within ${CHALLENGE_TTL_MS / 60_000} minutes, once. <a class="govuk-link" href="/sign-in">Sign in again</a>.</p>`,
      }),
      status,
      noStore,
    );

  app.get("/sign-in/passkey", async (c) => {
    const next = safeNext(c.req.query("next"));
    if (auth(c).user) return c.redirect(next, 303);
    const pending = await passkeys.peekChallenge(
      getCookie(c, passkeyCookieName(o.secureCookies)) ?? "",
      "sign-in",
      o.now(),
    );
    if (!pending) return timedOut(c, 400);
    return c.html(await stepView(c, pending, next, {}), 200, noStore);
  });

  app.post("/sign-in/passkey", async (c) => {
    const fields = await checkFormToken(c, o.secureCookies);
    const next = safeNext(fields.next);
    const now = o.now();
    const cookie = passkeyCookieName(o.secureCookies);
    const r = await finishSecondFactor(
      o.store,
      rp(c),
      {
        token: getCookie(c, cookie) ?? "",
        response: fields.response,
        code: fields.code,
        cancelled: Boolean(fields.error) && !fields.response,
        client: clientOf(c),
      },
      now,
      { throttle: o.throttle },
    );
    if (r.ok) {
      deleteCookie(c, cookie, cookieOptions(o.secureCookies));
      const old = auth(c).token;
      if (old) await o.store.revokeSession(old, now);
      const { token } = await o.store.createSession(r.user.id, "local", now);
      setSessionCookie(c, token, o.secureCookies);
      return c.redirect(next, 303);
    }
    if (r.reason === "expired" || r.reason === "throttled" || r.userId === null) {
      deleteCookie(c, cookie, cookieOptions(o.secureCookies));
      return timedOut(c, r.reason === "throttled" ? 429 : 400, r.reason === "throttled");
    }
    // The challenge is spent: a new one for the next try.
    const token = await startPasskeySignIn(passkeys, r.userId, now);
    setCookie(c, passkeyCookieName(o.secureCookies), token, passkeyCookieOptions(o.secureCookies));
    const pending = await passkeys.peekChallenge(token, "sign-in", now);
    if (!pending) return timedOut(c, 400);
    const errors: FieldErrors =
      r.reason === "code"
        ? {
            code: fields.code?.trim()
              ? "The code is not right or has been used. Enter the code your app shows now"
              : "Enter the 6-digit code from your authenticator app",
          }
        : r.reason === "cancelled"
          ? { passkey: "Your passkey was not used. Try again, and follow your browser’s or device’s prompts" }
          : { passkey: "That passkey did not confirm it is you. Try again, or use another passkey" };
    return c.html(await stepView(c, pending, next, errors), 400, noStore);
  });
}
