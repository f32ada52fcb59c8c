/**
 * Account pages reached from an e-mail: accepting an invitation (choose a password, set up the
 * authenticator app by its key, confirm with a code) and resetting a forgotten password. Links carry a
 * single-use token whose hash alone is stored; the reset request answers the same whether or not the
 * address has an account, and is throttled per address.
 */
import type { Context, Hono } from "hono";
import { z } from "zod";
import { checkTotp, hashPassword, MIN_PASSWORD, newTotpSecret, totpUri } from "../../auth/local";
import { type Mailer, resetMail } from "../../auth/mail";
import { checkFormToken, formTokenField, setSessionCookie } from "../../auth/web";
import { parseForm } from "../forms/errors";
import { button, errorSummary, errorTitle, type FieldErrors, textInput } from "../forms/fields";
import { html } from "../html";
import { clientOf, type OfficeOptions, officePage } from "./routes";

export type AccountOptions = OfficeOptions & { mailer?: Mailer | null; origin: (c: Context) => string };

const RESET_TTL = 3600_000;

const newPassword = z
  .object({
    password: z.string().min(MIN_PASSWORD, `Your password must be ${MIN_PASSWORD} characters or more`),
    confirm: z.string().min(1, "Confirm your password"),
  })
  .refine((v) => v.password === v.confirm, { message: "The passwords do not match", path: ["confirm"] });

const setupSchema = z.intersection(
  newPassword,
  z.object({
    code: z
      .string()
      .trim()
      .regex(/^(\d\s*){6}$/, "Enter the 6-digit code from your authenticator app"),
  }),
);

const resetRequest = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your e-mail address")
    .email("Enter an e-mail address in the correct format, like name@example.com"),
});

const invalidLink = (c: Context, o: AccountOptions) =>
  c.html(
    officePage(c, o, {
      title: "This link has expired",
      body: html`<h1 class="govuk-heading-l">This link has expired</h1><p class="govuk-body">Links in our e-mails work once and for a limited time. <a class="govuk-link" href="/account/reset">Ask for a new link</a> or contact your democratic services team.</p>`,
    }),
    400,
    { "Cache-Control": "no-store" },
  );

export function registerAccountRoutes(app: Hono, o: AccountOptions): void {
  // ---- Invitation: choose a password and set up the second factor

  const setupView = (c: Context, token: string, secret: string, email: string, errors: FieldErrors) =>
    officePage(c, o, {
      title: errorTitle("Set up your account", errors),
      body: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${errorSummary(errors, ["password", "confirm", "code"])}
<h1 class="govuk-heading-l">Set up your account</h1>
<p class="govuk-body">You will sign in with <strong>${email}</strong>, a password and a code from an authenticator app.</p>
<form method="post" action="/account/setup" novalidate>
${formTokenField(c, o.secureCookies)}
<input type="hidden" name="token" value="${token}">
${textInput({ name: "password", label: "Create a password", hint: `At least ${MIN_PASSWORD} characters. A few unrelated words is a good password.`, type: "password", autocomplete: "new-password", errors })}
${textInput({ name: "confirm", label: "Confirm your password", type: "password", autocomplete: "new-password", errors })}
<h2 class="govuk-heading-m">Set up your authenticator app</h2>
<p class="govuk-body">In your authenticator app, add an account and enter this key:</p>
<p class="govuk-body"><code class="minutebook-key" id="totp-key">${secret.replace(/(.{4})/g, "$1 ").trim()}</code></p>
<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Setting up with an address instead</span></summary>
<div class="govuk-details__text"><p class="govuk-body">Some apps take this address: <code>${totpUri(secret, email)}</code></p></div></details>
${textInput({ name: "code", label: "Code from your authenticator app", hint: "Your app shows a new 6-digit code every 30 seconds.", autocomplete: "one-time-code", inputmode: "numeric", width: "5", errors })}
${button("Create account")}
</form></div></div>`,
    });

  app.get("/account/setup", async (c) => {
    const token = c.req.query("token") ?? "";
    const now = o.now();
    const userId = token ? await o.store.peekEmailToken(token, "invite", now) : null;
    const cred = userId === null ? null : await o.store.localByUser(userId);
    if (!cred) return invalidLink(c, o);
    // A fresh key each time the page is opened, held unconfirmed until a code proves the app has it.
    const secret = newTotpSecret();
    await o.store.setTotp(cred.userId, secret, null);
    return c.html(setupView(c, token, secret, cred.email, {}), 200, { "Cache-Control": "no-store" });
  });

  app.post("/account/setup", async (c) => {
    const fields = await checkFormToken(c, o.secureCookies);
    const now = o.now();
    const token = fields.token ?? "";
    const userId = token ? await o.store.peekEmailToken(token, "invite", now) : null;
    const cred = userId === null ? null : await o.store.localByUser(userId);
    if (!cred?.totpSecret) return invalidLink(c, o);
    const parsed = parseForm(setupSchema, fields);
    let errors: FieldErrors = parsed.ok ? {} : parsed.errors.fields;
    if (parsed.ok) {
      const step = checkTotp(cred.totpSecret, parsed.value.code, now);
      if (step === null) errors = { code: "The code is not right. Enter the code your app shows now" };
      else await o.store.useTotpStep(cred.userId, step);
    }
    if (Object.keys(errors).length)
      return c.html(setupView(c, token, cred.totpSecret, cred.email, errors), 400, { "Cache-Control": "no-store" });
    if ((await o.store.consumeEmailToken(token, "invite", now)) !== cred.userId) return invalidLink(c, o);
    await o.store.setPasswordHash(cred.userId, await hashPassword(fields.password));
    await o.store.confirmTotp(cred.userId, now);
    await o.store.audit({ actorId: cred.userId, action: "account.setup", object: `user:${cred.userId}` }, now);
    const { token: session } = await o.store.createSession(cred.userId, "local", now);
    await o.store.audit(
      { actorId: cred.userId, action: "sign-in", object: `user:${cred.userId}`, detail: { method: "invitation" } },
      now,
    );
    setSessionCookie(c, session, o.secureCookies);
    return c.redirect("/office", 303);
  });

  // ---- Password reset

  const requestView = (c: Context, email: string, errors: FieldErrors) =>
    officePage(c, o, {
      title: errorTitle("Reset your password", errors),
      body: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${errorSummary(errors, ["email"])}
<h1 class="govuk-heading-l">Reset your password</h1>
<p class="govuk-body">We will e-mail you a link to choose a new password. Council staff who sign in with their council account reset their password with the council's IT service instead.</p>
<form method="post" action="/account/reset" novalidate>
${formTokenField(c, o.secureCookies)}
${textInput({ name: "email", label: "E-mail address", type: "email", autocomplete: "email", spellcheck: false, value: email, errors })}
${button("Send the link")}
</form></div></div>`,
    });

  app.get("/account/reset", (c) => c.html(requestView(c, "", {}), 200, { "Cache-Control": "no-store" }));

  app.post("/account/reset", async (c) => {
    const fields = await checkFormToken(c, o.secureCookies);
    const parsed = parseForm(resetRequest, fields);
    if (!parsed.ok)
      return c.html(requestView(c, fields.email ?? "", parsed.errors.fields), 400, { "Cache-Control": "no-store" });
    const now = o.now();
    const email = parsed.value.email.toLowerCase();
    const key = `reset:${email}`;
    const recent = await o.store.failuresSince(key, new Date(now.getTime() - 3600_000));
    const cred = await o.store.localByEmail(email);
    // At most 3 links an hour per address; the page says the same either way.
    if (cred && recent < 3 && o.mailer) {
      await o.store.recordFailure(key, now);
      const user = await o.store.user(cred.userId);
      const token = await o.store.createEmailToken(cred.userId, "reset", now, RESET_TTL);
      const site = o.origin(c);
      await o.mailer.send(
        resetMail({
          to: cred.email,
          name: user?.displayName ?? cred.email,
          link: `${site}/account/reset/new?token=${token}`,
          site,
        }),
      );
      await o.store.audit(
        {
          actorId: null,
          action: "account.reset-requested",
          object: `user:${cred.userId}`,
          detail: { client: clientOf(c) },
        },
        now,
      );
    }
    return c.html(
      officePage(c, o, {
        title: "Check your e-mail",
        body: html`<h1 class="govuk-heading-l">Check your e-mail</h1><p class="govuk-body">If ${email} has an account, we have sent it a link to choose a new password. The link works for 1 hour.</p>`,
      }),
      200,
      { "Cache-Control": "no-store" },
    );
  });

  const newView = (c: Context, token: string, errors: FieldErrors) =>
    officePage(c, o, {
      title: errorTitle("Choose a new password", errors),
      body: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${errorSummary(errors, ["password", "confirm"])}
<h1 class="govuk-heading-l">Choose a new password</h1>
<form method="post" action="/account/reset/new" novalidate>
${formTokenField(c, o.secureCookies)}
<input type="hidden" name="token" value="${token}">
${textInput({ name: "password", label: "New password", hint: `At least ${MIN_PASSWORD} characters.`, type: "password", autocomplete: "new-password", errors })}
${textInput({ name: "confirm", label: "Confirm your new password", type: "password", autocomplete: "new-password", errors })}
${button("Change password")}
</form></div></div>`,
    });

  app.get("/account/reset/new", async (c) => {
    const token = c.req.query("token") ?? "";
    if (!token || (await o.store.peekEmailToken(token, "reset", o.now())) === null) return invalidLink(c, o);
    return c.html(newView(c, token, {}), 200, { "Cache-Control": "no-store" });
  });

  app.post("/account/reset/new", async (c) => {
    const fields = await checkFormToken(c, o.secureCookies);
    const now = o.now();
    const token = fields.token ?? "";
    if (!token || (await o.store.peekEmailToken(token, "reset", now)) === null) return invalidLink(c, o);
    const parsed = parseForm(newPassword, fields);
    if (!parsed.ok) return c.html(newView(c, token, parsed.errors.fields), 400, { "Cache-Control": "no-store" });
    const userId = await o.store.consumeEmailToken(token, "reset", now);
    if (userId === null) return invalidLink(c, o);
    await o.store.setPasswordHash(userId, await hashPassword(parsed.value.password));
    // Whoever knew the old password is signed out everywhere.
    const ended = await o.store.revokeAllSessions(userId, now);
    await o.store.audit(
      { actorId: userId, action: "account.password-reset", object: `user:${userId}`, detail: { sessionsEnded: ended } },
      now,
    );
    return c.html(
      officePage(c, o, {
        title: "Your password has been changed",
        body: html`<div class="govuk-panel govuk-panel--confirmation"><h1 class="govuk-panel__title">Your password has been changed</h1></div>
<p class="govuk-body">You have been signed out everywhere. <a class="govuk-link" href="/sign-in">Sign in</a> with your new password and the code from your app.</p>`,
      }),
      200,
      { "Cache-Control": "no-store" },
    );
  });
}
