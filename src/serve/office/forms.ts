/**
 * GOV.UK form patterns for the office pages: the error summary linking to each field, the field with
 * its error message, input kept after a failed submission; and zod results turned into those errors.
 * Markup follows the GOV.UK Frontend components as documented (error summary, text input, select, button).
 */
import type { z } from "zod";
import { type Html, html } from "../html";

export type FieldErrors = Record<string, string>;

/** The first message per field of a failed zod parse (the field is the issue's first path element). */
export function zodErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

/** "Error: " goes before the page title when the form has errors (GOV.UK pattern). */
export const errorTitle = (title: string, errors: FieldErrors) =>
  Object.keys(errors).length ? `Error: ${title}` : title;

export function errorSummary(errors: FieldErrors, order: string[] = Object.keys(errors)): Html | null {
  const keys = order.filter((k) => errors[k]).concat(Object.keys(errors).filter((k) => !order.includes(k)));
  if (!keys.length) return null;
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">${keys.map(
    (k) => html`<li><a href="#${k}">${errors[k]}</a></li>`,
  )}</ul></div></div></div>`;
}

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
  /** Labels a page's only field as its heading (GOV.UK "question page"). */
  spellcheck?: boolean;
};

export function textInput(o: InputOptions): Html {
  const error = o.errors[o.name];
  const described = [o.hint ? `${o.name}-hint` : null, error ? `${o.name}-error` : null].filter(Boolean).join(" ");
  return html`<div class="govuk-form-group${error ? " govuk-form-group--error" : ""}">
<label class="govuk-label" for="${o.name}">${o.label}</label>
${o.hint ? html`<div id="${o.name}-hint" class="govuk-hint">${o.hint}</div>` : null}
${error ? html`<p id="${o.name}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error}</p>` : null}
<input class="govuk-input${o.width ? ` govuk-input--width-${o.width}` : ""}${error ? " govuk-input--error" : ""}" id="${o.name}" name="${o.name}" type="${o.type ?? "text"}"${o.type === "password" ? null : html` value="${o.value ?? ""}"`}${described ? html` aria-describedby="${described}"` : null}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : null}${o.inputmode ? html` inputmode="${o.inputmode}"` : null}${o.spellcheck === false ? html` spellcheck="false"` : null}>
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
  const error = o.errors[o.name];
  const described = [o.hint ? `${o.name}-hint` : null, error ? `${o.name}-error` : null].filter(Boolean).join(" ");
  return html`<div class="govuk-form-group${error ? " govuk-form-group--error" : ""}">
<label class="govuk-label" for="${o.name}">${o.label}</label>
${o.hint ? html`<div id="${o.name}-hint" class="govuk-hint">${o.hint}</div>` : null}
${error ? html`<p id="${o.name}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error}</p>` : null}
<select class="govuk-select${error ? " govuk-select--error" : ""}" id="${o.name}" name="${o.name}"${described ? html` aria-describedby="${described}"` : null}>
${o.options.map((x) => html`<option value="${x.value}"${x.value === (o.value ?? "") ? html` selected` : null}>${x.text}</option>`)}
</select>
</div>`;
}

export const button = (text: string, secondary = false) =>
  html`<button type="submit" class="govuk-button${secondary ? " govuk-button--secondary" : ""}" data-module="govuk-button">${text}</button>`;
