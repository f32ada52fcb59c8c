/**
 * Administration: who holds what (every person and their dated grants), inviting a person (a local
 * account and an e-mailed link), granting and ending roles, and reading and exporting the audit trail
 * with its chain checked. Each route asks the policy function (accounts, role-grant, audit objects);
 * every change and every export is written to the audit trail.
 */
import type { Context, Hono } from "hono";
import { z } from "zod";
import { invitationMail } from "../../auth/mail";
import { COUNCIL_ROLES, can, localDate, ROLE_NAMES, ROLES, type Role, SEAT_ROLES } from "../../auth/policy";
import { AuthError, type GrantRecord } from "../../auth/store";
import { AccessDenied, auth, checkFormToken, formTokenField, requirePermission } from "../../auth/web";
import { toCsv } from "../csv";
import { parseForm } from "../forms/errors";
import { button, errorSummary, errorTitle, type FieldErrors, select, textInput } from "../forms/fields";
import { type Html, html } from "../html";
import type { AccountOptions } from "./account";
import { officePage } from "./routes";

export type AdminOptions = AccountOptions & { committees: () => Promise<{ id: number; name: string }[]> };

const INVITE_TTL = 7 * 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const inviteSchema = z.object({
  name: z.string().trim().min(1, "Enter the person's full name").max(200, "The name must be 200 characters or fewer"),
  email: z
    .string()
    .trim()
    .min(1, "Enter the person's e-mail address")
    .email("Enter an e-mail address in the correct format, like name@example.com"),
});

const grantSchema = z
  .object({
    role: z.enum(ROLES, { message: "Select a role" }),
    committee: z.string().default(""),
    from: z.string().trim().regex(DATE, "Enter the start date as YYYY-MM-DD, for example 2026-05-20"),
    to: z
      .string()
      .trim()
      .regex(/^$|^\d{4}-\d{2}-\d{2}$/, "Enter the end date as YYYY-MM-DD, or leave it empty")
      .default(""),
  })
  .superRefine((v, ctx) => {
    if (SEAT_ROLES.includes(v.role) && !v.committee)
      ctx.addIssue({ code: "custom", path: ["committee"], message: "Select the committee this seat is on" });
    if (COUNCIL_ROLES.includes(v.role) && v.committee)
      ctx.addIssue({
        code: "custom",
        path: ["committee"],
        message: "This role is for the whole council: select “Whole council”",
      });
    if (v.to && v.to < v.from)
      ctx.addIssue({ code: "custom", path: ["to"], message: "The end date must be on or after the start date" });
  });

const table = (caption: string, head: string[], rows: Html[]) =>
  html`<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">${caption}</caption><thead class="govuk-table__head"><tr class="govuk-table__row">${head.map(
    (h) => html`<th scope="col" class="govuk-table__header">${h}</th>`,
  )}</tr></thead><tbody class="govuk-table__body">${rows}</tbody></table>`;

const td = (x: Html | string | number | null) => html`<td class="govuk-table__cell">${x ?? "—"}</td>`;

export function registerAdminRoutes(app: Hono, o: AdminOptions): void {
  const now = () => o.now();
  const committeeNames = async () => new Map((await o.committees()).map((c) => [c.id, c.name]));
  const where = (names: Map<number, string>, id: number | null) =>
    id === null ? "Whole council" : (names.get(id) ?? `Committee ${id}`);
  const status = (g: GrantRecord, today: string) =>
    g.from > today ? "Starts later" : g.to !== null && g.to < today ? "Ended" : "Current";

  // ---- Who holds what

  app.get("/office/admin/people", requirePermission("view", { kind: "accounts" }, { now }), async (c) => {
    const [users, grants, names] = await Promise.all([o.store.users(), o.store.allGrants(), committeeNames()]);
    const today = localDate(now());
    const mayInvite = can(auth(c).principal, "invite", { kind: "accounts" }, now());
    const rows = users.map((u) => {
      const held = grants.filter((g) => g.userId === u.id);
      return html`<tr class="govuk-table__row">${td(html`<a class="govuk-link" href="/office/admin/people/${u.id}">${u.displayName}</a>`)}${td(u.email)}${td(
        held.length
          ? html`<ul class="govuk-list">${held.map((g) => html`<li>${ROLE_NAMES[g.role]}, ${where(names, g.committeeId)} (${status(g, today)})</li>`)}</ul>`
          : "No roles",
      )}</tr>`;
    });
    const body = html`<h1 class="govuk-heading-l">People and roles</h1>
${mayInvite ? html`<p class="govuk-body"><a class="govuk-button" role="button" draggable="false" data-module="govuk-button" href="/office/admin/invite">Invite a person</a></p>` : null}
${table("Everyone with an account", ["Name", "E-mail", "Roles"], rows)}`;
    return c.html(officePage(c, o, { title: "People and roles", body }));
  });

  // ---- Invite

  const inviteView = (c: Context, values: Record<string, string>, errors: FieldErrors) =>
    officePage(c, o, {
      title: errorTitle("Invite a person", errors),
      breadcrumbs: [{ text: "People and roles", href: "/office/admin/people" }],
      body: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${errorSummary(errors, ["name", "email"])}
<h1 class="govuk-heading-l">Invite a person</h1>
<p class="govuk-body">For people who do not sign in with a council account, such as co-opted members. They get an e-mail with a link to choose a password and set up an authenticator app. Give them roles after inviting them.</p>
<form method="post" action="/office/admin/invite" novalidate>
${formTokenField(c, o.secureCookies)}
${textInput({ name: "name", label: "Full name", autocomplete: "off", value: values.name, errors })}
${textInput({ name: "email", label: "E-mail address", type: "email", autocomplete: "off", spellcheck: false, value: values.email, errors })}
${button("Send invitation")}
</form></div></div>`,
    });

  const mayInvite = requirePermission("invite", { kind: "accounts" }, { now });
  app.get("/office/admin/invite", mayInvite, (c) => c.html(inviteView(c, {}, {})));
  app.post("/office/admin/invite", mayInvite, async (c) => {
    const fields = await checkFormToken(c, o.secureCookies);
    const parsed = parseForm(inviteSchema, fields);
    if (!parsed.ok) return c.html(inviteView(c, fields, parsed.errors.fields), 400);
    const t = now();
    const actor = auth(c).user?.id ?? null;
    let userId: number;
    try {
      userId = (await o.store.createLocalAccount({ displayName: parsed.value.name, email: parsed.value.email }, t)).id;
    } catch (e) {
      if (e instanceof AuthError)
        return c.html(inviteView(c, fields, { email: "This e-mail address already has an account" }), 400);
      throw e;
    }
    const token = await o.store.createEmailToken(userId, "invite", t, INVITE_TTL);
    const site = o.origin(c);
    const link = `${site}/account/setup?token=${token}`;
    let sent = false;
    if (o.mailer) {
      await o.mailer.send(
        invitationMail({ to: parsed.value.email.toLowerCase(), name: parsed.value.name, link, site }),
      );
      sent = true;
    }
    await o.store.audit(
      {
        actorId: actor,
        action: "account.invite",
        object: `user:${userId}`,
        detail: { email: parsed.value.email.toLowerCase(), sent },
      },
      t,
    );
    const body = html`<div class="govuk-panel govuk-panel--confirmation"><h1 class="govuk-panel__title">Invitation ${sent ? "sent" : "created"}</h1>
<div class="govuk-panel__body">${parsed.value.name}</div></div>
${
  sent
    ? html`<p class="govuk-body">We have e-mailed ${parsed.value.email} a link that works for 7 days.</p>`
    : html`<p class="govuk-body">This site has no e-mail set up. Give ${parsed.value.name} this link privately; it works once, for 7 days:</p><p class="govuk-body"><code>${link}</code></p>`
}
<p class="govuk-body"><a class="govuk-link" href="/office/admin/people/${userId}">Give ${parsed.value.name} roles</a></p>`;
    return c.html(officePage(c, o, { title: "Invitation sent", body }));
  });

  // ---- One person's grants: grant and end

  const personView = async (c: Context, userId: number, values: Record<string, string>, errors: FieldErrors) => {
    const user = await o.store.user(userId);
    if (!user) return null;
    const [grants, committees] = await Promise.all([o.store.grantsOf(userId), o.committees()]);
    const names = new Map(committees.map((x) => [x.id, x.name]));
    const today = localDate(now());
    const p = auth(c).principal;
    const rows = grants.map((g) => {
      const mayEnd =
        status(g, today) !== "Ended" &&
        can(p, "end", { kind: "role-grant", role: g.role, committeeId: g.committeeId }, now());
      return html`<tr class="govuk-table__row">${td(ROLE_NAMES[g.role])}${td(where(names, g.committeeId))}${td(g.from)}${td(g.to)}${td(
        g.source === "idp" ? "Council sign-in" : "Minutebook",
      )}${td(status(g, today))}${td(
        mayEnd
          ? html`<form method="post" action="/office/admin/grants/${g.id}/end">${formTokenField(c, o.secureCookies)}<input type="hidden" name="on" value="${today}"><button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">End today<span class="govuk-visually-hidden"> (${ROLE_NAMES[g.role]}, ${where(names, g.committeeId)})</span></button></form>`
          : "",
      )}</tr>`;
    });
    return officePage(c, o, {
      title: errorTitle(user.displayName, errors),
      breadcrumbs: [{ text: "People and roles", href: "/office/admin/people" }],
      body: html`${errorSummary(errors, ["role", "committee", "from", "to"])}
<h1 class="govuk-heading-l">${user.displayName}</h1>
<p class="govuk-body">${user.email ?? ""}</p>
${grants.length ? table("Roles", ["Role", "Where", "From", "Until", "Given by", "Status", ""], rows) : html`<p class="govuk-body">No roles yet.</p>`}
<h2 class="govuk-heading-m">Give a role</h2>
<form method="post" action="/office/admin/people/${userId}/grant" novalidate>
${formTokenField(c, o.secureCookies)}
${select({ name: "role", label: "Role", value: values.role, errors, options: [{ value: "", text: "Select a role" }, ...ROLES.map((r) => ({ value: r, text: ROLE_NAMES[r] }))] })}
${select({ name: "committee", label: "Where", hint: "Seats (member, substitute, co-opted, chair) are on one committee; officer roles may be for one committee or all.", value: values.committee, errors, options: [{ value: "", text: "Whole council" }, ...committees.map((x) => ({ value: String(x.id), text: x.name }))] })}
${textInput({ name: "from", label: "From", hint: "For example, 2026-05-20", value: values.from ?? today, width: "10", errors })}
${textInput({ name: "to", label: "Until (optional)", hint: "The last day the role is held. Leave empty if it has no end date yet.", value: values.to, width: "10", errors })}
${button("Give role")}
</form>`,
    });
  };

  const seeAccounts = requirePermission("view", { kind: "accounts" }, { now });
  app.get("/office/admin/people/:id{[0-9]+}", seeAccounts, async (c) => {
    const page = await personView(c, Number(c.req.param("id")), {}, {});
    if (!page) return c.notFound();
    return c.html(page);
  });

  app.post("/office/admin/people/:id{[0-9]+}/grant", seeAccounts, async (c) => {
    const userId = Number(c.req.param("id"));
    const fields = await checkFormToken(c, o.secureCookies);
    const parsed = parseForm(grantSchema, fields);
    if (!parsed.ok) {
      const page = await personView(c, userId, fields, parsed.errors.fields);
      return page ? c.html(page, 400) : c.notFound();
    }
    const committeeId = parsed.value.committee ? Number(parsed.value.committee) : null;
    const role = parsed.value.role as Role;
    const t = now();
    if (!can(auth(c).principal, "grant", { kind: "role-grant", role, committeeId }, t))
      throw new AccessDenied(403, "Your roles do not let you give this role.");
    const g = await o.store.grant(
      { userId, role, committeeId, from: parsed.value.from, to: parsed.value.to || null },
      auth(c).user?.id ?? null,
      t,
    );
    await o.store.audit(
      {
        actorId: auth(c).user?.id ?? null,
        action: "role.grant",
        object: `grant:${g.id}`,
        detail: { userId, role, committeeId, from: g.from, to: g.to },
      },
      t,
    );
    return c.redirect(`/office/admin/people/${userId}`, 303);
  });

  app.post("/office/admin/grants/:id{[0-9]+}/end", seeAccounts, async (c) => {
    const fields = await checkFormToken(c, o.secureCookies);
    const g = await o.store.grantById(Number(c.req.param("id")));
    if (!g) return c.notFound();
    const t = now();
    if (!can(auth(c).principal, "end", { kind: "role-grant", role: g.role, committeeId: g.committeeId }, t))
      throw new AccessDenied(403, "Your roles do not let you end this role.");
    const on = DATE.test(fields.on ?? "") ? fields.on : localDate(t);
    const ended = await o.store.endGrant(g.id, on, auth(c).user?.id ?? null, t);
    await o.store.audit(
      {
        actorId: auth(c).user?.id ?? null,
        action: "role.end",
        object: `grant:${g.id}`,
        detail: { userId: g.userId, role: g.role, committeeId: g.committeeId, to: ended.to },
      },
      t,
    );
    return c.redirect(`/office/admin/people/${g.userId}`, 303);
  });

  // ---- Audit trail

  app.get("/office/audit", requirePermission("view", { kind: "audit" }, { now }), async (c) => {
    const page = Math.max(1, Number(c.req.query("page") ?? "1") || 1);
    const size = 50;
    const [{ items, total }, chain, users] = await Promise.all([
      o.store.auditEntries({ limit: size, offset: (page - 1) * size }),
      o.store.verifyAudit(),
      o.store.users(),
    ]);
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    const rows = items.map(
      (e) =>
        html`<tr class="govuk-table__row">${td(e.seq)}${td(e.at.replace("T", " ").slice(0, 19))}${td(e.actorId === null ? "—" : (names.get(e.actorId) ?? `user ${e.actorId}`))}${td(e.action)}${td(e.object)}${td(html`<code>${e.detail}</code>`)}</tr>`,
    );
    const pages = Math.max(1, Math.ceil(total / size));
    const body = html`<h1 class="govuk-heading-l">Audit trail</h1>
${
  chain.ok
    ? html`<div class="govuk-inset-text">All ${chain.entries} entries check out: each carries the hash of the one before.</div>`
    : html`<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> Entry ${chain.seq} ${chain.problem}. The trail has been changed outside Minutebook.</strong></div>`
}
<p class="govuk-body"><a class="govuk-link" href="/office/audit.csv">Download the whole trail (CSV)</a></p>
${table(`Entries, newest first (page ${page} of ${pages})`, ["No.", "When (UTC)", "Who", "What", "Object", "Detail"], rows)}
<nav class="govuk-pagination" aria-label="Pages"><ul class="govuk-pagination__list">${page > 1 ? html`<li class="govuk-pagination__item"><a class="govuk-link govuk-pagination__link" href="/office/audit?page=${page - 1}">Newer</a></li>` : null}${page < pages ? html`<li class="govuk-pagination__item"><a class="govuk-link govuk-pagination__link" href="/office/audit?page=${page + 1}">Older</a></li>` : null}</ul></nav>`;
    return c.html(officePage(c, o, { title: "Audit trail", body }));
  });

  app.get("/office/audit.csv", requirePermission("export", { kind: "audit" }, { now }), async (c) => {
    const rows: (string | number | null)[][] = [];
    for await (const e of o.store.allAuditEntries())
      rows.push([e.seq, e.at, e.actorId, e.action, e.object, e.detail, e.prevSha256, e.sha256]);
    await o.store.audit(
      { actorId: auth(c).user?.id ?? null, action: "audit.export", object: "audit", detail: { entries: rows.length } },
      now(),
    );
    return c.body(toCsv(["seq", "at", "actor_id", "action", "object", "detail", "prev_sha256", "sha256"], rows), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="audit.csv"',
    });
  });
}
