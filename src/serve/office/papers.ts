/**
 * Confidential papers for those entitled: /office/papers lists the exempt items the signed-in person
 * may open today (their committees' while they hold the seat; an officer's committees; everything for
 * the monitoring officer), and /office/exempt/:id shows one, marked with the reader's name and the
 * time. Both read only through auth/exempt.ts, so the policy decides and every opening is audited; so is
 * every refusal, the public's (refused by the route guard, before the store is asked) included.
 * Never cached by anyone (private, no-store) and never linked from a public page.
 */
import type { Hono } from "hono";
import { ExemptStore } from "../../auth/exempt";
import { AccessDenied, auth, requireSignIn, requireSignInAudited } from "../../auth/web";
import { html } from "../html";
import type { AdminOptions } from "./admin";
import { officePage } from "./routes";

const PARAGRAPH_NAMES: Record<number, string> = {
  1: "information relating to any individual",
  2: "information likely to reveal the identity of an individual",
  3: "information relating to the financial or business affairs of any particular person",
  4: "information relating to consultations or negotiations in connection with labour relations",
  5: "information in respect of which a claim to legal professional privilege could be maintained",
  6: "information revealing that the authority proposes to give a notice or make an order or direction",
  7: "information relating to the prevention, investigation or prosecution of crime",
};

export function registerPaperRoutes(app: Hono, o: AdminOptions): void {
  const vault = new ExemptStore(o.store.db, o.store);
  const paragraphs = (ps: number[]) =>
    ps.length
      ? ps.map((p) => `paragraph ${p}${PARAGRAPH_NAMES[p] ? ` (${PARAGRAPH_NAMES[p]})` : ""}`).join("; ")
      : "paragraph not stated";

  app.get("/office/papers", requireSignIn, async (c) => {
    const a = auth(c);
    const now = o.now();
    const items = await vault.itemsFor(a.principal, now);
    const names = new Map((await o.committees()).map((x) => [x.id, x.name]));
    const rows = items.map(
      (i) =>
        html`<tr class="govuk-table__row"><td class="govuk-table__cell">${i.meetingDate ?? "—"}</td><td class="govuk-table__cell">${names.get(i.committeeId) ?? `Committee ${i.committeeId}`}</td><td class="govuk-table__cell"><a class="govuk-link" href="/office/exempt/${i.id}">${i.title}</a></td><td class="govuk-table__cell">${i.paragraphs.join(", ") || "—"}</td></tr>`,
    );
    const body = html`<h1 class="govuk-heading-l">Confidential papers</h1>
<p class="govuk-body">Exempt items (Local Government Act 1972, Schedule 12A) you may read today. Opening one is recorded.</p>
${
  rows.length
    ? html`<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Exempt items you may read</caption><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Meeting</th><th scope="col" class="govuk-table__header">Committee</th><th scope="col" class="govuk-table__header">Item</th><th scope="col" class="govuk-table__header">Schedule 12A paragraphs</th></tr></thead><tbody class="govuk-table__body">${rows}</tbody></table>`
    : html`<p class="govuk-body">There are no confidential papers for you today.</p>`
}`;
    return c.html(officePage(c, o, { title: "Confidential papers", body }), 200, {
      "Cache-Control": "private, no-store",
    });
  });

  // The public's requests are refused here, before the exempt store is asked, and logged like its own refusals.
  const signedInOrLogged = requireSignInAudited(async (c) => {
    await o.store.audit(
      {
        actorId: null,
        action: "exempt.refused",
        object: `exempt-item:${Number(c.req.param("id"))}`,
        detail: { how: "view", reason: "not signed in" },
      },
      o.now(),
    );
  });

  app.get("/office/exempt/:id{[0-9]+}", signedInOrLogged, async (c) => {
    const a = auth(c);
    const now = o.now();
    const r = await vault.open(a.principal, Number(c.req.param("id")), now);
    if (!r.ok) {
      if (r.reason === "missing") return c.notFound();
      throw new AccessDenied(
        403,
        "This is an exempt item. Only the committee's members and officers, and the monitoring officer, may read it.",
      );
    }
    const x = r.content;
    const committee = (await o.committees()).find((k) => k.id === x.committeeId)?.name ?? `Committee ${x.committeeId}`;
    const body = html`<span class="govuk-caption-l">${committee}, ${x.meetingDate ?? "date not known"}</span>
<h1 class="govuk-heading-l">${x.title}</h1>
<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> Not for publication: exempt under ${paragraphs(x.paragraphs)} of Schedule 12A. Shown to ${a.user?.displayName ?? ""} on ${now.toISOString().slice(0, 16).replace("T", " ")} UTC; this opening is recorded.</strong></div>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Document</dt><dd class="govuk-summary-list__value">${x.documentName}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Version</dt><dd class="govuk-summary-list__value"><code>${x.version.slice(0, 12)}</code></dd></div>
</dl>
<div class="minutebook-exempt-text">${x.body
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => html`<p class="govuk-body">${l}</p>`)}</div>`;
    return c.html(
      officePage(c, o, {
        title: x.title,
        body,
        breadcrumbs: [{ text: "Confidential papers", href: "/office/papers" }],
      }),
      200,
      { "Cache-Control": "private, no-store" },
    );
  });
}
