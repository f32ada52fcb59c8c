/**
 * GOV.UK form markup for every form the site serves (office, account, sign-in): the error summary that
 * links to each field, the page title prefixed "Error: ", and the components that show a field's message
 * and keep what was typed after a failed submission: text input, textarea, select, radios, checkbox, date
 * input and button. Markup follows GOV.UK Frontend's components as documented (its Nunjucks macros do not
 * run here, so the HTML is written out; the class names and ARIA wiring are theirs).
 *
 * Validation lives beside it in `errors.ts` (`parseForm`): a zod schema's failures become the
 * `FieldErrors` these helpers take.
 *
 *   const r = parseForm(schema, fields);
 *   const errors = r.ok ? {} : r.errors.fields;
 *   html`${errorSummary(errors, ["name", "date"])} … ${textInput({ name: "name", label: "Name", value, errors })}`
 */
import { type Html, html } from "../html";
import type { FieldErrors } from "./errors";

export type { FieldErrors } from "./errors";

/** What the person typed, by field name, shown again after a failed submission. */
export type Fields = Record<string, string>;

/** "Error: " goes before the page title when the form has errors (GOV.UK pattern). */
export const errorTitle = (title: string, errors: FieldErrors) =>
  Object.keys(errors).length ? `Error: ${title}` : title;

/** The id a field's error links to: the field name, dots as dashes (`members.2.name` → `members-2-name`). */
export const fieldId = (name: string) => name.replaceAll(".", "-");

/**
 * The GOV.UK error summary: "There is a problem" and a link to each field with an error, in `order`
 * (the order of the fields on the page), then any others. Null when there are no errors.
 */
export function errorSummary(errors: FieldErrors, order: string[] = Object.keys(errors)): Html | null {
  const keys = order.filter((k) => errors[k]).concat(Object.keys(errors).filter((k) => !order.includes(k)));
  if (!keys.length) return null;
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">${keys.map(
    (k) => html`<li><a href="#${fieldId(k) || "main-content"}">${errors[k]}</a></li>`,
  )}</ul></div></div></div>`;
}

const errorMessage = (id: string, error: string | undefined) =>
  error
    ? html`<p id="${id}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error}</p>`
    : null;
const hintOf = (id: string, hint: string | undefined) =>
  hint ? html`<div id="${id}-hint" class="govuk-hint">${hint}</div>` : null;
const describedBy = (id: string, hint: string | undefined, error: string | undefined) => {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return ids ? html` aria-describedby="${ids}"` : null;
};
const group = (error: string | undefined) => `govuk-form-group${error ? " govuk-form-group--error" : ""}`;

export type InputOptions = {
  name: string;
  label: string;
  value?: string;
  errors: FieldErrors;
  type?: string;
  autocomplete?: string;
  hint?: string;
  width?: string;
  inputmode?: string;
  spellcheck?: boolean;
};

/** GOV.UK text input; a password field never echoes its value. */
export function textInput(o: InputOptions): Html {
  const id = fieldId(o.name);
  const error = o.errors[o.name];
  return html`<div class="${group(error)}">
<label class="govuk-label" for="${id}">${o.label}</label>
${hintOf(id, o.hint)}
${errorMessage(id, error)}
<input class="govuk-input${o.width ? ` govuk-input--width-${o.width}` : ""}${error ? " govuk-input--error" : ""}" id="${id}" name="${o.name}" type="${o.type ?? "text"}"${o.type === "password" ? null : html` value="${o.value ?? ""}"`}${describedBy(id, o.hint, error)}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : null}${o.inputmode ? html` inputmode="${o.inputmode}"` : null}${o.spellcheck === false ? html` spellcheck="false"` : null}>
</div>`;
}

export type SelectOptions = {
  name: string;
  label: string;
  options: { value: string; text: string }[];
  value?: string;
  errors: FieldErrors;
  hint?: string;
};

export function select(o: SelectOptions): Html {
  const id = fieldId(o.name);
  const error = o.errors[o.name];
  return html`<div class="${group(error)}">
<label class="govuk-label" for="${id}">${o.label}</label>
${hintOf(id, o.hint)}
${errorMessage(id, error)}
<select class="govuk-select${error ? " govuk-select--error" : ""}" id="${id}" name="${o.name}"${describedBy(id, o.hint, error)}>
${o.options.map((x) => html`<option value="${x.value}"${x.value === (o.value ?? "") ? html` selected` : null}>${x.text}</option>`)}
</select>
</div>`;
}

export function textarea(name: string, label: string, value: string, errors: FieldErrors, hint?: string): Html {
  const id = fieldId(name);
  const error = errors[name];
  return html`<div class="${group(error)}"><label class="govuk-label" for="${id}">${label}</label>
${hintOf(id, hint)}
${errorMessage(id, error)}
<textarea class="govuk-textarea${error ? " govuk-textarea--error" : ""}" id="${id}" name="${name}" rows="5"${describedBy(id, hint, error)}>${value}</textarea></div>`;
}

/** GOV.UK radios in a fieldset; the first radio carries the id the error summary links to. */
export function radios(
  name: string,
  legend: string,
  options: { value: string; text: string }[],
  value: string,
  errors: FieldErrors,
): Html {
  const id = fieldId(name);
  const error = errors[name];
  return html`<div class="${group(error)}"><fieldset class="govuk-fieldset"${describedBy(id, undefined, error)}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${legend}</legend>
${errorMessage(id, error)}
<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">${options.map(
    (
      o,
      i,
    ) => html`<div class="govuk-radios__item"><input class="govuk-radios__input" id="${i === 0 ? id : `${id}-${i}`}" name="${name}" type="radio" value="${o.value}"${o.value === value ? html` checked` : null}>
<label class="govuk-label govuk-radios__label" for="${i === 0 ? id : `${id}-${i}`}">${o.text}</label></div>`,
  )}</div></fieldset></div>`;
}

export function checkbox(name: string, label: string, checked: boolean): Html {
  const id = fieldId(name);
  return html`<div class="govuk-form-group"><div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes"><div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="${id}" name="${name}" type="checkbox" value="on"${checked ? html` checked` : null}>
<label class="govuk-label govuk-checkboxes__label" for="${id}">${label}</label></div></div></div>`;
}

/** GOV.UK date input (day, month, year in a fieldset); the day field carries the id the error summary links to. */
export function dateInput(name: string, legend: string, values: Fields, errors: FieldErrors, hint?: string): Html {
  const id = fieldId(name);
  const error = errors[name];
  const v = (part: string) => values[`${name}-${part}`] ?? "";
  const field = (part: string, label: string, width: string, first: boolean) =>
    html`<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="${first ? id : `${id}-${part}`}">${label}</label>
<input class="govuk-input govuk-date-input__input govuk-input--width-${width}${error ? " govuk-input--error" : ""}" id="${first ? id : `${id}-${part}`}" name="${name}-${part}" type="text" inputmode="numeric" value="${v(part)}"></div></div>`;
  return html`<div class="${group(error)}"><fieldset class="govuk-fieldset" role="group"${describedBy(id, hint, error)}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${legend}</legend>
${hintOf(id, hint)}
${errorMessage(id, error)}
<div class="govuk-date-input">${field("day", "Day", "2", true)}${field("month", "Month", "2", false)}${field("year", "Year", "4", false)}</div></fieldset></div>`;
}

/** The ISO date a GOV.UK date input gives: "" when all three are empty, "invalid" when partly filled. */
export function dateFrom(values: Fields, name: string): string {
  const [d, m, y] = ["day", "month", "year"].map((p) => (values[`${name}-${p}`] ?? "").trim());
  if (!d && !m && !y) return "";
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return "invalid";
  return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

export const button = (text: string, secondary = false) =>
  html`<button type="submit" class="govuk-button${secondary ? " govuk-button--secondary" : ""}" data-module="govuk-button">${text}</button>`;
