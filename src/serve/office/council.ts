/**
 * The office pages where democratic services keep the council's structure: the council's name and
 * clear-days policy, committees (kind, parent and receiving bodies, terms of reference, quorum, clerk,
 * webcast), councillors and officers, dated memberships, the meeting calendar (schedule from a municipal
 * year template, move, postpone, cancel, record publication) and the register of interests (entries, and
 * the monitoring officer's approval). Forms are zod schemas from model/office.ts, shown with GOV.UK
 * patterns (error summary, fieldsets, date inputs, radios); every POST carries the form token and every
 * route is guarded through auth/web.ts.
 */
import type { Context, Hono } from "hono";
import { z } from "zod";
import { localDate } from "../../auth/policy";
import { auth, checkFormToken, formTokenField, requirePermission, requireRole } from "../../auth/web";
import {
  COMMITTEE_KIND_LABELS,
  COMMITTEE_KINDS,
  committeeInput,
  councilInput,
  INTEREST_CATEGORIES,
  INTEREST_CATEGORY_LABELS,
  interestInput,
  MEETING_STATUSES,
  meetingInput,
  membershipInput,
  personInput,
} from "../../model/office";
import { scheduleFromTemplate } from "../../office/calendar";
import { longDate } from "../../office/dates";
import type { Repository } from "../../store/repository";
import { StoreError } from "../../store/repository";
import { notFound } from "../errors";
import { parseForm } from "../forms/errors";
import {
  button,
  checkbox,
  dateFrom,
  dateInput,
  errorSummary,
  errorTitle,
  type FieldErrors,
  type Fields,
  radios,
  select,
  textarea,
  textInput,
} from "../forms/fields";
import { type Html, html } from "../html";
import { registerOwnRegisterRoutes } from "./register";
import { type OfficeOptions, officePage } from "./routes";

export type CouncilOfficeOptions = OfficeOptions & { repo: Repository };

const dash = (c: string) =>
  html`<p class="govuk-body"><a class="govuk-link" href="/office/council">Back to the council’s committees</a>${c}</p>`;

// ---- Routes ----------------------------------------------------------------------------------

export function registerCouncilOfficeRoutes(app: Hono, o: CouncilOfficeOptions): void {
  const office = o.repo.office;
  const officer = requireRole("democratic-services", undefined, { now: o.now });
  const membership = requirePermission(
    "manage-membership",
    (c) => ({ kind: "committee", committeeId: Number(c.req.param("id")) }),
    { now: o.now },
  );
  const page = (c: Context, title: string, body: Html, status: 200 | 400 = 200) =>
    c.html(officePage(c, o, { title, body, breadcrumbs: [{ text: "Your office page", href: "/office" }] }), status);
  const token = (c: Context) => formTokenField(c, o.secureCookies);
  const fieldsOf = async (c: Context): Promise<Fields> => checkFormToken(c, o.secureCookies);
  const committeeOr404 = async (c: Context) => {
    const committee = await office.getCommittee(Number(c.req.param("id")));
    if (!committee) throw notFound("There is no such committee.");
    return committee;
  };
  /** Store refusals (a clash, a missing council) are shown as a form error rather than a 500. */
  const attempt = async <T>(fn: () => Promise<T>): Promise<{ ok: T } | { error: string }> => {
    try {
      return { ok: await fn() };
    } catch (e) {
      if (e instanceof StoreError) return { error: e.message };
      throw e;
    }
  };

  // The council's own page: what it keeps, and where to start.
  app.get("/office/council", officer, async (c) => {
    const council = await office.council();
    const committees = (await office.listCommittees()).filter((x) => x.kept);
    const people = await office.listPeople();
    const body = html`<h1 class="govuk-heading-l">The council’s committees${council ? html`<span class="govuk-caption-m">${council.name} (${council.policy === "parish" ? "parish council: 3 clear days under s243" : "principal council: 5 clear days"})</span>` : null}</h1>
<p class="govuk-body"><a class="govuk-link" href="/office/council/settings">${council ? "Change the council’s name or notice rules" : "Name the council first"}</a></p>
<h2 class="govuk-heading-m">Committees</h2>
${committees.length ? html`<ul class="govuk-list">${committees.map((x) => html`<li><a class="govuk-link" href="/office/committees/${x.id}">${x.name}</a></li>`)}</ul>` : html`<p class="govuk-body">None yet.</p>`}
<p class="govuk-body"><a class="govuk-button govuk-button--secondary" href="/office/committees/new">Add a committee</a></p>
<h2 class="govuk-heading-m">Councillors and officers</h2>
${people.length ? html`<ul class="govuk-list">${people.map((p) => html`<li>${p.name} <span class="govuk-body-s">(${p.kind === "officer" ? (p.jobTitle ?? "officer") : [p.ward, p.party].filter(Boolean).join(", ") || "councillor"})</span>${p.kind === "councillor" ? html` · <a class="govuk-link" href="/office/people/${p.id}/interests">register of interests</a>` : null}</li>`)}</ul>` : html`<p class="govuk-body">None yet.</p>`}
<p class="govuk-body"><a class="govuk-button govuk-button--secondary" href="/office/people/new">Add a councillor or officer</a></p>
<p class="govuk-body"><a class="govuk-link" href="/office/interests">Register entries awaiting approval</a></p>`;
    return page(c, "The council’s committees", body);
  });

  // ---- Council settings
  const settingsForm = (c: Context, v: Fields, errors: FieldErrors) =>
    page(
      c,
      errorTitle("The council", errors),
      html`${errorSummary(errors, ["name", "policy"])}<h1 class="govuk-heading-l">The council</h1>
<form method="post" novalidate>${token(c)}
${textInput({ name: "name", label: "Council name", value: v.name, errors, hint: "As printed on its papers, for example Borsetshire County Council" })}
${radios(
  "policy",
  "How clear days are counted",
  [
    { value: "principal", text: "Principal council: 5 clear days, not counting weekends and bank holidays" },
    { value: "parish", text: "Parish, town or community council: 3 clear days, under section 243" },
  ],
  v.policy ?? "",
  errors,
)}
${button("Save")}</form>${dash("")}`,
      Object.keys(errors).length ? 400 : 200,
    );
  app.get("/office/council/settings", officer, async (c) => {
    const council = await office.council();
    return settingsForm(c, council ? { name: council.name, policy: council.policy } : {}, {});
  });
  app.post("/office/council/settings", officer, async (c) => {
    const v = await fieldsOf(c);
    const parsed = parseForm(councilInput, v);
    if (!parsed.ok) return settingsForm(c, v, parsed.errors.fields);
    await office.setCouncil(parsed.value);
    return c.redirect("/office/council", 303);
  });

  // ---- Committees
  const committeeForm = async (c: Context, v: Fields, errors: FieldErrors, id?: number) => {
    const all = (await office.listCommittees()).filter((x) => x.kept && x.id !== id);
    const officers = await office.listPeople({ kind: "officer" });
    const receivers = new Set((v.receiverIds ?? "").split(",").filter(Boolean));
    return page(
      c,
      errorTitle(id ? "Change a committee" : "Add a committee", errors),
      html`${errorSummary(errors, ["name", "kind", "quorum", "webcastUrl"])}<h1 class="govuk-heading-l">${id ? "Change a committee" : "Add a committee"}</h1>
<form method="post" novalidate>${token(c)}
${textInput({ name: "name", label: "Name", value: v.name, errors, hint: "As printed on its agendas" })}
${select({ name: "kind", label: "Kind of committee", value: v.kind, errors, options: [{ value: "", text: "Choose" }, ...COMMITTEE_KINDS.map((k) => ({ value: k, text: COMMITTEE_KIND_LABELS[k] }))] })}
${select({ name: "parentId", label: "Part of (parent body)", value: v.parentId, errors, options: [{ value: "", text: "None" }, ...all.map((x) => ({ value: String(x.id), text: x.name }))] })}
${all.length ? html`<div class="govuk-form-group"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Reports to (receiving bodies)</legend><div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">${all.map((x, i) => html`<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="receiver-${i}" name="receiver" type="checkbox" value="${x.id}"${receivers.has(String(x.id)) ? html` checked` : null}><label class="govuk-label govuk-checkboxes__label" for="receiver-${i}">${x.name}</label></div>`)}</div></fieldset></div>` : null}
${textarea("termsOfReference", "Terms of reference", v.termsOfReference ?? "", errors)}
${textInput({ name: "quorum", label: "Quorum", value: v.quorum, errors, width: "3", inputmode: "numeric", hint: "The number of members needed for the meeting to do business" })}
${select({ name: "clerkId", label: "Clerk", value: v.clerkId, errors, options: [{ value: "", text: "None" }, ...officers.map((p) => ({ value: String(p.id), text: p.name }))] })}
${textInput({ name: "webcastUrl", label: "Webcast address", value: v.webcastUrl, errors, type: "url" })}
${button("Save committee")}</form>${dash("")}`,
      Object.keys(errors).length ? 400 : 200,
    );
  };
  const committeeFields = async (c: Context) => {
    const body = await c.req.parseBody({ all: true });
    const v = await fieldsOf(c);
    const r = body.receiver;
    v.receiverIds = (Array.isArray(r) ? r : r ? [r] : []).map(String).join(",");
    return v;
  };
  const saveCommittee = async (c: Context, id?: number) => {
    const v = await committeeFields(c);
    const parsed = parseForm(committeeInput, { ...v, receiverIds: v.receiverIds ? v.receiverIds.split(",") : [] });
    if (!parsed.ok) return committeeForm(c, v, parsed.errors.fields, id);
    const saved = await attempt(() => office.saveCommittee(parsed.value, id));
    if ("error" in saved) return committeeForm(c, v, { name: saved.error }, id);
    return c.redirect(`/office/committees/${saved.ok}`, 303);
  };
  app.get("/office/committees/new", officer, (c) => committeeForm(c, {}, {}));
  app.post("/office/committees/new", officer, (c) => saveCommittee(c));
  app.get("/office/committees/:id/edit", officer, async (c) => {
    const x = await committeeOr404(c);
    return committeeForm(
      c,
      {
        name: x.name,
        kind: x.kind ?? "",
        parentId: x.parent ? String(x.parent.id) : "",
        receiverIds: x.receivers.map((r) => r.id).join(","),
        termsOfReference: x.termsOfReference,
        quorum: x.quorum === null ? "" : String(x.quorum),
        clerkId: x.clerk ? String(x.clerk.id) : "",
        webcastUrl: x.webcastUrl ?? "",
      },
      {},
      x.id,
    );
  });
  app.post("/office/committees/:id/edit", officer, async (c) => saveCommittee(c, (await committeeOr404(c)).id));

  app.get("/office/committees/:id", membership, async (c) => {
    const x = await committeeOr404(c);
    const seats = await office.seats({ committeeId: x.id });
    const meetings = await office.calendar({ committeeId: x.id });
    const body = html`<h1 class="govuk-heading-l">${x.name}</h1>
<p class="govuk-body"><a class="govuk-link" href="/office/committees/${x.id}/edit">Change the committee’s details</a> · <a class="govuk-link" href="/council/committees/${x.id}">Public page</a></p>
<h2 class="govuk-heading-m">Memberships</h2>
${seats.length ? html`<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Memberships</caption><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Role</th><th scope="col" class="govuk-table__header">From</th><th scope="col" class="govuk-table__header">Until</th></tr></thead><tbody class="govuk-table__body">${seats.map((s) => html`<tr class="govuk-table__row"><td class="govuk-table__cell">${s.person.name}</td><td class="govuk-table__cell">${[s.position, s.role, s.role === "co-opted" && !s.voting ? "non-voting" : null].filter(Boolean).join(", ")}</td><td class="govuk-table__cell">${longDate(s.from)}</td><td class="govuk-table__cell">${s.to ? longDate(s.to) : "—"}</td></tr>`)}</tbody></table>` : html`<p class="govuk-body">No members yet.</p>`}
<p class="govuk-body"><a class="govuk-button govuk-button--secondary" href="/office/committees/${x.id}/members/new">Add a member</a></p>
<h2 class="govuk-heading-m">Meetings</h2>
${meetings.length ? html`<ul class="govuk-list">${meetings.map((m) => html`<li><a class="govuk-link" href="/office/meetings/${m.meetingId}">${m.date ? longDate(m.date) : "no date"}</a> — ${m.status}${m.start ? `, ${m.start}` : ""}</li>`)}</ul>` : html`<p class="govuk-body">None yet.</p>`}
<p class="govuk-body"><a class="govuk-button govuk-button--secondary" href="/office/committees/${x.id}/meetings/new">Schedule a meeting</a> <a class="govuk-button govuk-button--secondary" href="/office/committees/${x.id}/meetings/template">Schedule a municipal year</a></p>
${dash("")}`;
    return page(c, x.name, body);
  });

  // ---- Memberships
  const memberForm = async (c: Context, committeeId: number, v: Fields, errors: FieldErrors) => {
    const x = (await office.getCommittee(committeeId))!;
    const people = await office.listPeople();
    const meetings = await office.calendar({ committeeId });
    return page(
      c,
      errorTitle(`Add a member to ${x.name}`, errors),
      html`${errorSummary(errors, ["personId", "role", "from", "to"])}<h1 class="govuk-heading-l">Add a member<span class="govuk-caption-m">${x.name}</span></h1>
<form method="post" novalidate>${token(c)}
${select({ name: "personId", label: "Person", value: v.personId, errors, options: [{ value: "", text: "Choose" }, ...people.map((p) => ({ value: String(p.id), text: p.name }))] })}
${radios(
  "role",
  "Seat",
  [
    { value: "member", text: "Member" },
    { value: "substitute", text: "Substitute" },
    { value: "co-opted", text: "Co-opted member" },
  ],
  v.role ?? "",
  errors,
)}
${checkbox("voting", "A co-opted member with a vote", v.voting === "on")}
${radios(
  "position",
  "Position",
  [
    { value: "", text: "None" },
    { value: "chair", text: "Chair" },
    { value: "vice-chair", text: "Vice-chair" },
  ],
  v.position ?? "",
  errors,
)}
${dateInput("from", "First day of the appointment", v, errors, "For example, 20 5 2026")}
${dateInput("to", "Last day (leave empty if open-ended)", v, errors)}
${select({ name: "appointedAtMeetingId", label: "Appointed at the meeting of", value: v.appointedAtMeetingId, errors, options: [{ value: "", text: "Not recorded" }, ...meetings.map((m) => ({ value: String(m.meetingId), text: `${m.committee.name}, ${m.date ? longDate(m.date) : "no date"}` }))] })}
${button("Add member")}</form><p class="govuk-body"><a class="govuk-link" href="/office/committees/${committeeId}">Back to ${x.name}</a></p>`,
      Object.keys(errors).length ? 400 : 200,
    );
  };
  app.get("/office/committees/:id/members/new", membership, async (c) =>
    memberForm(c, (await committeeOr404(c)).id, {}, {}),
  );
  app.post("/office/committees/:id/members/new", membership, async (c) => {
    const id = (await committeeOr404(c)).id;
    const v = await fieldsOf(c);
    const input = {
      ...v,
      committeeId: id,
      from: dateFrom(v, "from"),
      to: dateFrom(v, "to") || null,
      voting: v.voting === "on",
      position: v.position || null,
      appointedAtMeetingId: v.appointedAtMeetingId || null,
    };
    const parsed = parseForm(membershipInput, input);
    if (!parsed.ok) {
      const errors = parsed.errors.fields;
      if (errors.from && !input.from) errors.from = "Enter the first day of the appointment";
      return memberForm(c, id, v, errors);
    }
    const saved = await attempt(() => office.addMembership(parsed.value));
    if ("error" in saved) return memberForm(c, id, v, { position: saved.error });
    return c.redirect(`/office/committees/${id}`, 303);
  });

  // ---- People
  const personForm = (c: Context, v: Fields, errors: FieldErrors) =>
    page(
      c,
      errorTitle("Add a councillor or officer", errors),
      html`${errorSummary(errors, ["kind", "name", "email", "termStart", "termEnd"])}<h1 class="govuk-heading-l">Add a councillor or officer</h1>
<form method="post" novalidate>${token(c)}
${radios(
  "kind",
  "This person is",
  [
    { value: "councillor", text: "A councillor" },
    { value: "officer", text: "An officer of the council" },
  ],
  v.kind ?? "",
  errors,
)}
${textInput({ name: "name", label: "Name", value: v.name, errors, hint: "With the title the council prints, for example Mrs Alice Archer" })}
${textInput({ name: "ward", label: "Ward or division (councillors)", value: v.ward, errors })}
${textInput({ name: "party", label: "Party or group (councillors)", value: v.party, errors })}
${textInput({ name: "jobTitle", label: "Job title (officers)", value: v.jobTitle, errors })}
${textInput({ name: "email", label: "Email", value: v.email, errors, type: "email", autocomplete: "off", spellcheck: false })}
${textInput({ name: "phone", label: "Telephone", value: v.phone, errors, type: "tel" })}
${textInput({ name: "photoUrl", label: "Photograph address", value: v.photoUrl, errors })}
${dateInput("termStart", "Term of office began (took office)", v, errors)}
${dateInput("termEnd", "Term of office ends", v, errors)}
${button("Save")}</form>${dash("")}`,
      Object.keys(errors).length ? 400 : 200,
    );
  app.get("/office/people/new", officer, (c) => personForm(c, {}, {}));
  app.post("/office/people/new", officer, async (c) => {
    const v = await fieldsOf(c);
    const parsed = parseForm(personInput, {
      ...v,
      termStart: dateFrom(v, "termStart") || null,
      termEnd: dateFrom(v, "termEnd") || null,
    });
    if (!parsed.ok) return personForm(c, v, parsed.errors.fields);
    const saved = await attempt(() => office.savePerson(parsed.value));
    if ("error" in saved) return personForm(c, v, { name: saved.error });
    return c.redirect("/office/council", 303);
  });

  // ---- Calendar
  const meetingForm = async (c: Context, committeeId: number, v: Fields, errors: FieldErrors) => {
    const x = (await office.getCommittee(committeeId))!;
    return page(
      c,
      errorTitle(`Schedule a meeting of ${x.name}`, errors),
      html`${errorSummary(errors, ["date", "start", "end"])}<h1 class="govuk-heading-l">Schedule a meeting<span class="govuk-caption-m">${x.name}</span></h1>
<form method="post" novalidate>${token(c)}
${dateInput("date", "Date", v, errors)}
${textInput({ name: "start", label: "Starts at", value: v.start, errors, width: "5", hint: "24-hour clock, for example 14:00" })}
${textInput({ name: "end", label: "Expected to end at", value: v.end, errors, width: "5" })}
${textInput({ name: "location", label: "Place", value: v.location, errors })}
${button("Schedule")}</form><p class="govuk-body"><a class="govuk-link" href="/office/committees/${committeeId}">Back to ${x.name}</a></p>`,
      Object.keys(errors).length ? 400 : 200,
    );
  };
  app.get("/office/committees/:id/meetings/new", membership, async (c) =>
    meetingForm(c, (await committeeOr404(c)).id, {}, {}),
  );
  app.post("/office/committees/:id/meetings/new", membership, async (c) => {
    const id = (await committeeOr404(c)).id;
    const v = await fieldsOf(c);
    const parsed = parseForm(meetingInput, {
      ...v,
      committeeId: id,
      date: dateFrom(v, "date"),
      start: v.start || null,
      end: v.end || null,
    });
    if (!parsed.ok) return meetingForm(c, id, v, parsed.errors.fields);
    await office.scheduleMeeting(parsed.value);
    return c.redirect(`/office/committees/${id}`, 303);
  });

  const templateSchema = z.object({
    year: z.coerce
      .number()
      .int()
      .min(1990, "Enter the year the municipal year starts")
      .max(2040, "Enter a year up to 2040"),
    weekday: z.coerce.number().int().min(1, "Choose a day").max(5, "Choose a day"),
    week: z.coerce
      .number()
      .int()
      .refine((w) => [1, 2, 3, 4, -1].includes(w), "Choose which week"),
    months: z.array(z.coerce.number().int().min(1).max(12)).min(1, "Choose at least one month"),
    start: z
      .string()
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time like 10:00"),
  });
  const templateForm = async (c: Context, committeeId: number, v: Fields, errors: FieldErrors) => {
    const x = (await office.getCommittee(committeeId))!;
    const months = new Set((v.months ?? "").split(",").filter(Boolean));
    const names = [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ];
    return page(
      c,
      errorTitle(`Schedule a municipal year for ${x.name}`, errors),
      html`${errorSummary(errors, ["year", "weekday", "week", "months", "start"])}<h1 class="govuk-heading-l">Schedule a municipal year<span class="govuk-caption-m">${x.name}</span></h1>
<p class="govuk-body">Meetings fall on the chosen day of each chosen month from May to April; one that lands on a bank holiday moves to the next working day.</p>
<form method="post" novalidate>${token(c)}
${textInput({ name: "year", label: "Municipal year starting in May of", value: v.year, errors, width: "4", inputmode: "numeric" })}
${select({
  name: "week",
  label: "Which week",
  value: v.week,
  errors,
  options: [
    { value: "", text: "Choose" },
    { value: "1", text: "First" },
    { value: "2", text: "Second" },
    { value: "3", text: "Third" },
    { value: "4", text: "Fourth" },
    { value: "-1", text: "Last" },
  ],
})}
${select({ name: "weekday", label: "Day", value: v.weekday, errors, options: [{ value: "", text: "Choose" }, ...["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"].map((d, i) => ({ value: String(i + 1), text: d }))] })}
<div class="govuk-form-group${errors.months ? " govuk-form-group--error" : ""}"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Months</legend>${errors.months ? html`<p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${errors.months}</p>` : null}<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">${names.map((n, i) => html`<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="${i === 0 ? "months" : `months-${i}`}" name="month" type="checkbox" value="${i + 1}"${months.has(String(i + 1)) ? html` checked` : null}><label class="govuk-label govuk-checkboxes__label" for="${i === 0 ? "months" : `months-${i}`}">${n}</label></div>`)}</div></fieldset></div>
${textInput({ name: "start", label: "Starts at", value: v.start, errors, width: "5" })}
${button("Schedule the year")}</form>`,
      Object.keys(errors).length ? 400 : 200,
    );
  };
  app.get("/office/committees/:id/meetings/template", membership, async (c) =>
    templateForm(c, (await committeeOr404(c)).id, {}, {}),
  );
  app.post("/office/committees/:id/meetings/template", membership, async (c) => {
    const id = (await committeeOr404(c)).id;
    const body = await c.req.parseBody({ all: true });
    const v = await fieldsOf(c);
    const m = body.month;
    v.months = (Array.isArray(m) ? m : m ? [m] : []).map(String).join(",");
    const parsed = parseForm(templateSchema, { ...v, months: v.months ? v.months.split(",") : [] });
    if (!parsed.ok) return templateForm(c, id, v, parsed.errors.fields);
    const t = parsed.value;
    const existing = new Set((await office.calendar({ committeeId: id })).map((e) => e.date));
    for (const date of scheduleFromTemplate({ weekday: t.weekday, week: t.week, months: t.months }, t.year))
      if (!existing.has(date))
        await office.scheduleMeeting(meetingInput.parse({ committeeId: id, date, start: t.start }));
    return c.redirect(`/office/committees/${id}`, 303);
  });

  const meetingChange = z.object({
    status: z.enum(MEETING_STATUSES, { message: "Choose the meeting’s status" }),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a real date"),
    start: z
      .string()
      .trim()
      .regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/, "Enter a time like 14:00"),
    end: z
      .string()
      .trim()
      .regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/, "Enter a time like 16:00"),
    location: z.string().trim().max(300),
    note: z.string().trim().max(2000),
  });
  const meetingOr404 = async (c: Context) => {
    const m = await office.meeting(Number(c.req.param("mid")));
    if (!m?.kept) throw notFound("That meeting is not in the calendar.");
    return m;
  };
  const changeForm = async (c: Context, meetingId: number, v: Fields, errors: FieldErrors) => {
    const m = (await office.meeting(meetingId))!;
    return page(
      c,
      errorTitle(`Meeting of ${m.committee.name}`, errors),
      html`${errorSummary(errors, ["status", "date", "start", "end"])}<h1 class="govuk-heading-l">${m.committee.name}<span class="govuk-caption-m">${m.date ? longDate(m.date) : ""}</span></h1>
<ul class="govuk-list">
<li><a class="govuk-link" href="/office/meetings/${meetingId}/agenda">Agenda and pack</a>: reports, numbering, publishing the pack and supplements</li>
${m.status === "held" || (m.date && m.date <= localDate(o.now())) ? html`<li><a class="govuk-link" href="/office/meetings/${meetingId}/minutes">Minutes</a>: attendance, resolutions, decisions, publishing and signing</li>` : null}
<li><a class="govuk-link" href="/meetings/${meetingId}">The public page of this meeting</a></li>
</ul>
${m.publishedAt ? html`<p class="govuk-body">Notice and papers published ${new Date(m.publishedAt).toLocaleString("en-GB", { timeZone: "Europe/London" })}.</p>` : html`<form method="post" action="/office/meetings/${meetingId}/published">${token(c)}${button("Record that the notice and papers are published now", true)}</form>`}
<form method="post" novalidate>${token(c)}
${radios(
  "status",
  "Status",
  MEETING_STATUSES.map((s) => ({ value: s, text: s[0].toUpperCase() + s.slice(1) })),
  v.status ?? "",
  errors,
)}
${dateInput("date", "Date (change it to move the meeting)", v, errors)}
${textInput({ name: "start", label: "Starts at", value: v.start, errors, width: "5" })}
${textInput({ name: "end", label: "Expected to end at", value: v.end, errors, width: "5" })}
${textInput({ name: "location", label: "Place", value: v.location, errors })}
${textarea("note", "Note for the public (for example why it was cancelled)", v.note ?? "", errors)}
${button("Save")}</form><p class="govuk-body"><a class="govuk-link" href="/office/committees/${m.committee.id}">Back to ${m.committee.name}</a></p>`,
      Object.keys(errors).length ? 400 : 200,
    );
  };
  const meetingGuard = requirePermission(
    "manage-membership",
    async (c) => ({
      kind: "committee",
      committeeId: (await office.meeting(Number(c.req.param("mid"))))?.committee.id ?? 0,
    }),
    { now: o.now },
  );
  app.get("/office/meetings/:mid", meetingGuard, async (c) => {
    const m = await meetingOr404(c);
    const [y, mo, d] = (m.date ?? "").split("-");
    return changeForm(
      c,
      m.meetingId,
      {
        status: m.status,
        "date-day": d ?? "",
        "date-month": mo ?? "",
        "date-year": y ?? "",
        start: m.start ?? "",
        end: m.end ?? "",
        location: m.location ?? "",
        note: m.note ?? "",
      },
      {},
    );
  });
  app.post("/office/meetings/:mid", meetingGuard, async (c) => {
    const m = await meetingOr404(c);
    const v = await fieldsOf(c);
    const parsed = parseForm(meetingChange, {
      ...v,
      date: dateFrom(v, "date"),
      start: v.start ?? "",
      end: v.end ?? "",
      location: v.location ?? "",
      note: v.note ?? "",
    });
    if (!parsed.ok) return changeForm(c, m.meetingId, v, parsed.errors.fields);
    const p = parsed.value;
    const moved = p.date !== m.date;
    const done = await attempt(() =>
      office.updateMeeting(m.meetingId, {
        date: p.date,
        status: moved && p.status === m.status ? "moved" : p.status,
        start: p.start || null,
        end: p.end || null,
        location: p.location || null,
        note: p.note || null,
      }),
    );
    if ("error" in done) return changeForm(c, m.meetingId, v, { date: done.error });
    return c.redirect(`/office/committees/${m.committee.id}`, 303);
  });
  app.post("/office/meetings/:mid/published", meetingGuard, async (c) => {
    const m = await meetingOr404(c);
    await fieldsOf(c);
    await office.markPublished(m.meetingId, o.now());
    return c.redirect(`/office/meetings/${m.meetingId}`, 303);
  });

  // ---- Register of interests
  const interestForm = async (c: Context, personId: number, v: Fields, errors: FieldErrors) => {
    const p = (await office.getPerson(personId))!;
    const entries = await office.interests(personId, "office");
    return page(
      c,
      errorTitle(`Register of interests: ${p.name}`, errors),
      html`${errorSummary(errors, ["category", "description", "submittedOn"])}<h1 class="govuk-heading-l">Register of interests<span class="govuk-caption-m">${p.name}</span></h1>
${entries.length ? html`<ul class="govuk-list govuk-list--bullet">${entries.map((i) => html`<li>${INTEREST_CATEGORY_LABELS[i.category]}: ${i.description}${i.sensitive ? " (sensitive: withheld from the public register)" : ""} — ${i.approvedAt ? "approved" : "awaiting the monitoring officer"}</li>`)}</ul>` : null}
<h2 class="govuk-heading-m">Add an entry</h2>
<form method="post" novalidate>${token(c)}
${select({ name: "category", label: "Kind of interest", value: v.category, errors, options: [{ value: "", text: "Choose" }, ...INTEREST_CATEGORIES.map((k) => ({ value: k, text: INTEREST_CATEGORY_LABELS[k] }))] })}
${textarea("description", "The interest", v.description ?? "", errors)}
${checkbox("sensitive", "Sensitive: disclosure could lead to violence or intimidation (withheld from the public register)", v.sensitive === "on")}
${dateInput("submittedOn", "Date notified", v, errors)}
${button("Add entry")}</form>
<p class="govuk-body"><a class="govuk-link" href="/office/people/${personId}/account">Link ${p.name}’s sign-in account</a> so they keep their own register.</p>${dash("")}`,
      Object.keys(errors).length ? 400 : 200,
    );
  };
  const personOr404 = async (c: Context) => {
    const p = await office.getPerson(Number(c.req.param("id")));
    if (!p?.kind) throw notFound("There is no such person.");
    return p;
  };
  app.get("/office/people/:id/interests", officer, async (c) => interestForm(c, (await personOr404(c)).id, {}, {}));
  app.post("/office/people/:id/interests", officer, async (c) => {
    const id = (await personOr404(c)).id;
    const v = await fieldsOf(c);
    const parsed = parseForm(interestInput, {
      ...v,
      personId: id,
      submittedOn: dateFrom(v, "submittedOn"),
      sensitive: v.sensitive === "on",
    });
    if (!parsed.ok) return interestForm(c, id, v, parsed.errors.fields);
    await office.addInterest(parsed.value);
    return c.redirect(`/office/people/${id}/interests`, 303);
  });
  const mo = requireRole("monitoring-officer", undefined, { now: o.now });
  app.get("/office/interests", mo, async (c) => {
    const pending = await office.pendingInterests();
    return page(
      c,
      "Register entries awaiting approval",
      html`<h1 class="govuk-heading-l">Register entries awaiting approval</h1>
${pending.length ? pending.map((i) => html`<div class="govuk-summary-card"><div class="govuk-summary-card__title-wrapper"><h2 class="govuk-summary-card__title">${i.personName}: ${INTEREST_CATEGORY_LABELS[i.category]}</h2></div><div class="govuk-summary-card__content">${i.endsOnly ? html`<p class="govuk-body"><strong>Notice that this entry has ended:</strong> ${i.replaces?.description ?? ""}</p>` : html`<p class="govuk-body">${i.description}${i.sensitive ? " (sensitive)" : ""}</p>${i.replaces ? html`<p class="govuk-body-s">Replaces: ${i.replaces.description}</p>` : null}`}<p class="govuk-body-s">Notified ${longDate(i.submittedOn)}</p><form method="post" action="/office/interests/${i.id}/approve">${token(c)}${button("Approve")}</form></div></div>`) : html`<p class="govuk-body">Nothing is waiting.</p>`}`,
    );
  });
  app.post("/office/interests/:iid/approve", mo, async (c) => {
    await fieldsOf(c);
    await office.approveInterest(
      Number(c.req.param("iid")),
      auth(c).user?.displayName ?? "Monitoring officer",
      o.now(),
    );
    return c.redirect("/office/interests", 303);
  });
  registerOwnRegisterRoutes(app, o);
}
