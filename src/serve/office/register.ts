/**
 * A councillor keeps their own register of interests: /office/my-interests shows their entries (sensitive
 * ones too: they are theirs), what waits for the monitoring officer, and forms to add an entry, change one
 * or say that one has ended. Every submission waits for the monitoring officer's approval
 * (/office/interests), and only approved entries reach the public register, sensitive ones as "withheld".
 * Which person a sign-in account is comes from the link democratic services make on
 * /office/people/:id/account (never guessed from a name or an e-mail address). Linking is audited.
 */
import type { Context, Hono } from "hono";
import { auth, checkFormToken, formTokenField, requireRole, requireSignIn } from "../../auth/web";
import { INTEREST_CATEGORIES, INTEREST_CATEGORY_LABELS, interestInput } from "../../model/office";
import { longDate } from "../../office/dates";
import type { Repository } from "../../store/repository";
import { StoreError } from "../../store/repository";
import { notFound } from "../errors";
import { parseForm } from "../forms/errors";
import {
  button,
  checkbox,
  errorSummary,
  errorTitle,
  type FieldErrors,
  type Fields,
  select,
  textarea,
} from "../forms/fields";
import { type Html, html } from "../html";
import { type OfficeOptions, officePage } from "./routes";

export type RegisterOfficeOptions = OfficeOptions & { repo: Repository };

const SENSITIVE =
  "Sensitive: disclosure could lead to violence or intimidation (withheld from the public register; the monitoring officer decides)";

export function registerOwnRegisterRoutes(app: Hono, o: RegisterOfficeOptions): void {
  const office = o.repo.office;
  const token = (c: Context) => formTokenField(c, o.secureCookies);
  const page = (c: Context, title: string, body: Html, status: 200 | 400 = 200) =>
    c.html(officePage(c, o, { title, body, breadcrumbs: [{ text: "Your office page", href: "/office" }] }), status);
  const today = () => o.now().toISOString().slice(0, 10);

  /** The signed-in person's own councillor record, or a 403 naming what to do. */
  const me = async (c: Context) => {
    const user = auth(c).user;
    const personId = user ? await office.personOfUser(user.id) : null;
    const person = personId === null ? null : await office.getPerson(personId);
    return person?.kind === "councillor" ? person : null;
  };
  const notLinked = (c: Context) =>
    page(
      c,
      "Your register of interests",
      html`<h1 class="govuk-heading-l">Your register of interests</h1><p class="govuk-body">Your account is not linked to a councillor’s record yet. Ask your democratic services team to link it; then you can keep your register here.</p>`,
    );

  const view = async (c: Context, personId: number, v: Fields, errors: FieldErrors, status: 200 | 400 = 200) => {
    const entries = (await office.interests(personId, "office")).filter((i) => i.approvedAt && !i.endedOn);
    const pending = await office.pendingInterests(personId);
    const ended = (await office.interests(personId, "office")).filter((i) => i.endedOn);
    const changing = v.replaces ? entries.find((i) => String(i.id) === v.replaces) : undefined;
    return page(
      c,
      errorTitle("Your register of interests", errors),
      html`${errorSummary(errors, ["category", "description"])}<h1 class="govuk-heading-l">Your register of interests</h1>
<p class="govuk-body">What you add or change here is sent to the monitoring officer, and appears on your public page once approved. <a class="govuk-link" href="/councillors/${personId}">See your public page</a>.</p>
<h2 class="govuk-heading-m">Your entries</h2>
${
  entries.length
    ? html`<dl class="govuk-summary-list">${entries.map(
        (i) =>
          html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${INTEREST_CATEGORY_LABELS[i.category]}</dt><dd class="govuk-summary-list__value">${i.description}${i.sensitive ? html`<br><span class="govuk-body-s">Sensitive: withheld from the public register</span>` : null}</dd><dd class="govuk-summary-list__actions"><a class="govuk-link" href="/office/my-interests?replaces=${i.id}#change">Change<span class="govuk-visually-hidden"> ${INTEREST_CATEGORY_LABELS[i.category]}: ${i.description}</span></a></dd></div>`,
      )}</dl>`
    : html`<p class="govuk-body">No approved entries yet.</p>`
}
${
  pending.length
    ? html`<h2 class="govuk-heading-m">Waiting for the monitoring officer</h2><ul class="govuk-list govuk-list--bullet">${pending.map(
        (i) =>
          html`<li>${i.endsOnly ? html`Ended: ${i.replaces?.description ?? ""}` : html`${INTEREST_CATEGORY_LABELS[i.category]}: ${i.description}${i.replaces ? html` (replaces “${i.replaces.description}”)` : null}`} — sent ${longDate(i.submittedOn)}</li>`,
      )}</ul>`
    : null
}
${ended.length ? html`<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Entries that have ended (${ended.length})</span></summary><div class="govuk-details__text"><ul class="govuk-list">${ended.map((i) => html`<li>${INTEREST_CATEGORY_LABELS[i.category]}: ${i.description} (ended ${longDate(i.endedOn as string)})</li>`)}</ul></div></details>` : null}
<h2 class="govuk-heading-m" id="change">${changing ? "Change an entry" : "Add an entry"}</h2>
${changing ? html`<p class="govuk-body">You are changing: <strong>${INTEREST_CATEGORY_LABELS[changing.category]}: ${changing.description}</strong></p>` : null}
<form method="post" action="/office/my-interests" novalidate>${token(c)}
${changing ? html`<input type="hidden" name="replaces" value="${String(changing.id)}">` : null}
${select({ name: "category", label: "Kind of interest", value: v.category ?? changing?.category, errors, options: [{ value: "", text: "Choose" }, ...INTEREST_CATEGORIES.map((k) => ({ value: k, text: INTEREST_CATEGORY_LABELS[k] }))] })}
${textarea("description", "The interest", v.description ?? changing?.description ?? "", errors, "As it should appear on the register: the employer, the land, the body, the company")}
${checkbox("sensitive", SENSITIVE, v.sensitive === "on" || (!v.category && !!changing?.sensitive))}
${changing ? checkbox("ended", "This interest has ended (send a notice that it ended instead of a change)", v.ended === "on") : null}
${button(changing ? "Send the change for approval" : "Send for approval")}</form>
${changing ? html`<p class="govuk-body"><a class="govuk-link" href="/office/my-interests">Add a new entry instead</a></p>` : null}`,
      status,
    );
  };

  app.get("/office/my-interests", requireSignIn, async (c) => {
    const p = await me(c);
    if (!p) return notLinked(c);
    return view(c, p.id, { replaces: c.req.query("replaces") ?? "" }, {});
  });

  app.post("/office/my-interests", requireSignIn, async (c) => {
    const v = await checkFormToken(c, o.secureCookies);
    const p = await me(c);
    if (!p) return notLinked(c);
    const replacesId = v.replaces ? Number(v.replaces) : undefined;
    const endsOnly = replacesId !== undefined && v.ended === "on";
    const own = (await office.interests(p.id, "office")).find((i) => i.id === replacesId);
    if (replacesId !== undefined && (!own || own.endedOn || !own.approvedAt))
      throw notFound("That entry is not one of yours that you can change.");
    const parsed = parseForm(interestInput, {
      ...(endsOnly && own ? { category: own.category, description: own.description } : v),
      personId: p.id,
      submittedOn: today(),
      sensitive: endsOnly && own ? own.sensitive : v.sensitive === "on",
    });
    if (!parsed.ok) return view(c, p.id, v, parsed.errors.fields, 400);
    try {
      await office.addInterest(parsed.value, { replacesId, endsOnly });
    } catch (e) {
      if (e instanceof StoreError) return view(c, p.id, v, { description: e.message }, 400);
      throw e;
    }
    return c.redirect("/office/my-interests", 303);
  });

  // Democratic services link a councillor's record to their sign-in account.
  const officer = requireRole("democratic-services", undefined, { now: o.now });
  const personOr404 = async (c: Context) => {
    const p = await office.getPerson(Number(c.req.param("id")));
    if (!p?.kind) throw notFound("There is no such person.");
    return p;
  };
  const accountView = async (c: Context, errors: FieldErrors) => {
    const p = await personOr404(c);
    const users = (await o.store.users()).filter((u) => !u.disabledAt);
    const linked = await office.accountOfPerson(p.id);
    return page(
      c,
      errorTitle(`Sign-in account: ${p.name}`, errors),
      html`${errorSummary(errors, ["user"])}<h1 class="govuk-heading-l">Sign-in account<span class="govuk-caption-m">${p.name}</span></h1>
<p class="govuk-body">The account ${p.name} signs in with. A councillor whose account is linked keeps their own register of interests.</p>
<form method="post" novalidate>${token(c)}
${select({ name: "user", label: "Account", value: linked === null ? "" : String(linked), errors, options: [{ value: "", text: "Not linked" }, ...users.map((u) => ({ value: String(u.id), text: `${u.displayName} (${u.email ?? "no e-mail"})` }))] })}
${button("Save")}</form>
<p class="govuk-body"><a class="govuk-link" href="/office/people/${p.id}/interests">Back to ${p.name}’s register</a></p>`,
      Object.keys(errors).length ? 400 : 200,
    );
  };
  app.get("/office/people/:id/account", officer, (c) => accountView(c, {}));
  app.post("/office/people/:id/account", officer, async (c) => {
    const v = await checkFormToken(c, o.secureCookies);
    const p = await personOr404(c);
    const userId = v.user ? Number(v.user) : null;
    if (userId !== null && !(await o.store.users()).some((u) => u.id === userId))
      return accountView(c, { user: "Select an account from the list" });
    try {
      await office.linkAccount(p.id, userId);
    } catch (e) {
      if (e instanceof StoreError) return accountView(c, { user: e.message });
      throw e;
    }
    await o.store.audit(
      { actorId: auth(c).user?.id ?? null, action: "person.account", object: `person:${p.id}`, detail: { userId } },
      o.now(),
    );
    return c.redirect(`/office/people/${p.id}/interests`, 303);
  });
}
