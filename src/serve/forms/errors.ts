/**
 * Form and API-body validation with GOV.UK error messages. Every write-side form and JSON body is
 * checked by a zod schema (one definition per record); `parseForm` runs it and turns what failed into
 * the GOV.UK error summary ("There is a problem" with a link to each field) and the message shown by
 * each field. Messages follow the GOV.UK Design System's wording ("Enter the meeting date", "Title
 * must be 200 characters or fewer"); a schema's own message (`z.string({ error: "..." })`) wins.
 *
 *   const r = parseForm(MinuteForm, body, { labels: { title: "the minute's title" } });
 *   if (!r.ok) return render(form(values, r.errors.fields), 400);   // markup: fields.ts (errorSummary, textInput…)
 *
 * No I/O.
 */
import type { z } from "zod";

/** One line of the error summary: the message and the field it links to. */
export type ErrorLink = { text: string; href: string };

/** The message shown by each field, keyed by field name: what the markup helpers in `fields.ts` take. */
export type FieldErrors = Record<string, string>;

export type FormErrors = {
  /** For the error summary at the top of the page, in the order the fields appear in the schema. */
  summary: ErrorLink[];
  /** The message to show above each field, keyed by field name (`date`, `members.2.name`). */
  fields: FieldErrors;
};

export type FormOptions = {
  /** How each field is named in a sentence, after "Enter": `{ date: "the meeting date" }`. Default: the field name. */
  labels?: Record<string, string>;
  /** The id of each field's input where it is not the field name (a date input's is `date-day`). */
  ids?: Record<string, string>;
};

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };

const key = (path: readonly PropertyKey[]) => path.map(String).join(".");

function sentenceStart(s: string): string {
  return s.replace(/^(the|a|an|your) /i, "").replace(/^./, (c) => c.toUpperCase());
}

/** The GOV.UK message for one issue, when the schema gave none of its own. */
function message(issue: z.core.$ZodRawIssue, labels: Record<string, string>): string {
  const name = key(issue.path ?? []);
  const label = labels[name] ?? (name || "a value");
  const Label = sentenceStart(label);
  const input = issue.input;
  const empty = input === undefined || input === null || input === "";
  switch (issue.code) {
    case "invalid_type":
      if (empty) return `Enter ${label}`;
      return issue.expected === "number" || issue.expected === "int"
        ? `${Label} must be a number`
        : `Enter ${label} in the correct format`;
    case "too_small":
      if (issue.origin === "string")
        return issue.minimum === 1 ? `Enter ${label}` : `${Label} must be ${issue.minimum} characters or more`;
      if (issue.origin === "array" || issue.origin === "set")
        return issue.minimum === 1 ? `Select ${label}` : `Select at least ${issue.minimum} ${label}`;
      return `${Label} must be ${issue.inclusive ? "" : "more than "}${issue.minimum}${issue.inclusive ? " or more" : ""}`;
    case "too_big":
      if (issue.origin === "string") return `${Label} must be ${issue.maximum} characters or fewer`;
      if (issue.origin === "array" || issue.origin === "set") return `Select ${issue.maximum} ${label} or fewer`;
      return `${Label} must be ${issue.inclusive ? "" : "less than "}${issue.maximum}${issue.inclusive ? " or less" : ""}`;
    case "invalid_value":
      return empty ? `Select ${label}` : `Select ${label} from the list`;
    case "invalid_format":
      if (empty) return `Enter ${label}`;
      return issue.format === "email"
        ? `Enter ${label} in the correct format, like name@example.gov.uk`
        : `Enter ${label} in the correct format`;
    case "unrecognized_keys":
      return `Remove ${issue.keys.join(", ")}: this form has no such field`;
    default:
      return `Enter a valid ${label.replace(/^(the|a|an|your) /i, "")}`;
  }
}

/** Runs `schema` over a submitted form or JSON body; on failure, the GOV.UK error summary and field messages. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  input: unknown,
  opts: FormOptions = {},
): FormResult<z.output<S>> {
  const labels = opts.labels ?? {};
  const r = schema.safeParse(input, { error: (issue) => message(issue, labels) });
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, errors: formErrors(r.error, opts) };
}

/** The summary and per-field messages for a zod error: the first problem with each field only, as GOV.UK asks. */
export function formErrors(error: z.ZodError, opts: FormOptions = {}): FormErrors {
  const fields: Record<string, string> = {};
  const summary: ErrorLink[] = [];
  for (const issue of error.issues) {
    const name = key(issue.path);
    if (name in fields) continue;
    fields[name] = issue.message;
    summary.push({
      text: issue.message,
      href: `#${opts.ids?.[name] ?? (name.replaceAll(".", "-") || "main-content")}`,
    });
  }
  return { summary, fields };
}

/** The JSON answer to an API body that failed its schema: the same messages, with the field each is about. */
export function apiErrorBody(errors: FormErrors, status = 400) {
  return {
    error: {
      status,
      message: errors.summary.map((e) => e.text).join(". "),
      fields: Object.entries(errors.fields).map(([field, message]) => ({ field, message })),
    },
  };
}
