/**
 * Safe HTML building for the portal: a tagged template that escapes every interpolated value unless it
 * is already-built markup (Html), so text from scraped council documents can never become markup.
 */

/** Markup that has been built by `html` (or deliberately trusted with `raw`); never escaped again. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for use in element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Trusts a string as markup. Only for constants and for output of this module's own builders. */
export function raw(markup: string): Html {
  return new Html(markup);
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function render(v: Part): string {
  if (v === null || v === undefined || v === false || v === true) return "";
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join("");
  return escapeHtml(String(v));
}

/**
 * Builds markup; interpolated values are escaped, arrays are joined, and null, undefined and booleans
 * render as nothing (so `${cond && html`…`}` works).
 * @example html`<p class="x">${userText}</p>`
 */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

export function join(parts: readonly Html[], separator = ""): Html {
  return new Html(parts.map((p) => p.value).join(escapeHtml(separator)));
}
