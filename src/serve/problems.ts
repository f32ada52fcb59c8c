/**
 * Bad filter input on a public page (a date that is not a date, a page number of "zero", an unknown
 * type): the parameter names and messages `Query` collects in lenient mode, worded for a person, and the
 * GOV.UK error summary at the top of the page ("There is a problem", a link to each field). Views mark
 * their own fields with `fieldProblem`; any page that does not gets the summary anyway, so no bad
 * filter is ever silently dropped. No I/O.
 */
import { errorSummary } from "./forms/fields";
import { type Html, html } from "./html";
import type { View } from "./pages";

/** Field name → what is wrong with it, as shown to the person. */
export type Problems = Record<string, string>;

/** How each filter is named at the start of a sentence. */
const LABELS: Record<string, string> = {
  q: "The search words",
  year: "The year",
  from: "The from date",
  to: "The to date",
  page: "The page number",
  limit: "The number of rows per page",
  committee: "The committee",
  council: "The council",
  type: "The type",
  key: "Key decisions only",
  at: "The line",
};

/** `Query`'s messages ("year must be a four-digit year …") with the parameter named as a person would. */
export function problemMessages(raw: Record<string, string>): Problems {
  const out: Problems = {};
  for (const [name, message] of Object.entries(raw)) {
    const label = LABELS[name] ?? `The ${name} filter`;
    out[name] = message.startsWith(`${name} `)
      ? `${label} ${message.slice(name.length + 1)}`
      : message.replace(/^./, (c) => c.toUpperCase());
  }
  return out;
}

/**
 * The summary for a page's problems; `ids` gives the id of the field each links to where it is not
 * the parameter's own name (parameters with no field link to the top of the main content).
 */
export function problemSummary(problems: Problems, ids: Record<string, string | null> = {}): Html | null {
  if (!Object.keys(problems).length) return null;
  const byId: Problems = {};
  for (const [name, message] of Object.entries(problems)) {
    const id = name in ids ? ids[name] : name;
    byId[id ?? ""] = byId[id ?? ""] ? `${byId[id ?? ""]} ${message}` : message;
  }
  return errorSummary(byId);
}

/** A field's GOV.UK error message (put between its label and its input) and the classes it needs. */
export function fieldProblem(
  problems: Problems,
  name: string,
  id = name,
): { message: Html | null; group: string; input: string; describedBy: string } {
  const m = problems[name];
  return m
    ? {
        message: html`<p id="${id}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${m}</p>`,
        group: " govuk-form-group--error",
        input: " govuk-input--error",
        describedBy: `${id}-error`,
      }
    : { message: null, group: "", input: "", describedBy: "" };
}

/** "Error: " before the title, and the summary above the page's body if the view did not place one. */
export function withProblems(v: View, problems: Problems): View {
  if (!Object.keys(problems).length) return v;
  const placed = v.body.value.includes("govuk-error-summary");
  return {
    ...v,
    title: v.title.startsWith("Error: ") ? v.title : `Error: ${v.title}`,
    body: placed
      ? v.body
      : html`${problemSummary(problems, Object.fromEntries(Object.keys(problems).map((k) => [k, null])))}${v.body}`,
  };
}
